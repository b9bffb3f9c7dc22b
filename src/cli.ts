// growth-log: the same core as the extension, for terminals, scripts and pre-commit hooks.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EntryStore } from './core/store';
import { formatProblem } from './core/problem';
import { nodeFolderAccess } from './node/nodeFolderAccess';

const USAGE = `Usage: growth-log <command> [options]

Commands:
  list       List entries, newest first
             --json          print entries as JSON (with file and line)

Common options:
  --dir DIR  the log folder (default: brag)
  -h, --help show this help
`;

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'list':
      return list(rest, out, err);
    default:
      err(`growth-log: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

async function list(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { dir: { type: 'string', default: 'brag' }, json: { type: 'boolean', default: false } },
  });
  const dir = path.resolve(values.dir ?? 'brag');
  const store = new EntryStore(nodeFolderAccess(dir));
  await store.loadAll();
  for (const problem of store.problems) err(formatProblem({ ...problem, file: path.relative(process.cwd(), problem.file) }));
  const entries = store.entries;
  if (values.json) {
    const rows = entries.map(({ range, file, ...fields }) => ({ ...fields, file: path.relative(process.cwd(), file), line: range.start.line + 1 }));
    out(JSON.stringify(rows, null, 2) + '\n');
  } else {
    for (const e of entries) out(`${e.date}  ${e.type.padEnd(14)} ${e.title}${e.tags.length ? `  ${e.tags.map((t) => `#${t}`).join(' ')}` : ''}\n`);
  }
  return 0;
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
