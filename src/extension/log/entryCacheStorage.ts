// Keeps each log's parse cache between sessions, in the extension's storage folder, so a window
// that opens on an unchanged log shows it without parsing it again.
import * as vscode from 'vscode';
import { EntryCache, textHash } from '../../core/store/entryCache';
import type { Logger } from '../workbench/logger';
import { files } from '../workbench/fileSystem';

export class EntryCacheStorage {
  constructor(
    private readonly folder: vscode.Uri | undefined,
    private readonly logger: Logger,
  ) {}

  async load(log: vscode.Uri): Promise<EntryCache> {
    if (!this.folder) return new EntryCache();
    try {
      const bytes = await files().readFile(this.fileFor(log));
      return EntryCache.fromJSON(new TextDecoder().decode(bytes));
    } catch {
      // No cache yet, or an unreadable one: start cold.
      return new EntryCache();
    }
  }

  async save(log: vscode.Uri, cache: EntryCache): Promise<void> {
    if (!this.folder) return;
    try {
      await files().createDirectory(this.folder);
      await files().writeFile(this.fileFor(log), new TextEncoder().encode(JSON.stringify(cache)));
    } catch (error) {
      this.logger.warn(`Could not save the entry cache for ${log.toString()}: ${String(error)}`);
    }
  }

  private fileFor(log: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder!, `entries-${textHash(log.toString()).toString(16)}.json`);
  }
}
