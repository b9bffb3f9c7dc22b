// The export formats a user picks from, each a pure function from the selection to the file's text.
import { bragDocument } from './bragDocument';
import { csvExport } from './csvExport';
import type { ExportInput } from './exportSelection';
import { htmlExport } from './htmlExport';
import { jsonExport } from './jsonExport';
import { starStories } from './starStories';

export type ExportFormatId = 'md' | 'html' | 'json' | 'csv' | 'star';

export interface ExportFormat {
  readonly id: ExportFormatId;
  readonly label: string;
  readonly description: string;
  /** The file name's start and extension: `brag-2026-11-26.md`. */
  readonly fileStem: string;
  readonly extension: string;
  /** STAR stories are told about entries the user picks, not the whole period. */
  readonly picksEntries: boolean;
  readonly render: (input: ExportInput) => string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'md', label: 'Markdown brag document', description: 'sections by kind of work, to send to a manager', fileStem: 'brag', extension: 'md', picksEntries: false, render: bragDocument },
  { id: 'html', label: 'HTML', description: 'one printable page; print it to PDF from a browser', fileStem: 'brag', extension: 'html', picksEntries: false, render: htmlExport },
  { id: 'json', label: 'JSON', description: 'every field, with file and line; growth-log import reads it back', fileStem: 'growth-log', extension: 'json', picksEntries: false, render: jsonExport },
  { id: 'csv', label: 'CSV', description: 'one row per entry, for a spreadsheet', fileStem: 'growth-log', extension: 'csv', picksEntries: false, render: csvExport },
  { id: 'star', label: 'STAR stories', description: 'Situation, Task, Action, Result for the entries you pick', fileStem: 'star-stories', extension: 'md', picksEntries: true, render: starStories },
];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}

/** `brag-2026-11-26.md`. */
export function exportFileName(format: ExportFormat, today: string): string {
  return `${format.fileStem}-${today}.${format.extension}`;
}
