// Every file Growth Log reads or writes in the editor goes through files(): VS Code's
// workspace.fs, unless the extension host gave a faster one for its own disk (see
// ../node/nodeFileSystem.ts). One place, so the two hosts differ in one line of wiring.
import * as vscode from 'vscode';

let current: vscode.FileSystem | undefined;

export function files(): vscode.FileSystem {
  return current ?? vscode.workspace.fs;
}

/** Uses `fileSystem` until the returned disposable is disposed (when the extension deactivates). */
export function useFileSystem(fileSystem: vscode.FileSystem): vscode.Disposable {
  current = fileSystem;
  return new vscode.Disposable(() => {
    if (current === fileSystem) current = undefined;
  });
}
