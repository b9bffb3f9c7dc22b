// Growth Log: List Entries without Impact: the overview's readiness button. An entry without an
// impact is a claim without a result; the list picks one and opens it in its file to add one.
import * as vscode from 'vscode';
import { today as todayDate } from '../../core/model/entry';
import { entriesWithoutImpact, overviewWindow } from '../../core/overview/overview';
import { TYPE_ICONS } from '../tree/entriesTree';
import { openEntryInFile } from '../tree/openEntry';
import type { Command } from '../workbench/commands';
import { askPick } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { WorkspaceLogs } from '../log/workspaceLogs';

export function listEntriesWithoutImpactCommand(deps: { readonly logs: WorkspaceLogs; readonly inputs: QuickInputs }): Command {
  return {
    id: 'growthLog.listEntriesWithoutImpact',
    async execute() {
      await deps.logs.ready();
      // The overview's window, so the list has as many entries as its button says.
      const window = overviewWindow({ today: todayDate() });
      const entries = entriesWithoutImpact(deps.logs.logs.flatMap((log) => log.store.entries), window);
      if (entries.length === 0) {
        void vscode.window.showInformationMessage(`Every entry from ${window.start} to ${window.end} has an impact.`);
        return undefined;
      }
      const items = entries.map((entry) => ({
        label: `$(${TYPE_ICONS[entry.type]}) ${entry.title}`,
        description: `${entry.date} · ${entry.type}`,
        detail: vscode.workspace.asRelativePath(vscode.Uri.parse(entry.file)),
        entry,
      }));
      const picked = await askPick(deps.inputs, {
        title: `Entries without an Impact (${entries.length})`,
        placeholder: 'Open which entry to add what changed because of it?',
        items,
      });
      const entry = picked?.items[0]?.entry;
      if (entry) await openEntryInFile(entry);
      return entry?.id;
    },
  };
}
