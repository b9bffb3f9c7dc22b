// What the store parsed last time, keyed by file and content, so a window that opens on an
// unchanged log does not parse it again. Plain JSON, for globalStorage or workspaceState.
import type { ParsedFile } from './validation';

/** Bumped whenever parsing changes what it produces, so old caches are ignored. */
const CACHE_FORMAT = 1;

export interface EntryCacheData {
  readonly format: number;
  readonly files: readonly CachedFile[];
}

interface CachedFile {
  readonly key: string;
  readonly length: number;
  readonly hash: number;
  readonly parsed: ParsedFile;
}

export class EntryCache {
  private readonly byKey = new Map<string, CachedFile>();

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
    return cached.parsed;
  }

  remember(key: string, text: string, parsed: ParsedFile): void {
    this.byKey.set(key, { key, length: text.length, hash: textHash(text), parsed });
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  /** Drops files that are no longer in the folder. */
  retain(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const key of [...this.byKey.keys()]) if (!keep.has(key)) this.byKey.delete(key);
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
  return data.format === CACHE_FORMAT && Array.isArray(data.files) && data.files.every((f) => typeof f?.key === 'string' && typeof f.hash === 'number' && typeof f.length === 'number' && typeof f.parsed === 'object');
}
