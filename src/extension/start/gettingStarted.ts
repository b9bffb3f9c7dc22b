// The first hour: Create Log (the log folder with one commented example entry, opened) and
// Get Started, which opens the walkthrough only when the user asks for it.
import * as vscode from 'vscode';
import { exampleLogText } from '../../core/capture/exampleLog';
import { today } from '../../core/model/entry';
import { applyToLog } from '../log/logEdits';
import type { WorkspaceLogs } from '../log/workspaceLogs';
import type { Command } from '../workbench/commands';

export const WALKTHROUGH_ID = 'growth-log.growth-log#growthLog.gettingStarted';

export interface GettingStartedDeps {
  readonly logs: WorkspaceLogs;
}

export function createLogCommand(deps: GettingStartedDeps): Command {
  return {
    id: 'growthLog.createLog',
    async execute() {
      const log = await deps.logs.pickLog('Create the log in which folder?');
      if (!log) {
        void vscode.window.showInformationMessage('Open a folder first: Growth Log keeps its log in the workspace.');
        return undefined;
      }
      const entryFiles = log.store.files.filter((f) => f.isEntryFile);
      if (entryFiles.length > 0) {
        // Never a second example: open the newest file of the log that is already there.
        const newest = [...entryFiles].sort((a, b) => (a.file < b.file ? 1 : -1))[0].file;
        await vscode.window.showTextDocument(vscode.Uri.parse(newest), { preview: false });
        vscode.window.setStatusBarMessage(`$(info) ${vscode.workspace.asRelativePath(log.uri)} already holds your log.`, 5000);
        return newest;
      }
      const day = today();
      const file = vscode.Uri.joinPath(log.uri, `${day.slice(0, 4)}.yaml`).toString();
      await applyToLog(log, async () => [{ file, before: undefined, after: exampleLogText(day) }]);
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(file), { preview: false });
      // The cursor on the example's title: the first thing to make one's own.
      const line = editor.document.getText().split('\n').findIndex((l) => l.trimStart().startsWith('title:'));
      if (line >= 0) {
        const column = editor.document.lineAt(line).text.indexOf('title:') + 'title: '.length;
        editor.selection = new vscode.Selection(line, column, line, column);
      }
      return file;
    },
  };
}

export function openWalkthroughCommand(): Command {
  return {
    id: 'growthLog.openWalkthrough',
    execute: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
  };
}
