// Outcome follow-ups: an entry's `followUp` day is when to ask how it turned out. Which are due,
// the dates the choices stand for, and when a window may ask (once a day, across windows).
import type { Entry } from '../model/entry';
import { addDays } from '../packet/period';
import { localTime, zonedInstant } from './zonedTime';

export type FollowUpChoice = '2-weeks' | '1-month' | '3-months';

export const FOLLOW_UP_CHOICES: readonly { readonly choice: FollowUpChoice; readonly label: string }[] = [
  { choice: '2-weeks', label: 'In 2 weeks' },
  { choice: '1-month', label: 'In 1 month' },
  { choice: '3-months', label: 'In 3 months' },
];

/** The day a choice stands for, from `today`; a month later is clamped to the month's last day. */
export function followUpDate(today: string, choice: FollowUpChoice): string {
  if (choice === '2-weeks') return addDays(today, 14);
  const months = choice === '1-month' ? 1 : 3;
  const [year, month, day] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  const index = year * 12 + month - 1 + months;
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Entries whose follow-up day has come, the longest waiting first. */
export function followUpsDue(entries: readonly Entry[], today: string): Entry[] {
  return entries
    .filter((entry) => entry.followUp !== undefined && entry.followUp <= today)
    .sort((a, b) => ((a.followUp ?? '') < (b.followUp ?? '') ? -1 : (a.followUp ?? '') > (b.followUp ?? '') ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface FollowUpNoticeInput {
  readonly now: number;
  readonly zone: string;
  /** When any window last asked about a follow-up (shared state). */
  readonly lastAskedAt?: number;
  /** HH:MM: asking starts at the reminder's time of day. */
  readonly hour: number;
  readonly minute: number;
}

/**
 * A window may ask about a due follow-up once a day, from the reminder's time of day on; the
 * answer is when to look again. Which entry to ask about is `followUpsDue`'s first.
 */
export function decideFollowUpNotice(input: FollowUpNoticeInput): { kind: 'ask' } | { kind: 'wait'; until: number } {
  const { now, zone } = input;
  const today = localTime(now, zone).date;
  const todaysSlot = zonedInstant(today, input.hour, input.minute, zone);
  const tomorrowsSlot = zonedInstant(addDays(today, 1), input.hour, input.minute, zone);
  const askedToday = input.lastAskedAt !== undefined && localTime(input.lastAskedAt, zone).date === today;
  if (askedToday) return { kind: 'wait', until: tomorrowsSlot };
  if (now < todaysSlot) return { kind: 'wait', until: todaysSlot };
  return { kind: 'ask' };
}

/** The notification's question, with a long title shortened. */
export function followUpQuestion(entry: Entry): string {
  const title = entry.title.length > 80 ? `${entry.title.slice(0, 79).trimEnd()}…` : entry.title;
  return `How did “${title}” turn out?`;
}
