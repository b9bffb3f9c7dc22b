// What the store parsed last time, keyed by file and content, so a window that opens on an
// unchanged log does not parse it again. Plain JSON, for globalStorage or workspaceState.
import { makeEntry, STAR_KEYS, type Entry, type EntryType, type MoveDirection, type SourceRange } from '../model/entry';
import type { Problem } from '../model/problem';
import type { ParsedFile } from '../readers/validation';

/** Bumped whenever parsing or this encoding changes, so old caches are ignored. */
const CACHE_FORMAT = 5;

export interface EntryCacheData {
  readonly format: number;
  readonly files: readonly CachedFile[];
}

interface CachedFile {
  readonly key: string;
  readonly length: number;
  readonly hash: number;
  /** The access object's version token (mtime and size) when the text was read, if it has one. */
  readonly version?: string;
  readonly isEntryFile: boolean;
  /** Entries as arrays: JSON of arrays is a third of the size of objects and parses faster. */
  readonly entries: readonly EncodedEntry[];
  readonly problems: readonly Problem[];
}

type Range4 = [number, number, number, number];

type EncodedEntry = [
  id: string,
  idGenerated: 0 | 1,
  date: string,
  title: string,
  type: EntryType,
  tags: readonly string[],
  competencies: readonly string[],
  links: readonly string[],
  range: Range4,
  optional: {
    impact?: string;
    details?: string;
    direction?: MoveDirection;
    commits?: readonly string[];
    private?: 1;
    situation?: string;
    task?: string;
    action?: string;
    result?: string;
    level?: string;
    followUp?: string;
    idRange?: Range4;
    levelRange?: Range4;
    extra?: Readonly<Record<string, unknown>>;
  },
];

export class EntryCache {
  private readonly byKey = new Map<string, CachedFile>();
  private unsaved = false;

  /** Whether anything changed since the cache was read or last marked saved. */
  get hasChanges(): boolean {
    return this.unsaved;
  }

  /** Says the cache as it is now has been saved. */
  markSaved(): void {
    this.unsaved = false;
  }

  /** A cache from saved data; anything unexpected gives an empty cache rather than an error. */
  static fromJSON(data: unknown): EntryCache {
    const cache = new EntryCache();
    const parsed = typeof data === 'string' ? safeParse(data) : data;
    if (!isCacheData(parsed)) return cache;
    for (const file of parsed.files) cache.byKey.set(file.key, file);
    return cache;
  }

  toJSON(): EntryCacheData {
    return { format: CACHE_FORMAT, files: [...this.byKey.values()] };
  }

  /** The parse of `text` made earlier for this file, when the text is still the same. */
  lookup(key: string, text: string): ParsedFile | undefined {
    const cached = this.byKey.get(key);
    if (!cached || cached.length !== text.length || cached.hash !== textHash(text)) return undefined;
    return toParsed(cached);
  }

  /** Whether the cached parse of the file was made from `text`, without decoding it. */
  describes(key: string, text: string): boolean {
    const cached = this.byKey.get(key);
    return cached !== undefined && cached.length === text.length && cached.hash === textHash(text);
  }

  /** The parse made when the file had this version token, without reading the file. */
  lookupVersion(key: string, version: string): ParsedFile | undefined {
    const cached = this.byKey.get(key);
    return cached && cached.version === version ? toParsed(cached) : undefined;
  }

  remember(key: string, text: string, parsed: ParsedFile, version?: string): void {
    const entries = parsed.entries.map(encode);
    this.byKey.set(key, { key, length: text.length, hash: textHash(text), version, isEntryFile: parsed.isEntryFile, entries, problems: parsed.problems });
    this.unsaved = true;
  }

  forget(key: string): void {
    if (this.byKey.delete(key)) this.unsaved = true;
  }

  /** Drops files that are no longer in the folder. */
  retain(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const key of [...this.byKey.keys()]) if (!keep.has(key)) this.forget(key);
  }
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and with the length a reliable change detector. */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isCacheData(value: unknown): value is EntryCacheData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<EntryCacheData>;
  return data.format === CACHE_FORMAT && Array.isArray(data.files) && data.files.every((f) => typeof f?.key === 'string' && typeof f.hash === 'number' && typeof f.length === 'number' && Array.isArray(f.entries) && Array.isArray(f.problems));
}

function toParsed(cached: CachedFile): ParsedFile {
  return { file: cached.key, isEntryFile: cached.isEntryFile, entries: cached.entries.map((e) => decode(cached.key, e)), problems: cached.problems };
}

function encode(entry: Entry): EncodedEntry {
  const optional: EncodedEntry[9] = {};
  if (entry.impact !== undefined) optional.impact = entry.impact;
  if (entry.details !== undefined) optional.details = entry.details;
  if (entry.direction !== undefined) optional.direction = entry.direction;
  // Optional in the encoding: most entries were not captured from git.
  if (entry.commits.length > 0) optional.commits = entry.commits;
  if (entry.private) optional.private = 1;
  for (const key of STAR_KEYS) if (entry[key] !== undefined) optional[key] = entry[key];
  if (entry.level !== undefined) optional.level = entry.level;
  if (entry.followUp !== undefined) optional.followUp = entry.followUp;
  if (entry.idRange) optional.idRange = encodeRange(entry.idRange);
  if (entry.levelRange) optional.levelRange = encodeRange(entry.levelRange);
  if (Object.keys(entry.extra).length > 0) optional.extra = entry.extra;
  const { id, idGenerated, date, title, type, tags, competencies, links, range } = entry;
  return [id, idGenerated ? 1 : 0, date, title, type, tags, competencies, links, encodeRange(range), optional];
}

function decode(file: string, encoded: EncodedEntry): Entry {
  const [id, idGenerated, date, title, type, tags, competencies, links, range, optional] = encoded;
  return makeEntry({
    id,
    idGenerated: idGenerated === 1,
    date,
    title,
    type,
    impact: optional.impact,
    tags,
    competencies,
    links,
    commits: optional.commits ?? [],
    details: optional.details,
    direction: optional.direction,
    private: optional.private === 1,
    situation: optional.situation,
    task: optional.task,
    action: optional.action,
    result: optional.result,
    level: optional.level,
    followUp: optional.followUp,
    file,
    range: decodeRange(range),
    idRange: optional.idRange ? decodeRange(optional.idRange) : undefined,
    levelRange: optional.levelRange ? decodeRange(optional.levelRange) : undefined,
    extra: optional.extra ?? {},
  });
}

function encodeRange(range: SourceRange): Range4 {
  return [range.start.line, range.start.column, range.end.line, range.end.column];
}

function decodeRange([a, b, c, d]: Range4): SourceRange {
  return { start: { line: a, column: b }, end: { line: c, column: d } };
}
