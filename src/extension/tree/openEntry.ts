import * as vscode from 'vscode';
import { parseEntryFile } from '../../core/readers/yamlCodec';
import type { Command } from '../workbench/commands';
import { EntryItem } from './entriesTree';

/** Opens an entry's YAML file with the cursor on the entry (the tree's click action). */
export function openEntryCommand(): Command {
  return {
    id: 'growthLog.openEntry',
    async execute(arg: unknown) {
      if (!(arg instanceof EntryItem)) return;
      const { file, id } = arg.entry;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
      // Found again in the text as it is now, in case it moved since the tree was drawn.
      const range = parseEntryFile(doc.getText(), file).entries.find((e) => e.id === id)?.range ?? arg.entry.range;
      const position = new vscode.Position(range.start.line, range.start.column);
      const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), preserveFocus: false });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    },
  };
}
