// `growth-log export` and `growth-log import`: the log in the formats a review asks for, to
// stdout or a file; and a JSON export's entries added back to a log, by id, as appends.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportFormat } from '../core/export/exportFormats';
import { privateLeftOutNote, selectForExport, type ExportInput } from '../core/export/exportSelection';
import { readJsonExport } from '../core/export/jsonExport';
import { isValidDate, today as todayDate } from '../core/model/entry';
import { LogError } from '../core/model/problem';
import { reportProblems } from './folderLog';
import { choosePeriod } from '../core/packet/packet';
import { NAMED_PERIODS, type NamedPeriodKind } from '../core/packet/period';
import { EntryStore } from '../core/store/store';
import { nodeFolderAccess, pathExists, withNodeLogLock, writeFileAtomic } from './nodeFolderAccess';

type Write = (text: string) => void;

export const EXPORT_USAGE = `Usage: growth-log export --format FORMAT [options]

Writes the log's entries of a period in one of these formats:
${EXPORT_FORMATS.map((f) => `  ${f.id.padEnd(5)} ${f.label}: ${f.description}`).join('\n')}

Private entries (private: true) are left out unless --include-private is given; the
number left out is printed on stderr, never written into the export.

Options:
  --format FORMAT    md, html, json, csv or star (required)
  --period NAME      last-6-months, last-12-months (default), this-year or since-promotion
  --since DATE       start of a custom period, YYYY-MM-DD (inclusive)
  --until DATE       end of a custom period, YYYY-MM-DD (inclusive, default: today)
  --today DATE       treat DATE as today, for a reproducible export
  --tag TAG          only entries with this tag
  --id ID            for star: the entries to tell (repeatable; default: every entry
                     of the period)
  --include-private  include private entries
  -o, --output FILE  write to FILE instead of stdout; refuses to replace it without --force
  --force            replace FILE when it exists
  --dir DIR          the log folder (default: brag)
  -h, --help         show this help
`;

export const IMPORT_USAGE = `Usage: growth-log import FILE.json [--dir DIR]

Adds the entries of a JSON export (growth-log export --format json) whose ids the log does
not have yet, each appended to <dir>/<year>.yaml. Entries already in the log are left as
they are. A file with any mistake imports nothing.
`;

export async function runExportCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        format: { type: 'string' },
        period: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        today: { type: 'string' },
        tag: { type: 'string' },
        id: { type: 'string', multiple: true },
        'include-private': { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        dir: { type: 'string', default: 'brag' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError('export', error instanceof Error ? error.message : String(error), EXPORT_USAGE, err);
  }
  const values = parsed.values;
  if (values.help) {
    out(EXPORT_USAGE);
    return 0;
  }
  const format = values.format === undefined ? undefined : exportFormat(values.format);
  if (!format) {
    const given = values.format === undefined ? 'is required' : `\`${values.format}\` is not one of them`;
    return usageError('export', `--format ${given}: ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.`, EXPORT_USAGE, err);
  }
  for (const option of ['since', 'until', 'today'] as const) {
    const value = values[option];
    if (value !== undefined && !isValidDate(value)) return usageError('export', `--${option} \`${value}\` is not a date in YYYY-MM-DD form.`, EXPORT_USAGE, err);
  }
  const period = values.period;
  if (period !== undefined && !NAMED_PERIODS.some((p) => p.kind === period)) {
    return usageError('export', `--period \`${period}\` is not one of ${NAMED_PERIODS.map((p) => p.kind).join(', ')}.`, EXPORT_USAGE, err);
  }
  if (values.id !== undefined && !format.picksEntries) return usageError('export', '--id picks the entries of STAR stories; use it with --format star.', EXPORT_USAGE, err);

  const dir = path.resolve(values.dir ?? 'brag');
  const store = new EntryStore(nodeFolderAccess(dir));
  await store.loadAll();
  reportProblems(store.problems, err);
  const today = values.today ?? todayDate();
  const includePrivate = values['include-private'] ?? false;
  let input: ExportInput;
  try {
    const chosen = choosePeriod({ entries: store.entries, today, period: period as NamedPeriodKind | undefined, since: values.since, until: values.until });
    const selection = selectForExport(store.entries, { period: chosen, tag: values.tag, includePrivate });
    let entries = selection.entries;
    if (values.id !== undefined) {
      const ids = new Set(values.id);
      const missing = [...ids].filter((id) => !entries.some((e) => e.id === id));
      if (missing.length > 0) throw new LogError('not-found', `no entry of the period${values.tag === undefined ? '' : ' and tag'} has the id ${missing.map((id) => `\`${id}\``).join(', ')}${includePrivate ? '' : ' (private entries need --include-private)'}.`);
      entries = entries.filter((e) => ids.has(e.id));
    }
    const note = privateLeftOutNote(selection.privateLeftOut);
    if (note) err(`growth-log export: ${note} Pass --include-private to include them.\n`);
    input = { period: chosen, tag: values.tag, includePrivate, entries, today, fileLabel: (file) => path.relative(dir, file).split(path.sep).join('/') };
  } catch (error) {
    if (error instanceof LogError) {
      err(`growth-log export: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const text = format.render(input);
  if (values.output === undefined) {
    out(text);
    return 0;
  }
  const file = path.resolve(values.output);
  if (!values.force && (await pathExists(file))) {
    err(`growth-log export: ${values.output} already exists; pass --force to replace it.\n`);
    return 1;
  }
  await writeFileAtomic(file, text);
  out(`Wrote ${input.entries.length} ${input.entries.length === 1 ? 'entry' : 'entries'} to ${path.relative(process.cwd(), file) || file}\n`);
  return 0;
}

export async function runImportCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], strict: true, allowPositionals: true, options: { dir: { type: 'string', default: 'brag' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    return usageError('import', error instanceof Error ? error.message : String(error), IMPORT_USAGE, err);
  }
  if (parsed.values.help) {
    out(IMPORT_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) return usageError('import', 'name one JSON export to import.', IMPORT_USAGE, err);
  const source = parsed.positionals[0];
  let text: string;
  try {
    text = await fs.readFile(source, 'utf8');
  } catch (error) {
    err(`growth-log import: cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
    return 1;
  }
  const imported = readJsonExport(text, source);
  const dir = path.resolve(parsed.values.dir ?? 'brag');
  // Reading the log's ids, planning and writing are one step under the folder's lock, so an entry
  // added meanwhile by another writer is not added twice.
  const result = await withNodeLogLock(dir, async () => {
    const store = new EntryStore(nodeFolderAccess(dir));
    await store.loadAll();
    const present = store.ids();
    const added: string[] = [];
    const files = new Set<string>();
    // Oldest first, as people keep their files; an export lists the newest first.
    const ordered = [...imported].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const entry of ordered) {
      if (present.has(entry.id)) continue;
      const plan = await store.planAdd(entry);
      await writeFileAtomic(plan.file, plan.after);
      await store.reloadFile(plan.file, plan.after);
      present.add(plan.id);
      added.push(plan.id);
      files.add(plan.file);
    }
    return { added, files: files.size };
  });
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const skipped = imported.length - result.added.length;
  if (result.added.length === 0) out(`Nothing to import: ${imported.length === 0 ? `${source} has no entries` : `every entry of ${source} is already in the log`}.\n`);
  else out(`Imported ${count(result.added.length, 'entry', 'entries')} into ${count(result.files, 'file', 'files')}${skipped > 0 ? `; ${count(skipped, 'entry was', 'entries were')} already in the log` : ''}.\n`);
  return 0;
}

function usageError(command: string, message: string, usage: string, err: Write): number {
  err(`growth-log ${command}: ${message}\n\n${usage}`);
  return 2;
}
