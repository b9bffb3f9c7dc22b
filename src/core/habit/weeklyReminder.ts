// When the weekly nudge to log the week's wins is due. Pure: the instant, the zone and the state
// shared by every window come in, a decision goes out, so weeks, zones, daylight-saving changes,
// snoozes and two windows are all tested without waiting.
import { addDays } from '../packet/period';
import { localTime, weekStartDate, zonedInstant } from './zonedTime';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ReminderSettings {
  readonly enabled: boolean;
  readonly day: Weekday;
  /** HH:MM, 24-hour, local time. */
  readonly time: string;
}

export const DEFAULT_REMINDER: ReminderSettings = { enabled: true, day: 'Friday', time: '16:00' };

/** What every window shares (VS Code's global state): when a nudge was last shown, and any snooze. */
export interface ReminderState {
  readonly lastShownAt?: number;
  readonly snoozedUntil?: number;
}

export interface ReminderInput {
  readonly now: number;
  readonly zone: string;
  readonly settings: ReminderSettings;
  readonly state: ReminderState;
  /** The newest entry's date not after today, if the log has one. */
  readonly lastEntryDate?: string;
}

export type ReminderDecision = { readonly kind: 'off' } | { readonly kind: 'show' } | { readonly kind: 'wait'; readonly until: number };

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `16:00` as hours and minutes; a time that is not one falls back to the default. */
export function parseTime(text: string): { hour: number; minute: number } {
  const match = TIME.exec(text.trim()) ?? TIME.exec(DEFAULT_REMINDER.time);
  return { hour: Number(match?.[1]), minute: Number(match?.[2]) };
}

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

/** The instant of the reminder in the week that starts on `monday`. */
function slotOfWeek(monday: string, settings: ReminderSettings, zone: string): number {
  const { hour, minute } = parseTime(settings.time);
  return zonedInstant(addDays(monday, WEEKDAYS.indexOf(settings.day)), hour, minute, zone);
}

/** The instant a week's days begin: Monday at 00:00 local time. */
function weekStartInstant(monday: string, zone: string): number {
  return zonedInstant(monday, 0, 0, zone);
}

/**
 * Once a week at most, at the chosen day and time or at the first chance after it that week (a
 * missed Friday is caught up on Saturday, not the next week), never when an entry was added since
 * the week began, and at the end of a snooze whatever the day.
 */
export function decideReminder(input: ReminderInput): ReminderDecision {
  const { now, zone, settings, state } = input;
  if (!settings.enabled) return { kind: 'off' };
  const monday = weekStartDate(localTime(now, zone).date);
  const nextMonday = addDays(monday, 7);
  const nextWeek = { kind: 'wait', until: slotOfWeek(nextMonday, settings, zone) } as const;
  const snoozePending = state.snoozedUntil !== undefined && state.snoozedUntil > (state.lastShownAt ?? -Infinity);
  if (snoozePending) {
    if (now < (state.snoozedUntil ?? 0)) return { kind: 'wait', until: state.snoozedUntil ?? 0 };
  } else {
    if (state.lastShownAt !== undefined && state.lastShownAt >= weekStartInstant(monday, zone)) return nextWeek;
    const slot = slotOfWeek(monday, settings, zone);
    if (now < slot) return { kind: 'wait', until: slot };
  }
  // An entry logged after a snoozed nudge (on the weekend, say) answers it as well.
  const askedOn = snoozePending && state.lastShownAt !== undefined ? localTime(state.lastShownAt, zone).date : monday;
  const answeredSince = askedOn < monday ? askedOn : monday;
  if (input.lastEntryDate !== undefined && input.lastEntryDate >= answeredSince) return nextWeek;
  return { kind: 'show' };
}

/** What a shown nudge writes to the shared state. */
export function markShown(state: ReminderState, now: number): ReminderState {
  return { ...state, lastShownAt: now };
}

/** Snooze Until Monday: the next Monday (never today), at the reminder's time. */
export function snoozeUntilMonday(state: ReminderState, now: number, zone: string, settings: ReminderSettings): ReminderState {
  const today = localTime(now, zone).date;
  const monday = addDays(weekStartDate(today), 7);
  const { hour, minute } = parseTime(settings.time);
  return { lastShownAt: state.lastShownAt ?? now, snoozedUntil: zonedInstant(monday, hour, minute, zone) };
}

/** Days from `from` to `to`, both YYYY-MM-DD. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `today`, `yesterday`, `5 days ago`, `3 weeks ago`. */
export function agoText(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  return `${Math.floor(days / 30)} months ago`;
}

/** The nudge's sentence, saying when the last entry was added. */
export function reminderMessage(lastEntryDate: string | undefined, today: string): string {
  if (lastEntryDate === undefined) return 'Time to log this week’s wins? Your growth log has no entries yet.';
  return `Time to log this week’s wins? Your last entry is from ${lastEntryDate} (${agoText(lastEntryDate, today)}).`;
}
