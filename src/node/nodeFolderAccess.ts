// The store's access to a log folder through Node's fs, for the CLI and unit tests.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isLogFileName, type LogFolderAccess } from '../core/store';

export function nodeFolderAccess(folder: string): LogFolderAccess {
  return {
    async listFiles() {
      try {
        const names = await fs.readdir(folder);
        return names.filter(isLogFileName).sort().map((name) => path.join(folder, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    async readFile(key) {
      try {
        return await fs.readFile(key, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
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

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(temp, content, 'utf8');
  await fs.rename(temp, file);
}
