// How the Entries view is sliced: the grouping (remembered per workspace) and the filter
// (for this window), reflected in the view's description and in context keys for the menus.
import * as vscode from 'vscode';
import { describeFilter, isEmptyFilter, isGroupBy, type EntryFilter, type GroupBy } from '../../core/model/entryQuery';
import type { ContextKeys } from '../workbench/contextKeys';
import type { TreeViewState } from './entriesTree';

const GROUP_BY_KEY = 'growthLog.groupBy';

export class TreeViewStateStore {
  private current: TreeViewState;
  private readonly changed = new vscode.EventEmitter<TreeViewState>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly contextKeys: ContextKeys,
  ) {
    const remembered = memento.get<string>(GROUP_BY_KEY);
    this.current = { groupBy: isGroupBy(remembered) ? remembered : 'period', filter: {} };
    this.publish();
  }

  get state(): TreeViewState {
    return this.current;
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    this.current = { ...this.current, groupBy };
    await this.memento.update(GROUP_BY_KEY, groupBy);
    this.publish();
  }

  setFilter(filter: EntryFilter): void {
    this.current = { ...this.current, filter: { text: filter.text?.trim() || undefined, tags: filter.tags?.length ? [...filter.tags] : undefined, month: filter.month || undefined } };
    this.publish();
  }

  /** The view's description: the active filter, so it is never hidden from the user. */
  description(): string | undefined {
    return isEmptyFilter(this.current.filter) ? undefined : `Filter: ${describeFilter(this.current.filter)}`;
  }

  private publish(): void {
    this.contextKeys.set('growthLog.groupBy', this.current.groupBy);
    this.contextKeys.set('growthLog.filtered', !isEmptyFilter(this.current.filter));
    this.changed.fire(this.current);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
