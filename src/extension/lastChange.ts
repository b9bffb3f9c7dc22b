// Every change Growth Log makes to the log (adding, an edit, a delete, tagging, rename, merge,
// accepting suggestions) can be taken back in one step, whether or not its files are open: Growth
// Log: Undo Last Change puts back the text each file had, and removes a file the change created,
// provided nobody changed the file since.
import * as vscode from 'vscode';
import type { PlannedWrite } from '../core/store';
import type { Command } from './commands';
import { applyToLog } from './logEdits';
import { workspaceFolderAccess } from './workspaceFolderAccess';
import type { FolderLog } from './workspaceLogs';

class Change {
  constructor(
    readonly label: string,
    readonly log: FolderLog,
    readonly writes: readonly PlannedWrite[],
  ) {}
}

export class LastChange {
  private last: Change | undefined;

  /** Applies the writes, remembers them, and says what was done with an Undo button. */
  async apply(log: FolderLog, writes: readonly PlannedWrite[], label: string): Promise<void> {
    await applyToLog(log, writes);
    this.record(log, writes, label, { notify: true });
  }

  /**
   * Remembers writes already applied, in order, as one change. Several writes to one file (one
   * delete after another) become one, from the text before the first to the text after the last.
   * `notify` shows the label with an Undo button; quieter edits only become undoable.
   */
  record(log: FolderLog, writes: readonly PlannedWrite[], label: string, { notify }: { notify: boolean }): void {
    const byFile = new Map<string, PlannedWrite>();
    for (const write of writes) {
      const earlier = byFile.get(write.file);
      byFile.set(write.file, earlier ? { file: write.file, before: earlier.before, after: write.after } : write);
    }
    const change = new Change(label, log, [...byFile.values()]);
    this.last = change;
    if (!notify) return;
    // The toast's Undo is for its own change: once another change came after it, it says so.
    void vscode.window.showInformationMessage(label, 'Undo').then((answer) => {
      if (answer === 'Undo') void vscode.commands.executeCommand('growthLog.undoLastChange', change);
    });
  }

  command(): Command {
    return {
      id: 'growthLog.undoLastChange',
      execute: async (arg: unknown) => {
        const change = arg instanceof Change ? arg : this.last;
        if (!change) {
          void vscode.window.showInformationMessage('There is no Growth Log change to undo.');
          return;
        }
        if (change !== this.last) {
          throw new Error(`“${change.label}” can no longer be undone here: ${this.last ? 'another change came after it' : 'it was already undone'}.`);
        }
        const access = workspaceFolderAccess(change.log.uri);
        const current = await Promise.all(change.writes.map((w) => access.readFile(w.file)));
        const moved = change.writes.filter((w, i) => current[i] !== w.after);
        if (moved.length > 0) {
          throw new Error(`${vscode.workspace.asRelativePath(vscode.Uri.parse(moved[0].file))} changed since; undo there by hand (or with git).`);
        }
        // The reverse writes: what each file had before, planned against what it has now; a file
        // the change created (the first entry of a year) is removed.
        const restored: PlannedWrite[] = [];
        for (const w of change.writes) if (w.before !== undefined) restored.push({ file: w.file, before: w.after, after: w.before });
        await applyToLog(change.log, restored);
        for (const w of change.writes) {
          if (w.before !== undefined) continue;
          await vscode.workspace.fs.delete(vscode.Uri.parse(w.file));
          await change.log.store.reloadFile(w.file);
        }
        this.last = undefined;
        vscode.window.setStatusBarMessage(`$(discard) Undone: ${change.label}`, 5000);
      },
    };
  }
}
