// The entry model: what one piece of evidence in the log is, independent of how it is stored.

export const ENTRY_TYPES = [
  'project',
  'skill',
  'learning',
  'responsibility',
  'leadership',
  'mentoring',
  'collaboration',
  'network',
  'recognition',
  'move',
] as const;

export type EntryType = (typeof ENTRY_TYPES)[number];

export const DEFAULT_ENTRY_TYPE: EntryType = 'project';

export type MoveDirection = 'vertical' | 'horizontal';

/** Zero-based, like VS Code's Position; printed one-based as file:line:col. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

/** The fields of an entry as the user means them, after validation. */
export interface EntryFields {
  readonly date: string;
  readonly title: string;
  readonly type: EntryType;
  readonly impact?: string;
  readonly tags: readonly string[];
  readonly competencies: readonly string[];
  readonly links: readonly string[];
  /** Full hashes of the commits the entry was captured from: how git capture knows what is logged. */
  readonly commits: readonly string[];
  readonly details?: string;
  readonly direction?: MoveDirection;
  /** `private: true`: kept out of packets and exports unless the user asks to include it. */
  readonly private: boolean;
  /** The four parts of a STAR story, when the user wrote them; exports fall back to details and impact. */
  readonly situation?: string;
  readonly task?: string;
  readonly action?: string;
  readonly result?: string;
  /** On a vertical `move`: the id of the ladder level reached; the time in level counts from it. */
  readonly level?: string;
  /** YYYY-MM-DD, a real day: when to ask how the entry turned out. */
  readonly followUp?: string;
}

/** The optional STAR keys, in the order a story tells them. */
export const STAR_KEYS = ['situation', 'task', 'action', 'result'] as const;

export type StarKey = (typeof STAR_KEYS)[number];

/** Keys of an entry the model reads; any other key is kept as it is in `extra`. */
export const ENTRY_KEYS = ['id', 'date', 'title', 'type', 'direction', 'level', 'private', 'impact', 'followUp', 'tags', 'competencies', 'links', 'commits', 'details', 'situation', 'task', 'action', 'result'] as const;

export const MOVE_DIRECTIONS: readonly MoveDirection[] = ['vertical', 'horizontal'];

/** An entry as read from a file: where it is, and whether its id is written there. */
export interface Entry extends EntryFields {
  /** The id written in the file, or one derived from date and title when the file has none. */
  readonly id: string;
  /** True when `id` is not in the file yet (it is written on the entry's first edit). */
  readonly idGenerated: boolean;
  /** Path of the file, as the store was given it. */
  readonly file: string;
  /** From the entry's first key to its last character, for revealing the entry in an editor. */
  readonly range: SourceRange;
  /** Where the id's value is written, when it is written. */
  readonly idRange?: SourceRange;
  /** Where `level`'s value is written, for the problem when the ladder has no such level. */
  readonly levelRange?: SourceRange;
  /** Keys the model does not know (`hours: 12`, `team: payments`), with their values, untouched. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * Builds an entry with every field present, optional ones as undefined, always in this order:
 * entries from the reader and from the cache then share one object shape, which keeps the
 * property reads of the tree, the evidence scan and the packet monomorphic over thousands of them.
 */
export function makeEntry(fields: {
  readonly id: string;
  readonly idGenerated: boolean;
  readonly date: string;
  readonly title: string;
  readonly type: EntryType;
  readonly impact: string | undefined;
  readonly tags: readonly string[];
  readonly competencies: readonly string[];
  readonly links: readonly string[];
  readonly commits: readonly string[];
  readonly details: string | undefined;
  readonly direction: MoveDirection | undefined;
  readonly private: boolean;
  readonly situation: string | undefined;
  readonly task: string | undefined;
  readonly action: string | undefined;
  readonly result: string | undefined;
  readonly level: string | undefined;
  readonly followUp: string | undefined;
  readonly file: string;
  readonly range: SourceRange;
  readonly idRange: SourceRange | undefined;
  readonly levelRange: SourceRange | undefined;
  readonly extra: Readonly<Record<string, unknown>>;
}): Entry {
  return {
    id: fields.id,
    idGenerated: fields.idGenerated,
    date: fields.date,
    title: fields.title,
    type: fields.type,
    impact: fields.impact,
    tags: fields.tags,
    competencies: fields.competencies,
    links: fields.links,
    commits: fields.commits,
    details: fields.details,
    direction: fields.direction,
    private: fields.private,
    situation: fields.situation,
    task: fields.task,
    action: fields.action,
    result: fields.result,
    level: fields.level,
    followUp: fields.followUp,
    file: fields.file,
    range: fields.range,
    idRange: fields.idRange,
    levelRange: fields.levelRange,
    extra: fields.extra,
  };
}

/** What a capture flow collects: the fields, before an id is chosen. */
export interface NewEntry {
  /** The id to write when it is free (an import keeps the ids of its entries); else one is made. */
  readonly id?: string;
  readonly date: string;
  readonly title: string;
  readonly type?: EntryType;
  readonly impact?: string;
  readonly tags?: readonly string[];
  readonly competencies?: readonly string[];
  readonly links?: readonly string[];
  readonly commits?: readonly string[];
  readonly details?: string;
  readonly direction?: MoveDirection;
  readonly private?: boolean;
  readonly situation?: string;
  readonly task?: string;
  readonly action?: string;
  readonly result?: string;
  /** Keys the model does not know, written after the others (an import keeps them). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly level?: string;
  readonly followUp?: string;
}

export function isEntryType(value: unknown): value is EntryType {
  return typeof value === 'string' && (ENTRY_TYPES as readonly string[]).includes(value);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date of the form YYYY-MM-DD as the number YYYYMMDD, which orders as the text does, or -1 for
 * text of any other form. Whether the day exists is `isValidDate`'s question, not this one's.
 */
export function dateNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  let number = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** True for a real calendar day written as YYYY-MM-DD (so 2026-02-30 is refused). */
export function isValidDate(text: string): boolean {
  return dateProblem(text) === undefined;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `text` is not a date Growth Log accepts, as one sentence for the user, or undefined when it
 * is a real day written YYYY-MM-DD. Text already in that form is told what is wrong with the day
 * rather than how to write a date. The text is taken as it is: callers with typed input trim it.
 */
export function dateProblem(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return `\`${text}\` is not a calendar date; write the date as YYYY-MM-DD, for example 2026-11-20.`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `\`${text}\` is not a calendar date: there is no month ${month}.`;
  if (day < 1) return `\`${text}\` is not a calendar date: there is no day 0.`;
  const days = daysInMonth(year, month);
  if (day > days) return `\`${text}\` is not a calendar date: ${MONTH_NAMES[month - 1]} ${match[1]} has ${days} days.`;
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone drift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today in the local time zone, as the user reads a calendar. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A readable id: the date plus a slug of the title (`2026-11-20-led-the-billing-migration`). */
export function makeEntryId(date: string, title: string, taken: ReadonlySet<string> = new Set()): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
  const base = slug ? `${date}-${slug}` : date;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Tags are compared and stored normalized: trimmed, lower case, inner spaces as `-`. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, '-');
}
