// The level the user holds and since when. A ladder or a setting may name it; otherwise the log
// says it: the latest promotion (a vertical `move`) that records the `level` it reached.
import type { Entry } from '../model/entry';
import type { Problem } from '../model/problem';
import { findLevel, levelLabel, type Ladder } from '../packet/ladder';

export interface CurrentLevel {
  readonly id: string;
  /** The day of the promotion to it, when the log records one. */
  readonly since?: string;
  /** Where the level comes from: named by the user (setting, ladder, command line) or by the log. */
  readonly source: 'named' | 'log';
}

/** Vertical moves that name a level, not after `today`, oldest first. */
function promotionsWithLevel(entries: readonly Entry[], today: string): Entry[] {
  return entries.filter((e) => e.type === 'move' && e.direction === 'vertical' && e.level !== undefined && e.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The named level when there is one (with the date of the latest promotion to it, if the log
 * has one); else the level of the latest promotion in the log that the ladder knows.
 */
export function currentLevel(entries: readonly Entry[], ladder: Ladder, today: string, named?: string): CurrentLevel | undefined {
  const promotions = promotionsWithLevel(entries, today).filter((e) => findLevel(ladder, e.level ?? '') !== undefined);
  if (named !== undefined) {
    const since = promotions.filter((e) => e.level === named).pop()?.date;
    return { id: named, since, source: 'named' };
  }
  const latest = promotions.pop();
  return latest?.level === undefined ? undefined : { id: latest.level, since: latest.date, source: 'log' };
}

/** Whole months from `since` to `today` (a month counts once its day is reached; clamped at month ends). */
export function monthsBetween(since: string, today: string): number {
  const [y1, m1, d1] = [Number(since.slice(0, 4)), Number(since.slice(5, 7)), Number(since.slice(8, 10))];
  const [y2, m2, d2] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  let months = (y2 - y1) * 12 + (m2 - m1);
  const lastDayOfTodaysMonth = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  if (d2 < d1 && d2 < lastDayOfTodaysMonth) months--;
  return Math.max(0, months);
}

/** `6 months`, `1 year and 2 months`, `less than a month`. */
export function durationText(since: string, today: string): string {
  const months = monthsBetween(since, today);
  if (months === 0) return 'less than a month';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (months < 24) return plural(months, 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? plural(years, 'year') : `${plural(years, 'year')} and ${plural(rest, 'month')}`;
}

/** `Senior Engineer (E4) since 2026-05-30, 6 months`, or the label alone when no date is known. */
export function levelWithTime(ladder: Ladder, level: CurrentLevel, today: string): string {
  const label = levelLabel(ladder, level.id);
  return level.since === undefined ? label : `${label} since ${level.since}, ${durationText(level.since, today)}`;
}

/** A `level` the ladder does not have, at its place, with the ladder's levels to choose from. */
export function levelProblems(entries: readonly Entry[], ladder: Ladder | undefined): Problem[] {
  if (!ladder) return [];
  const problems: Problem[] = [];
  const known = ladder.levels.map((level) => `\`${level.id}\``).join(', ');
  for (const entry of entries) {
    if (entry.level === undefined || entry.levelRange === undefined || findLevel(ladder, entry.level)) continue;
    const which = ladder.isDefault ? 'the built-in ladder' : 'the ladder';
    problems.push({ file: entry.file, range: entry.levelRange, severity: 'warning', message: `\`${entry.level}\` is not a level of ${which} (its levels are ${known}), so this promotion does not set your current level.` });
  }
  return problems;
}
