import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/entry';
import { activateExtension, entryItems, eventually, nextInput, readText, typeAndAccept, workspaceUri } from './driver';

describe('Growth Log in VS Code', () => {
  it('lists the entries of brag/*.yaml in the tree, newest first, dated', async () => {
    const api = await activateExtension();
    const items = entryItems(await api.tree.getChildren());
    assert.deepEqual(
      items.slice(0, 3).map((i) => [i.label, i.description]),
      [
        ['Led the billing service migration to Postgres 16', '2026-11-20 · project'],
        ['Mentored Ana through her first on-call rotation', '2026-09-03 · mentoring'],
        ['Passed the Certified Kubernetes Administrator exam', '2025-12-01 · learning'],
      ],
    );
  });

  it('adds an entry from the title typed into Add Entry, in the file of this year', async () => {
    const api = await activateExtension();
    const shown = nextInput(api);
    const done = vscode.commands.executeCommand<string>('growthLog.addEntry');
    await typeAndAccept(api, await shown, 'Shipped the importer');
    const id = await done;
    const year = today().slice(0, 4);
    const text = await readText(workspaceUri('brag', `${year}.yaml`));
    assert.match(text, new RegExp(`- id: ${id}\\n +date: ${today()}\\n +title: Shipped the importer\\n`));
    await eventually(async () => {
      const titles = (await api.tree.getChildren()).map((n) => n.label);
      assert.ok(titles.includes('Shipped the importer'), `tree shows ${titles.join(', ')}`);
    });
  });

  it('shows a file changed outside VS Code in the tree', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'side-project.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('entries:\n  - date: 2024-03-01\n    title: Wrote a Rust CLI for log triage\n'));
    await eventually(async () => {
      const titles = (await api.tree.getChildren()).map((n) => n.label);
      assert.ok(titles.includes('Wrote a Rust CLI for log triage'), `tree shows ${titles.join(', ')}`);
    });
    await vscode.workspace.fs.delete(uri);
    await eventually(async () => {
      const titles = (await api.tree.getChildren()).map((n) => n.label);
      assert.ok(!titles.includes('Wrote a Rust CLI for log triage'));
    });
  });
});
