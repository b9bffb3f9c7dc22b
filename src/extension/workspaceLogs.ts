// One log per workspace folder (`<folder>/<growthLog.folder>`), each an EntryStore kept current
// by a file watcher that re-reads only the file that changed.
import * as vscode from 'vscode';
import { EntryStore } from '../core/store';
import type { Logger } from './logger';
import { workspaceFolderAccess } from './workspaceFolderAccess';

export const DEFAULT_LOG_FOLDER = 'brag';

export interface FolderLog {
  readonly workspaceFolder: vscode.WorkspaceFolder;
  /** The log folder, `<workspace folder>/brag` by default. */
  readonly uri: vscode.Uri;
  readonly store: EntryStore;
}

interface LiveLog extends FolderLog {
  readonly disposables: vscode.Disposable[];
}

export class WorkspaceLogs implements vscode.Disposable {
  private live: LiveLog[] = [];
  private loading: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly logger: Logger) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('growthLog.folder')) this.reset();
      }),
    );
  }

  /** Loads every folder's log on first use; later calls wait for the same load. */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  get logs(): readonly FolderLog[] {
    return this.live;
  }

  /** The log an action without a target applies to: the only one, or the one the user picks. */
  async pickLog(placeHolder: string): Promise<FolderLog | undefined> {
    await this.ready();
    if (this.live.length <= 1) return this.live[0];
    const picked = await vscode.window.showQuickPick(
      this.live.map((log) => ({ label: log.workspaceFolder.name, description: vscode.workspace.asRelativePath(log.uri, true), log })),
      { placeHolder },
    );
    return picked?.log;
  }

  logOfFile(file: string): FolderLog | undefined {
    return this.live.find((log) => file.startsWith(`${log.uri.toString()}/`));
  }

  private async load(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.live = folders.map((folder) => this.createLog(folder));
    await Promise.all(
      this.live.map(async (log) => {
        const started = Date.now();
        try {
          await log.store.loadAll();
        } catch (error) {
          this.logger.error(`Could not read ${log.uri.toString()}`, error);
        }
        this.logger.info(`Loaded ${log.store.entries.length} entries from ${log.uri.toString()} in ${Date.now() - started} ms`);
      }),
    );
    this.changed.fire();
  }

  private createLog(workspaceFolder: vscode.WorkspaceFolder): LiveLog {
    const folderName = vscode.workspace.getConfiguration('growthLog', workspaceFolder).get<string>('folder') || DEFAULT_LOG_FOLDER;
    const uri = vscode.Uri.joinPath(workspaceFolder.uri, folderName);
    const store = new EntryStore(workspaceFolderAccess(uri));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uri, '*.{yaml,yml}'));
    const reload = (file: vscode.Uri) => {
      store.reloadFile(file.toString()).catch((error: unknown) => this.logger.error(`Could not re-read ${file.toString()}`, error));
    };
    const disposables: vscode.Disposable[] = [
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      new vscode.Disposable(store.onDidChange(() => this.changed.fire()).dispose),
    ];
    return { workspaceFolder, uri, store, disposables };
  }

  private reset(): void {
    for (const log of this.live) vscode.Disposable.from(...log.disposables).dispose();
    this.live = [];
    this.loading = undefined;
    void this.ready();
  }

  dispose(): void {
    for (const log of this.live) vscode.Disposable.from(...log.disposables).dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
