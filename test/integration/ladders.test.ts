import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ladderTemplate } from '../../src/core/ladders/ladderTemplates';
import { importLadderMatrix } from '../../src/core/ladders/matrixImport';
import { activateExtension, asQuickPick, eventually, pickAndAccept, readText, startCommand, treeRows, workspaceUri, writeText } from './driver';

const ladderFile = () => workspaceUri('brag', 'ladder.yaml');
const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/ladders', name), 'utf8');

const HAND_WRITTEN = `# Acme's ladder, typed in from the HR wiki.
name: 'Acme engineering'   # quoted on purpose
current: "E3"              # since April

levels:
  - {id: E3, title: Senior}
  - id: E4
    title: Staff
    criteria:
      - id: scope
        title: Scope
        description: Designs systems across teams.
        keywords: [architecture]
`;

async function removeLadder(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(ladderFile()).then(undefined, () => undefined);
  const api = await activateExtension();
  // The next test starts from the built-in ladder again.
  await eventually(() => assert.equal(api.logs.logs[0].ladder.ladder?.isDefault, true));
}

describe('Ladders', () => {
  afterEach(removeLadder);

  it('Create Ladder… offers three templates and writes the one picked, which the tree then uses', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.createLadder');
    const pick = asQuickPick(input);
    assert.deepEqual(pick.items.map((i) => i.label), ['Software engineer', 'Engineering manager', 'Blank']);
    await pickAndAccept(api, pick, ['Engineering manager']);
    assert.equal(await done, ladderFile().toString());
    assert.equal(await readText(ladderFile()), ladderTemplate('engineering-manager')!.text());
    assert.deepEqual(api.logs.logs[0].ladder.ladder?.levels.map((l) => l.id), ['M1', 'M2', 'M3', 'M4', 'M5']);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), ladderFile().toString(), 'the new ladder is opened');
  });

  it('Import Ladder… turns a matrix with merged cells, quotes and blanks into ladder.yaml, and the tree measures against it', async () => {
    const api = await activateExtension();
    const csv = workspaceUri('engineering-matrix.csv');
    await writeText(csv, fixture('engineering-matrix.csv'));
    try {
      assert.equal(await vscode.commands.executeCommand('growthLog.importLadder', csv), ladderFile().toString());
      const written = await readText(ladderFile());
      assert.equal(written, importLadderMatrix(fixture('engineering-matrix.csv'), 'engineering-matrix.csv').text);
      const ladder = api.logs.logs[0].ladder;
      assert.deepEqual(ladder.problems, []);
      assert.deepEqual(ladder.ladder?.levels.map((l) => `${l.id} ${l.title} ${l.criteria.length}`), ['E1 Engineer I 5', 'E2 Engineer II 5', 'E3 Senior Engineer 7', 'E4 Staff Engineer 4']);
      assert.match(written, /# Collaboration: the cell says “Same as E1”/);

      // The workspace's growthLog.targetLevel (L3) is not a level of this ladder: the tree says so.
      await vscode.workspace.getConfiguration('growthLog').update('targetLevel', 'E3', vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('growthLog.groupBy', 'competency');
      const rows = await eventually(async () => {
        const all = await treeRows(api);
        assert.equal(all[0].label, 'Target: Senior Engineer (E3)');
        return all;
      });
      assert.ok(rows.some((r) => r.label === 'Delivery (1)'), rows.map((r) => r.label).join(', '));
    } finally {
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
      await vscode.workspace.getConfiguration('growthLog').update('targetLevel', 'L3', vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(csv);
    }
  });

  it('Import Ladder… refuses a matrix with a quote left open, with its place, and writes nothing', async () => {
    await activateExtension();
    const csv = workspaceUri('broken.csv');
    await writeText(csv, 'Level,Delivery\nL1,"never closed\n');
    try {
      assert.equal(await vscode.commands.executeCommand('growthLog.importLadder', csv), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(ladderFile())));
    } finally {
      await vscode.workspace.fs.delete(csv);
    }
  });

  it('Set Current Level… changes only the value of `current`, keeping comments and quoting', async () => {
    const api = await activateExtension();
    await writeText(ladderFile(), HAND_WRITTEN);
    await eventually(() => assert.equal(api.logs.logs[0].ladder.ladder?.name, 'Acme engineering'));
    const { input, done } = await startCommand<string>(api, 'growthLog.setCurrentLevel');
    const pick = asQuickPick(input);
    assert.deepEqual(pick.items.map((i) => `${i.label} ${i.description}`), ['Senior E3 · current', 'Staff E4']);
    await pickAndAccept(api, pick, ['Staff']);
    assert.equal(await done, 'E4');
    assert.equal(await readText(ladderFile()), HAND_WRITTEN.replace('current: "E3"', 'current: E4'));
    assert.equal(api.logs.logs[0].ladder.ladder?.current, 'E4');
  });

  it('Set Target Level… writes the setting while one decides, and ladder.yaml once none does', async () => {
    const api = await activateExtension();
    await writeText(ladderFile(), HAND_WRITTEN);
    await eventually(() => assert.equal(api.logs.logs[0].ladder.ladder?.name, 'Acme engineering'));
    const config = () => vscode.workspace.getConfiguration('growthLog');
    try {
      // The workspace's growthLog.targetLevel overrides the file, so it is what changes.
      assert.equal(await vscode.commands.executeCommand('growthLog.setTargetLevel', 'E4'), 'E4');
      assert.equal(config().inspect('targetLevel')?.workspaceValue, 'E4');
      assert.equal(await readText(ladderFile()), HAND_WRITTEN);

      await config().update('targetLevel', undefined, vscode.ConfigurationTarget.Workspace);
      assert.equal(await vscode.commands.executeCommand('growthLog.setTargetLevel', 'E4'), 'E4');
      assert.equal(await readText(ladderFile()), HAND_WRITTEN.replace('\nlevels:\n', '\ntarget: E4\nlevels:\n'));
      assert.equal(api.logs.logs[0].targetLevel(), 'E4');
    } finally {
      await config().update('targetLevel', 'L3', vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Set Current Level… edits ladder.yaml through its editor when it has unsaved changes, which stay unsaved', async () => {
    const api = await activateExtension();
    await writeText(ladderFile(), HAND_WRITTEN);
    await eventually(() => assert.equal(api.logs.logs[0].ladder.ladder?.name, 'Acme engineering'));
    const editor = await vscode.window.showTextDocument(ladderFile());
    // A document the previous test had open may show its old text for a moment.
    await eventually(() => assert.equal(editor.document.getText(), HAND_WRITTEN));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# typed, not saved\n'));
    assert.equal(await vscode.commands.executeCommand('growthLog.setCurrentLevel', 'E4'), 'E4');
    assert.equal(editor.document.getText(), `# typed, not saved\n${HAND_WRITTEN.replace('current: "E3"', 'current: E4')}`);
    assert.equal(editor.document.isDirty, true);
    assert.equal(await readText(ladderFile()), HAND_WRITTEN, 'the disk keeps what was saved');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
