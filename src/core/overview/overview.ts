// The overview's numbers: the log at a glance over a window of months (24 by default), built
// once and drawn three ways (the webview, the packet's SVG files, the CLI), so they never disagree.
// Pure and deterministic: `today` comes in, nothing reads the clock.
import { followUpsDue } from '../habit/followUps';
import { lastEntryDate } from '../habit/status';
import { currentLevel, levelWithTime } from '../habit/timeInLevel';
import { ENTRY_TYPES, type Entry, type EntryType, type MoveDirection } from '../model/entry';
import { tagCounts } from '../model/entryQuery';
import { criterionEvidenceCounts, MIN_EVIDENCE, type EvidenceStatus } from '../packet/evidence';
import { findLevel, levelLabel, type Ladder } from '../packet/ladder';

/** The months the overview shows when no start is given: two years of reviews. */
export const DEFAULT_OVERVIEW_MONTHS = 24;

/** How many tags the overview lists, most used first. */
export const TOP_TAGS = 10;

export interface OverviewInput {
  /** Every entry of the log; the overview keeps those in its window. */
  readonly entries: readonly Entry[];
  /** Undefined when `ladder.yaml` cannot be used: the overview then has no coverage. */
  readonly ladder?: Ladder;
  readonly targetLevel?: string;
  /** Default: the ladder's `current`. */
  readonly currentLevel?: string;
  readonly today: string;
  /** First day of the window, YYYY-MM-DD; default: the first day of the month 23 months before `until`'s. */
  readonly since?: string;
  /** Last day of the window, YYYY-MM-DD; default: today. */
  readonly until?: string;
}

export interface TimelineMonth {
  /** `2026-03` */
  readonly month: string;
  /** `March 2026` */
  readonly label: string;
  readonly total: number;
  /** Types with entries this month, in the order the format lists types. */
  readonly byType: readonly { readonly type: EntryType; readonly count: number }[];
  /** Role changes this month, oldest first. */
  readonly moves: readonly TimelineMove[];
}

export interface TimelineMove {
  readonly date: string;
  readonly title: string;
  /** Undefined for a `move` that does not say which way. */
  readonly direction?: MoveDirection;
}

export interface Timeline {
  readonly months: readonly TimelineMonth[];
  /** Types that have entries in the window, in the format's order: the chart's legend. */
  readonly types: readonly EntryType[];
  readonly total: number;
}

export type CoverageState = 'explicit' | 'suggested' | 'none';

export interface CoverageCell {
  /** `2026-Q1` */
  readonly quarter: string;
  readonly explicit: number;
  readonly suggested: number;
  readonly state: CoverageState;
}

export interface CoverageRow {
  readonly id: string;
  readonly title: string;
  readonly explicit: number;
  readonly suggested: number;
  readonly status: EvidenceStatus;
  /** Fewer than MIN_EVIDENCE pieces of evidence in the window, as the packet's gaps say. */
  readonly isGap: boolean;
  readonly cells: readonly CoverageCell[];
}

export interface Coverage {
  readonly levelId: string;
  /** `Staff Engineer (L4)` */
  readonly levelLabel: string;
  readonly quarters: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly CoverageRow[];
}

/** What a readiness row's button asks the editor to do. */
export type ReadinessAction = 'listWithoutImpact';

/**
 * One line of the readiness section. Rows are a list, so a new fact (follow-ups due, time in the
 * current level) is one more builder in READINESS_ROWS rather than a new field everywhere.
 */
export interface ReadinessRow {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly tone: 'good' | 'warning' | 'neutral';
  readonly action?: { readonly kind: ReadinessAction; readonly label: string };
}

export interface Overview {
  /** The window, both days included. */
  readonly start: string;
  readonly end: string;
  readonly timeline: Timeline;
  /** Undefined without a usable ladder or target level, with the reason in `coverageMissing`. */
  readonly coverage?: Coverage;
  readonly coverageMissing?: string;
  readonly readiness: readonly ReadinessRow[];
  readonly topTags: readonly { readonly tag: string; readonly count: number }[];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function buildOverview(input: OverviewInput): Overview {
  const { start, end } = overviewWindow(input);
  const entries = input.entries.filter((entry) => entry.date >= start && entry.date <= end);
  const level = input.ladder && input.targetLevel ? findLevel(input.ladder, input.targetLevel) : undefined;
  const coverage = input.ladder && level ? buildCoverage(entries, input.ladder, level.id, start, end) : undefined;
  const context: ReadinessContext = { input, entries, coverage, start, end };
  return {
    start,
    end,
    timeline: buildTimeline(entries, start, end),
    coverage,
    coverageMissing: coverage
      ? undefined
      : !input.ladder
        ? 'The ladder cannot be used; fix the problems in ladder.yaml to see coverage.'
        : input.targetLevel
          ? `The ladder has no level \`${input.targetLevel}\`.`
          : 'Set a target level (`target:` in ladder.yaml or the growthLog.targetLevel setting) to see coverage.',
    readiness: READINESS_ROWS.flatMap((row) => row(context) ?? []),
    topTags: tagCounts(entries).slice(0, TOP_TAGS),
  };
}

/** The window's first and last day: `since`/`until` when given, else 24 whole months up to today. */
export function overviewWindow(input: Pick<OverviewInput, 'today' | 'since' | 'until'>): { start: string; end: string } {
  const end = input.until ?? input.today;
  if (input.since !== undefined) return { start: input.since, end };
  const [year, month] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  const index = year * 12 + (month - 1) - (DEFAULT_OVERVIEW_MONTHS - 1);
  return { start: `${monthKey(Math.floor(index / 12), (index % 12) + 1)}-01`, end };
}

/** Entries of the window without a stated impact: what the readiness button lists. */
export function entriesWithoutImpact(entries: readonly Entry[], window: { start: string; end: string }): Entry[] {
  return entries
    .filter((entry) => entry.date >= window.start && entry.date <= window.end && !entry.impact?.trim())
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `March 2026` for `2026-03`. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Every month from `start`'s to `end`'s, as `YYYY-MM`. */
function monthsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  let index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  const last = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
  for (; index <= last; index++) months.push(monthKey(Math.floor(index / 12), (index % 12) + 1));
  return months;
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function buildTimeline(entries: readonly Entry[], start: string, end: string): Timeline {
  const counts = new Map<string, Map<EntryType, number>>();
  const moves = new Map<string, TimelineMove[]>();
  for (const entry of entries) {
    const month = entry.date.slice(0, 7);
    const byType = counts.get(month) ?? new Map<EntryType, number>();
    byType.set(entry.type, (byType.get(entry.type) ?? 0) + 1);
    counts.set(month, byType);
    if (entry.type === 'move') {
      const list = moves.get(month) ?? [];
      list.push({ date: entry.date, title: entry.title, direction: entry.direction });
      moves.set(month, list);
    }
  }
  const present = new Set(entries.map((entry) => entry.type));
  return {
    months: monthsBetween(start, end).map((month) => {
      const byType = counts.get(month);
      const list = ENTRY_TYPES.flatMap((type) => (byType?.get(type) ? [{ type, count: byType.get(type) ?? 0 }] : []));
      return {
        month,
        label: monthLabel(month),
        total: list.reduce((n, t) => n + t.count, 0),
        byType: list,
        moves: (moves.get(month) ?? []).sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.title < b.title ? -1 : a.title > b.title ? 1 : 0)),
      };
    }),
    types: ENTRY_TYPES.filter((type) => present.has(type)),
    total: entries.length,
  };
}

function buildCoverage(entries: readonly Entry[], ladder: Ladder, levelId: string, start: string, end: string): Coverage {
  const level = findLevel(ladder, levelId);
  const quarters = [...new Set(monthsBetween(start, end).map((month) => quarterOf(`${month}-01`)))];
  // Quarters by month, so the thousands of entries of a month share one string.
  const quarterByMonth = new Map<string, string>();
  const quarterOfEntry = (entry: Entry) => {
    const month = entry.date.slice(0, 7);
    let quarter = quarterByMonth.get(month);
    if (quarter === undefined) quarterByMonth.set(month, (quarter = quarterOf(entry.date)));
    return quarter;
  };
  const counts = level ? criterionEvidenceCounts(entries, level, quarterOfEntry) : [];
  return {
    levelId,
    levelLabel: levelLabel(ladder, levelId),
    quarters: quarters.map((key) => ({ key, label: `${key.slice(0, 4)} ${key.slice(5)}` })),
    rows: counts.map((item) => ({
      id: item.criterion.id,
      title: item.criterion.title,
      explicit: item.explicitTotal,
      suggested: item.suggestedTotal,
      status: item.status,
      isGap: item.isGap,
      cells: quarters.map((quarter) => {
        const e = item.explicit.get(quarter) ?? 0;
        const s = item.suggested.get(quarter) ?? 0;
        return { quarter, explicit: e, suggested: s, state: e > 0 ? 'explicit' : s > 0 ? 'suggested' : 'none' };
      }),
    })),
  };
}

interface ReadinessContext {
  readonly input: OverviewInput;
  /** The window's entries. */
  readonly entries: readonly Entry[];
  readonly coverage?: Coverage;
  readonly start: string;
  readonly end: string;
}

type ReadinessBuilder = (context: ReadinessContext) => ReadinessRow | undefined;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The readiness section, in order. Follow-ups due and the time in the current level join this
 * list as one builder each once the log records them.
 */
const READINESS_ROWS: readonly ReadinessBuilder[] = [
  ({ coverage }) => {
    if (!coverage) return undefined;
    const supported = coverage.rows.filter((row) => !row.isGap).length;
    const gaps = coverage.rows.filter((row) => row.isGap);
    return {
      id: 'criteria',
      label: `Criteria with at least ${MIN_EVIDENCE} pieces of evidence`,
      value: `${supported} of ${coverage.rows.length}`,
      detail: gaps.length === 0 ? `Every criterion of ${coverage.levelLabel} is supported.` : `Gaps: ${gaps.map((g) => g.title).join(', ')}.`,
      tone: gaps.length === 0 ? 'good' : 'warning',
    };
  },
  ({ input }) => {
    // The ladder's `current`, else the latest promotion's `level`, with the time since.
    const current = input.ladder ? currentLevel(input.entries, input.ladder, input.today, input.currentLevel ?? input.ladder.current) : undefined;
    return {
      id: 'current-level',
      label: 'Current level',
      value: current === undefined || !input.ladder ? 'not set' : levelWithTime(input.ladder, current, input.today),
      detail: current === undefined ? 'Set `current:` in ladder.yaml, or record your promotion as a vertical move with its `level`.' : undefined,
      tone: 'neutral',
    };
  },
  ({ input }) => {
    const due = followUpsDue(input.entries, input.today).length;
    if (due === 0) return undefined;
    return { id: 'follow-ups', label: 'Follow-ups due', value: `${due}`, detail: 'Entries whose outcome Growth Log should ask you about.', tone: 'warning' };
  },
  ({ input }) => {
    const last = lastEntryDate(input.entries, input.today);
    return { id: 'last-entry', label: 'Last entry', value: last ?? 'none yet', tone: last === undefined ? 'warning' : 'neutral' };
  },
  ({ entries }) => {
    // Counted here; entriesWithoutImpact lists (and orders) the same entries when the button asks.
    const count = entries.filter((entry) => !entry.impact?.trim()).length;
    return {
      id: 'without-impact',
      label: 'Entries without an impact',
      value: `${count} of ${entries.length}`,
      detail: count === 0 ? 'Every entry says what changed.' : 'An impact in numbers makes an entry evidence.',
      tone: count === 0 ? 'good' : 'warning',
      action: count === 0 ? undefined : { kind: 'listWithoutImpact', label: `List ${plural(count, 'entry', 'entries')} without an impact` },
    };
  },
];
