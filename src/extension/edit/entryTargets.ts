// Which entries a command acts on: the tree items it was started from (one, or the whole
// multi-selection), or, from the palette or a keybinding, the ones the user picks.
import * as vscode from 'vscode';
import type { Entry } from '../../core/model/entry';
import { EntryItem } from '../tree/entriesTree';
import { askPick } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';

export interface EntryTarget {
  readonly log: FolderLog;
  readonly entry: Entry;
}

/** VS Code calls tree-item commands with (clicked item, all selected items). */
export function targetsFromArgs(logs: WorkspaceLogs, args: readonly unknown[]): EntryTarget[] {
  const [clicked, selected] = args;
  const items = Array.isArray(selected) && selected.includes(clicked) ? selected : [clicked];
  const targets: EntryTarget[] = [];
  for (const item of items) {
    if (!(item instanceof EntryItem)) continue;
    const log = logs.logOfFile(item.entry.file);
    if (log && !targets.some((t) => t.entry.file === item.entry.file && t.entry.id === item.entry.id)) targets.push({ log, entry: item.entry });
  }
  return targets;
}

interface EntryPickItem extends vscode.QuickPickItem {
  readonly target: EntryTarget;
}

/** A pick list of every entry, newest first, searchable by title, date, type and tags. */
export async function pickEntries(logs: WorkspaceLogs, inputs: QuickInputs, options: { title: string; canPickMany: boolean }): Promise<EntryTarget[]> {
  await logs.ready();
  const items: EntryPickItem[] = logs.logs.flatMap((log) =>
    log.store.entries.map((entry) => ({
      label: entry.title,
      description: `${entry.date} · ${entry.type}`,
      detail: entry.tags.length ? entry.tags.map((t) => `#${t}`).join(' ') : undefined,
      target: { log, entry },
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('The log has no entries yet.');
    return [];
  }
  const picked = await askPick(inputs, {
    title: options.title,
    placeholder: options.canPickMany ? 'Check the entries, then press Enter' : 'Type to search by title, date, type or tag',
    items,
    canSelectMany: options.canPickMany,
    matchOnDetail: true,
  });
  if (!picked) return [];
  // With nothing checked, Enter takes the highlighted entry, as in a single pick.
  const chosen = picked.items.length > 0 ? picked.items : picked.active.slice(0, 1);
  return chosen.map((i) => i.target);
}

export interface TargetDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
  /** The tree's current selection, for keybindings that act on it. */
  readonly selection: () => readonly unknown[];
}

/**
 * A keybinding's `args` in package.json: act on the tree's selection. (A keybinding passes no
 * tree item, and from the palette a command must not act on a selection the user cannot see.)
 */
export const FROM_TREE_SELECTION = 'fromTreeSelection';

/** The command's targets: its tree items (or the tree's selection, from a keybinding), or else a pick list. */
export async function resolveTargets(deps: TargetDeps, args: readonly unknown[], options: { title: string; canPickMany: boolean }): Promise<EntryTarget[]> {
  const selection = args[0] === FROM_TREE_SELECTION ? deps.selection() : undefined;
  const fromTree = targetsFromArgs(deps.logs, selection ? [selection[0], selection] : args);
  return fromTree.length > 0 ? fromTree : pickEntries(deps.logs, deps.inputs, options);
}
