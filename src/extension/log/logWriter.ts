// Applies a text change the core planned. An open document is edited through a WorkspaceEdit
// (Undo works, unsaved changes survive); a closed file is replaced atomically on disk.
import * as vscode from 'vscode';
import { LOCK_FILE_NAME, withLogLock, type LockFile } from '../../core/store/logLock';
import { LogError } from '../../core/model/problem';
import type { PlannedWrite } from '../../core/store/store';
import { decodeLogText, isFileNotFound } from './workspaceFolderAccess';
import { files } from '../workbench/fileSystem';

/**
 * Runs `work` holding the log folder's lock, which the CLI takes too: a git hook running
 * `growth-log add` while the extension tags never loses either change.
 */
export function withWorkspaceLogLock<T>(logFolder: vscode.Uri, work: () => Promise<T>): Promise<T> {
  return withLogLock(
    workspaceLockFile(logFolder),
    {
      by: 'vscode',
      // The extension host's process, where there is one (not in a browser's worker); the CLI on
      // the same machine cannot tell the host, so it judges a left-over lock by its age.
      pid: (globalThis as { process?: { pid?: number } }).process?.pid,
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      token: () => globalThis.crypto.randomUUID(),
    },
    work,
  );
}

/**
 * VS Code's file API has no exclusive create: the lock is a finished temporary file renamed into
 * place without overwriting, and withLogLock reads it back to see whose it is.
 */
function workspaceLockFile(logFolder: vscode.Uri): LockFile {
  const uri = vscode.Uri.joinPath(logFolder, LOCK_FILE_NAME);
  return {
    name: vscode.workspace.asRelativePath(uri),
    async create(content) {
      // As few calls as can be: in a remote window each one is a round trip.
      const temp = vscode.Uri.joinPath(logFolder, `${LOCK_FILE_NAME}.${globalThis.crypto.randomUUID().slice(0, 8)}`);
      const bytes = new TextEncoder().encode(content);
      try {
        await files().writeFile(temp, bytes);
      } catch (error) {
        if (!isFileNotFound(error)) throw error;
        // The first entry of a new log: its folder does not exist yet.
        await files().createDirectory(logFolder);
        await files().writeFile(temp, bytes);
      }
      try {
        await files().rename(temp, uri, { overwrite: false });
        return true;
      } catch (error) {
        await files().delete(temp).then(undefined, () => undefined);
        if (error instanceof vscode.FileSystemError && error.code === 'FileExists') return false;
        throw error;
      }
    },
    async read() {
      try {
        return new TextDecoder().decode(await files().readFile(uri));
      } catch (error) {
        if (isFileNotFound(error)) return undefined;
        throw error;
      }
    },
    async remove() {
      await files().delete(uri).then(undefined, (error: unknown) => {
        if (!isFileNotFound(error)) throw error;
      });
    },
  };
}


/**
 * Applies the change only to the text it was planned on: if the file changed in between (a hand
 * edit, a git pull), nothing is written and the user is told to try again. `fresh` says the
 * change was planned under the log's lock a moment ago, from the text as it was then, so the
 * file is not read once more to compare.
 */
export async function applyWrite(write: PlannedWrite, { fresh = false }: { fresh?: boolean } = {}): Promise<void> {
  const uri = vscode.Uri.parse(write.file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === write.file);
  // The document is the file when it has unsaved changes or matches what was planned on; a
  // saved document that differs is one kept in memory after its editor closed, and the disk wins,
  // as it did when the change was planned.
  const doc = open && (open.isDirty || open.getText() === write.before) ? open : undefined;
  const current = doc ? doc.getText() : fresh ? write.before : await readIfExists(uri);
  if (current !== write.before) {
    throw new LogError('io', `${vscode.workspace.asRelativePath(uri)} changed while Growth Log was editing it; nothing was written. Try again.`);
  }
  if (doc) await editDocument(doc, write.after);
  else await writeAtomically(uri, write.after, write.before === undefined);
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decodeLogText(await files().readFile(uri));
  } catch (error) {
    if (isFileNotFound(error)) return undefined;
    throw error;
  }
}

async function editDocument(doc: vscode.TextDocument, after: string): Promise<void> {
  const before = doc.getText();
  const wasDirty = doc.isDirty;
  // Replace only the span that differs, so the cursor, folding and Undo stay where they were.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(start), doc.positionAt(endBefore)), after.slice(start, endAfter));
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code refused the edit to ${vscode.workspace.asRelativePath(doc.uri)}.`);
  // A clean document is saved so the file, the tree and the CLI agree; a dirty one stays the user's.
  if (!wasDirty) await doc.save();
}

async function writeAtomically(uri: vscode.Uri, text: string, isNew: boolean): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  // A rename would replace a symbolic link with a copy; writing to the link writes its target.
  // VS Code's file API cannot resolve a link, so that write is in place rather than atomic.
  if (!isNew && (await isSymbolicLink(uri))) {
    await files().writeFile(uri, bytes);
    return;
  }
  const folder = vscode.Uri.joinPath(uri, '..');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(folder, `.${name}.growth-log.tmp`);
  if (isNew) await files().createDirectory(folder);
  await files().writeFile(temp, bytes);
  await files().rename(temp, uri, { overwrite: true });
}

async function isSymbolicLink(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await files().stat(uri)).type & vscode.FileType.SymbolicLink) !== 0;
  } catch (error) {
    if (isFileNotFound(error)) return false;
    throw error;
  }
}
