import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, entryTitles, EXTENSION_ID, eventually, treeRows, workspaceUri, writeText } from './driver';
import { nodeOnly } from './nodeOnly';

describe('Growth Log in VS Code', () => {
  it('lists the entries of brag/*.yaml in the tree by year and month, newest first, dated', async () => {
    const api = await activateExtension();
    const rows = await treeRows(api);
    const wanted = [
      ['2026', 0],
      ['November 2026', 1],
      ['Led the billing service migration to Postgres 16', 2],
      ['September 2026', 1],
      ['Mentored Ana through her first on-call rotation', 2],
      ['2025', 0],
      ['December 2025', 1],
      ['Passed the Certified Kubernetes Administrator exam', 2],
    ];
    const shown = rows.filter((r) => wanted.some(([label]) => label === r.label)).map((r) => [r.label, r.depth]);
    assert.deepEqual(shown, wanted);
    const billing = rows.find((r) => r.label.startsWith('Led the billing'));
    assert.equal(billing?.description, '2026-11-20 · project');
  });

  it('gives each entry a Markdown tooltip with its impact, tags and links, and an icon for its type', async () => {
    const api = await activateExtension();
    const billing = (await treeRows(api)).find((r) => r.label === 'Led the billing service migration to Postgres 16');
    assert.ok(billing);
    // As VS Code asks for it when the pointer rests on the row.
    const tooltip = api.tree.resolveTreeItem(billing.node, billing.node).tooltip as vscode.MarkdownString | undefined;
    assert.ok(tooltip && typeof tooltip.value === 'string', 'the tooltip is Markdown');
    assert.match(tooltip.value, /\*\*Impact:\*\* p99 latency down 40%, 12k USD a month saved/);
    assert.match(tooltip.value, /\*\*Tags:\*\* `infra` `leadership`/);
    assert.match(tooltip.value, /\(https:\/\/example\.com\/acme\/billing\/pull\/812\)/);
    assert.equal((billing?.node.iconPath as vscode.ThemeIcon).id, 'rocket');
    const ana = (await treeRows(api)).find((r) => r.label === 'Mentored Ana through her first on-call rotation');
    assert.equal((ana?.node.iconPath as vscode.ThemeIcon).id, 'person-add');
  });

  it('shows a file changed outside VS Code in the tree, and drops it when deleted, also just after its editor closed', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'side-project.yaml');
    await writeText(uri, 'entries:\n  - date: 2024-03-01\n    title: Wrote a Rust CLI for log triage\n');
    await eventually(async () => assert.ok((await entryTitles(api)).includes('Wrote a Rust CLI for log triage')));
    // A closed editor's document stays in memory for a while; the deleted file must still go.
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
    await eventually(async () => assert.ok(!(await entryTitles(api)).includes('Wrote a Rust CLI for log triage')));
  });

  it('redraws only the year whose file changed, with its new count, leaving the other years as they were', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', '2025.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const top = await api.tree.getChildren();
    const year = (label: string) => top.find((node) => node.label === label);
    const [y2025, y2026] = [year('2025'), year('2026')];
    assert.ok(y2025 && y2026);
    const count2025 = Number(y2025.description);
    const redrawn: unknown[] = [];
    const listening = api.tree.onDidChangeTreeData((nodes) => redrawn.push(nodes));
    try {
      await writeText(uri, `${before}\n  - date: 2025-03-14\n    title: Gave the team's first talk on tracing\n    type: leadership\n`);
      await eventually(() => assert.equal(redrawn.length, 1));
      assert.deepEqual(redrawn[0], [y2025], 'the change redraws the 2025 row alone, not the whole tree');
      assert.equal(y2025.description, String(count2025 + 1));
      assert.equal(y2025.accessibilityInformation?.label, `2025, ${count2025 + 1} entries`);
      const rows = await treeRows(api);
      const march = rows.findIndex((r) => r.label === 'March 2025');
      assert.ok(march > rows.findIndex((r) => r.label === '2025'));
      assert.equal(rows[march + 1].label, "Gave the team's first talk on tracing");
      assert.equal((await api.tree.getChildren()).find((node) => node.label === '2026'), y2026, 'the view keeps the 2026 row it has');
    } finally {
      listening.dispose();
      await writeText(uri, before);
      await eventually(async () => assert.ok(!(await entryTitles(api)).includes("Gave the team's first talk on tracing")));
    }
  });

  it('empties when the log folder is removed, and fills again when it comes back with its files at once', async () => {
    const api = await activateExtension();
    const before = await entryTitles(api);
    assert.ok(before.length > 0);
    // Through vscode.workspace.fs, so the same test runs in the web worker host; each call is
    // one operation of the file system behind the workspace, as fast as Node's fs.
    const folder = workspaceUri('brag');
    const saved = workspaceUri('brag-saved-by-test');
    await vscode.workspace.fs.copy(folder, saved);
    try {
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await eventually(async () => assert.deepEqual(await entryTitles(api), []));
      // As git does on checkout: the folder and its files appear within a few milliseconds.
      await vscode.workspace.fs.copy(saved, folder);
      await eventually(async () => assert.deepEqual(await entryTitles(api), before));
    } finally {
      await vscode.workspace.fs.copy(saved, folder).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(saved, { recursive: true });
    }
  });
});

describe('The manifest', () => {
  it('declares every command the extension registers, and registers every command it declares', async () => {
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // The web worker host leaves out the commands the manifest hides there (Log from Git).
    const hiddenInWeb = new Set(
      (extension.packageJSON.contributes.menus.commandPalette as { command: string; when?: string }[]).filter((m) => m.when?.includes('!growthLog.webWorker')).map((m) => m.command),
    );
    const declared = (extension.packageJSON.contributes.commands as { command: string }[])
      .map((c) => c.command)
      .filter((id) => nodeOnly || !hiddenInWeb.has(id))
      .sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('growthLog.') && !id.startsWith('growthLog.entries')).sort();
    assert.deepEqual(registered, declared);
  });
});
