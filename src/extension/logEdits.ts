// Applies planned writes and brings the store up to date at once, so the tree shows the change
// without waiting for the file watcher.
import type { PlannedWrite } from '../core/store';
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
  const applied = await withWorkspaceLogLock(log.uri, async () => {
    const planned = typeof writes === 'function' ? await writes() : writes;
    for (const write of planned) await applyWrite(write);
    return planned;
  });
  await Promise.all([...new Set(applied.map((w) => w.file))].map((file) => log.store.reloadFile(file)));
  return applied;
}
