// Every change Growth Log makes to the log (adding, an edit, a delete, tagging, rename, merge,
// accepting suggestions) can be taken back in one step, whether or not its files are open: Growth
// Log: Undo Last Change puts back the text each file had, and removes a file the change created,
// provided nobody changed the file since. In a multi-root workspace one change may span the logs
// of several folders (tagging or deleting entries selected in both).
import * as vscode from 'vscode';
import type { PlannedWrite } from '../../core/store/store';
import type { Command } from '../workbench/commands';
import { applyToLog } from './logEdits';
import { workspaceFolderAccess } from './workspaceFolderAccess';
import type { FolderLog } from './workspaceLogs';
import { files } from '../workbench/fileSystem';

/** Writes to one folder's log. */
export interface LogWrites {
  readonly log: FolderLog;
  readonly writes: readonly PlannedWrite[];
}

class Change {
  constructor(
    readonly label: string,
    readonly parts: readonly LogWrites[],
  ) {}
}

export class LastChange {
  private last: Change | undefined;

  /**
   * Applies the writes, remembers them, and says what was done with an Undo button. When a later
   * log's writes fail, what was written before them is still remembered, so it can be undone.
   */
  async apply(parts: readonly LogWrites[], label: string): Promise<void> {
    const done: LogWrites[] = [];
    try {
      for (const part of parts) {
        await applyToLog(part.log, part.writes);
        done.push(part);
      }
    } finally {
      if (done.length > 0) this.record(done, label, { notify: true });
    }
  }

  /**
   * Remembers writes already applied, in order, as one change. Several writes to one file (one
   * delete after another) become one, from the text before the first to the text after the last.
   * `notify` shows the label with an Undo button; quieter edits only become undoable.
   */
  record(parts: readonly LogWrites[], label: string, { notify }: { notify: boolean }): void {
    const byLog = new Map<FolderLog, Map<string, PlannedWrite>>();
    for (const { log, writes } of parts) {
      let byFile = byLog.get(log);
      if (!byFile) byLog.set(log, (byFile = new Map()));
      for (const write of writes) {
        const earlier = byFile.get(write.file);
        byFile.set(write.file, earlier ? { file: write.file, before: earlier.before, after: write.after } : write);
      }
    }
    const change = new Change(label, [...byLog].map(([log, byFile]) => ({ log, writes: [...byFile.values()] })));
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
        // Every file is checked before any is written, so an undo happens whole or not at all.
        for (const { log, writes } of change.parts) {
          const access = workspaceFolderAccess(log.uri);
          const current = await Promise.all(writes.map((w) => access.readFile(w.file)));
          const moved = writes.filter((w, i) => current[i] !== w.after);
          if (moved.length > 0) {
            throw new Error(`${vscode.workspace.asRelativePath(vscode.Uri.parse(moved[0].file))} changed since; undo there by hand (or with git).`);
          }
        }
        for (const { log, writes } of change.parts) {
          // The reverse writes: what each file had before, planned against what it has now; a
          // file the change created (the first entry of a year) is removed.
          const restored: PlannedWrite[] = [];
          for (const w of writes) if (w.before !== undefined) restored.push({ file: w.file, before: w.after, after: w.before });
          await applyToLog(log, restored);
          for (const w of writes) {
            if (w.before !== undefined) continue;
            await files().delete(vscode.Uri.parse(w.file));
            await log.store.reloadFile(w.file);
          }
        }
        this.last = undefined;
        vscode.window.setStatusBarMessage(`$(discard) Undone: ${change.label}`, 5000);
      },
    };
  }
}
