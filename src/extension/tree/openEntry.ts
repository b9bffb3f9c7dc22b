import * as vscode from 'vscode';
import type { Entry } from '../../core/model/entry';
import { parseEntryFile } from '../../core/readers/yamlCodec';
import type { Command } from '../workbench/commands';
import { EntryItem } from './entriesTree';

/** Opens an entry's YAML file with the cursor on the entry (the tree's click action). */
export function openEntryCommand(): Command {
  return {
    id: 'growthLog.openEntry',
    async execute(arg: unknown) {
      if (arg instanceof EntryItem) await openEntryInFile(arg.entry);
    },
  };
}

/** Opens the entry's file with the cursor on the entry, found again in the text as it is now. */
export async function openEntryInFile(entry: Entry): Promise<void> {
  const { file, id } = entry;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
  // In case it moved since the tree (or the list it was picked from) was drawn.
  const range = parseEntryFile(doc.getText(), file).entries.find((e) => e.id === id)?.range ?? entry.range;
  const position = new vscode.Position(range.start.line, range.start.column);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), preserveFocus: false });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
