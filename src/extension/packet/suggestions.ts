// Suggested evidence (by keyword or type) is only ever written when the user accepts it: one
// entry from the tree, or every suggestion for the target level at once after a confirmation.
import * as vscode from 'vscode';
import { updateEntry } from '../../core/edits/entryEdits';
import { criterionEvidence } from '../../core/packet/evidence';
import { findLevel, levelLabel } from '../../core/packet/ladder';
import type { Command } from '../workbench/commands';
import { EntryItem } from '../tree/entriesTree';
import { applyToLog } from '../log/logEdits';
import { pickLevel } from './promotionPacket';
import type { LastChange } from '../log/lastChange';
import { confirmInPick } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { WorkspaceLogs } from '../log/workspaceLogs';

export interface SuggestionDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
  readonly lastChange: LastChange;
}

export function suggestionCommands(deps: SuggestionDeps): Command[] {
  return [
    {
      id: 'growthLog.acceptSuggestion',
      async execute(arg: unknown) {
        if (!(arg instanceof EntryItem) || !arg.criterionId) return;
        const { entry, criterionId } = arg;
        const log = deps.logs.logOfFile(entry.file);
        if (!log || entry.competencies.includes(criterionId)) return;
        await applyToLog(log, async () => [await log.store.planUpdate(entry.id, { competencies: [...entry.competencies, criterionId] })]);
      },
    },
    {
      id: 'growthLog.acceptAllSuggestions',
      async execute() {
        const log = await deps.logs.pickLog('Accept suggestions in which folder’s log?');
        const ladder = log?.ladder.ladder;
        if (!log || !ladder) return;
        const levelId = log.targetLevel() ?? (await pickLevel(deps.inputs, ladder, undefined));
        const level = levelId ? findLevel(ladder, levelId) : undefined;
        if (!level) return;
        const additions = new Map<string, string[]>();
        for (const evidence of criterionEvidence(log.store.entries, level)) {
          for (const entry of evidence.suggested) additions.set(entry.id, [...(additions.get(entry.id) ?? []), evidence.criterion.id]);
        }
        if (additions.size === 0) {
          void vscode.window.showInformationMessage(`There are no suggestions for ${levelLabel(ladder, level.id)}.`);
          return;
        }
        const count = [...additions.values()].reduce((n, ids) => n + ids.length, 0);
        const files = new Set([...additions.keys()].map((id) => log.store.entry(id)?.file));
        const question = `${count} suggested ${count === 1 ? 'competency' : 'competencies'} for ${levelLabel(ladder, level.id)} go into ${additions.size} ${additions.size === 1 ? 'entry' : 'entries'} in ${files.size} ${files.size === 1 ? 'file' : 'files'}; nothing else changes.`;
        if (!(await confirmInPick(deps.inputs, 'Accept All Suggested Competencies', question, 'Accept All'))) return;
        const writes = await log.store.planEdits(
          [...additions].map(([id, criteria]) => ({
            id,
            edit: (text, entry) => updateEntry(text, id, { competencies: [...entry.competencies, ...criteria] }, entry.file),
          })),
        );
        await deps.lastChange.apply([{ log, writes }], `Accepted ${count} suggested ${count === 1 ? 'competency' : 'competencies'}.`);
      },
    },
  ];
}
