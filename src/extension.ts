// Growth Log's entry point: build the services, then register one feature at a time.
import * as vscode from 'vscode';
import { addEntryCommand } from './extension/capture/addEntry';
import { addEntryFromSelectionCommand } from './extension/capture/addEntryFromSelection';
import { logFromGitCommand } from './extension/capture/logFromGit';
import { registerCommands } from './extension/workbench/commands';
import { ContextKeys } from './extension/workbench/contextKeys';
import { registerDiagnostics } from './extension/log/diagnostics';
import { deleteEntryCommand, editEntryCommand } from './extension/edit/editEntry';
import { EntriesTreeProvider, type TreeNode } from './extension/tree/entriesTree';
import { EntryCacheStorage } from './extension/log/entryCacheStorage';
import { LastChange } from './extension/log/lastChange';
import { createLogger } from './extension/workbench/logger';
import { openEntryCommand } from './extension/tree/openEntry';
import { generatePacketCommand } from './extension/packet/promotionPacket';
import { quickAddCommand } from './extension/capture/quickAdd';
import { QuickInputs } from './extension/workbench/quickInputs';
import { suggestionCommands } from './extension/packet/suggestions';
import { tagCommands } from './extension/edit/tagCommands';
import { TreeViewStateStore } from './extension/tree/treeViewState';
import { viewCommands } from './extension/tree/viewCommands';
import { WorkspaceLogs } from './extension/log/workspaceLogs';
import { ladderCommands } from './extension/ladders/ladderCommands';
import { createLogCommand, openWalkthroughCommand } from './extension/start/gettingStarted';

/** What activate returns; the integration tests use it to reach the real services. */
export interface GrowthLogApi {
  readonly logs: WorkspaceLogs;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly inputs: QuickInputs;
  readonly viewState: TreeViewStateStore;
}

export function activate(context: vscode.ExtensionContext): GrowthLogApi {
  const channel = vscode.window.createOutputChannel('Growth Log', { log: true });
  const logger = createLogger(channel);
  const contextKeys = new ContextKeys();
  const inputs = new QuickInputs();
  const logs = new WorkspaceLogs(logger, new EntryCacheStorage(context.storageUri, logger), inputs);
  const viewState = new TreeViewStateStore(context.workspaceState, contextKeys);
  const tree = new EntriesTreeProvider(logs, () => viewState.state);
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
  const deps = { logs, inputs, reveal, viewState, lastChange, selection: () => treeView.selection };

  // Activation is the user opening the view or running a command: the log is wanted now, so its
  // reading starts here rather than a round trip later, when the view first asks for rows.
  void logs.ready();
  registerDiagnostics(context, logs);
  registerCommands(context, logger, [
    addEntryCommand(deps),
    quickAddCommand(deps),
    logFromGitCommand(deps),
    addEntryFromSelectionCommand(deps),
    editEntryCommand(deps),
    deleteEntryCommand(deps),
    openEntryCommand(),
    ...viewCommands(deps),
    generatePacketCommand(deps),
    ...suggestionCommands(deps),
    ...tagCommands(deps),
    lastChange.command(),
    { id: 'growthLog.refresh', execute: () => logs.reload() },
    ...ladderCommands(deps),
    createLogCommand(deps),
    openWalkthroughCommand(),
  ]);
  return { logs, tree, treeView, inputs, viewState };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
