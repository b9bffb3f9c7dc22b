// Growth Log's wiring, shared by both extension hosts: build the services, then register one
// feature at a time. The entry points are extension.node.ts (desktop, code-server, Codespaces)
// and extension.browser.ts (vscode.dev, github.dev); both bundles include everything imported
// here, so a feature that needs Node or git belongs in extension.node.ts, not here.
import * as vscode from 'vscode';
import { addEntryCommand, type CaptureDeps } from './extension/capture/addEntry';
import { addEntryFromSelectionCommand } from './extension/capture/addEntryFromSelection';
import { registerCommands, type Command } from './extension/workbench/commands';
import { ContextKeys } from './extension/workbench/contextKeys';
import { registerDiagnostics } from './extension/log/diagnostics';
import { deleteEntryCommand, editEntryCommand } from './extension/edit/editEntry';
import { EntriesTreeProvider, type TreeNode } from './extension/tree/entriesTree';
import { EntryCacheStorage } from './extension/log/entryCacheStorage';
import { LastChange } from './extension/log/lastChange';
import { useFileSystem } from './extension/workbench/fileSystem';
import { createLogger, type Logger } from './extension/workbench/logger';
import { openEntryCommand } from './extension/tree/openEntry';
import { generatePacketCommand } from './extension/packet/promotionPacket';
import { exportCommand } from './extension/export/exportLog';
import { quickAddCommand } from './extension/capture/quickAdd';
import { QuickInputs } from './extension/workbench/quickInputs';
import { suggestionCommands } from './extension/packet/suggestions';
import { tagCommands } from './extension/edit/tagCommands';
import { TreeViewStateStore } from './extension/tree/treeViewState';
import { viewCommands } from './extension/tree/viewCommands';
import { WorkspaceLogs } from './extension/log/workspaceLogs';
import { todayOf } from './extension/habit/clock';
import { answerFollowUpCommand, setFollowUpCommand } from './extension/habit/followUpCommands';
import { HabitLoop } from './extension/habit/habitLoop';
import { Notifications } from './extension/habit/notifications';
import type { AgentTools } from './extension/agents/languageModelTools';
import { listEntriesWithoutImpactCommand } from './extension/overview/entriesWithoutImpact';
import { OverviewPanel } from './extension/overview/overviewPanel';
import { ladderCommands } from './extension/ladders/ladderCommands';
import { createLogCommand, openWalkthroughCommand } from './extension/start/gettingStarted';

/** What activate returns; the integration tests use it to reach the real services. */
export interface GrowthLogApi {
  readonly logs: WorkspaceLogs;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly inputs: QuickInputs;
  readonly viewState: TreeViewStateStore;
  readonly habit: HabitLoop;
  readonly notifications: Notifications;
  /** The language-model tools as registered, for tests that cannot answer their confirmation. */
  readonly agentTools?: AgentTools;
  readonly mcpServers?: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition>;
  readonly overview: OverviewPanel;
}

/** What differs between the Node extension host and the browser's web worker host. */
export interface ExtensionHost {
  readonly kind: 'node' | 'web';
  /** Commands only this host can run; the manifest hides the others' with `growthLog.webWorker`. */
  commands(deps: CaptureDeps): readonly Command[];
  /** A faster way to this host's own disk than workspace.fs (the Node host: Node's fs for `file:` URIs). */
  readonly fileSystem?: vscode.FileSystem;
  /** The agent tools and the MCP server, which this host offers (the Node host: the server is a Node process). */
  agents?(context: vscode.ExtensionContext, deps: CaptureDeps, logger: Logger): Pick<GrowthLogApi, 'agentTools' | 'mcpServers'>;
}

export function activateGrowthLog(context: vscode.ExtensionContext, host: ExtensionHost): GrowthLogApi {
  if (host.fileSystem) context.subscriptions.push(useFileSystem(host.fileSystem));
  const channel = vscode.window.createOutputChannel('Growth Log', { log: true });
  const logger = createLogger(channel);
  const contextKeys = new ContextKeys();
  contextKeys.set('growthLog.webWorker', host.kind === 'web');
  const inputs = new QuickInputs();
  const logs = new WorkspaceLogs(logger, new EntryCacheStorage(context.storageUri, logger), inputs);
  const viewState = new TreeViewStateStore(context.workspaceState, contextKeys);
  // The tree asks for today only once rows are wanted, after the habit loop below exists.
  const tree = new EntriesTreeProvider(logs, () => viewState.state, (): string => todayOf(habit.clock));
  const treeView = vscode.window.createTreeView('growthLog.entries', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(channel, logs, inputs, viewState, tree, treeView);

  context.subscriptions.push(
    viewState.onDidChange(() => {
      treeView.description = viewState.description();
      tree.refresh();
    }),
    logs.onDidChange(() => {
      const all = logs.logs;
      const hasEntries = all.some((log) => log.store.entries.length > 0);
      const hasProblems = all.some((log) => log.store.problems.length > 0);
      contextKeys.set('growthLog.state', hasEntries ? 'entries' : hasProblems ? 'problemsOnly' : 'empty');
    }),
  );

  const reveal = async (file: string, id: string) => {
    const entry = logs.logOfFile(file)?.store.entry(id);
    // A capture from the palette should not pull the sidebar away from what the user was doing.
    if (!treeView.visible) {
      vscode.window.setStatusBarMessage(`$(check) Added “${entry?.title ?? id}” to ${vscode.workspace.asRelativePath(vscode.Uri.parse(file))}`, 5000);
      return;
    }
    const item = await tree.findEntryNode(file, id);
    if (item) await treeView.reveal(item, { select: true, focus: false, expand: true });
  };
  const lastChange = new LastChange();
  const deps = { logs, inputs, reveal, viewState, lastChange, tree, treeView, selection: () => treeView.selection };
  const notifications = new Notifications();
  const habit: HabitLoop = new HabitLoop({ ...deps, notifications, logger, globalState: context.globalState, gitCapture: host.kind === 'node' });
  const followUpDeps = { ...deps, clock: () => habit.clock };
  const overview = new OverviewPanel(logs, context.extensionUri, logger);
  context.subscriptions.push(notifications, habit, overview);

  // The window's start-up activates the extension too (for the weekly nudge), and then nothing
  // is read but a timestamp. Opening the view or running a command wants the log now: its reading
  // starts here rather than a round trip later, when the view first asks for rows.
  const readWhenShown = () => treeView.visible && void logs.ready();
  readWhenShown();
  context.subscriptions.push(treeView.onDidChangeVisibility(readWhenShown));
  habit.start();
  registerDiagnostics(context, logs);
  registerCommands(context, logger, [
    addEntryCommand(deps),
    quickAddCommand(deps),
    addEntryFromSelectionCommand(deps),
    editEntryCommand(deps),
    deleteEntryCommand(deps),
    openEntryCommand(),
    ...viewCommands(deps),
    generatePacketCommand(deps),
    exportCommand(deps),
    ...suggestionCommands(deps),
    ...tagCommands(deps),
    lastChange.command(),
    setFollowUpCommand(followUpDeps),
    answerFollowUpCommand(followUpDeps),
    { id: 'growthLog.refresh', execute: () => logs.reload() },
    ...host.commands(deps),
    overview.command(),
    listEntriesWithoutImpactCommand(deps),
    ...ladderCommands(deps),
    createLogCommand(deps),
    openWalkthroughCommand(),
  ]);
  return { logs, tree, treeView, inputs, viewState, habit, notifications, overview, ...host.agents?.(context, deps, logger) };
}
