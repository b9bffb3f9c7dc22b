// The JSON export: every field of every entry, with its file and line, in a document described by
// `schemas/export.schema.json`; and reading such a document back for `growth-log import`, which
// adds the entries whose ids the log does not have yet.
import { dateProblem, ENTRY_KEYS, ENTRY_TYPES, isEntryType, MOVE_DIRECTIONS, STAR_KEYS, type Entry, type MoveDirection, type NewEntry } from '../model/entry';
import { LogError } from '../model/problem';
import type { ExportInput } from './exportSelection';

export const EXPORT_FORMAT_NAME = 'growth-log-export';
export const EXPORT_VERSION = 1;

export function jsonExport(input: ExportInput): string {
  // No `$schema` key: its address is an id, not a place to download from, and an editor would try
  // to; VS Code finds the schema by the file's name (`growth-log-*.json`), and tools by `format`.
  const document = {
    format: EXPORT_FORMAT_NAME,
    version: EXPORT_VERSION,
    exportedOn: input.today,
    period: input.period.start === undefined ? { end: input.period.end } : { start: input.period.start, end: input.period.end },
    ...(input.tag === undefined ? {} : { tag: input.tag }),
    entries: input.entries.map((entry) => jsonEntry(entry, input.fileLabel)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One entry as the export writes it: the keys in the file's usual order, empty ones left out. */
function jsonEntry(entry: Entry, fileLabel: (file: string) => string): Record<string, unknown> {
  const row: Record<string, unknown> = { id: entry.id, date: entry.date, title: entry.title, type: entry.type };
  if (entry.direction !== undefined) row.direction = entry.direction;
  if (entry.level !== undefined) row.level = entry.level;
  row.private = entry.private;
  if (entry.impact !== undefined) row.impact = entry.impact;
  if (entry.followUp !== undefined) row.followUp = entry.followUp;
  row.tags = entry.tags;
  row.competencies = entry.competencies;
  row.links = entry.links;
  row.commits = entry.commits;
  for (const key of ['details', ...STAR_KEYS] as const) if (entry[key] !== undefined) row[key] = entry[key];
  if (Object.keys(entry.extra).length > 0) row.extra = entry.extra;
  row.file = fileLabel(entry.file);
  row.line = entry.range.start.line + 1;
  return row;
}

/** An entry read from an export, ready to be appended: its id is kept. */
export type ImportedEntry = NewEntry & { readonly id: string };

/**
 * The entries of an export's text. Anything that is not such a document is refused with one
 * sentence naming the place (`file:line:col` for JSON that does not parse, the entry's index and
 * key otherwise), and nothing is imported from a document with any mistake.
 */
export function readJsonExport(text: string, file: string): ImportedEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new LogError('invalid', `${file}${jsonErrorPlace(text, error)}: this is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isObject(document) || document.format !== EXPORT_FORMAT_NAME || !Array.isArray(document.entries)) {
    throw new LogError('invalid', `${file} is not a Growth Log JSON export (it needs "format": "${EXPORT_FORMAT_NAME}" and an "entries" list).`);
  }
  if (typeof document.version === 'number' && document.version > EXPORT_VERSION) {
    throw new LogError('invalid', `${file} was written by a newer Growth Log (export version ${document.version}); update Growth Log to import it.`);
  }
  return document.entries.map((value, index) => readEntry(value, `${file}: entries[${index}]`));
}

function readEntry(value: unknown, place: string): ImportedEntry {
  if (!isObject(value)) throw invalid(place, 'is not an object');
  const text = (key: string, required = false): string | undefined => {
    const v = value[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || (required && v.trim() === '')) throw invalid(`${place}.${key}`, required ? 'must be non-empty text' : 'must be text');
    return v;
  };
  const list = (key: string): string[] => {
    const v = value[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((item) => typeof item !== 'string')) throw invalid(`${place}.${key}`, 'must be a list of text');
    return v as string[];
  };
  const id = text('id', true) as string;
  const date = text('date', true) as string;
  const problem = dateProblem(date);
  if (problem) throw invalid(`${place}.date`, problem.replace(/\.$/, ''));
  const title = text('title', true) as string;
  const type = value.type ?? 'project';
  if (!isEntryType(type)) throw invalid(`${place}.type`, `must be one of ${ENTRY_TYPES.join(', ')}`);
  const direction = value.direction;
  if (direction !== undefined && !MOVE_DIRECTIONS.includes(direction as MoveDirection)) throw invalid(`${place}.direction`, 'must be vertical or horizontal');
  if (value.private !== undefined && typeof value.private !== 'boolean') throw invalid(`${place}.private`, 'must be true or false');
  const followUp = text('followUp');
  const followUpProblem = followUp === undefined ? undefined : dateProblem(followUp);
  if (followUpProblem) throw invalid(`${place}.followUp`, followUpProblem.replace(/\.$/, ''));
  const extra = value.extra ?? {};
  if (!isObject(extra)) throw invalid(`${place}.extra`, 'must be an object');
  const clash = Object.keys(extra).find((key) => (ENTRY_KEYS as readonly string[]).includes(key));
  if (clash !== undefined) throw invalid(`${place}.extra.${clash}`, 'is a key Growth Log reads itself; move it out of `extra`');
  return {
    id,
    date,
    title,
    type,
    direction: direction as MoveDirection | undefined,
    level: text('level'),
    private: value.private === true,
    impact: text('impact'),
    followUp,
    tags: list('tags'),
    competencies: list('competencies'),
    links: list('links'),
    commits: list('commits'),
    details: text('details'),
    situation: text('situation'),
    task: text('task'),
    action: text('action'),
    result: text('result'),
    extra,
  };
}

function invalid(place: string, message: string): LogError {
  return new LogError('invalid', `${place} ${message}; nothing was imported.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `:3:14` from the position in a JSON.parse error, when it gives one. */
function jsonErrorPlace(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return '';
  const offset = Number(match[1]);
  const before = text.replace(/^\ufeff/, '').slice(0, offset);
  const line = before.split('\n').length;
  return `:${line}:${offset - before.lastIndexOf('\n')}`;
}
