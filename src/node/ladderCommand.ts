// `growth-log ladder`: import a ladder kept as a levels-by-axes matrix, and list the levels a
// log folder's ladder has (its ladder.yaml, or the built-in one).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { importLadderMatrix } from '../core/ladders/matrixImport';
import { ladderFromFile } from '../core/packet/defaultLadder';
import { LADDER_FILE_NAME, levelAfter } from '../core/packet/ladder';
import { formatProblem } from '../core/model/problem';
import { reportProblems } from './folderLog';
import { nodeFolderAccess, pathExists, writeFileAtomic } from './nodeFolderAccess';

export const LADDER_USAGE = `Usage: growth-log ladder <import|levels> [options]

  import FILE        Turn a levels-by-axes matrix (CSV or TSV: one row per level, one column
                     per axis, cells of bullet lines) into ladder.yaml; what to review goes
                     to stderr
    -o, --output FILE  write it to FILE (such as brag/ladder.yaml) instead of stdout;
                       refuses to replace it without --force
    --force            replace FILE when it exists
    --name TEXT        the ladder's name (default: from the file name)
  levels             List the levels of the folder's ladder, lowest first, with their
                     criteria and which is current and target
    --dir DIR          the log folder (default: brag)
    --json             print them as JSON
`;

type Write = (text: string) => void;

export async function runLadderCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return importCommand(rest, out, err);
  if (sub === 'levels') return levelsCommand(rest, out, err);
  if (sub === '-h' || sub === '--help') {
    out(LADDER_USAGE);
    return 0;
  }
  err(`growth-log ladder: ${sub ? `unknown command '${sub}'` : 'say what to do'}\n\n${LADDER_USAGE}`);
  return 2;
}

async function importCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false }, name: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    err(`growth-log ladder import: name one CSV or TSV file.\n\n${LADDER_USAGE}`);
    return 2;
  }
  const input = positionals[0];
  let text: string;
  try {
    text = await fs.readFile(input, 'utf8');
  } catch (error) {
    err(`growth-log ladder import: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.\n`);
    return 1;
  }
  const output = values.output === undefined ? undefined : path.resolve(values.output);
  const result = importLadderMatrix(text, input, { name: values.name, ladderFile: output ? path.relative(process.cwd(), output) : LADDER_FILE_NAME });
  for (const problem of result.problems) err(`${formatProblem(problem)}\n`);
  if (!result.ladder) return 1;
  const criteria = result.ladder.levels.reduce((n, l) => n + l.criteria.length, 0);
  if (output === undefined) {
    out(result.text);
  } else {
    if (!values.force && (await pathExists(output))) {
      err(`growth-log ladder import: ${values.output} already exists; pass --force to replace it.\n`);
      return 1;
    }
    await fs.mkdir(path.dirname(output), { recursive: true });
    await writeFileAtomic(output, result.text);
    out(`Wrote ${path.relative(process.cwd(), output) || output}: ${result.ladder.levels.length} levels, ${criteria} criteria.\n`);
  }
  err(`Review:\n${result.review.map((line) => `  - ${line}\n`).join('')}`);
  return 0;
}

async function levelsCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values } = parseArgs({ args: [...args], strict: true, options: { dir: { type: 'string', default: 'brag' }, json: { type: 'boolean', default: false } } });
  const access = nodeFolderAccess(path.resolve(values.dir));
  const file = access.fileKey(LADDER_FILE_NAME);
  const parsed = ladderFromFile(await access.readFile(file), file);
  reportProblems(parsed.problems, err);
  const ladder = parsed.ladder;
  if (!ladder) {
    err(`growth-log ladder levels: ${path.relative(process.cwd(), file)} cannot be used as a ladder; fix the problems above.\n`);
    return 1;
  }
  // The target the packet would argue for when none is named: the ladder's, else the next level.
  const target = ladder.target ?? (ladder.current ? levelAfter(ladder, ladder.current)?.id : undefined);
  const rows = ladder.levels.map((level) => ({
    id: level.id,
    title: level.title,
    criteria: level.criteria.length,
    current: level.id === ladder.current,
    target: level.id === target,
  }));
  if (values.json) {
    out(`${JSON.stringify({ name: ladder.name, builtIn: ladder.isDefault, levels: rows }, null, 2)}\n`);
    return 0;
  }
  out(`${ladder.name}${ladder.isDefault ? ' (built in; no ladder.yaml)' : ''}\n`);
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const titleWidth = Math.max(...rows.map((r) => r.title.length));
  for (const row of rows) {
    const marks = [row.current ? 'current' : '', row.target ? 'target' : ''].filter(Boolean).join(', ');
    const line = `${row.id.padEnd(idWidth)}  ${row.title.padEnd(titleWidth)}  ${`${row.criteria} ${row.criteria === 1 ? 'criterion' : 'criteria'}`.padEnd(12)}${marks ? `  ${marks}` : ''}`;
    out(`${line.trimEnd()}\n`);
  }
  return 0;
}
