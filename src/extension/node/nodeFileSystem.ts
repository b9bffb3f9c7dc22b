// In the Node extension host, the files of the host's own disk (`file:` URIs) are read and
// written with Node's fs, as VS Code's Git extension does. vscode.workspace.fs asks the window
// before every call (whether the scheme's provider is activated) and sends renames and copies to
// the window's file service. In a browser window (code-server, Codespaces) each of those is a
// network round trip to a page that is busy drawing: measured in the end-to-end suite, a Quick
// Add's nine file calls took 150 to 450 ms, most of it waiting for the window. Other schemes
// (virtual and remote file systems) still go through workspace.fs.
import { promises as fsp, type Stats } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function nodeFileSystem(fallback: vscode.FileSystem = vscode.workspace.fs): vscode.FileSystem {
  const local = (uri: vscode.Uri) => uri.scheme === 'file';
  return {
    async stat(uri) {
      if (!local(uri)) return fallback.stat(uri);
      return withErrors(uri, () => statOf(uri.fsPath));
    },
    async readDirectory(uri) {
      if (!local(uri)) return fallback.readDirectory(uri);
      return withErrors(uri, async () => {
        const children = await fsp.readdir(uri.fsPath, { withFileTypes: true });
        // A link is reported with the type of what it points to, as workspace.fs does.
        return Promise.all(
          children.map(async (child): Promise<[string, vscode.FileType]> => [
            child.name,
            child.isSymbolicLink() ? (await statOf(path.join(uri.fsPath, child.name)).catch(() => ({ type: vscode.FileType.SymbolicLink | vscode.FileType.Unknown }))).type : typeOf(child),
          ]),
        );
      });
    },
    async createDirectory(uri) {
      if (!local(uri)) return fallback.createDirectory(uri);
      await withErrors(uri, () => fsp.mkdir(uri.fsPath, { recursive: true }));
    },
    async readFile(uri) {
      if (!local(uri)) return fallback.readFile(uri);
      return withErrors(uri, async () => new Uint8Array(await fsp.readFile(uri.fsPath)));
    },
    async writeFile(uri, content) {
      if (!local(uri)) return fallback.writeFile(uri, content);
      // Like workspace.fs, missing folders are created.
      await withErrors(uri, async () => {
        await fsp.mkdir(path.dirname(uri.fsPath), { recursive: true });
        await fsp.writeFile(uri.fsPath, content);
      });
    },
    async delete(uri, options) {
      if (!local(uri) || options?.useTrash) return fallback.delete(uri, options);
      await withErrors(uri, async () => {
        // Like workspace.fs: a missing file is an error, a folder needs `recursive`.
        const stat = await fsp.lstat(uri.fsPath);
        if (stat.isDirectory()) await fsp.rm(uri.fsPath, { recursive: options?.recursive ?? false });
        else await fsp.unlink(uri.fsPath);
      });
    },
    async rename(source, target, options) {
      if (!local(source) || !local(target)) return fallback.rename(source, target, options);
      await withErrors(target, async () => {
        // As workspace.fs does it: checked, then renamed. Growth Log's lock reads its file back
        // for that reason.
        if (!options?.overwrite && (await exists(target.fsPath))) throw vscode.FileSystemError.FileExists(target);
        await withErrors(source, () => fsp.rename(source.fsPath, target.fsPath));
      });
    },
    async copy(source, target, options) {
      if (!local(source) || !local(target)) return fallback.copy(source, target, options);
      await withErrors(target, async () => {
        if (!options?.overwrite && (await exists(target.fsPath))) throw vscode.FileSystemError.FileExists(target);
        await fsp.cp(source.fsPath, target.fsPath, { recursive: true, force: true });
      });
    },
    isWritableFileSystem(scheme) {
      return scheme === 'file' ? true : fallback.isWritableFileSystem(scheme);
    },
  };
}

async function statOf(file: string): Promise<vscode.FileStat> {
  const link = await fsp.lstat(file);
  const stat = link.isSymbolicLink() ? await fsp.stat(file) : link;
  return {
    type: typeOf(stat) | (link.isSymbolicLink() ? vscode.FileType.SymbolicLink : 0),
    ctime: stat.birthtimeMs || stat.ctimeMs,
    mtime: stat.mtimeMs,
    size: stat.size,
  };
}

function typeOf(entry: Pick<Stats, 'isFile' | 'isDirectory'>): vscode.FileType {
  return entry.isFile() ? vscode.FileType.File : entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.Unknown;
}

async function exists(file: string): Promise<boolean> {
  return fsp.lstat(file).then(
    () => true,
    () => false,
  );
}

/** Node's errors as the FileSystemErrors workspace.fs throws, which callers check by code. */
async function withErrors<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof vscode.FileSystemError) throw error;
    switch ((error as NodeJS.ErrnoException).code) {
      case 'ENOENT':
        throw vscode.FileSystemError.FileNotFound(uri);
      case 'EEXIST':
        throw vscode.FileSystemError.FileExists(uri);
      case 'EISDIR':
        throw vscode.FileSystemError.FileIsADirectory(uri);
      case 'ENOTDIR':
        throw vscode.FileSystemError.FileNotADirectory(uri);
      case 'EACCES':
      case 'EPERM':
        throw vscode.FileSystemError.NoPermissions(uri);
      default:
        throw new vscode.FileSystemError(`${uri.fsPath}: ${(error as Error).message}`);
    }
  }
}
