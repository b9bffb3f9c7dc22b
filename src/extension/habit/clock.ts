// The time the habit loop runs on. The system clock in use; the integration tests put a test
// clock in its place, so a Friday at 16:00 or a follow-up's day comes when a test says so.
import type * as vscode from 'vscode';
import { localTime } from '../../core/habit/zonedTime';

export interface Clock {
  /** Milliseconds since 1970, as Date.now(). */
  now(): number;
  /** The IANA time zone the user's calendar is in. */
  zone(): string;
  /** Calls `run` once, `ms` from now (as the clock counts). */
  setTimer(ms: number, run: () => void): vscode.Disposable;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  setTimer(ms, run) {
    const timer = setTimeout(run, ms);
    return { dispose: () => clearTimeout(timer) };
  },
};

/** Today as YYYY-MM-DD on the clock's calendar. */
export function todayOf(clock: Clock): string {
  return localTime(clock.now(), clock.zone()).date;
}
