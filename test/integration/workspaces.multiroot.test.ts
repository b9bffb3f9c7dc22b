import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/model/entry';
import { activateExtension, asQuickPick, eventually, pickAndAccept, readText, startCommand, treeRows, typeAndAccept, typeAndAcceptPick } from './driver';

function folderUri(name: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `the workspace has a folder ${name}`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

describe('A multi-root workspace', () => {
  it('shows each folder’s log under its own node, each from its own growthLog.folder', async () => {
    const api = await activateExtension();
    const rows = await treeRows(api);
    const folders = rows.filter((r) => r.depth === 0).map((r) => [r.label, r.description]);
    assert.deepEqual(folders, [
      ['alpha', '1'],
      ['beta', '2'],
    ]);
    const titles = rows.filter((r) => r.node.contextValue === 'entry').map((r) => [r.label, r.depth]);
    assert.deepEqual(titles, [
      ['Released alpha 1.0', 3],
      ['Gave the beta design talk', 3],
      ['Mentored the beta intern', 3],
    ]);
  });

  it('asks which folder’s log a new entry goes to, and writes it there', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.quickAdd');
    const folders = asQuickPick(input);
    assert.deepEqual(folders.items.map((i) => i.label), ['alpha', 'beta']);
    const box = await pickAndAccept(api, folders, ['beta']);
    await typeAndAccept(api, box!, 'Wrote the beta runbook #docs');
    await done;
    const text = await readText(folderUri('beta', 'career', `${today().slice(0, 4)}.yaml`));
    assert.match(text, /title: Wrote the beta runbook\n    tags: \[docs\]\n/);
    await eventually(async () => {
      const beta = (await treeRows(api)).find((r) => r.depth === 0 && r.label === 'beta');
      assert.equal(beta?.description, '3');
    });
  });

  it('tags entries of both folders’ logs as one change, which one Undo takes back', async () => {
    const api = await activateExtension();
    const files = [folderUri('alpha', 'brag', '2026.yaml'), folderUri('beta', 'career', '2026.yaml')];
    const before = await Promise.all(files.map(readText));
    const rows = await treeRows(api);
    const nodeOf = (title: string) => rows.find((r) => r.label === title && r.node.contextValue?.startsWith('entry'))!.node;
    const alpha = nodeOf('Released alpha 1.0');
    const beta = nodeOf('Gave the beta design talk');
    const { input, done } = await startCommand(api, 'growthLog.tagEntries', alpha, [alpha, beta]);
    assert.equal(asQuickPick(input).title, 'Tag 2 entries');
    await typeAndAcceptPick(api, asQuickPick(input), 'shipped');
    await done;
    const [alphaText, betaText] = await Promise.all(files.map(readText));
    assert.equal(alphaText, before[0].replace('tags: [release]', 'tags: [release, shipped]'));
    assert.equal(betaText.split('tags: [shipped]').length, 2, 'one beta entry got the tag');
    await vscode.commands.executeCommand('growthLog.undoLastChange');
    assert.deepEqual(await Promise.all(files.map(readText)), before);
  });
});
