// The CSV export: one row per entry for a calibration spreadsheet. RFC 4180: CRLF between records,
// a field in double quotes when it holds a comma, a quote or a line break, quotes doubled. Lists
// are joined with `; `. A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
// `@`, a tab or a carriage return) gets a leading `'`, so a title such as `=HYPERLINK(…)` stays text.
// (see neutralize for how a reader undoes it).
import type { Entry } from '../model/entry';
import type { ExportInput } from './exportSelection';

export const CSV_COLUMNS = [
  'id',
  'date',
  'title',
  'type',
  'direction',
  'private',
  'impact',
  'tags',
  'competencies',
  'links',
  'details',
  'situation',
  'task',
  'action',
  'result',
  'file',
  'line',
] as const;

export const CSV_LIST_SEPARATOR = '; ';

export function csvExport(input: ExportInput): string {
  const rows = [CSV_COLUMNS.map(String), ...input.entries.map((entry) => csvRow(entry, input.fileLabel))];
  // The byte order mark makes spreadsheet programs read the file as UTF-8 rather than guess.
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvRow(entry: Entry, fileLabel: (file: string) => string): string[] {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: entry.id,
    date: entry.date,
    title: entry.title,
    type: entry.type,
    direction: entry.direction ?? '',
    private: entry.private ? 'true' : 'false',
    impact: entry.impact ?? '',
    tags: entry.tags.join(CSV_LIST_SEPARATOR),
    competencies: entry.competencies.join(CSV_LIST_SEPARATOR),
    links: entry.links.join(CSV_LIST_SEPARATOR),
    details: entry.details ?? '',
    situation: entry.situation ?? '',
    task: entry.task ?? '',
    action: entry.action ?? '',
    result: entry.result ?? '',
    file: fileLabel(entry.file),
    line: String(entry.range.start.line + 1),
  };
  return CSV_COLUMNS.map((column) => neutralize(cells[column]));
}

/**
 * A leading `'` on a cell a spreadsheet would evaluate (the line column and dates never start so).
 * A cell that already starts with quotes before such a character gets one more, so a reader can
 * always undo it: strip one `'` from a cell that starts with `'` and then `'`s and one of them.
 */
export function neutralize(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
