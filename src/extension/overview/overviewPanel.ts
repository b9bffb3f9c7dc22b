// Growth Log: Show Overview: a webview panel in the editor area with the log at a glance. The
// page is built by the core (charts, tables, buttons) and sent as a message; the script in
// media/overview/ shows it and posts back what the user clicked, which runs the real commands.
// Locked down as webview-sample shows: `default-src 'none'`, the one script by nonce, styles
// and scripts only from media/overview through asWebviewUri. The panel comes back after a
// reload through a serializer; the page keeps what it shows with setState, not
// retainContextWhenHidden.
import * as vscode from 'vscode';
import { today as todayDate } from '../../core/model/entry';
import { buildOverview } from '../../core/overview/overview';
import { overviewPageHtml, parseOverviewMessage, type OverviewMessage } from '../../core/overview/overviewPage';
import type { Command } from '../workbench/commands';
import type { Logger } from '../workbench/logger';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';

export const OVERVIEW_VIEW_TYPE = 'growthLog.overview';

/** What the page keeps with setState and the serializer hands back after a reload. */
interface OverviewState {
  /** The log folder's URI, for a multi-root workspace. */
  readonly folder?: string;
}

/** Commands the page's controls run, by message type. */
const MESSAGE_COMMANDS: Record<Exclude<OverviewMessage['type'], 'ready'>, string> = {
  filterMonth: 'growthLog.filterByMonth',
  revealCriterion: 'growthLog.revealCriterion',
  filterTag: 'growthLog.filterByTag',
  listWithoutImpact: 'growthLog.listEntriesWithoutImpact',
  generatePacket: 'growthLog.generatePacket',
};

/** A change to the log comes in bursts (a save, a watcher, a reload): redraw once they settle. */
const UPDATE_DELAY_MS = 150;

export class OverviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: string | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the log changed while the panel was hidden: it redraws when shown again. */
  private stale = false;
  private readonly received = new vscode.EventEmitter<OverviewMessage>();
  /** Every message the page sent, once handled; the integration tests wait on it. */
  readonly onDidHandleMessage = this.received.event;
  private readonly rendered = new vscode.EventEmitter<string>();
  /** The page's HTML each time it is sent to the panel. */
  readonly onDidRender = this.rendered.event;
  private readonly disposables: vscode.Disposable[] = [this.received, this.rendered];

  constructor(
    private readonly logs: WorkspaceLogs,
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      logs.onDidChange(() => this.scheduleUpdate()),
      vscode.window.registerWebviewPanelSerializer(OVERVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
      }),
    );
  }

  /** The open panel, if any. */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  command(): Command {
    return { id: 'growthLog.showOverview', execute: () => this.show() };
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const log = await this.logs.pickLog('Show the overview of which folder’s log?');
    if (this.logs.logs.length > 1 && !log) return;
    const panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, 'Growth Log Overview', vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel, log?.uri.toString());
  }

  /** What the serializer does after a reload, and what a test calls with a panel of its own. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    const folder = typeof state === 'object' && state !== null && typeof (state as OverviewState).folder === 'string' ? (state as OverviewState).folder : undefined;
    panel.webview.options = this.webviewOptions();
    this.attach(panel, folder);
    await this.logs.ready();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media', 'overview')], enableFindWidget: true };
  }

  private attach(panel: vscode.WebviewPanel, folder: string | undefined): void {
    this.panel = panel;
    this.folder = folder;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'growth-log.svg');
    panel.webview.html = this.shell(panel.webview);
    this.panelDisposables = [
      panel.onDidDispose(() => {
        vscode.Disposable.from(...this.panelDisposables).dispose();
        this.panelDisposables = [];
        if (this.panel === panel) this.panel = undefined;
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.scheduleUpdate();
      }),
    ];
  }

  /** Runs what the page asked for; anything it should not send is ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseOverviewMessage(raw);
    if (!message) {
      this.logger.warn(`The overview sent a message it should not: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      if (message.type === 'ready') await this.update();
      else if ('value' in message) await vscode.commands.executeCommand(MESSAGE_COMMANDS[message.type], message.value);
      else await vscode.commands.executeCommand(MESSAGE_COMMANDS[message.type]);
    } finally {
      this.received.fire(message);
    }
  }

  private scheduleUpdate(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private log(): FolderLog | undefined {
    const logs = this.logs.logs;
    return logs.find((log) => log.uri.toString() === this.folder) ?? logs.find((log) => log.store.entries.length > 0) ?? logs[0];
  }

  /** Sends the page the overview of the log as it is now. */
  private async update(): Promise<void> {
    await this.logs.ready();
    const panel = this.panel;
    if (!panel) return;
    this.stale = false;
    const log = this.log();
    const state: OverviewState = { folder: log?.uri.toString() };
    let html: string;
    if (!log) {
      html = '<h1>Growth Log overview</h1><p>Open a folder to keep a growth log in it.</p>';
    } else {
      const ladder = log.ladder.ladder;
      const overview = buildOverview({ entries: log.store.entries, ladder, targetLevel: log.targetLevel(), today: todayDate() });
      html = overviewPageHtml(overview, { source: `${log.workspaceFolder.name} · ${vscode.workspace.asRelativePath(log.uri, false)}/` });
    }
    await panel.webview.postMessage({ type: 'update', html, state });
    this.rendered.fire(html);
  }

  /** The page before its content arrives: the policy, the stylesheet, the script and a live region. */
  private shell(webview: vscode.Webview): string {
    const nonce = createNonce();
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'overview');
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.js'));
    const policy = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Growth Log Overview</title>
</head>
<body>
<main id="overview" aria-busy="true"><p>Loading the overview…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** 32 random characters for the script's nonce, from Web Crypto (there in Node and in browsers). */
function createNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}
