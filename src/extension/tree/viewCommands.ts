// The Entries view's own commands: group by, filter by text, tag or month, clear the filter,
// and show a criterion's evidence (what the overview's clicks run).
import * as vscode from 'vscode';
import { GROUP_BY_CHOICES, groupByPeriod, isEmptyFilter, isGroupBy, tagCounts, type GroupBy } from '../../core/model/entryQuery';
import type { Command } from '../workbench/commands';
import { GroupItem, type EntriesTreeProvider, type TreeNode } from './entriesTree';
import { askPick, askText } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { TreeViewStateStore } from './treeViewState';
import type { WorkspaceLogs } from '../log/workspaceLogs';

export interface ViewCommandDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
  readonly viewState: TreeViewStateStore;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function viewCommands(deps: ViewCommandDeps): Command[] {
  const { logs, inputs, viewState, tree, treeView } = deps;
  return [
    {
      id: 'growthLog.groupBy',
      async execute(arg: unknown) {
        let groupBy: GroupBy | undefined = isGroupBy(arg) ? arg : undefined;
        if (!groupBy) {
          const items = GROUP_BY_CHOICES.map((c) => ({ label: c.label, detail: c.detail, description: c.value === viewState.state.groupBy ? 'current' : undefined, value: c.value }));
          const picked = await askPick(inputs, { title: 'Group Entries By', placeholder: 'How should the tree group entries?', items, active: items.find((i) => i.value === viewState.state.groupBy) });
          groupBy = picked?.items[0]?.value;
        }
        if (groupBy) await viewState.setGroupBy(groupBy);
      },
    },
    {
      id: 'growthLog.filter',
      async execute() {
        const text = await askText(inputs, {
          title: 'Filter Entries',
          prompt: 'Show entries whose title, impact, details, tags or links contain every word (empty shows all).',
          placeholder: 'postgres migration',
          value: viewState.state.filter.text ?? '',
          validate: () => undefined,
        });
        if (text !== undefined) viewState.setFilter({ ...viewState.state.filter, text });
      },
    },
    {
      id: 'growthLog.filterByTag',
      async execute(arg: unknown) {
        if (arg instanceof GroupItem && arg.tag) {
          viewState.setFilter({ ...viewState.state.filter, tags: [arg.tag] });
          return;
        }
        if (typeof arg === 'string' && arg.trim()) {
          viewState.setFilter({ ...viewState.state.filter, tags: [arg.trim()] });
          await showEntries();
          return;
        }
        await logs.ready();
        const counts = tagCounts(logs.logs.flatMap((log) => log.store.entries));
        if (counts.length === 0) {
          void vscode.window.showInformationMessage('No entry has tags yet.');
          return;
        }
        const current = viewState.state.filter.tags ?? [];
        const items = counts.map(({ tag, count }) => ({ label: tag, description: `${count}`, tag }));
        const picked = await askPick(inputs, {
          title: 'Filter by Tag',
          placeholder: 'Show entries with every checked tag',
          items,
          canSelectMany: true,
          selected: items.filter((i) => current.includes(i.tag)),
        });
        if (picked) viewState.setFilter({ ...viewState.state.filter, tags: picked.items.map((i) => i.tag) });
      },
    },
    {
      id: 'growthLog.clearFilter',
      execute: () => viewState.setFilter({}),
    },
    {
      id: 'growthLog.filterByMonth',
      async execute(arg: unknown) {
        let month = typeof arg === 'string' && MONTH_PATTERN.test(arg) ? arg : undefined;
        if (!month) {
          await logs.ready();
          const months = groupByPeriod(logs.logs.flatMap((log) => log.store.entries)).flatMap((year) => year.children);
          if (months.length === 0) {
            void vscode.window.showInformationMessage('The log has no entries yet.');
            return;
          }
          const items = months.map((m) => ({ label: m.label, description: `${m.entries.length}`, month: m.key.slice('period:'.length) }));
          const picked = await askPick(inputs, { title: 'Filter by Month', placeholder: 'Show the entries of which month?', items, active: items.find((i) => i.month === viewState.state.filter.month) });
          month = picked?.items[0]?.month;
        }
        if (!month) return;
        viewState.setFilter({ ...viewState.state.filter, month });
        await showEntries();
      },
    },
    {
      id: 'growthLog.revealCriterion',
      async execute(arg: unknown) {
        if (typeof arg !== 'string' || !arg) return;
        // All of the criterion's evidence, as the overview counts it: a filter would hide some.
        if (!isEmptyFilter(viewState.state.filter)) viewState.setFilter({});
        if (viewState.state.groupBy !== 'competency') await viewState.setGroupBy('competency');
        const node = await tree.findCriterionNode(arg);
        if (!node) {
          void vscode.window.showInformationMessage(`The target level has no criterion \`${arg}\`.`);
          return;
        }
        await treeView.reveal(node, { select: true, focus: true, expand: true });
      },
    },
  ];

  /** Brings the Entries view forward, where a filter just set shows. */
  async function showEntries(): Promise<void> {
    await vscode.commands.executeCommand('growthLog.entries.focus');
  }
}
