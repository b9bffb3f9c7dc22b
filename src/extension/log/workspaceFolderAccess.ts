// The store's view of a log folder through files() (local, remote or virtual workspaces
// alike). An editor's unsaved text wins over the disk, so edits build on what the user sees.
import * as vscode from 'vscode';
import { MAX_FILE_SIZE, tooLargeMessage } from '../../core/store/fileLimits';
import { LogError } from '../../core/model/problem';
import { isLogFileName, type LogFolderAccess } from '../../core/store/store';
import { files } from '../workbench/fileSystem';

/**
 * Log files are decoded as Node's fs decodes them for the CLI: a byte order mark stays in the
 * text (so a write keeps it), bad bytes become U+FFFD (which writes refuse).
 */
export function decodeLogText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export function workspaceFolderAccess(logFolder: vscode.Uri): LogFolderAccess {
  return {
    async listFiles() {
      let children: [string, vscode.FileType][];
      try {
        children = await files().readDirectory(logFolder);
      } catch (error) {
        if (isFileNotFound(error)) return [];
        throw error;
      }
      // Folders and devices named like log files too: readFile reports each as a problem on it.
      return children
        .filter(([name]) => isLogFileName(name))
        .map(([name]) => vscode.Uri.joinPath(logFolder, name).toString())
        .sort();
    },
    async readFile(key) {
      // Only unsaved text differs from the disk. A closed editor's document lingers for a while,
      // and trusting it would keep a deleted file's entries alive.
      const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
      if (open?.isDirty) return open.getText();
      const uri = vscode.Uri.parse(key);
      try {
        // Checked before reading: a folder cannot be read, and reading a FIFO or a link to a
        // device never ends.
        const stat = await files().stat(uri);
        if (!(stat.type & vscode.FileType.File)) {
          const kind = stat.type & vscode.FileType.Directory ? 'a folder' : 'not a regular file (a pipe, a socket or a device)';
          throw new LogError('unreadable', `This is ${kind}, so Growth Log does not read it; rename it or move it out of the log folder.`);
        }
        if (stat.size > MAX_FILE_SIZE) throw new LogError('too-large', tooLargeMessage(stat.size));
        return decodeLogText(await files().readFile(uri));
      } catch (error) {
        if (isFileNotFound(error)) return undefined;
        if (error instanceof vscode.FileSystemError) throw new LogError('unreadable', `Growth Log cannot read this file: ${error.message}`);
        throw error;
      }
    },
    fileKey: (name) => vscode.Uri.joinPath(logFolder, name).toString(),
    async version(key) {
      // Unsaved changes are not on disk: the cache must not stand in for them.
      if (vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === key && doc.isDirty)) return undefined;
      try {
        const stat = await files().stat(vscode.Uri.parse(key));
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
