// Growth Log's entry point: build the services, then register one feature at a time.
import * as vscode from 'vscode';
import { addEntryCommand } from './extension/addEntry';
import { registerCommands } from './extension/commands';
import { registerDiagnostics } from './extension/diagnostics';
import { EntriesTreeProvider, EntryItem, type TreeNode } from './extension/entriesTree';
import { createLogger } from './extension/logger';
import { openEntryCommand } from './extension/openEntry';
import { QuickInputs } from './extension/quickInputs';
import { WorkspaceLogs } from './extension/workspaceLogs';

/** What activate returns; the integration tests use it to reach the real services. */
export interface GrowthLogApi {
  readonly logs: WorkspaceLogs;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly inputs: QuickInputs;
}

export function activate(context: vscode.ExtensionContext): GrowthLogApi {
  const channel = vscode.window.createOutputChannel('Growth Log', { log: true });
  const logger = createLogger(channel);
  const logs = new WorkspaceLogs(logger);
  const inputs = new QuickInputs();
  const tree = new EntriesTreeProvider(logs);
  const treeView = vscode.window.createTreeView('growthLog.entries', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(channel, logs, inputs, tree, treeView);

  const reveal = async (file: string, id: string) => {
    const items = await tree.getChildren();
    const item = items.find((node) => node instanceof EntryItem && node.entry.file === file && node.entry.id === id);
    if (item && treeView.visible) await treeView.reveal(item, { select: true, focus: false });
  };

  registerDiagnostics(context, logs);
  registerCommands(context, logger, [
    addEntryCommand({ logs, inputs, reveal }),
    openEntryCommand(),
    { id: 'growthLog.refresh', execute: () => logs.ready().then(() => Promise.all(logs.logs.map((log) => log.store.loadAll()))) },
  ]);
  return { logs, tree, treeView, inputs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
