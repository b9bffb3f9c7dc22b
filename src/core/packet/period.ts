// Review periods. Every function takes `today` as an argument instead of reading the clock, so a
// packet generated twice from the same folder on the same day is the same packet.
import { isValidDate, type Entry } from '../model/entry';
import { LogError } from '../model/problem';

export type PeriodKind = 'last-6-months' | 'last-12-months' | 'since-promotion' | 'this-year' | 'custom';

export type NamedPeriodKind = Exclude<PeriodKind, 'custom'>;

/** The periods a picker offers besides a custom range, most common first, with their labels. */
export const NAMED_PERIODS: readonly { readonly kind: NamedPeriodKind; readonly label: string }[] = [
  { kind: 'last-12-months', label: 'Last 12 months' },
  { kind: 'last-6-months', label: 'Last 6 months' },
  { kind: 'since-promotion', label: 'Since the last promotion' },
  { kind: 'this-year', label: 'This calendar year' },
];

/** Inclusive YYYY-MM-DD bounds; no `start` means from the first entry of the log. */
export interface Period {
  readonly kind: PeriodKind;
  readonly start?: string;
  readonly end: string;
  /** Words for a person: `the last 12 months`, `since the promotion on 2025-04-01`. */
  readonly label: string;
}

/** The `months` months that end today: for 2026-11-26 and 12, 2025-11-27 to 2026-11-26. */
export function lastMonths(today: string, months: 6 | 12): Period {
  checkDate(today);
  return { kind: months === 6 ? 'last-6-months' : 'last-12-months', start: addDays(subtractMonths(today, months), 1), end: today, label: `the last ${months} months` };
}

/** January 1 of today's year to today. */
export function thisYear(today: string): Period {
  checkDate(today);
  return { kind: 'this-year', start: `${today.slice(0, 4)}-01-01`, end: today, label: `${today.slice(0, 4)} so far` };
}

/** The latest promotion in the log: a `move` entry with `direction: vertical`, not in the future. */
export function lastPromotion(entries: readonly Entry[], today: string): Entry | undefined {
  let latest: Entry | undefined;
  for (const entry of entries) {
    if (entry.type !== 'move' || entry.direction !== 'vertical' || entry.date > today) continue;
    if (!latest || entry.date > latest.date) latest = entry;
  }
  return latest;
}

/**
 * The days after the latest promotion, to today. The promotion's own day belongs to the case
 * that earned it. Undefined when the log records no promotion.
 */
export function sincePromotion(entries: readonly Entry[], today: string): Period | undefined {
  checkDate(today);
  const promotion = lastPromotion(entries, today);
  if (!promotion) return undefined;
  return { kind: 'since-promotion', start: addDays(promotion.date, 1), end: today, label: `since the promotion on ${promotion.date}` };
}

/** A named period ending today; undefined for "since the last promotion" when the log has none. */
export function namedPeriod(kind: NamedPeriodKind, entries: readonly Entry[], today: string): Period | undefined {
  switch (kind) {
    case 'last-6-months':
      return lastMonths(today, 6);
    case 'last-12-months':
      return lastMonths(today, 12);
    case 'this-year':
      return thisYear(today);
    case 'since-promotion':
      return sincePromotion(entries, today);
  }
}

/** The same, for a request that names it: a period since a promotion the log lacks is an error. */
export function requiredNamedPeriod(kind: NamedPeriodKind, entries: readonly Entry[], today: string): Period {
  const period = namedPeriod(kind, entries, today);
  if (!period) throw new LogError('invalid', 'The log records no promotion (a `move` entry with `direction: vertical`), so there is no period since the last one.');
  return period;
}

/** Both bounds inclusive; a missing start means the whole log up to `end`. */
export function customPeriod(start: string | undefined, end: string): Period {
  if (start !== undefined) checkDate(start);
  checkDate(end);
  if (start !== undefined && start > end) throw new LogError('invalid', `The period starts on ${start}, after it ends on ${end}.`);
  return { kind: 'custom', start, end, label: start === undefined ? `everything up to ${end}` : `${start} to ${end}` };
}

export function isInPeriod(date: string, period: Period): boolean {
  return (period.start === undefined || date >= period.start) && date <= period.end;
}

export function entriesInPeriod(entries: readonly Entry[], period: Period): Entry[] {
  return entries.filter((entry) => isInPeriod(entry.date, period));
}

/** `2025-11-27 to 2026-11-26`, or `up to 2026-11-26` for an open start. */
export function periodRange(period: Period): string {
  return period.start === undefined ? `up to ${period.end}` : `${period.start} to ${period.end}`;
}

function checkDate(date: string): void {
  if (!isValidDate(date)) throw new LogError('invalid', `\`${date}\` is not a date in YYYY-MM-DD form.`);
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

/** Same day `months` earlier, clamped to the month's last day (2026-08-31 minus 6 is 2026-02-28). */
function subtractMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return format(new Date(Date.UTC(targetYear, targetMonth - 1, Math.min(day, lastDay))));
}

/** The YYYY-MM-DD day `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return format(new Date(Date.UTC(year, month - 1, day + days)));
}
