// The store's view of a log folder through vscode.workspace.fs (local, remote or virtual
// workspaces alike). An editor's unsaved text wins over the disk, so edits build on what the
// user sees.
import * as vscode from 'vscode';
import { isLogFileName, type LogFolderAccess } from '../core/store';

export function workspaceFolderAccess(logFolder: vscode.Uri): LogFolderAccess {
  const decoder = new TextDecoder('utf-8');
  return {
    async listFiles() {
      let children: [string, vscode.FileType][];
      try {
        children = await vscode.workspace.fs.readDirectory(logFolder);
      } catch (error) {
        if (isFileNotFound(error)) return [];
        throw error;
      }
      return children
        .filter(([name, type]) => type & vscode.FileType.File && isLogFileName(name))
        .map(([name]) => vscode.Uri.joinPath(logFolder, name).toString())
        .sort();
    },
    async readFile(key) {
      // Only unsaved text differs from the disk. A closed editor's document lingers for a while,
      // and trusting it would keep a deleted file's entries alive.
      const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
      if (open?.isDirty) return open.getText();
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(key)));
      } catch (error) {
        if (isFileNotFound(error)) return undefined;
        throw error;
      }
    },
    fileKey: (name) => vscode.Uri.joinPath(logFolder, name).toString(),
    async version(key) {
      // Unsaved changes are not on disk: the cache must not stand in for them.
      if (vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === key && doc.isDirty)) return undefined;
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(key));
        return `${stat.mtime}:${stat.size}`;
      } catch {
        return undefined;
      }
    },
  };
}

export function isFileNotFound(error: unknown): boolean {
  // Remote file systems have been seen to report the name rather than the code.
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}
