// The log of one folder: every entry file parsed once and re-parsed one file at a time as it
// changes. Reading and writing bytes is the caller's (VS Code or Node), so this stays pure.
import { today as todayDate, type Entry, type NewEntry } from './entry';
import type { Problem } from './problem';
import { addEntry, parseEntryFile, type ParsedFile } from './yamlCodec';

/** How the store reaches one log folder. Keys are opaque: paths in the CLI, URIs in VS Code. */
export interface LogFolderAccess {
  /** Keys of every `*.yaml` / `*.yml` file in the log folder (empty when it does not exist). */
  listFiles(): Promise<string[]>;
  /** The file's current text (an open editor's, when there is one), or undefined if missing. */
  readFile(key: string): Promise<string | undefined>;
  /** The key of the file called `name` in the log folder, whether or not it exists. */
  fileKey(name: string): string;
}

export interface PlannedWrite {
  readonly file: string;
  /** The text before the edit, undefined when the file is new. */
  readonly before: string | undefined;
  readonly after: string;
}

export function isLogFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

type Listener = () => void;

export class EntryStore {
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly access: LogFolderAccess) {}

  /** Re-reads every file of the folder. */
  async loadAll(): Promise<void> {
    const keys = await this.access.listFiles();
    const texts = await Promise.all(keys.map(async (key) => [key, await this.access.readFile(key)] as const));
    this.parsed.clear();
    for (const [key, text] of texts) {
      if (text !== undefined) this.parsed.set(key, parseEntryFile(text, key));
    }
    this.fire();
  }

  /** Re-reads one file after it changed, appeared or disappeared. */
  async reloadFile(key: string): Promise<void> {
    const text = await this.access.readFile(key);
    if (text === undefined) this.parsed.delete(key);
    else this.parsed.set(key, parseEntryFile(text, key));
    this.fire();
  }

  get files(): readonly ParsedFile[] {
    return [...this.parsed.values()];
  }

  /** Every valid entry of every file, newest first (ties keep file order). */
  get entries(): readonly Entry[] {
    const all = this.files.flatMap((f) => f.entries);
    return all.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  get problems(): readonly Problem[] {
    return this.files.flatMap((f) => f.problems);
  }

  ids(): Set<string> {
    return new Set(this.files.flatMap((f) => f.entries.map((e) => e.id)));
  }

  /** The text change that adds `entry` to the file of its year; nothing is written here. */
  async planAdd(entry: NewEntry): Promise<PlannedWrite & { id: string }> {
    const file = this.access.fileKey(`${(entry.date || todayDate()).slice(0, 4)}.yaml`);
    const before = await this.access.readFile(file);
    const { text, id } = addEntry(before, entry, this.ids());
    return { file, before, after: text, id };
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
