// How the tree slices the log: filters (text, tags) and groupings (period, tag, type).
// Grouping by competency lives with the evidence rules, so the tree and the packet agree.
import { ENTRY_TYPES, type Entry, type EntryType } from './entry';

export type GroupBy = 'period' | 'tag' | 'type' | 'competency';

export const GROUP_BY_CHOICES: readonly { readonly value: GroupBy; readonly label: string; readonly detail: string }[] = [
  { value: 'period', label: 'Period', detail: 'Year, then month, newest first' },
  { value: 'tag', label: 'Tag', detail: 'Each tag with its count, most used first' },
  { value: 'type', label: 'Type', detail: 'Projects, skills, learning, mentoring, …' },
  { value: 'competency', label: 'Competency', detail: 'The target level’s criteria, with their evidence and gaps' },
];

export function isGroupBy(value: unknown): value is GroupBy {
  return GROUP_BY_CHOICES.some((c) => c.value === value);
}

export interface EntryFilter {
  /** Words that must all appear in the title, impact, details, tags or links (any case). */
  readonly text?: string;
  /** Tags an entry must all have. */
  readonly tags?: readonly string[];
  /** A month, `2026-03`: only entries dated in it (the overview's timeline sets it). */
  readonly month?: string;
}

export function isEmptyFilter(filter: EntryFilter): boolean {
  return !filter.text?.trim() && !filter.tags?.length && !filter.month;
}

/** One line for the view's description: `“postgres” #infra`. */
export function describeFilter(filter: EntryFilter): string {
  const parts: string[] = [];
  if (filter.text?.trim()) parts.push(`“${filter.text.trim()}”`);
  for (const tag of filter.tags ?? []) parts.push(`#${tag}`);
  if (filter.month) parts.push(`${MONTHS[Number(filter.month.slice(5, 7)) - 1] ?? filter.month.slice(5, 7)} ${filter.month.slice(0, 4)}`);
  return parts.join(' ');
}

export function filterEntries(entries: readonly Entry[], filter: EntryFilter): Entry[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const tags = filter.tags ?? [];
  const month = filter.month ? `${filter.month}-` : undefined;
  return entries.filter((entry) => {
    if (month && !entry.date.startsWith(month)) return false;
    if (!tags.every((tag) => entry.tags.includes(tag))) return false;
    if (words.length === 0) return true;
    const haystack = [entry.title, entry.impact ?? '', entry.details ?? '', entry.type, ...entry.tags, ...entry.links].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export interface EntryGroup {
  /** Stable within a grouping, for tree ids. */
  readonly key: string;
  readonly label: string;
  readonly entries: readonly Entry[];
  readonly children: readonly EntryGroup[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Years, each with its months, newest first; entries keep the order they came in. */
export function groupByPeriod(entries: readonly Entry[]): EntryGroup[] {
  const years = bucket(entries, (e) => [e.date.slice(0, 4)]);
  return [...years.keys()]
    .sort((a, b) => b.localeCompare(a))
    .map((year) => {
      const inYear = years.get(year) ?? [];
      const months = bucket(inYear, (e) => [e.date.slice(5, 7)]);
      const children = [...months.keys()]
        .sort((a, b) => b.localeCompare(a))
        .map((month) => ({ key: `period:${year}-${month}`, label: `${MONTHS[Number(month) - 1] ?? month} ${year}`, entries: months.get(month) ?? [], children: [] }));
      return { key: `period:${year}`, label: year, entries: inYear, children };
    });
}

/** Each tag with its entries, most used first (then by name); untagged entries last. */
export function groupByTag(entries: readonly Entry[]): EntryGroup[] {
  const tags = bucket(entries, (e) => (e.tags.length ? e.tags : ['']));
  const groups = [...tags.entries()]
    .filter(([tag]) => tag !== '')
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .map(([tag, list]) => ({ key: `tag:${tag}`, label: tag, entries: list, children: [] }));
  const untagged = tags.get('');
  if (untagged) groups.push({ key: 'tag:', label: 'No tags', entries: untagged, children: [] });
  return groups;
}

/** One group per type that has entries, in the order types are listed in the format. */
export function groupByType(entries: readonly Entry[]): EntryGroup[] {
  const types = bucket(entries, (e) => [e.type]);
  return ENTRY_TYPES.filter((t) => types.has(t)).map((type: EntryType) => ({ key: `type:${type}`, label: type, entries: types.get(type) ?? [], children: [] }));
}

/** Every tag in use with its count, most used first: what a tag pick list offers. */
export function tagCounts(entries: readonly Entry[]): { tag: string; count: number }[] {
  // Counted, not grouped: the overview asks for this over thousands of entries on every change.
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (let i = 0; i < entry.tags.length; i++) {
      const tag = entry.tags[i];
      // A tag listed twice in one entry counts once, as in groupByTag.
      if (tag === '' || entry.tags.indexOf(tag) !== i) continue;
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([tag, count]) => ({ tag, count }));
}

function bucket(entries: readonly Entry[], keys: (entry: Entry) => readonly string[]): Map<string, Entry[]> {
  const map = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const key of new Set(keys(entry))) {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    }
  }
  return map;
}
