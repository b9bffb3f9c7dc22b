// growth-log: the same core as the extension, for terminals, scripts and pre-commit hooks.
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateProblem, ENTRY_TYPES, isEntryType, normalizeTag, today, type Entry, type NewEntry } from './core/model/entry';
import { formatProblem, LogError, type Problem } from './core/model/problem';
import { tagCounts } from './core/model/entryQuery';
import { planTagChange } from './core/edits/tagEdits';
import { nodeFolderAccess, withNodeLogLock, writeFileAtomic } from './node/nodeFolderAccess';
import { addEntryToFolder, loadStore } from './node/folderLog';
import { runPacketCommand } from './node/packetCommand';
import { runGitCommand } from './node/gitCommand';
import { runExportCommand, runImportCommand } from './node/exportCommand';
import { ladderFromFile } from './core/packet/defaultLadder';
import { LADDER_FILE_NAME } from './core/packet/ladder';
import { levelProblems } from './core/habit/timeInLevel';
import { runDueCommand, runStatusCommand } from './node/habitCommand';
import { runOverviewCommand } from './node/overviewCommand';
import { runLadderCommand } from './node/ladderCommand';

type Write = (s: string) => void;

const USAGE = `Usage: growth-log <command> [options]

Commands:
  validate   Check every entry file; prints file:line:col: error|warning: message
             and exits 1 when there is an error
  list       List entries, newest first
             --json          print entries as JSON (every field, with file and line)
  add        Add an entry to <dir>/<year>.yaml
             --title TEXT    what you did (required)
             --date DATE     YYYY-MM-DD (default: today)
             --type TYPE     ${ENTRY_TYPES.join(', ')}
             --impact TEXT   the result, in numbers where you can
             --tags a,b      tags, comma-separated
             --competencies a,b   criterion ids from the ladder
             --direction D   vertical or horizontal (for --type move)
  tag        Add or remove tags on entries: growth-log tag <id...> --add a,b --remove c
             --add a,b       tags to add (normalized: lower case, spaces as -)
             --remove a,b    tags to remove
  tags       List every tag with its number of entries, most used first
             --json          print [{ "tag", "count" }] as JSON
  packet     Write a promotion-packet draft (growth-log packet --help)
  git        List your commits and merged pull requests as candidate entries, or add
             them with --add (growth-log git --help)
             --repo DIR      a repository (repeatable; default: the current folder)
             --since DATE    first day (default: the newest entry captured from git,
                             else 30 days ago); --until DATE last day (default: today)
             --author EMAIL  whose commits (repeatable; default: user.email)
             --json          print the candidates as JSON
             --add           add one entry per candidate
  export     Write the log as a Markdown brag document, HTML, JSON, CSV or STAR stories
             (growth-log export --help); private entries only with --include-private
             --format F      md, html, json, csv or star
  import     Add the entries of a JSON export that the log does not have yet, by id
             (growth-log import FILE.json)
  due        List the entries whose follow-up day has come; nothing when none is due
             --today DATE    treat DATE as today; --json  print them as JSON
  status     Print the current level and the time in it, entries this month and this
             year, the last entry and the follow-ups due (for a prompt or cron)
             --today DATE    treat DATE as today
  mcp        Serve the log to an AI agent over the Model Context Protocol on
             stdin/stdout (growth-log mcp --help)
  overview   The log at a glance; --svg DIR writes its timeline and coverage charts
             (growth-log overview --help)
  ladder     import FILE.csv [-o FILE]: a levels-by-axes matrix as ladder.yaml;
             levels: the folder's ladder, current and target (growth-log ladder --help)

Common options:
  --dir DIR  the log folder (default: brag)
  -h, --help show this help
`;

class UsageError extends Error {}

export async function main(argv: readonly string[], out: Write, err: Write): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, out, err);
      case 'list':
        return await list(rest, out, err);
      case 'add':
        return await add(rest, out, err);
      case 'tag':
        return await tag(rest, out, err);
      case 'tags':
        return await tags(rest, out);
      case 'packet':
        return await runPacketCommand(rest, out, err);
      case 'git':
        return await runGitCommand(rest, out, err);
      case 'export':
        return await runExportCommand(rest, out, err);
      case 'import':
        return await runImportCommand(rest, out, err);
      case 'due':
        return await runDueCommand(rest, out, err);
      case 'status':
        return await runStatusCommand(rest, out, err);
      case 'mcp':
        // Loaded only for this command: the protocol's schemas take a moment to build, which the
        // other commands (a pre-commit hook's validate) should not pay.
        return await (await import('./node/mcpServer')).runMcpCommand(rest, out, err);
      case 'overview':
        return await runOverviewCommand(rest, out, err);
      case 'ladder':
        return await runLadderCommand(rest, out, err);
      default:
        err(`growth-log: unknown command '${command}'\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`growth-log ${command}: ${(error as Error).message}\n`);
      return 2;
    }
    if (error instanceof LogError) {
      err(`growth-log ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const DIR_OPTION = { dir: { type: 'string', default: 'brag' } } as const satisfies ParseArgsConfig['options'];

function relative(problem: Problem): Problem {
  return { ...problem, file: path.relative(process.cwd(), problem.file) };
}

async function validate(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: DIR_OPTION, strict: true });
  const dir = path.resolve(values.dir);
  const store = await loadStore(dir);
  const entryFiles = store.files.filter((f) => f.isEntryFile);
  if (store.files.length === 0) {
    err(`growth-log validate: there are no .yaml files in ${path.relative(process.cwd(), dir) || '.'}.\n`);
    return 2;
  }
  const ladderFile = path.join(dir, LADDER_FILE_NAME);
  const ladder = ladderFromFile(await nodeFolderAccess(dir).readFile(ladderFile), ladderFile).ladder;
  const problems = [...store.problems, ...levelProblems(store.entries, ladder)].sort((a, b) => (a.file === b.file ? a.range.start.line - b.range.start.line : a.file < b.file ? -1 : 1));
  for (const problem of problems) out(`${formatProblem(relative(problem))}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const files = count(entryFiles.length, 'entry file', 'entry files');
  out(`${files}, ${count(store.entries.length, 'entry', 'entries')}: ${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')}.\n`);
  return errors > 0 ? 1 : 0;
}

async function list(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { ...DIR_OPTION, json: { type: 'boolean', default: false } }, strict: true });
  const store = await loadStore(path.resolve(values.dir));
  for (const problem of store.problems) err(`${formatProblem(relative(problem))}\n`);
  const entries = store.entries;
  if (values.json) {
    out(JSON.stringify(entries.map(toRow), null, 2) + '\n');
  } else {
    for (const e of entries) out(`${e.date}  ${e.type.padEnd(14)} ${e.title}${e.tags.length ? `  ${e.tags.map((t) => `#${t}`).join(' ')}` : ''}\n`);
  }
  return 0;
}

function toRow(entry: Entry): Record<string, unknown> {
  const { range, file, ...fields } = entry;
  delete fields.idRange;
  delete fields.levelRange;
  return { ...fields, file: path.relative(process.cwd(), file), line: range.start.line + 1 };
}

async function add(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      ...DIR_OPTION,
      title: { type: 'string' },
      date: { type: 'string' },
      type: { type: 'string' },
      impact: { type: 'string' },
      tags: { type: 'string' },
      competencies: { type: 'string' },
      direction: { type: 'string' },
    },
  });
  const title = values.title?.trim();
  if (!title) throw new UsageError('--title is required: one line saying what you did.');
  const date = values.date ?? today();
  const problem = dateProblem(date);
  if (problem) throw new UsageError(problem);
  if (values.type !== undefined && !isEntryType(values.type)) throw new UsageError(`'${values.type}' is not an entry type; use one of ${ENTRY_TYPES.join(', ')}.`);
  const direction = values.direction;
  if (direction !== undefined && direction !== 'vertical' && direction !== 'horizontal') throw new UsageError(`'${direction}' is not a direction; use vertical or horizontal.`);
  const split = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const entry: NewEntry = {
    date,
    title,
    type: values.type !== undefined && isEntryType(values.type) ? values.type : undefined,
    impact: values.impact?.trim() || undefined,
    tags: [...new Set(split(values.tags).map(normalizeTag))],
    competencies: split(values.competencies),
    direction,
  };
  const added = await addEntryToFolder(path.resolve(values.dir), entry);
  out(`Added ${added.id} to ${path.relative(process.cwd(), added.file)}.\n`);
  if (added.otherErrors) err('growth-log add: other entry files have errors; run growth-log validate to see them.\n');
  return 0;
}

async function tag(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: { ...DIR_OPTION, add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } },
  });
  const add = splitList(values.add);
  const remove = splitList(values.remove);
  if (positionals.length === 0) throw new UsageError('name the entries to tag by id (growth-log list --json shows the ids).');
  if (add.length === 0 && remove.length === 0) throw new UsageError('say what to change with --add a,b and/or --remove c.');
  const dir = path.resolve(values.dir);
  const result = await withNodeLogLock(dir, async () => {
    const store = await loadStore(dir);
    const unknown = positionals.filter((id) => !store.entry(id));
    if (unknown.length > 0) return { unknown };
    const ids = [...new Set(positionals)];
    const before = new Map(ids.map((id) => [id, store.entry(id)?.tags.join('\n')]));
    const writes = await planTagChange(store, ids, { add, remove });
    for (const write of writes) await writeFileAtomic(write.file, write.after);
    for (const write of writes) await store.reloadFile(write.file, write.after);
    return { tagged: ids.filter((id) => store.entry(id)?.tags.join('\n') !== before.get(id)).length, files: writes.length };
  });
  if (result.unknown) {
    err(`growth-log tag: there is no entry with the id ${result.unknown.map((id) => `\`${id}\``).join(', ')}; nothing was changed.\n`);
    return 2;
  }
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  out(`Tagged ${count(result.tagged, 'entry', 'entries')} in ${count(result.files, 'file', 'files')}.\n`);
  return 0;
}

async function tags(args: readonly string[], out: Write): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { ...DIR_OPTION, json: { type: 'boolean', default: false } }, strict: true });
  const store = await loadStore(path.resolve(values.dir));
  const counts = tagCounts(store.entries);
  if (values.json) out(JSON.stringify(counts, null, 2) + '\n');
  else for (const { tag, count } of counts) out(`${String(count).padStart(4)}  ${tag}\n`);
  return 0;
}

/** `--add a,b --add c` as [a, b, c]. */
function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`growth-log: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
