// The Entries view: the log as a tree, newest first, with a node for files that have problems.
import * as vscode from 'vscode';
import type { Entry } from '../core/entry';
import type { FolderLog, WorkspaceLogs } from './workspaceLogs';

const TYPE_ICONS: Record<Entry['type'], string> = {
  project: 'rocket',
  skill: 'tools',
  learning: 'mortar-board',
  responsibility: 'briefcase',
  leadership: 'megaphone',
  mentoring: 'person-add',
  collaboration: 'organization',
  network: 'globe',
  recognition: 'star-full',
  move: 'arrow-swap',
};

export class EntryItem extends vscode.TreeItem {
  constructor(readonly entry: Entry) {
    super(entry.title, vscode.TreeItemCollapsibleState.None);
    this.id = `entry:${entry.file}#${entry.id}`;
    this.description = `${entry.date} · ${entry.type}`;
    this.iconPath = new vscode.ThemeIcon(TYPE_ICONS[entry.type]);
    this.contextValue = 'entry';
    this.tooltip = entryTooltip(entry);
    this.command = { command: 'growthLog.openEntry', title: 'Open Entry', arguments: [this] };
  }
}

export class FolderItem extends vscode.TreeItem {
  constructor(readonly log: FolderLog) {
    super(log.workspaceFolder.name, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `folder:${log.uri.toString()}`;
    this.description = `${log.store.entries.length}`;
    this.iconPath = vscode.ThemeIcon.Folder;
    this.contextValue = 'logFolder';
  }
}

export class ProblemsItem extends vscode.TreeItem {
  constructor(fileCount: number, problemCount: number) {
    super(`${fileCount} ${fileCount === 1 ? 'file has' : 'files have'} problems`, vscode.TreeItemCollapsibleState.None);
    this.id = 'problems';
    this.description = `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}`;
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    this.contextValue = 'problems';
    this.tooltip = 'Open the Problems panel to see each problem with its place.';
    this.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
  }
}

export type TreeNode = EntryItem | FolderItem | ProblemsItem;

export function entryTooltip(entry: Entry): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(entry.title)}**\n\n`);
  md.appendMarkdown(`$(calendar) ${entry.date} · ${entry.type}\n\n`);
  if (entry.impact) md.appendMarkdown(`**Impact:** ${escapeMarkdown(entry.impact)}\n\n`);
  if (entry.tags.length) md.appendMarkdown(`**Tags:** ${entry.tags.map((t) => `\`${t}\``).join(' ')}\n\n`);
  if (entry.links.length) md.appendMarkdown(`**Links:**\n${entry.links.map((l) => `- ${l}`).join('\n')}\n`);
  return md;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export class EntriesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly logs: WorkspaceLogs) {
    this.subscription = logs.onDidChange(() => this.changed.fire(undefined));
  }

  // Nodes are rebuilt on every refresh; their ids keep selection and expansion stable.
  private readonly parents = new WeakMap<TreeNode, TreeNode>();

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    await this.logs.ready();
    const children = this.childNodes(node);
    if (node) for (const child of children) this.parents.set(child, node);
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  private childNodes(node?: TreeNode): TreeNode[] {
    if (node instanceof FolderItem) return this.childrenOf([node.log]);
    if (node) return [];
    const withContent = this.logs.logs.filter((log) => log.store.files.length > 0);
    if (withContent.length > 1) return withContent.map((log) => new FolderItem(log));
    return this.childrenOf(withContent);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  private childrenOf(logs: readonly FolderLog[]): TreeNode[] {
    const entries = logs.flatMap((log) => log.store.entries);
    const problemFiles = logs.flatMap((log) => log.store.files.filter((f) => f.problems.length > 0));
    const nodes: TreeNode[] = [];
    if (problemFiles.length > 0 && entries.length > 0) {
      nodes.push(new ProblemsItem(problemFiles.length, problemFiles.reduce((n, f) => n + f.problems.length, 0)));
    }
    nodes.push(...entries.map((entry) => new EntryItem(entry)));
    return nodes;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
