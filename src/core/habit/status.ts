// Where the habit stands today, for `growth-log status`, the overview and a shell prompt.
import type { Entry } from '../model/entry';
import type { Ladder } from '../packet/ladder';
import { followUpsDue } from './followUps';
import { currentLevel, levelWithTime, type CurrentLevel } from './timeInLevel';

export interface HabitStatus {
  readonly today: string;
  readonly level?: CurrentLevel;
  /** `Senior Software Engineer (L3) since 2026-05-30, 6 months`. */
  readonly levelText?: string;
  readonly entriesThisMonth: number;
  readonly entriesThisYear: number;
  readonly lastEntryDate?: string;
  readonly followUpsDue: readonly Entry[];
}

/** The newest entry's date that is not after today (entries dated ahead are plans, not logging). */
export function lastEntryDate(entries: readonly Entry[], today: string): string | undefined {
  let last: string | undefined;
  for (const entry of entries) if (entry.date <= today && (last === undefined || entry.date > last)) last = entry.date;
  return last;
}

export function habitStatus(entries: readonly Entry[], ladder: Ladder | undefined, today: string, namedLevel?: string): HabitStatus {
  const level = ladder ? currentLevel(entries, ladder, today, namedLevel) : undefined;
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  const past = entries.filter((e) => e.date <= today);
  return {
    today,
    level,
    levelText: level && ladder ? levelWithTime(ladder, level, today) : undefined,
    entriesThisMonth: past.filter((e) => e.date.startsWith(month)).length,
    entriesThisYear: past.filter((e) => e.date.startsWith(year)).length,
    lastEntryDate: lastEntryDate(entries, today),
    followUpsDue: followUpsDue(entries, today),
  };
}
