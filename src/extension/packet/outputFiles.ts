// Where packets and exports are written, and a name that never replaces a file without asking.
import * as vscode from 'vscode';
import type { FolderLog } from '../log/workspaceLogs';
import { files } from '../workbench/fileSystem';

/** Where drafts go: the setting, relative to the workspace folder, else `<log folder>/packets`. */
export function packetFolder(log: FolderLog): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('growthLog', log.workspaceFolder).get<string>('packetFolder')?.trim();
  return setting ? vscode.Uri.joinPath(log.workspaceFolder.uri, setting) : vscode.Uri.joinPath(log.uri, 'packets');
}

/** `<base>.<extension>`, or `<base>-2.<extension>` and on when the user keeps an existing file. */
export async function chooseOutputFile(folder: vscode.Uri, base: string, extension: string): Promise<vscode.Uri | undefined> {
  const first = vscode.Uri.joinPath(folder, `${base}.${extension}`);
  if (!(await exists(first))) return first;
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(first)} already exists.`,
    { modal: true, detail: 'Your edits to that file are lost if it is replaced.' },
    'Keep Both',
    'Replace',
  );
  if (answer === 'Replace') return first;
  if (answer !== 'Keep Both') return undefined;
  for (let n = 2; ; n++) {
    const next = vscode.Uri.joinPath(folder, `${base}-${n}.${extension}`);
    if (!(await exists(next))) return next;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await files().stat(uri);
    return true;
  } catch {
    return false;
  }
}
