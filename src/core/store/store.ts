// The log of one folder: every entry file parsed once and re-parsed one file at a time as it
// changes. Reading and writing bytes is the caller's (VS Code or Node), so this stays pure.
import { dateNumber, makeEntry, today as todayDate, type Entry, type NewEntry, type SourceRange } from '../model/entry';
import type { EntryCache } from './entryCache';
import { checkWritable, encodingProblem } from './fileLimits';
import { deleteEntry, ensureId, eolOf, lineOffset, updateEntry, type EntryHint, type EntryPatch } from '../edits/entryEdits';
import { LogError, type Problem } from '../model/problem';
import { addEntry } from '../edits/entryEdits';
import { parseEntryFile, type ParsedFile } from '../readers/yamlCodec';

/** How the store reaches one log folder. Keys are opaque: paths in the CLI, URIs in VS Code. */
export interface LogFolderAccess {
  /** Keys of every `*.yaml` / `*.yml` file in the log folder (empty when it does not exist). */
  listFiles(): Promise<string[]>;
  /**
   * The file's current text (an open editor's, when there is one), or undefined if missing.
   * Throws a LogError with reason `unreadable` or `too-large` for a name that is not a regular
   * file Growth Log can read (a folder, a device, a file past the size limit): the store keeps
   * that as a problem of the one file.
   */
  readFile(key: string): Promise<string | undefined>;
  /** The key of the file called `name` in the log folder, whether or not it exists. */
  fileKey(name: string): string;
  /**
   * Optional: a cheap token that changes whenever the file's text does (modification time and
   * size), so a cached parse is used without reading the file. Return undefined when unsure,
   * for example for a file open in an editor with unsaved changes.
   */
  version?(key: string): Promise<string | undefined>;
}

export interface PlannedWrite {
  readonly file: string;
  /** The text before the edit, undefined when the file is new. */
  readonly before: string | undefined;
  readonly after: string;
}

/**
 * A change to one entry's text, given the file's current text and the entry as the store has it.
 * `hint` is given when the text is the one the store parsed, so the edit may read only the
 * entry's lines.
 */
export type EntryEdit = (text: string, entry: Entry, hint?: EntryHint) => string;

export interface EntryStoreOptions {
  /** Parses from an earlier session; the store keeps it up to date as files are read. */
  readonly cache?: EntryCache;
}

export function isLogFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

type Listener = () => void;

export class EntryStore {
  private readonly parsed = new Map<string, ParsedFile>();
  /** The text each file had when it was last parsed (entries hold slices of it anyway). */
  private readonly texts = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  /** How many times each file's reload was asked for, so an overtaken read is dropped. */
  private readonly reloadCalls = new Map<string, number>();
  private index: StoreIndex | undefined;
  /**
   * Every entry by id, kept up to date file by file while no id is used in two files (the usual
   * case), so re-reading one file of a large log does not hash every id of the others again.
   * Undefined when it must be built from all files.
   */
  private byId: Map<string, Entry> | undefined;

  constructor(
    private readonly access: LogFolderAccess,
    private readonly options: EntryStoreOptions = {},
  ) {}

  /** Re-reads every file of the folder (using the cache for files whose text did not change). */
  async loadAll(): Promise<void> {
    const keys = await this.access.listFiles();
    const cache = this.options.cache;
    const version = this.access.version?.bind(this.access);
    const loaded = await Promise.all(
      keys.map(async (key) => {
        const token = cache && version ? await version(key) : undefined;
        const cached = token !== undefined ? cache?.lookupVersion(key, token) : undefined;
        if (cached) return { key, cached };
        try {
          return { key, text: await this.access.readFile(key), token };
        } catch (error) {
          return { key, refused: refusedFile(key, error) };
        }
      }),
    );
    this.parsed.clear();
    this.texts.clear();
    for (const file of loaded) {
      if (file.cached) this.parsed.set(file.key, file.cached);
      else if (file.refused) this.parsed.set(file.key, file.refused);
      else if (file.text !== undefined) {
        this.parsed.set(file.key, this.parse(file.key, file.text, file.token));
        this.texts.set(file.key, file.text);
      }
    }
    this.options.cache?.retain(this.parsed.keys());
    this.byId = undefined;
    this.changed();
  }

  /**
   * Re-reads one file after it changed, appeared or disappeared. Pass `text` when the caller
   * already has it (an open editor's buffer); undefined from the access object means deleted.
   */
  async reloadFile(key: string, text?: string): Promise<void> {
    // Reads of one file can overlap (a watcher's event, then a delete's): only the latest call
    // may apply what it read, or a read made before the delete would bring the entries back.
    const call = (this.reloadCalls.get(key) ?? 0) + 1;
    this.reloadCalls.set(key, call);
    const superseded = () => this.reloadCalls.get(key) !== call;
    let current: string | undefined;
    try {
      current = text ?? (await this.access.readFile(key));
    } catch (error) {
      if (superseded()) return;
      const refused = refusedFile(key, error);
      this.texts.delete(key);
      this.replaceIds(this.parsed.get(key), refused);
      this.parsed.set(key, refused);
      this.options.cache?.forget(key);
      this.changed();
      return;
    }
    if (superseded()) return;
    if (current === undefined) {
      this.forgetFile(key);
      return;
    }
    // The same text again (the watcher reporting a write Growth Log already read back, a save
    // without changes): nothing changes, and listeners are not told, so the tree is not redrawn
    // under a user's right-click.
    if (current === this.texts.get(key) && this.parsed.has(key)) return;
    const token = text === undefined && this.options.cache ? await this.access.version?.(key) : undefined;
    if (superseded()) return;
    const before = this.parsed.get(key);
    const previousText = this.texts.get(key);
    const appended = previousText !== undefined ? this.parseAppended(key, previousText, current) : undefined;
    if (appended) this.options.cache?.remember(key, current, appended, token);
    const after = appended ?? this.parse(key, current, token);
    this.parsed.set(key, after);
    this.texts.set(key, current);
    this.replaceIds(before, after);
    this.changed();
  }

  /** Drops a file that was deleted or left the folder. */
  forgetFile(key: string): void {
    this.texts.delete(key);
    const before = this.parsed.get(key);
    if (!before) return;
    this.parsed.delete(key);
    this.options.cache?.forget(key);
    this.replaceIds(before, undefined);
    this.changed();
  }

  get files(): readonly ParsedFile[] {
    return [...this.parsed.values()];
  }

  /** Every valid entry of every file, newest first (ties keep file order); ids are unique. */
  get entries(): readonly Entry[] {
    return this.built().entries;
  }

  /** Problems of every file, and ids used in more than one file. */
  get problems(): readonly Problem[] {
    return this.built().problems;
  }

  /** Every id in use, valid or left out as a duplicate. */
  ids(): Set<string> {
    return new Set(this.built().byId.keys());
  }

  entry(id: string): Entry | undefined {
    return this.built().byId.get(id);
  }

  /** The text change that adds `entry` to the file of its year; nothing is written here. */
  async planAdd(entry: NewEntry): Promise<PlannedWrite & { id: string }> {
    const file = this.access.fileKey(`${(entry.date || todayDate()).slice(0, 4)}.yaml`);
    const before = await this.access.readFile(file);
    const { text, id } = addEntry(before, entry, this.ids(), file, this.tailHint(file, before));
    checkWritable(fileName(file), before, text);
    return { file, before, after: text, id };
  }

  /**
   * The building block of every change to an existing entry: reads the entry's file as it is now
   * and applies `edit` to its text. Tagging, renaming and the like are edits built on this.
   */
  async planEdit(id: string, edit: EntryEdit): Promise<PlannedWrite> {
    const entry = this.entry(id);
    if (!entry) throw notFound(id);
    const before = await this.access.readFile(entry.file);
    if (before === undefined) throw new LogError('not-found', `${entry.file} no longer exists.`);
    const after = edit(before, entry, this.hint(entry, before));
    checkWritable(fileName(entry.file), before, after);
    return { file: entry.file, before, after };
  }

  /**
   * Several edits at once, for tagging many entries: each file is read once and its edits are
   * applied in the given order, each to the text the previous one produced. One write per file
   * whose text changed; every id is checked before any file is read.
   */
  async planEdits(edits: readonly { id: string; edit: EntryEdit }[]): Promise<PlannedWrite[]> {
    const byFile = new Map<string, { entry: Entry; edit: EntryEdit }[]>();
    for (const { id, edit } of edits) {
      const entry = this.entry(id);
      if (!entry) throw notFound(id);
      const list = byFile.get(entry.file);
      if (list) list.push({ entry, edit });
      else byFile.set(entry.file, [{ entry, edit }]);
    }
    const texts = await Promise.all([...byFile.keys()].map((file) => this.access.readFile(file)));
    const writes: PlannedWrite[] = [];
    [...byFile].forEach(([file, list], i) => {
      const before = texts[i];
      if (before === undefined) throw new LogError('not-found', `${file} no longer exists.`);
      let after = before;
      // One change in a file reads only its entry; several are planned together on the whole text.
      if (list.length === 1) after = list[0].edit(after, list[0].entry, this.hint(list[0].entry, before));
      else for (const { entry, edit } of list) after = edit(after, entry);
      if (after === before) return;
      checkWritable(fileName(file), before, after);
      writes.push({ file, before, after });
    });
    return writes;
  }

  planUpdate(id: string, patch: EntryPatch): Promise<PlannedWrite> {
    return this.planEdit(id, (text, entry, hint) => updateEntry(text, id, patch, entry.file, hint));
  }

  planDelete(id: string): Promise<PlannedWrite> {
    return this.planEdit(id, (text, entry, hint) => deleteEntry(text, id, entry.file, hint));
  }

  /** Writes a generated id into the file, so the entry keeps it when its title changes. */
  planEnsureId(id: string): Promise<PlannedWrite> {
    return this.planEdit(id, (text, entry, hint) => ensureId(text, id, entry.file, hint));
  }

  /** Where the entry is, when `text` is the very text the store parsed (so it is known to parse). */
  private hint(entry: Entry, text: string): EntryHint | undefined {
    return this.parsedFrom(entry.file, text) ? { line: entry.range.start.line } : undefined;
  }

  /** Whether the store's entries of `file` were read from `text`. */
  private parsedFrom(file: string, text: string): boolean {
    if (this.texts.get(file) === text) return true;
    // A file loaded from the cache was not read: the cache knows its text's length and hash.
    if (this.texts.has(file) || !this.parsed.has(file) || !this.options.cache?.describes(file, text)) return false;
    this.texts.set(file, text);
    return true;
  }

  /** The next-to-last entry of a file the store parsed from `text`, from which an add reads the list's end. */
  private tailHint(file: string, text: string | undefined): (EntryHint & { id: string }) | undefined {
    const entries = this.parsed.get(file)?.entries;
    if (text === undefined || !entries || entries.length === 0 || !this.parsedFrom(file, text)) return undefined;
    // A file's entries are in the order they are written.
    const from = entries[entries.length - 2] ?? entries[entries.length - 1];
    return { line: from.range.start.line, id: from.id };
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * The parse of `text` when it is `before` with more entries at its end (an add, or typing at the
   * end of an open file): only the list from the last entry the store has is read, and the entries
   * before it are kept, so an add costs what the entry costs rather than the file. Undefined, for a
   * whole parse, unless both are plain: no problem anywhere, the last entry read again as it was.
   */
  private parseAppended(key: string, before: string, text: string): ParsedFile | undefined {
    const previous = this.parsed.get(key);
    const last = previous?.entries[previous.entries.length - 1];
    if (!previous || !last || !previous.isEntryFile || previous.problems.length > 0 || text.length <= before.length || !text.startsWith(before)) return undefined;
    const start = lineOffset(text, last.range.start.line);
    if (start === -1 || !/^[ ]*-[ ]/.test(text.slice(start, start + 200)) || encodingProblem(text, key)) return undefined;
    const read = parseEntryFile(`entries:${eolOf(text)}${text.slice(start)}`, key);
    if (!read.isEntryFile || read.problems.length > 0 || read.entries.length < 2) return undefined;
    // The fragment's first item is on its line 1, the last entry's line in the file.
    const lines = last.range.start.line - 1;
    const shift = (range: SourceRange): SourceRange => ({ start: { line: range.start.line + lines, column: range.start.column }, end: { line: range.end.line + lines, column: range.end.column } });
    const tail = read.entries.map((entry) =>
      // The reader makes every entry with makeEntry, so each has all its keys.
      makeEntry({ ...(entry as Parameters<typeof makeEntry>[0]), range: shift(entry.range), idRange: entry.idRange && shift(entry.idRange), levelRange: entry.levelRange && shift(entry.levelRange) }),
    );
    const again = tail[0];
    if (again.id !== last.id || JSON.stringify(again) !== JSON.stringify(last)) return undefined;
    return { file: key, isEntryFile: true, entries: [...previous.entries.slice(0, -1), ...tail], problems: [] };
  }

  private parse(key: string, text: string, version?: string): ParsedFile {
    const cache = this.options.cache;
    const cached = cache?.lookup(key, text);
    if (cached) {
      if (version !== undefined) cache?.remember(key, text, cached, version);
      return cached;
    }
    let parsed = parseEntryFile(text, key);
    // The entries are still read (only a character or two is wrong); writes to the file are refused.
    const encoding = parsed.isEntryFile ? encodingProblem(text, key) : undefined;
    if (encoding) parsed = { ...parsed, problems: [encoding, ...parsed.problems] };
    cache?.remember(key, text, parsed, version);
    return parsed;
  }

  private changed(): void {
    this.index = undefined;
    for (const listener of [...this.listeners]) listener();
  }

  /** Takes one file's entries out of `byId` and puts its new ones in, unless that makes an id used twice. */
  private replaceIds(before: ParsedFile | undefined, after: ParsedFile | undefined): void {
    const ids = this.byId;
    if (!ids) return;
    // With every id used once, each id of the old file is that file's own.
    if (before) for (const entry of before.entries) ids.delete(entry.id);
    if (!after) return;
    for (const entry of after.entries) {
      if (ids.has(entry.id)) {
        // Which file keeps the id depends on the order of all files: build it all again.
        this.byId = undefined;
        return;
      }
      ids.set(entry.id, entry);
    }
  }

  private built(): StoreIndex {
    if (this.index) return this.index;
    const files = [...this.parsed.keys()].sort().map((key) => this.parsed.get(key) as ParsedFile);
    const runs = files.map((file) => this.sortedRun(file));
    if (this.byId) {
      this.index = { entries: mergeRuns(runs), problems: files.flatMap((file) => file.problems), byId: this.byId };
    } else {
      const index = buildIndex(files, runs);
      this.byId = index.unique ? index.byId : undefined;
      this.index = index;
    }
    return this.index;
  }

  private sortedRun(file: ParsedFile): SortedRun {
    let run = this.sorted.get(file);
    if (!run) this.sorted.set(file, (run = sortedRun(file.entries)));
    return run;
  }

  /** Each file's entries sorted once; the whole log is then a cheap merge of sorted runs. */
  private readonly sorted = new WeakMap<ParsedFile, SortedRun>();
}

/** A name the folder lists but Growth Log cannot read: one problem on that file, no entries. */
function refusedFile(key: string, error: unknown): ParsedFile {
  if (!(error instanceof LogError)) throw error;
  const start = { line: 0, column: 0 };
  return { file: key, isEntryFile: true, entries: [], problems: [{ file: key, range: { start, end: start }, severity: 'error', message: error.message }] };
}

/** The last segment of a path or URI key, as a person knows the file. */
export function fileName(key: string): string {
  const last = key.split(/[\\/]/).pop() ?? key;
  if (!key.includes('://')) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function notFound(id: string): LogError {
  return new LogError('not-found', `There is no entry with the id \`${id}\`; it may have been removed.`);
}

interface StoreIndex {
  readonly entries: readonly Entry[];
  readonly problems: readonly Problem[];
  /** Every id in use, with the entry of the first file (in key order) that uses it. */
  readonly byId: Map<string, Entry>;
}

/**
 * Entries newest first, ties in the order they came in. `keys` holds each date as a number
 * (YYYYMMDD), so merging runs compares numbers read in order rather than the entries' dates,
 * spread over the heap; undefined when a date is not of that form (a damaged parse cache).
 */
interface SortedRun {
  readonly entries: readonly Entry[];
  readonly keys: Float64Array | undefined;
}

function sortedRun(entries: readonly Entry[]): SortedRun {
  const sorted = [...entries].sort(newestFirst);
  const keys = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const key = dateNumber(sorted[i].date);
    if (key < 0) return { entries: sorted, keys: undefined };
    keys[i] = key;
  }
  return { entries: sorted, keys };
}

/**
 * The runs merged into one list newest first; on equal dates an earlier run's entries come first.
 * Each step takes the newest of the runs' next entries, reading only their keys: a log has a
 * file or two per year, and looking through the few runs' next keys allocates nothing but the
 * result, where merging them pairwise builds new lists at every level for the collector.
 */
function mergeRuns(runs: readonly SortedRun[]): Entry[] {
  const keys = runs.map((run) => run.keys);
  if (!isEveryKeyed(keys)) return runs.flatMap((run) => run.entries).sort(newestFirst);
  const merged: Entry[] = [];
  const next = new Array<number>(runs.length).fill(0);
  for (;;) {
    let newest = -1;
    let newestKey = -1;
    for (let r = 0; r < runs.length; r++) {
      // Strictly newer only, so on equal dates the earlier run keeps its place.
      if (next[r] < keys[r].length && keys[r][next[r]] > newestKey) {
        newest = r;
        newestKey = keys[r][next[r]];
      }
    }
    if (newest === -1) return merged;
    merged.push(runs[newest].entries[next[newest]++]);
  }
}

function isEveryKeyed(keys: readonly (Float64Array | undefined)[]): keys is Float64Array[] {
  return keys.every((k) => k !== undefined);
}

/**
 * Entries of all files with ids unique across files; a later file's duplicate is reported and
 * left out. `unique` is true when no id is used twice.
 */
function buildIndex(files: readonly ParsedFile[], runs: readonly SortedRun[]): StoreIndex & { unique: boolean } {
  const byId = new Map<string, Entry>();
  const problems: Problem[] = [];
  const kept: SortedRun[] = [];
  let unique = true;
  files.forEach((file, f) => {
    problems.push(...file.problems);
    const run = runs[f];
    let left: Set<Entry> | undefined;
    for (const entry of run.entries) {
      const first = byId.get(entry.id);
      if (!first) {
        byId.set(entry.id, entry);
        continue;
      }
      unique = false;
      (left ??= new Set()).add(entry);
      // Keys are paths or URIs; in one log folder the file's name is enough to find it.
      const place = `${first.file.split(/[\\/]/).pop() ?? first.file}:${first.range.start.line + 1}`;
      problems.push(
        entry.idGenerated
          ? {
              file: entry.file,
              range: entry.range,
              severity: 'warning',
              message: `The entry at ${place} has the same date and title, so both would get the id \`${entry.id}\`; add an \`id:\` to one of them. This one is left out until then.`,
            }
          : {
              file: entry.file,
              range: entry.idRange ?? entry.range,
              severity: 'error',
              message: `The id \`${entry.id}\` is already used by the entry at ${place}; ids must be unique across files. This entry is left out until you change its id.`,
            },
      );
    }
    kept.push(left ? keptRun(run, left) : run);
  });
  return { entries: mergeRuns(kept), problems, byId, unique };
}

/** A run without the entries in `left`. */
function keptRun(run: SortedRun, left: ReadonlySet<Entry>): SortedRun {
  const entries: Entry[] = [];
  const keys: number[] = [];
  run.entries.forEach((entry, i) => {
    if (left.has(entry)) return;
    entries.push(entry);
    if (run.keys) keys.push(run.keys[i]);
  });
  return { entries, keys: run.keys ? Float64Array.from(keys) : undefined };
}

function newestFirst(a: Entry, b: Entry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
}
