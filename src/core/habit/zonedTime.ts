// Wall-clock time in a time zone, from an instant and back. The habit loop speaks in local time
// ("Fridays at 16:00"), while clocks and shared state hold instants (milliseconds since 1970);
// Intl does the zone arithmetic, including daylight-saving changes, with no clock read here.

import { addDays } from '../packet/period';

export interface LocalTime {
  /** YYYY-MM-DD as the zone's calendar shows it. */
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
  /** 0 for Monday to 6 for Sunday: weeks start on Monday. */
  readonly weekday: number;
}

const DAY_MS = 86_400_000;

// Made per call: the habit loop asks a handful of times a day, and a cache would be module state.
function formatter(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The wall-clock time in `zone` at the instant `ms`. */
export function localTime(ms: number, zone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, hour: Number(parts.hour) % 24, minute: Number(parts.minute), weekday: weekdayOf(date) };
}

/** 0 (Monday) to 6 (Sunday) for a YYYY-MM-DD day. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day + 6) % 7;
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (positive east of Greenwich). */
function offsetAt(ms: number, zone: string): number {
  const local = localTime(ms, zone);
  const asUtc = Date.parse(`${local.date}T00:00:00Z`) + (local.hour * 60 + local.minute) * 60_000;
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant the zone's clocks show `date` at `hour:minute`. A time skipped by a
 * daylight-saving change (02:30 on a spring-forward night) is the same time after the gap
 * (03:30); a time that happens twice (the autumn hour) is its first occurrence.
 */
export function zonedInstant(date: string, hour: number, minute: number, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  const shows = (ms: number) => {
    const local = localTime(ms, zone);
    return local.date === date && local.hour === hour && local.minute === minute;
  };
  // In a gap neither reading exists; the offset from before the change lands past the gap.
  return candidates.find(shows) ?? wall - before;
}

/** The day of the Monday that starts the week holding `date`. */
export function weekStartDate(date: string): string {
  return addDays(date, -weekdayOf(date));
}
