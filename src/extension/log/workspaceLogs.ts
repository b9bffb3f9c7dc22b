// One log per workspace folder (`<folder>/<growthLog.folder>`), each an EntryStore kept current
// by a file watcher that re-reads only the file that changed.
import * as vscode from 'vscode';
import { today, type Entry } from '../../core/model/entry';
import { ladderFromFile } from '../../core/packet/defaultLadder';
import { LADDER_FILE_NAME, type Ladder, type ParsedLadder } from '../../core/packet/ladder';
import { defaultTargetLevel } from '../../core/packet/packet';
import { EntryStore, type LogFolderAccess } from '../../core/store/store';
import type { EntryCache } from '../../core/store/entryCache';
import type { EntryCacheStorage } from './entryCacheStorage';
import type { Logger } from '../workbench/logger';
import { askPick } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import { workspaceFolderAccess } from './workspaceFolderAccess';

/** How long after a log folder appears or goes its files are read once more. */
const FOLDER_SETTLE_MS = 500;

/** How long the log must stay unchanged before its parse cache is saved. */
const CACHE_SAVE_DELAY_MS = 3000;

export const DEFAULT_LOG_FOLDER = 'brag';

function targetLevelOf(ladder: Ladder | undefined, setting: string | undefined, entries: readonly Entry[]): string | undefined {
  if (!ladder) return undefined;
  const wanted = setting?.trim() || defaultTargetLevel(ladder, entries, today());
  return wanted && ladder.levels.some((level) => level.id === wanted) ? wanted : undefined;
}

export interface FolderLog {
  readonly workspaceFolder: vscode.WorkspaceFolder;
  /** The log folder, `<workspace folder>/brag` by default. */
  readonly uri: vscode.Uri;
  readonly store: EntryStore;
  /** `ladder.yaml` of the folder, or the built-in ladder when there is none. */
  readonly ladder: ParsedLadder;
  /** The Growth Log output channel, where writes report what they took. */
  readonly logger: Logger;
  /** The level the log is making the case for: the setting, the ladder's `target`, or the level after the current one. */
  targetLevel(): string | undefined;
}

interface LiveLog extends FolderLog {
  ladder: ParsedLadder;
  readonly access: LogFolderAccess;
  readonly cache: EntryCache;
  readonly ladderKey: string;
  readonly disposables: vscode.Disposable[];
}

export class WorkspaceLogs implements vscode.Disposable {
  private live: LiveLog[] = [];
  private loading: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly logger: Logger,
    private readonly cacheStorage: EntryCacheStorage,
    private readonly inputs: QuickInputs,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('growthLog.folder')) this.reset();
        else if (e.affectsConfiguration('growthLog.targetLevel')) this.changed.fire();
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
    const items = this.live.map((log) => ({ label: log.workspaceFolder.name, description: `${vscode.workspace.asRelativePath(log.uri, true)} · ${log.store.entries.length} entries`, log }));
    const picked = await askPick(this.inputs, { title: 'Growth Log', placeholder: placeHolder, items });
    return picked?.items[0]?.log;
  }

  logOfFile(file: string): FolderLog | undefined {
    return this.live.find((log) => file.startsWith(`${log.uri.toString()}/`));
  }

  private load(): Promise<void> {
    // The view shows a progress bar while a large log loads; it stays responsive meanwhile.
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: 'growthLog.entries' } }, () => this.loadAll()));
  }

  private async loadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.live = await Promise.all(folders.map((folder) => this.openLog(folder)));
    this.changed.fire();
  }

  private async openLog(workspaceFolder: vscode.WorkspaceFolder): Promise<LiveLog> {
    const started = Date.now();
    const folderName = vscode.workspace.getConfiguration('growthLog', workspaceFolder).get<string>('folder') || DEFAULT_LOG_FOLDER;
    const uri = vscode.Uri.joinPath(workspaceFolder.uri, folderName);
    const log = this.createLog(workspaceFolder, uri, await this.cacheStorage.load(uri));
    try {
      await Promise.all([log.store.loadAll(), this.loadLadder(log)]);
    } catch (error) {
      this.logger.error(`Could not read ${uri.toString()}`, error);
    }
    this.logger.info(`Loaded ${log.store.entries.length} entries from ${uri.toString()} in ${Date.now() - started} ms`);
    return log;
  }

  private readonly saveTimers = new Map<LiveLog, ReturnType<typeof setTimeout>>();

  /**
   * Tells listeners, and saves the parse cache once changes pause. Saving turns every entry into
   * JSON (a tenth of a second for 10,000 on a busy machine, in which the extension host answers
   * nothing), so it waits for a quiet moment and is skipped when the cache did not change (a
   * window that opened on an unchanged log).
   */
  private storeChanged(log: LiveLog): void {
    // While every log loads, listeners hear of it once, when all are loaded.
    if (this.live.includes(log)) this.changed.fire();
    if (!log.cache.hasChanges) return;
    clearTimeout(this.saveTimers.get(log));
    this.saveTimers.set(
      log,
      setTimeout(() => {
        this.saveTimers.delete(log);
        void this.saveCache(log);
      }, CACHE_SAVE_DELAY_MS),
    );
  }

  private async saveCache(log: LiveLog): Promise<void> {
    if (!log.cache.hasChanges) return;
    log.cache.markSaved();
    await this.cacheStorage.save(log.uri, log.cache);
  }

  private createLog(workspaceFolder: vscode.WorkspaceFolder, uri: vscode.Uri, cache: EntryCache): LiveLog {
    const access = workspaceFolderAccess(uri);
    // Watched from the workspace folder, so a log folder created later (by hand, by git) is seen too.
    const relative = uri.path.slice(workspaceFolder.uri.path.replace(/\/$/, '').length + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceFolder, `${relative}/*.{yaml,yml}`));
    // Files written right after their folder is created (git checkout, mkdir && cp) can appear
    // before the folder itself is watched, and removing the folder may report only the folder:
    // either way the whole folder is read again, and once more a moment later for files that
    // landed between the folder's event and its watch.
    const folderWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceFolder, relative), false, true, false);
    const ladderKey = access.fileKey(LADDER_FILE_NAME);
    const log: LiveLog = {
      workspaceFolder,
      uri,
      store: new EntryStore(access, { cache }),
      access,
      cache,
      ladder: ladderFromFile(undefined, ladderKey),
      ladderKey,
      logger: this.logger,
      disposables: [],
      targetLevel: () => targetLevelOf(log.ladder.ladder, vscode.workspace.getConfiguration('growthLog', workspaceFolder).get<string>('targetLevel'), log.store.entries),
    };
    const reload = (file: vscode.Uri) => {
      const key = file.toString();
      const done = key === ladderKey ? this.loadLadder(log).then(() => this.changed.fire()) : log.store.reloadFile(key);
      done.catch((error: unknown) => this.logger.error(`Could not re-read ${key}`, error));
    };
    const readFolder = () => {
      Promise.all([log.store.loadAll(), this.loadLadder(log)])
        .then(() => this.changed.fire())
        .catch((error: unknown) => this.logger.error(`Could not re-read ${uri.toString()}`, error));
    };
    let again: ReturnType<typeof setTimeout> | undefined;
    const rescan = () => {
      readFolder();
      clearTimeout(again);
      again = setTimeout(readFolder, FOLDER_SETTLE_MS);
    };
    const isLogFile = (doc: vscode.TextDocument) => /\.ya?ml$/i.test(doc.uri.path) && doc.uri.toString().startsWith(`${uri.toString()}/`) && !doc.uri.path.slice(uri.path.length + 1).includes('/');
    // Typing in an open log file updates the tree and the problems as it goes, like a linter.
    const pending = new Map<string, ReturnType<typeof setTimeout>>();
    const reloadSoon = (doc: vscode.TextDocument) => {
      if (!isLogFile(doc)) return;
      const key = doc.uri.toString();
      clearTimeout(pending.get(key));
      pending.set(key, setTimeout(() => {
        pending.delete(key);
        reload(doc.uri);
      }, 250));
    };
    log.disposables.push(
      new vscode.Disposable(log.store.onDidChange(() => this.storeChanged(log)).dispose),
      vscode.workspace.onDidChangeTextDocument((e) => reloadSoon(e.document)),
      // Closing an editor without saving returns the file to what is on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => isLogFile(doc) && reload(doc.uri)),
      new vscode.Disposable(() => {
        pending.forEach(clearTimeout);
        clearTimeout(again);
      }),
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      folderWatcher,
      folderWatcher.onDidCreate(rescan),
      folderWatcher.onDidDelete(rescan),
    );
    return log;
  }

  private async loadLadder(log: LiveLog): Promise<void> {
    log.ladder = ladderFromFile(await log.access.readFile(log.ladderKey), log.ladderKey);
  }

  /** Takes in the `ladder.yaml` text Growth Log just wrote, without waiting for the file watcher. */
  ladderWritten(log: FolderLog, text: string): void {
    const live = this.live.find((l) => l === log);
    if (!live) return;
    live.ladder = ladderFromFile(text, live.ladderKey);
    this.changed.fire();
  }

  /** Forgets everything and reads every log again (settings or folders changed, or Refresh). */
  reload(): Promise<void> {
    for (const log of this.live) vscode.Disposable.from(...log.disposables).dispose();
    this.live = [];
    this.loading = undefined;
    return this.ready();
  }

  private reset(): void {
    this.reload().catch((error: unknown) => this.logger.error('Could not reload the logs', error));
  }

  dispose(): void {
    for (const [log, timer] of this.saveTimers) {
      clearTimeout(timer);
      void this.saveCache(log);
    }
    for (const log of this.live) vscode.Disposable.from(...log.disposables).dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
