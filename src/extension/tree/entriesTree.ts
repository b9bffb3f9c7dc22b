// The Entries view: the log grouped by period, tag, type or competency, filtered by text and
// tags, with a node for files that have problems and one for follow-ups due. One TreeItem class
// per kind of node.
import * as vscode from 'vscode';
import { today as systemToday, type Entry, type EntryType } from '../../core/model/entry';
import { followUpsDue } from '../../core/habit/followUps';
import { currentLevel, levelWithTime } from '../../core/habit/timeInLevel';
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
    this.description = `${entry.date} · ${entry.type}${entry.private ? ' · private' : ''}${suggestion ? ` · suggested (${suggestion})` : ''}`;
    // The lock takes the type's place: what matters most about a private entry is that it stays home.
    this.iconPath = new vscode.ThemeIcon(entry.private ? 'lock' : TYPE_ICONS[entry.type]);
    this.contextValue = suggestion ? 'entry.suggested' : 'entry';
    // The Markdown tooltip is made on hover (resolveTreeItem): VS Code parses every Markdown
    // tooltip it is sent, 60 ms for a month of entries in a busy extension host, before it
    // shows the rows.
    this.accessibilityInformation = { label: `${entry.title}, ${entry.type}, ${entry.date}${entry.private ? ', private' : ''}${suggestion ? `, suggested (${suggestion})` : ''}` };
    this.command = { command: 'growthLog.openEntry', title: 'Open Entry', arguments: [this] };
  }
}

export class GroupItem extends vscode.TreeItem {
  constructor(
    public group: EntryGroup,
    readonly groupBy: GroupBy,
    parentKey: string,
    expanded: boolean,
  ) {
    super(group.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parentKey}/${group.key}`;
    this.iconPath = new vscode.ThemeIcon(groupIcon(group, groupBy));
    this.contextValue = groupBy === 'tag' && group.key !== 'tag:' ? 'group.tag' : 'group';
    this.show(group);
  }

  /**
   * Takes the same group's entries after a change to the log, keeping this node (the one the view
   * knows) and its open or folded state; says whether anything in it changed.
   */
  update(group: EntryGroup): boolean {
    const before = this.group.entries;
    if (before.length === group.entries.length && before.every((entry, i) => entry === group.entries[i])) return false;
    this.show(group);
    return true;
  }

  private show(group: EntryGroup): void {
    this.group = group;
    this.description = `${group.entries.length}`;
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

/** The first row while follow-ups are due: how many, opening to the entries that wait for an outcome. */
export class FollowUpsItem extends vscode.TreeItem {
  constructor(public due: readonly { readonly entry: Entry }[]) {
    super(`Follow-ups due (${due.length})`, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = 'followUps';
    this.iconPath = new vscode.ThemeIcon('bell-dot');
    this.contextValue = 'followUps';
    this.tooltip = 'Entries whose outcome Growth Log was asked to follow up. Add their impact, or ask again later.';
    this.accessibilityInformation = { label: `Follow-ups due: ${due.length} ${due.length === 1 ? 'entry waits' : 'entries wait'} for its outcome` };
  }
}

/** An entry under the follow-ups row: it says since when it is due. */
function followUpEntryItem(entry: Entry): EntryItem {
  const item = new EntryItem(entry, 'followUps');
  item.description = `due ${entry.followUp} · ${entry.date}`;
  item.contextValue = 'entry.followUp';
  item.accessibilityInformation = { label: `${entry.title}, follow-up due ${entry.followUp}, ${entry.type}, ${entry.date}` };
  return item;
}

export type TreeNode = EntryItem | GroupItem | CriterionItem | FolderItem | ProblemsItem | MessageItem | FilterItem | FollowUpsItem;

export function entryTooltip(entry: Entry, suggestion?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(entry.title)}**\n\n`);
  md.appendMarkdown(`$(calendar) ${entry.date} · ${entry.type}${entry.direction ? ` (${entry.direction})` : ''}${entry.level ? ` to \`${entry.level.replace(/`/g, '')}\`` : ''}\n\n`);
  if (entry.impact) md.appendMarkdown(`**Impact:** ${escapeMarkdown(entry.impact)}\n\n`);
  if (entry.followUp) md.appendMarkdown(`$(bell) Asks how it turned out on ${entry.followUp}\n\n`);
  if (entry.tags.length) md.appendMarkdown(`**Tags:** ${entry.tags.map((t) => `\`${t.replace(/`/g, '')}\``).join(' ')}\n\n`);
  if (entry.competencies.length) md.appendMarkdown(`**Competencies:** ${entry.competencies.map((c) => `\`${c.replace(/`/g, '')}\``).join(' ')}\n\n`);
  if (entry.private) md.appendMarkdown('$(lock) _Private: left out of packets and exports unless you include it._\n\n');
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
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
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

  /**
   * The top rows, kept from one change to the next as the objects the view knows (it finds a
   * node to redraw by its object), each holding its group's current entries.
   */
  private topGroups = new Map<string, GroupItem>();
  /** The top groups (and the follow-ups row) whose entries changed since the view last drew them. */
  private readonly changedGroups = new Set<GroupItem | FollowUpsItem>();
  /** The follow-ups row, kept like the top groups while the number due stays the same. */
  private followUpsRow: FollowUpsItem | undefined;
  /** What the top rows were when the view last asked for them. */
  private shownRoot: readonly TreeNode[] | undefined;

  constructor(
    private readonly logs: WorkspaceLogs,
    private readonly state: () => TreeViewState,
    /** Today on the habit loop's clock, for the follow-ups due. */
    private readonly today: () => string = systemToday,
  ) {
    this.subscription = logs.onDidChange(() => this.logChanged());
  }

  /** Redraws every row: the grouping or the filter changed. */
  refresh(): void {
    if (this.rootPending) return;
    this.shownRoot = undefined;
    this.topGroups = new Map();
    this.followUpsRow = undefined;
    this.changed.fire(undefined);
  }

  /**
   * An add or an edit changes one file, so one year's (or tag's, or type's) entries: redrawing that
   * group alone spares the view a round trip for its top rows, and leaves the other groups as the
   * user had them. Anything else (a new group, a problem count that moved) redraws it all.
   */
  private logChanged(): void {
    const shown = this.shownRoot;
    if (this.rootPending || !shown || this.state().groupBy === 'competency') return this.refresh();
    this.changedGroups.clear();
    const fresh = this.childNodes(undefined);
    const same =
      fresh.length === shown.length &&
      fresh.every((node, i) => node === shown[i] || ((node instanceof ProblemsItem || node instanceof FilterItem || node instanceof MessageItem) && node.id === shown[i].id && node.label === shown[i].label && node.description === shown[i].description));
    if (!same) return this.refresh();
    this.shownRoot = fresh;
    if (this.changedGroups.size > 0) this.changed.fire([...this.changedGroups]);
  }

  /**
   * The follow-ups row the view already has while as many are due (its label stays the same), with
   * the due entries now; a new one when the number changed, which redraws everything.
   */
  private followUpsNode(due: readonly { readonly entry: Entry }[]): FollowUpsItem {
    const known = this.followUpsRow;
    if (known && known.due.length === due.length) {
      if (!known.due.every((d, i) => d.entry === due[i].entry)) {
        known.due = due;
        this.changedGroups.add(known);
      }
      return known;
    }
    return (this.followUpsRow = new FollowUpsItem(due));
  }

  /** A top group: the node the view already has, with the group's entries now, or a new one. */
  private topGroup(group: EntryGroup, groupBy: GroupBy, key: string, expanded: boolean): GroupItem {
    const id = `${key}/${group.key}`;
    const known = this.topGroups.get(id);
    if (known && known.groupBy === groupBy && known.label === group.label) {
      if (known.update(group)) this.changedGroups.add(known);
      return known;
    }
    const node = new GroupItem(group, groupBy, key, expanded);
    this.topGroups.set(id, node);
    return node;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.childrenOf(node);
    if (!node) this.shownRoot = children;
    return children;
  }

  /** The children of a node, for the view or for a walk that the view does not see. */
  private async childrenOf(node?: TreeNode): Promise<TreeNode[]> {
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

  /** Gives an entry its tooltip when the pointer rests on it. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node instanceof EntryItem) item.tooltip ??= entryTooltip(node.entry, node.suggestion);
    return item;
  }

  /** The visible entries, after the filter, across every folder's log. */
  visibleEntries(): Entry[] {
    return this.logs.logs.flatMap((log) => this.query(log).entries);
  }

  /** Every log's entries whose follow-up day has come, whatever the filter. */
  followUpsDue(): { log: FolderLog; entry: Entry }[] {
    const today = this.today();
    return this.logs.logs.flatMap((log) => followUpsDue(log.store.entries, today).map((entry) => ({ log, entry })));
  }

  /** The node that shows an entry, found by walking the tree, for reveal after an add. */
  async findEntryNode(file: string, id: string): Promise<EntryItem | undefined> {
    const walk = async (nodes: TreeNode[]): Promise<EntryItem | undefined> => {
      for (const node of nodes) {
        if (node instanceof EntryItem && node.entry.file === file && node.entry.id === id) return node;
        if (node instanceof GroupItem || node instanceof FolderItem) {
          const found = await walk(await this.childrenOf(node));
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(await this.childrenOf());
  }

  /** The row of a criterion of the target level (grouped by competency), for reveal from the overview. */
  async findCriterionNode(criterionId: string): Promise<CriterionItem | undefined> {
    // A walk the view does not see, as findEntryNode's: the rows the view last asked for stay what they were.
    for (const node of await this.childrenOf()) {
      if (node instanceof CriterionItem && node.evidence.criterion.id === criterionId) return node;
      if (node instanceof FolderItem) {
        const found = (await this.childrenOf(node)).find((child): child is CriterionItem => child instanceof CriterionItem && child.evidence.criterion.id === criterionId);
        if (found) return found;
      }
    }
    return undefined;
  }

  private childNodes(node?: TreeNode): TreeNode[] {
    if (node instanceof FolderItem) return this.logChildren(node.log, node.id ?? '');
    if (node instanceof GroupItem) return this.groupChildren(node.group, node.id ?? '');
    if (node instanceof CriterionItem) return this.criterionChildren(node.evidence, node.id ?? '');
    if (node instanceof FollowUpsItem) return node.due.map(({ entry }) => followUpEntryItem(entry));
    if (node) return [];
    // With no valid entry anywhere the tree stays empty, so a welcome view explains what to do.
    const withContent = this.logs.logs.filter((log) => log.store.entries.length > 0);
    const { filter } = this.state();
    const top: TreeNode[] = [];
    const due = this.followUpsDue();
    if (due.length > 0) top.push(this.followUpsNode(due));
    if (withContent.length > 0 && !isEmptyFilter(filter)) {
      const total = withContent.reduce((n, log) => n + log.store.entries.length, 0);
      top.push(new FilterItem(filter, this.visibleEntries().length, total));
    }
    if (withContent.length > 1) {
      return [...top, ...withContent.map((log) => new FolderItem(log, this.query(log).entries.length))];
    }
    return withContent.length === 1 ? [...top, ...this.logChildren(withContent[0], 'root')] : [];
  }

  /**
   * The filtered entries and their groups, per version of a log's entries: a change makes the view
   * ask for its rows and an add's reveal walk them too, and grouping 10,000 entries once is enough.
   */
  private readonly grouped = new WeakMap<readonly Entry[], Map<string, { entries: Entry[]; groups?: EntryGroup[] }>>();

  private query(log: FolderLog, grouping?: (entries: Entry[]) => EntryGroup[]): { entries: Entry[]; groups: EntryGroup[] } {
    const { groupBy, filter } = this.state();
    const all = log.store.entries;
    let byState = this.grouped.get(all);
    if (!byState) this.grouped.set(all, (byState = new Map()));
    const key = JSON.stringify([groupBy, filter]);
    let result = byState.get(key);
    if (!result) byState.set(key, (result = { entries: filterEntries(all, filter) }));
    if (grouping) result.groups ??= grouping(result.entries);
    return { entries: result.entries, groups: result.groups ?? [] };
  }

  private logChildren(log: FolderLog, key: string): TreeNode[] {
    const { groupBy, filter } = this.state();
    const grouping = groupBy === 'period' ? groupByPeriod : groupBy === 'tag' ? groupByTag : groupBy === 'type' ? groupByType : undefined;
    const { entries, groups } = this.query(log, grouping);
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
        nodes.push(...groups.map((group, i) => this.topGroup(group, groupBy, key, i === 0)));
        if (groups[0]) this.expandedYears.add(groups[0].key);
        break;
      }
      case 'tag':
      case 'type':
        nodes.push(...groups.map((group) => this.topGroup(group, groupBy, key, false)));
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
    const today = this.today();
    const current = currentLevel(log.store.entries, ladder, today, ladder.current);
    const now = current ? `now ${levelWithTime(ladder, current, today)}` : undefined;
    const header = new MessageItem(
      `Target: ${levelLabel(ladder, level.id)}`,
      key,
      `Criteria of ${levelLabel(ladder, level.id)} from ${ladder.isDefault ? 'the built-in ladder' : 'ladder.yaml'}.${now ? ` You are ${now}.` : ''} The counts take every entry of the log; a packet counts only its review period.`,
    );
    header.iconPath = new vscode.ThemeIcon('target');
    // The packet counts a period, the tree the whole log: say so where the counts are read.
    header.description = [now, 'counts the whole log'].filter(Boolean).join(' · ');
    header.accessibilityInformation = { label: `Target: ${levelLabel(ladder, level.id)}${now ? `, ${now}` : ''}, evidence counted from the whole log` };
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
