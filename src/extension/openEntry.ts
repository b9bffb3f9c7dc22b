import * as vscode from 'vscode';
import type { Command } from './commands';
import { EntryItem } from './entriesTree';

/** Opens an entry's YAML file with the cursor on the entry (the tree's click action). */
export function openEntryCommand(): Command {
  return {
    id: 'growthLog.openEntry',
    async execute(arg: unknown) {
      if (!(arg instanceof EntryItem)) return;
      const { file, range } = arg.entry;
      const position = new vscode.Position(range.start.line, range.start.column);
      await vscode.window.showTextDocument(vscode.Uri.parse(file), {
        selection: new vscode.Range(position, position),
        preserveFocus: false,
      });
    },
  };
}
