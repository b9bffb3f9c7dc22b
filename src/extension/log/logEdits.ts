// Applies planned writes and brings the store up to date at once, so the tree shows the change
// without waiting for the file watcher.
import * as vscode from 'vscode';
import type { PlannedWrite } from '../../core/store/store';
import { applyWrite, withWorkspaceLogLock } from './logWriter';
import type { FolderLog } from './workspaceLogs';

/**
 * Writes under the log folder's lock. Given a planner, the change is planned under the lock too,
 * from the files as they are then, so a CLI run that wrote a moment ago is built upon rather
 * than refused. Writes planned earlier (a rename the user confirmed with its counts) are written
 * only onto the text they were planned on; otherwise nothing is written and the user is told.
 * Returns the writes made.
 */
export async function applyToLog<W extends PlannedWrite>(log: FolderLog, writes: readonly W[] | (() => Promise<readonly W[]>)): Promise<readonly W[]> {
  const started = Date.now();
  let locked = started;
  let written = started;
  let stored = started;
  const applied = await withWorkspaceLogLock(log.uri, async () => {
    locked = Date.now();
    const fresh = typeof writes === 'function';
    const planned = fresh ? await writes() : writes;
    for (const write of planned) await applyWrite(write, { fresh });
    written = Date.now();
    // The text each file has now is the last one written to it: no need to read it back. The
    // store is told before the lock is let go, so the tree is redrawn while that happens.
    const last = new Map(planned.map((w) => [w.file, w.after]));
    await Promise.all([...last].map(([file, text]) => log.store.reloadFile(file, text)));
    stored = Date.now();
    return planned;
  });
  // Like the Git extension's command lines: when a write feels slow, the log says where it went.
  const files = [...new Set(applied.map((w) => vscode.workspace.asRelativePath(vscode.Uri.parse(w.file))))].join(', ');
  const done = Date.now();
  log.logger.info(`Wrote ${files || 'nothing'} in ${done - started} ms (lock ${locked - started} ms, plan and write ${written - locked} ms, store ${stored - written} ms, unlock ${done - stored} ms)`);
  return applied;
}
