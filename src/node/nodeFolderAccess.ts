// The store's access to a log folder through Node's fs, for the CLI and unit tests.
import { randomUUID } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_FILE_SIZE, tooLargeMessage } from '../core/store/fileLimits';
import { LOCK_FILE_NAME, withLogLock, type LockFile, type LockHolder } from '../core/store/logLock';
import { LogError } from '../core/model/problem';
import { isLogFileName, type LogFolderAccess } from '../core/store/store';

export function nodeFolderAccess(folder: string): LogFolderAccess {
  return {
    async listFiles() {
      try {
        const names = await fs.readdir(folder);
        // Every name that looks like a log file, whatever it is: readFile says what is wrong with
        // a directory or a device called `x.yaml`, as a problem on that name.
        return names.filter(isLogFileName).sort().map((name) => path.join(folder, name));
      } catch (error) {
        if (isCode(error, 'ENOENT')) return [];
        throw error;
      }
    },
    readFile: readLogFile,
    fileKey: (name) => path.join(folder, name),
    async version(key) {
      try {
        const stat = await fs.stat(key);
        return `${stat.mtimeMs}:${stat.size}`;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The text of a regular file of at most MAX_FILE_SIZE bytes. Anything else is refused before it is
 * opened: opening a FIFO waits forever, and `/dev/zero` or a huge file behind a link never ends.
 */
export async function readLogFile(file: string): Promise<string | undefined> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) {
      // A link whose target is gone reads as missing, but the name is there: say so.
      if (await isLink(file)) throw new LogError('unreadable', 'This is a symbolic link to a file that does not exist, so Growth Log cannot read it.');
      return undefined;
    }
    throw unreadable(error);
  }
  if (!stat.isFile()) throw new LogError('unreadable', `This is ${kindOf(stat)}, not a file, so Growth Log does not read it; rename it or move it out of the log folder.`);
  if (stat.size > MAX_FILE_SIZE) throw new LogError('too-large', tooLargeMessage(stat.size));
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    // At most one byte past the limit, in case the file grew since the stat.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_FILE_SIZE) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > MAX_FILE_SIZE) throw new LogError('too-large', tooLargeMessage(length));
        break;
      }
    }
    // Invalid bytes become U+FFFD, which validation reports at their place and writes refuse.
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof LogError) throw error;
    if (isCode(error, 'ENOENT')) return undefined;
    throw unreadable(error);
  } finally {
    await handle?.close();
  }
}

function unreadable(error: unknown): LogError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'its symbolic links form a loop' : (error as Error).message;
  return new LogError('unreadable', `Growth Log cannot read this file: ${why}.`);
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

async function isLink(file: string): Promise<boolean> {
  try {
    return (await fs.lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

/**
 * Writes through a temporary file and a rename, so a crash never leaves half a file. A symbolic
 * link stays a link: the file it points to is the one replaced, and keeps its permissions.
 */
/** Whether something is at `file` (the CLI's outputs refuse to replace one without --force). */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  let target = file;
  let mode: number | undefined;
  try {
    target = await fs.realpath(file);
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
    if (await isLink(file)) throw new LogError('io', `${file} is a symbolic link to a file that does not exist; nothing was written.`);
    await fs.mkdir(path.dirname(file), { recursive: true });
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await fs.writeFile(temp, content, { encoding: 'utf8', mode });
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** The log folder's lock file, created exclusively with a hard link to a finished temporary file. */
export function nodeLockFile(folder: string): LockFile {
  const file = path.join(folder, LOCK_FILE_NAME);
  return {
    name: path.relative(process.cwd(), file) || file,
    async create(content) {
      await fs.mkdir(folder, { recursive: true });
      // link() fails when the name exists, and the file it makes is already complete, so no other
      // writer ever reads a lock half-written.
      const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}`;
      await fs.writeFile(temp, content);
      try {
        await fs.link(temp, file);
        return true;
      } catch (error) {
        if (isCode(error, 'EEXIST')) return false;
        // File systems without hard links: an exclusive create, written at once.
        if (isCode(error, 'EPERM') || isCode(error, 'ENOTSUP') || isCode(error, 'EOPNOTSUPP')) return createExclusive(file, content);
        throw error;
      } finally {
        await fs.rm(temp, { force: true });
      }
    },
    async read() {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        if (isCode(error, 'ENOENT')) return undefined;
        throw error;
      }
    },
    async remove() {
      await fs.rm(file, { force: true });
    },
  };
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  try {
    await fs.writeFile(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  }
}

/** Runs one read-modify-write of the log in `folder` while no other Growth Log writes to it. */
export function withNodeLogLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const host = os.hostname();
  return withLogLock(
    nodeLockFile(folder),
    {
      by: 'cli',
      pid: process.pid,
      host,
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      token: randomUUID,
      // A hook may rather fail fast than wait behind a long rename.
      waitMs: Number(process.env.GROWTH_LOG_LOCK_WAIT_MS) || undefined,
      isAlive: (holder: LockHolder) => (holder.host === host && holder.pid !== undefined ? processExists(holder.pid) : undefined),
    },
    work,
  );
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return isCode(error, 'EPERM');
  }
}
