// What an export holds: the entries of a period (and a tag), private ones left out unless asked
// for, in one order every format shares, with what was left out counted so the output can say so.
import { normalizeTag, type Entry } from '../model/entry';
import { isInPeriod, periodRange, type Period } from '../packet/period';

export interface ExportRequest {
  readonly period: Period;
  /** Only entries with this tag (compared normalized). */
  readonly tag?: string;
  /** Private entries are left out unless this is true. */
  readonly includePrivate?: boolean;
}

/** Everything a format needs; pure data, so every format is a function of it. */
export interface ExportInput extends ExportRequest {
  /** The entries to export, newest first. */
  readonly entries: readonly Entry[];
  /** The day the export is made, printed in it. */
  readonly today: string;
  /** How a file is named in the export: relative to the log folder, so it means the same anywhere. */
  readonly fileLabel: (file: string) => string;
}

/** The entries of `all` an export with `request` holds, and the private ones it leaves out. */
export function selectForExport(all: readonly Entry[], request: ExportRequest): { entries: Entry[]; privateLeftOut: number } {
  const tag = request.tag === undefined ? undefined : normalizeTag(request.tag);
  let privateLeftOut = 0;
  const entries: Entry[] = [];
  for (const entry of all) {
    if (!isInPeriod(entry.date, request.period)) continue;
    if (tag !== undefined && !entry.tags.some((t) => normalizeTag(t) === tag)) continue;
    if (entry.private && !request.includePrivate) {
      privateLeftOut++;
      continue;
    }
    entries.push(entry);
  }
  return { entries: entries.sort(exportOrder), privateLeftOut };
}

/** Newest first; on one day, by file and place, so the order never depends on load order. */
export function exportOrder(a: Entry, b: Entry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line;
}

/**
 * `1 private entry was left out.`, for the message of the command that wrote the file; undefined
 * for none. Never written into the file itself: a reader of the export would learn that there is
 * something the author keeps from them.
 */
export function privateLeftOutNote(count: number): string | undefined {
  if (count === 0) return undefined;
  return `${count} private ${count === 1 ? 'entry was' : 'entries were'} left out.`;
}

/** The one-line description of what was exported: the period, the tag. */
export function scopeText(input: Pick<ExportInput, 'period' | 'tag'>): string {
  const { period } = input;
  const when = period.kind === 'custom' ? periodRange(period) : `${period.label} (${periodRange(period)})`;
  return input.tag === undefined ? when : `${when}, tagged ${normalizeTag(input.tag)}`;
}
