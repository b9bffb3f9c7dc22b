// One writer at a time per log folder, across processes: the extension in any number of windows,
// the CLI from a terminal or a git hook. Every read-modify-write of the log's files happens while
// holding `<log folder>/.growth-log.lock`, so a change that reports success is in the file.
//
// A lock file rather than compare-before-rename: a rename cannot be made conditional on the
// file's content, so compare-then-rename always leaves a window in which a second writer's
// change is replaced, and retrying needs every caller to be able to plan its change again. The
// lock makes the whole read-plan-write one step. A holder that died leaves its file behind, so a
// lock is stale once its holder is known to be gone (same host, process not running) or it is
// older than any change takes.
import { LogError } from '../model/problem';

/** The operations on the lock file, through Node's fs or VS Code's workspace.fs. */
export interface LockFile {
  /** Creates the file with `content` unless it exists; false when another holder has it. */
  create(content: string): Promise<boolean>;
  /** The file's content, or undefined when there is none. */
  read(): Promise<string | undefined>;
  remove(): Promise<void>;
  /** The folder and file name, for messages. */
  readonly name: string;
}

/** What a holder writes into the lock file, so others can tell who has it and since when. */
export interface LockHolder {
  readonly token: string;
  /** `cli` or `vscode`, for the message a waiting writer shows. */
  readonly by: string;
  readonly pid?: number;
  readonly host?: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export interface LockOptions {
  readonly by: string;
  readonly pid?: number;
  readonly host?: string;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A unique token for this attempt (randomness comes in, like time). */
  readonly token: () => string;
  /** False when the holder is certainly gone (its process ended on this host); undefined when unknown. */
  readonly isAlive?: (holder: LockHolder) => boolean | undefined;
  /** How long to wait for another holder before giving up. */
  readonly waitMs?: number;
  /** A lock older than this is taken to be left by a holder that died. */
  readonly staleMs?: number;
}

export const LOCK_FILE_NAME = '.growth-log.lock';
const DEFAULT_WAIT_MS = 15_000;
// Longer than the slowest change measured (a rename across a 40,000-entry file, under 10 s).
const DEFAULT_STALE_MS = 60_000;

/** Runs `work` while holding the lock; the lock is released however `work` ends. */
export async function withLogLock<T>(file: LockFile, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const holder = await acquire(file, options);
  try {
    return await work();
  } finally {
    await release(file, holder);
  }
}

async function acquire(file: LockFile, options: LockOptions): Promise<LockHolder> {
  const deadline = options.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let pause = 10;
  for (;;) {
    const holder: LockHolder = { token: options.token(), by: options.by, pid: options.pid, host: options.host, at: options.now() };
    if (await file.create(JSON.stringify(holder))) {
      // Where creating cannot be exclusive (VS Code's file API checks, then writes), the file
      // read back says whose it is.
      if (parseHolder(await file.read())?.token === holder.token) return holder;
    } else {
      const text = await file.read();
      const other = parseHolder(text);
      if (text !== undefined && isStale(other, options)) {
        // Only the lock that was judged stale is removed: one another waiter just created stays.
        if ((await file.read()) === text) await file.remove();
        continue;
      }
      if (options.now() >= deadline) throw busy(file, other, options);
    }
    await options.sleep(pause + Math.floor(Math.random() * pause));
    pause = Math.min(pause * 2, 200);
  }
}

async function release(file: LockFile, holder: LockHolder): Promise<void> {
  // Never remove a lock that is no longer ours (it was judged stale and taken over).
  if (parseHolder(await file.read())?.token === holder.token) await file.remove();
}

function isStale(holder: LockHolder | undefined, options: LockOptions): boolean {
  // A file that is not a holder's record (empty, half-written by a crash) counts by its age alone,
  // which is unknown: treat it as stale, since every holder writes its record in one write.
  if (!holder) return true;
  if (options.isAlive?.(holder) === false) return true;
  return options.now() - holder.at > (options.staleMs ?? DEFAULT_STALE_MS);
}

function parseHolder(text: string | undefined): LockHolder | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    return value && typeof value.token === 'string' && typeof value.at === 'number' ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

function busy(file: LockFile, holder: LockHolder | undefined, options: LockOptions): LogError {
  const who = holder?.by === 'cli' ? `the growth-log command${holder.pid ? ` (process ${holder.pid})` : ''}` : 'Growth Log in another window';
  const since = holder ? `, for ${Math.max(1, Math.round((options.now() - holder.at) / 1000))} s` : '';
  return new LogError(
    'busy',
    `The log is being changed by ${who}${since}; nothing was written. Try again in a moment; if no Growth Log is running, delete ${file.name}.`,
  );
}
