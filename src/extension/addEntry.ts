// Growth Log: Add Entry, a multi-step input; Escape at any step writes nothing.
import * as vscode from 'vscode';
import { today, type NewEntry } from '../core/entry';
import type { Command } from './commands';
import { applyWrite } from './logWriter';
import { MultiStepInput, type InputStep } from './multiStepInput';
import type { QuickInputs } from './quickInputs';
import type { WorkspaceLogs } from './workspaceLogs';

export interface AddEntryDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
  readonly reveal: (file: string, id: string) => Promise<void>;
}

interface Draft {
  title: string;
}

const TITLE = 'Add Entry';

export function addEntryCommand(deps: AddEntryDeps): Command {
  return {
    id: 'growthLog.addEntry',
    async execute() {
      const log = await deps.logs.pickLog('Add the entry to which folder’s log?');
      if (!log) {
        void vscode.window.showInformationMessage('Open a folder first: Growth Log keeps its log in the workspace.');
        return;
      }
      const draft: Draft = { title: '' };
      const total = 1;
      const askTitle: InputStep = async (input) => {
        draft.title = (
          await input.showInputBox({
            title: TITLE,
            step: 1,
            totalSteps: total,
            value: draft.title,
            prompt: 'What did you do? One line, in the past tense.',
            placeholder: 'Led the billing service migration to Postgres 16',
            validate: (value) => (value.trim() ? undefined : 'A title is required.'),
          })
        ).trim();
      };
      if (!(await MultiStepInput.run(deps.inputs, askTitle))) return;
      const entry: NewEntry = { date: today(), title: draft.title };
      const planned = await log.store.planAdd(entry);
      await applyWrite(planned);
      await log.store.reloadFile(planned.file);
      await deps.reveal(planned.file, planned.id);
      return planned.id;
    },
  };
}
