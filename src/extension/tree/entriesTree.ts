// The Entries view: the log grouped by period, tag, type or competency, filtered by text and
// tags, with a node for files that have problems. One TreeItem class per kind of node.
import * as vscode from 'vscode';
import type { Entry, EntryType } from '../../core/model/entry';
import { describeFilter, filterEntries, groupByPeriod, groupByTag, groupByType, isEmptyFilter, type EntryFilter, type EntryGroup, type GroupBy } from '../../core/model/entryQuery';
import { criterionEvidence, describeReason, type CriterionEvidence } from '../../core/packet/evidence';
import { findLevel, levelLabel } from '../../core/packet/ladder';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';

export const TYPE_ICONS: Record<EntryType, string> = {
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
  constructor(
    readonly entry: Entry,
    parentKey: string,
    /** Why the entry is listed under a criterion it does not name, when it is only suggested. */
    readonly suggestion?: string,
    /** The criterion a suggested entry would support once accepted. */
    readonly criterionId?: string,
  ) {
    super(entry.title, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentKey}/entry:${entry.file}#${entry.id}`;
    this.description = `${entry.date} · ${entry.type}${suggestion ? ` · suggested (${suggestion})` : ''}`;
    this.iconPath = new vscode.ThemeIcon(TYPE_ICONS[entry.type]);
    this.contextValue = suggestion ? 'entry.suggested' : 'entry';
    this.tooltip = entryTooltip(entry, suggestion);
    this.accessibilityInformation = { label: `${entry.title}, ${entry.type}, ${entry.date}${suggestion ? `, suggested (${suggestion})` : ''}` };
    this.command = { command: 'growthLog.openEntry', title: 'Open Entry', arguments: [this] };
  }
}

export class GroupItem extends vscode.TreeItem {
  constructor(
    readonly group: EntryGroup,
    readonly groupBy: GroupBy,
    parentKey: string,
    expanded: boolean,
  ) {
    super(group.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parentKey}/${group.key}`;
    this.description = `${group.entries.length}`;
    this.iconPath = new vscode.ThemeIcon(groupIcon(group, groupBy));
    this.contextValue = groupBy === 'tag' && group.key !== 'tag:' ? 'group.tag' : 'group';
    this.tooltip = `${group.entries.length} ${group.entries.length === 1 ? 'entry' : 'entries'}`;
    // Without it a screen reader announces the tooltip alone: "4 entries", with no name.
    this.accessibilityInformation = { label: `${group.label}, ${this.tooltip}` };
  }

  /** The tag this group stands for, when grouped by tag. */
  get tag(): string | undefined {
    return this.contextValue === 'group.tag' ? this.group.label : undefined;
  }
}

export class CriterionItem extends vscode.TreeItem {
  constructor(
    readonly evidence: CriterionEvidence,
    parentKey: string,
  ) {
    super(evidence.criterion.title, vscode.TreeItemCollapsibleState.Collapsed);
    const count = evidence.explicit.length + evidence.suggested.length;
    this.id = `${parentKey}/criterion:${evidence.criterion.id}`;
    this.description = `${count}${evidence.isGap ? ' · gap' : evidence.status === 'unconfirmed' ? ' · unconfirmed' : ''}`;
    this.iconPath = evidence.isGap
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(evidence.status === 'supported' ? 'pass' : 'question');
    this.contextValue = evidence.isGap ? 'criterion.gap' : 'criterion';
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(evidence.criterion.title)}** (\`${evidence.criterion.id}\`)\n\n`);
    md.appendText(evidence.criterion.description);
    md.appendMarkdown(`\n\n${evidence.explicit.length} confirmed, ${evidence.suggested.length} suggested.`);
    if (evidence.isGap) md.appendMarkdown(' **A gap:** fewer than two pieces of evidence.');
    this.tooltip = md;
    this.accessibilityInformation = {
      label: `${evidence.criterion.title}, ${evidence.explicit.length} confirmed, ${evidence.suggested.length} suggested${evidence.isGap ? ', a gap' : ''}`,
    };
  }
}

export class FolderItem extends vscode.TreeItem {
  constructor(
    readonly log: FolderLog,
    count: number,
  ) {
    super(log.workspaceFolder.name, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `folder:${log.uri.toString()}`;
    this.description = `${count}`;
    this.iconPath = vscode.ThemeIcon.Folder;
    this.contextValue = 'logFolder';
    this.accessibilityInformation = { label: `${log.workspaceFolder.name}, ${count} ${count === 1 ? 'entry' : 'entries'}` };
  }
}

export class ProblemsItem extends vscode.TreeItem {
  constructor(fileCount: number, problemCount: number, parentKey: string) {
    super(`${fileCount} ${fileCount === 1 ? 'file has' : 'files have'} problems`, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentKey}/problems`;
    this.description = `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}`;
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    this.contextValue = 'problems';
    this.tooltip = 'Open the Problems panel to see each problem with its place.';
    this.accessibilityInformation = { label: `${this.label}, ${this.description}; opens the Problems panel` };
    this.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
  }
}

export class MessageItem extends vscode.TreeItem {
  constructor(label: string, parentKey: string, tooltip?: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentKey}/message:${label}`;
    this.iconPath = new vscode.ThemeIcon('info');
    this.contextValue = 'message';
    this.tooltip = tooltip;
    this.accessibilityInformation = { label: tooltip ? `${label}. ${tooltip}` : label };
  }
}

/** The first row while a filter is on: what it is, how much it hides, and a click to clear it. */
export class FilterItem extends vscode.TreeItem {
  constructor(filter: EntryFilter, shown: number, total: number) {
    super(`Filter: ${describeFilter(filter)}`, vscode.TreeItemCollapsibleState.None);
    this.id = 'filter';
    this.description = `${shown} of ${total} entries · click to clear`;
    this.iconPath = new vscode.ThemeIcon('filter-filled');
    this.contextValue = 'filter';
    this.tooltip = 'Showing only the entries that match. Click to show every entry again.';
    this.accessibilityInformation = { label: `${this.label}, ${shown} of ${total} entries shown; activate to clear the filter` };
    this.command = { command: 'growthLog.clearFilter', title: 'Clear Filter' };
  }
}

export type TreeNode = EntryItem | GroupItem | CriterionItem | FolderItem | ProblemsItem | MessageItem | FilterItem;

export function entryTooltip(entry: Entry, suggestion?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(entry.title)}**\n\n`);
  md.appendMarkdown(`$(calendar) ${entry.date} · ${entry.type}${entry.direction ? ` (${entry.direction})` : ''}\n\n`);
  if (entry.impact) md.appendMarkdown(`**Impact:** ${escapeMarkdown(entry.impact)}\n\n`);
  if (entry.tags.length) md.appendMarkdown(`**Tags:** ${entry.tags.map((t) => `\`${t.replace(/`/g, '')}\``).join(' ')}\n\n`);
  if (entry.competencies.length) md.appendMarkdown(`**Competencies:** ${entry.competencies.map((c) => `\`${c.replace(/`/g, '')}\``).join(' ')}\n\n`);
  if (suggestion) md.appendMarkdown(`_Suggested evidence (${escapeMarkdown(suggestion)}); accept it to add the competency._\n\n`);
  if (entry.links.length) md.appendMarkdown(`**Links:**\n${entry.links.map((l) => `- ${linkMarkdown(l)}`).join('\n')}\n`);
  return md;
}

function linkMarkdown(url: string): string {
  return /^https?:\/\/\S+$/.test(url) ? `[${escapeMarkdown(url)}](${url.replace(/\)/g, '%29')})` : escapeMarkdown(url);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

function groupIcon(group: EntryGroup, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'period':
      return group.children.length ? 'calendar' : 'history';
    case 'tag':
      return 'tag';
    case 'type':
      return TYPE_ICONS[group.label as EntryType] ?? 'symbol-enum';
    case 'competency':
      return 'checklist';
  }
}

/** What the view shows: how entries are grouped and which are filtered in. */
export interface TreeViewState {
  readonly groupBy: GroupBy;
  readonly filter: EntryFilter;
}

/** More entries than this in the newest year, and only its newest month starts open. */
const BUSY_YEAR = 100;

export class EntriesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  // Nodes are rebuilt on every refresh; their ids keep selection and expansion stable.
  private readonly parents = new WeakMap<TreeNode, TreeNode>();
  /** The newest year opens with its months (only the newest, in a busy year); older years start folded. */
  private readonly expandedYears = new Set<string>();
  /**
   * Set while the view waits for its first rows: a change the log reports meanwhile (the load
   * itself) is already in what it gets, and a refresh would make the view ask for every row twice.
   */
  private rootPending = false;

  constructor(
    private readonly logs: WorkspaceLogs,
    private readonly state: () => TreeViewState,
  ) {
    this.subscription = logs.onDidChange(() => this.refresh());
  }

  refresh(): void {
    if (this.rootPending) return;
    this.changed.fire(undefined);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) this.rootPending = true;
    try {
      await this.logs.ready();
    } finally {
      if (!node) this.rootPending = false;
    }
    const children = this.childNodes(node);
    if (node) for (const child of children) this.parents.set(child, node);
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  /** The visible entries, after the filter, across every folder's log. */
  visibleEntries(): Entry[] {
    return this.logs.logs.flatMap((log) => filterEntries(log.store.entries, this.state().filter));
  }

  /** The node that shows an entry, found by walking the tree, for reveal after an add. */
  async findEntryNode(file: string, id: string): Promise<EntryItem | undefined> {
    const walk = async (nodes: TreeNode[]): Promise<EntryItem | undefined> => {
      for (const node of nodes) {
        if (node instanceof EntryItem && node.entry.file === file && node.entry.id === id) return node;
        if (node instanceof GroupItem || node instanceof FolderItem) {
          const found = await walk(await this.getChildren(node));
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(await this.getChildren());
  }

  private childNodes(node?: TreeNode): TreeNode[] {
    if (node instanceof FolderItem) return this.logChildren(node.log, node.id ?? '');
    if (node instanceof GroupItem) return this.groupChildren(node.group, node.id ?? '');
    if (node instanceof CriterionItem) return this.criterionChildren(node.evidence, node.id ?? '');
    if (node) return [];
    // With no valid entry anywhere the tree stays empty, so a welcome view explains what to do.
    const withContent = this.logs.logs.filter((log) => log.store.entries.length > 0);
    const { filter } = this.state();
    const top: TreeNode[] = [];
    if (withContent.length > 0 && !isEmptyFilter(filter)) {
      const total = withContent.reduce((n, log) => n + log.store.entries.length, 0);
      top.push(new FilterItem(filter, this.visibleEntries().length, total));
    }
    if (withContent.length > 1) {
      return [...top, ...withContent.map((log) => new FolderItem(log, filterEntries(log.store.entries, filter).length))];
    }
    return withContent.length === 1 ? [...top, ...this.logChildren(withContent[0], 'root')] : [];
  }

  private logChildren(log: FolderLog, key: string): TreeNode[] {
    const { groupBy, filter } = this.state();
    const entries = filterEntries(log.store.entries, filter);
    const nodes: TreeNode[] = [];
    const problemFiles = log.store.files.filter((f) => f.problems.length > 0);
    const ladderProblems = log.ladder.problems.length;
    if (problemFiles.length > 0 || ladderProblems > 0) {
      const problemCount = problemFiles.reduce((n, f) => n + f.problems.length, 0) + ladderProblems;
      nodes.push(new ProblemsItem(problemFiles.length + (ladderProblems > 0 ? 1 : 0), problemCount, key));
    }
    if (log.store.entries.length > 0 && entries.length === 0 && !isEmptyFilter(filter)) {
      nodes.push(new MessageItem('No entries match the filter', key, 'Clear the filter from the view’s title bar.'));
      return nodes;
    }
    switch (groupBy) {
      case 'period': {
        // The newest year starts open; older years stay folded until asked for.
        const years = groupByPeriod(entries);
        nodes.push(...years.map((group, i) => new GroupItem(group, groupBy, key, i === 0)));
        if (years[0]) this.expandedYears.add(years[0].key);
        break;
      }
      case 'tag':
        nodes.push(...groupByTag(entries).map((group) => new GroupItem(group, groupBy, key, false)));
        break;
      case 'type':
        nodes.push(...groupByType(entries).map((group) => new GroupItem(group, groupBy, key, false)));
        break;
      case 'competency':
        nodes.push(...this.readiness(log, entries, key));
        break;
    }
    return nodes;
  }

  private readiness(log: FolderLog, entries: readonly Entry[], key: string): TreeNode[] {
    const ladder = log.ladder.ladder;
    const targetId = log.targetLevel();
    const level = ladder && targetId ? findLevel(ladder, targetId) : undefined;
    if (!ladder || !level) {
      return [new MessageItem('Set a target level to see readiness', key, 'Set `target:` in ladder.yaml or the growthLog.targetLevel setting.')];
    }
    const header = new MessageItem(
      `Target: ${levelLabel(ladder, level.id)}`,
      key,
      `Criteria of ${levelLabel(ladder, level.id)} from ${ladder.isDefault ? 'the built-in ladder' : 'ladder.yaml'}. The counts take every entry of the log; a packet counts only its review period.`,
    );
    header.iconPath = new vscode.ThemeIcon('target');
    // The packet counts a period, the tree the whole log: say so where the counts are read.
    header.description = 'counts the whole log';
    header.accessibilityInformation = { label: `Target: ${levelLabel(ladder, level.id)}, evidence counted from the whole log` };
    return [header, ...criterionEvidence(entries, level).map((evidence) => new CriterionItem(evidence, key))];
  }

  private groupChildren(group: EntryGroup, key: string): TreeNode[] {
    if (group.children.length > 0) {
      const expanded = this.expandedYears.has(group.key);
      // Every open month is a batch of rows the view waits for before it shows the first one.
      const busy = group.entries.length > BUSY_YEAR;
      return group.children.map((child, i) => new GroupItem(child, 'period', key, expanded && (!busy || i === 0)));
    }
    return group.entries.map((entry) => new EntryItem(entry, key));
  }

  private criterionChildren(evidence: CriterionEvidence, key: string): TreeNode[] {
    return [
      ...evidence.explicit.map((entry) => new EntryItem(entry, key)),
      ...evidence.suggested.map((entry) => {
        const reason = evidence.reasons.get(entry);
        return new EntryItem(entry, key, reason ? describeReason(reason) : 'suggested', evidence.criterion.id);
      }),
    ];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
