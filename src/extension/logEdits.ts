// Applies planned writes and brings the store up to date at once, so the tree shows the change
// without waiting for the file watcher.
import type { PlannedWrite } from '../core/store';
import { applyWrite } from './logWriter';
import type { FolderLog } from './workspaceLogs';

export async function applyToLog(log: FolderLog, writes: readonly PlannedWrite[]): Promise<void> {
  for (const write of writes) await applyWrite(write);
  await Promise.all([...new Set(writes.map((w) => w.file))].map((file) => log.store.reloadFile(file)));
}
