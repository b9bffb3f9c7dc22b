// Growth Log: Add Entry from Selection: the selected text becomes the details; the title is asked.
import * as vscode from 'vscode';
import { today } from '../../core/model/entry';
import { captureEntry, logForCapture, type CaptureDeps } from './addEntry';
import type { Command } from '../workbench/commands';
import { askText } from '../workbench/multiStepInput';

export function addEntryFromSelectionCommand(deps: CaptureDeps): Command {
  return {
    id: 'growthLog.addEntryFromSelection',
    async execute() {
      const editor = vscode.window.activeTextEditor;
      const details = editor ? editor.selections.map((s) => editor.document.getText(s)).join('\n').trim() : '';
      if (!details) {
        void vscode.window.showInformationMessage('Select the text to keep as the entry’s details first.');
        return undefined;
      }
      const log = await logForCapture(deps.logs);
      if (!log) return undefined;
      const firstLine = details.split('\n')[0].trim();
      const title = await askText(deps.inputs, {
        title: 'Add Entry from Selection',
        prompt: 'A one-line title; the selection becomes the details.',
        value: firstLine.length <= 80 ? firstLine : '',
        validate: (value) => (value.trim() ? undefined : 'A title is required.'),
      });
      if (title === undefined) return undefined;
      return captureEntry(deps, log, { date: today(), title: title.trim(), details });
    },
  };
}
