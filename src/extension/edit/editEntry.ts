// Growth Log: Edit Entry (title, date, type or impact through quick inputs) and Delete Entry
// (after a modal confirmation). Both change only the bytes of that entry.
import * as vscode from 'vscode';
import { ENTRY_TYPES, type Entry, type EntryType } from '../../core/model/entry';
import type { EntryPatch } from '../../core/edits/entryEdits';
import { dateProblem, TYPE_DESCRIPTIONS } from '../capture/addEntry';
import type { Command } from '../workbench/commands';
import { TYPE_ICONS } from '../tree/entriesTree';
import { resolveTargets, type EntryTarget, type TargetDeps } from './entryTargets';
import type { LastChange, LogWrites } from '../log/lastChange';
import { applyToLog } from '../log/logEdits';
import { askPick, askText } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';

export interface EntryCommandDeps extends TargetDeps {
  readonly lastChange: LastChange;
}

type Field = 'title' | 'date' | 'type' | 'impact';

interface FieldItem extends vscode.QuickPickItem {
  readonly field: Field;
}

async function updateEntry(deps: EntryCommandDeps, target: EntryTarget, patch: EntryPatch): Promise<void> {
  const [write] = await applyToLog(target.log, async () => [await target.log.store.planUpdate(target.entry.id, patch)]);
  // The tree shows the edit; a toast for each one would be noise. Undo Last Change still takes it back.
  deps.lastChange.record([{ log: target.log, writes: [write] }], `Edited “${target.entry.title}”.`, { notify: false });
}

async function askPatch(inputs: QuickInputs, entry: Entry): Promise<EntryPatch | undefined> {
  const fields: FieldItem[] = [
    { label: 'Title', description: entry.title, field: 'title' },
    { label: 'Date', description: entry.date, field: 'date' },
    { label: 'Type', description: entry.type, field: 'type' },
    { label: 'Impact', description: entry.impact ?? '(none)', field: 'impact' },
  ];
  const title = `Edit “${entry.title}”`;
  const chosen = await askPick(inputs, { title, placeholder: 'Which field?', items: fields });
  const field = chosen?.items[0]?.field;
  switch (field) {
    case undefined:
      return undefined;
    case 'title': {
      const value = await askText(inputs, { title, prompt: 'The new title', value: entry.title, validate: (v) => (v.trim() ? undefined : 'A title is required.') });
      return value === undefined ? undefined : { title: value.trim() };
    }
    case 'date': {
      const value = await askText(inputs, { title, prompt: 'The new date, YYYY-MM-DD', value: entry.date, validate: dateProblem });
      return value === undefined ? undefined : { date: value.trim() };
    }
    case 'impact': {
      const value = await askText(inputs, { title, prompt: 'What changed because of it? (empty removes the impact)', value: entry.impact ?? '', validate: () => undefined });
      return value === undefined ? undefined : { impact: value.trim() || undefined };
    }
    case 'type': {
      const items = ENTRY_TYPES.map((type) => ({ label: type, description: TYPE_DESCRIPTIONS[type], iconPath: new vscode.ThemeIcon(TYPE_ICONS[type]), type }));
      const picked = await askPick(inputs, { title, placeholder: 'The new type', items, active: items.find((i) => i.type === entry.type) });
      const type: EntryType | undefined = picked?.items[0]?.type;
      return type === undefined ? undefined : { type };
    }
  }
}

export function editEntryCommand(deps: EntryCommandDeps): Command {
  return {
    id: 'growthLog.editEntry',
    async execute(...args: unknown[]) {
      const [target] = await resolveTargets(deps, args, { title: 'Edit Entry', canPickMany: false });
      if (!target) return;
      const patch = await askPatch(deps.inputs, target.entry);
      if (patch) await updateEntry(deps, target, patch);
    },
  };
}

export function deleteEntryCommand(deps: EntryCommandDeps): Command {
  return {
    id: 'growthLog.deleteEntry',
    async execute(...args: unknown[]) {
      const targets = await resolveTargets(deps, args, { title: 'Delete Entry', canPickMany: false });
      if (targets.length === 0) return;
      const what = targets.length === 1 ? `“${targets[0].entry.title}”` : `${targets.length} entries`;
      const files = [...new Set(targets.map((t) => vscode.workspace.asRelativePath(vscode.Uri.parse(t.entry.file))))];
      const answer = await vscode.window.showWarningMessage(
        `Delete ${what}?`,
        { modal: true, detail: `${targets.length === 1 ? 'It is' : 'They are'} removed from ${files.join(', ')}. Growth Log: Undo Last Change brings ${targets.length === 1 ? 'it' : 'them'} back.` },
        'Delete',
      );
      if (answer !== 'Delete') return;
      // One entry at a time: each plan reads the file as the previous delete left it.
      const done: LogWrites[] = [];
      try {
        for (const target of targets) {
          const [write] = await applyToLog(target.log, async () => [await target.log.store.planDelete(target.entry.id)]);
          done.push({ log: target.log, writes: [write] });
        }
      } finally {
        // What was deleted can be brought back, also when a later delete failed.
        if (done.length > 0) deps.lastChange.record(done, `Deleted ${what}.`, { notify: true });
      }
    },
  };
}
