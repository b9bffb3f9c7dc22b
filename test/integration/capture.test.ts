import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/model/entry';
import {
  activateExtension,
  asInputBox,
  asQuickPick,
  check,
  entryTitles,
  escape,
  eventually,
  nextInput,
  pickAndAccept,
  readText,
  startCommand,
  treeRows,
  typeAndAccept,
  typeAndAcceptPick,
  workspaceUri,
  writeText,
} from './driver';

const yearFile = (year: string) => workspaceUri('brag', `${year}.yaml`);

describe('Capture', () => {
  it('adds an entry through every step of Add Entry, with Back, validation in place, tags and competencies', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.entries.focus');
    // A capture reveals its entry only in a view that is shown (otherwise the status bar says it).
    await eventually(() => assert.ok(api.treeView.visible, 'the Growth Log view is shown'));
    const before = await readText(yearFile('2026'));
    const { input: titleStep, done } = await startCommand<string>(api, 'growthLog.addEntry');
    assert.equal(titleStep.step, 1);
    assert.equal(titleStep.totalSteps, 6);

    let step = await typeAndAccept(api, titleStep, 'Ran the game day for the payments failover');
    assert.equal(asQuickPick(step!).step, 2);
    // Back returns to the title with what was typed.
    const back = nextInput(api);
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    const titleAgain = asInputBox(await back);
    assert.equal(titleAgain.step, 1);
    assert.equal(titleAgain.value, 'Ran the game day for the payments failover');

    step = await typeAndAccept(api, titleAgain, 'Ran the game day for the payments failover');
    step = await pickAndAccept(api, step!, ['leadership']);
    const dateStep = asInputBox(step!);
    assert.equal(dateStep.step, 3);
    assert.equal(dateStep.value, today(), 'the date defaults to today');

    // An impossible date is refused in place, with the reason, and the flow stays on the step.
    const stayed = await typeAndAccept(api, dateStep, '2026-02-30');
    assert.equal(stayed, undefined);
    assert.equal(dateStep.validationMessage, '2026-02-30 is not a calendar date: February 2026 has 28 days.');

    step = await typeAndAccept(api, dateStep, '2026-03-02');
    assert.equal(asInputBox(step!).step, 4);
    step = await typeAndAccept(api, step!, 'Failover time measured: 4 minutes, down from 25');

    const tagStep = asQuickPick(step!);
    assert.equal(tagStep.step, 5);
    assert.equal(tagStep.canSelectMany, true);
    assert.equal(tagStep.placeholder, 'Tags (optional)');
    assert.match(tagStep.prompt ?? '', /^Space checks the highlighted tag/);
    // Tags in use are offered, most used first.
    assert.equal(tagStep.items[0].label, 'infra');
    await check(tagStep, ['infra']);
    step = await typeAndAcceptPick(api, tagStep, 'game-days, Reliability');

    const competencyStep = asQuickPick(step!);
    assert.equal(competencyStep.step, 6);
    assert.match(competencyStep.prompt ?? '', /^Criteria of Senior Software Engineer \(L3\), your target level: check those it shows/);
    assert.ok(competencyStep.items.some((i) => i.description === 'leadership'), 'criteria of the target level are offered');
    const item = competencyStep.items.find((i) => i.description === 'leadership')!;
    step = await pickAndAccept(api, competencyStep, [item.label]);
    assert.equal(step, undefined, 'the last step closes the flow');

    const id = await done;
    assert.equal(id, '2026-03-02-ran-the-game-day-for-the');
    const after = await readText(yearFile('2026'));
    assert.ok(after.startsWith(before), 'the existing text is untouched');
    assert.equal(
      after.slice(before.length),
      [
        '',
        '  - id: 2026-03-02-ran-the-game-day-for-the',
        '    date: 2026-03-02',
        '    title: Ran the game day for the payments failover',
        '    type: leadership',
        '    impact: "Failover time measured: 4 minutes, down from 25"',
        '    tags: [infra, game-days, reliability]',
        '    competencies: [leadership]',
        '',
      ].join('\n'),
    );
    // The new entry is revealed and selected in the tree.
    await eventually(() => assert.deepEqual(api.treeView.selection.map((n) => n.label), ['Ran the game day for the payments failover'], `the selection (the view ${api.treeView.visible ? 'is' : 'is not'} shown)`));
  });

  for (const stepToEscape of [1, 2, 3, 4, 5, 6, 7]) {
    it(`writes nothing when Add Entry is escaped at step ${stepToEscape}`, async () => {
      const api = await activateExtension();
      const files = await vscode.workspace.fs.readDirectory(workspaceUri('brag'));
      const before = await Promise.all(files.map(([name]) => readText(workspaceUri('brag', name))));
      const { input, done } = await startCommand<string>(api, 'growthLog.addEntry');
      let current: vscode.QuickInput | undefined = input;
      const answers: ((i: vscode.QuickInput) => Promise<vscode.QuickInput | undefined>)[] = [
        (i) => typeAndAccept(api, i, 'Never written'),
        (i) => pickAndAccept(api, i, ['project']),
        (i) => typeAndAccept(api, i, '2026-01-05'),
        (i) => typeAndAccept(api, i, ''),
        (i) => pickAndAccept(api, i, []),
        (i) => pickAndAccept(api, i, []),
      ];
      for (let step = 1; step < stepToEscape; step++) current = await answers[step - 1](current!);
      assert.equal(current?.step, stepToEscape);
      await escape();
      assert.equal(await done, undefined);
      const after = await Promise.all(files.map(([name]) => readText(workspaceUri('brag', name))));
      assert.deepEqual(after, before);
      assert.ok(!(await entryTitles(api)).includes('Never written'));
    });
  }

  it('creates the file of the entry’s year, with a header comment, when it does not exist yet', async () => {
    const api = await activateExtension();
    // Even just after an editor showed an earlier 2031.yaml: its document outlives the file.
    await writeText(yearFile('2031'), 'entries:\n  - date: 2031-01-02\n    title: An old plan\n');
    await vscode.window.showTextDocument(yearFile('2031'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(yearFile('2031'));
    await eventually(async () => assert.ok(!(await entryTitles(api)).includes('An old plan')));
    const { input, done } = await startCommand<string>(api, 'growthLog.addEntry');
    let step = await typeAndAccept(api, input, 'Planned the 2031 roadmap');
    step = await pickAndAccept(api, step!, ['project']);
    step = await typeAndAccept(api, step!, '2031-01-15');
    step = await typeAndAccept(api, step!, '');
    step = await pickAndAccept(api, step!, []);
    step = await pickAndAccept(api, step!, []);
    // The impact was left empty: the last step offers a follow-up.
    assert.equal(asQuickPick(step!).placeholder, 'Remind me to add the outcome:');
    await pickAndAccept(api, step!, ['No']);
    await done;
    const text = await readText(yearFile('2031'));
    assert.match(text, /^# .+\nentries:\n  - id: 2031-01-15-planned-the-2031-roadmap\n    date: 2031-01-15\n    title: Planned the 2031 roadmap\n    type: project\n$/);
    // Undo Last Change takes the entry back by removing the file the entry created.
    await vscode.commands.executeCommand('growthLog.undoLastChange');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(yearFile('2031'))), 'the new year file is gone');
    await eventually(async () => assert.ok(!(await entryTitles(api)).includes('Planned the 2031 roadmap')));
  });

  it('turns a Quick Add line into an entry dated today with its #tags, which Undo Last Change takes back', async () => {
    const api = await activateExtension();
    const before = await readText(yearFile(today().slice(0, 4)));
    const { input, done } = await startCommand<string>(api, 'growthLog.quickAdd');
    // Tags alone are refused in place.
    assert.equal(await typeAndAccept(api, input, '#infra'), undefined);
    assert.equal(asInputBox(input).validationMessage, 'Write what you did; #tags alone are not an entry.');
    await typeAndAccept(api, input, 'Shipped the importer #infra #speed');
    const id = await done;
    assert.ok(id);
    const text = await readText(yearFile(today().slice(0, 4)));
    assert.match(text, new RegExp(`- id: ${id}\\n    date: ${today()}\\n    title: Shipped the importer\\n    tags: \\[infra, speed\\]\\n`));
    await eventually(async () => assert.ok((await entryTitles(api)).includes('Shipped the importer')));
    await vscode.commands.executeCommand('growthLog.undoLastChange');
    assert.equal(await readText(yearFile(today().slice(0, 4))), before);
    await eventually(async () => assert.ok(!(await entryTitles(api)).includes('Shipped the importer')));
  });

  it('adds an entry from the editor selection, which becomes the details', async () => {
    const api = await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ content: 'Notes from the retro\nAna said the runbook I wrote saved the night.\nmore', language: 'markdown' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, 45);
    const { input, done } = await startCommand<string>(api, 'growthLog.addEntryFromSelection');
    assert.equal(asInputBox(input).value, 'Ana said the runbook I wrote saved the night.');
    await typeAndAccept(api, input, 'Runbook praised after the outage');
    const id = await done;
    const text = await readText(yearFile(today().slice(0, 4)));
    assert.match(text, new RegExp(`- id: ${id}\\n    date: ${today()}\\n    title: Runbook praised after the outage\\n    details: Ana said the runbook I wrote saved the night.\\n`));
    // The notes were never saved: close them without the Save? dialog.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('adds to a file open with unsaved changes through the editor, keeping them, and Undo takes the entry back', async () => {
    const api = await activateExtension();
    const uri = yearFile(today().slice(0, 4));
    const onDisk = await readText(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    assert.ok(doc.isDirty);
    const { input, done } = await startCommand<string>(api, 'growthLog.quickAdd');
    await typeAndAccept(api, input, 'Wrote the on-call handbook #oncall');
    await done;
    assert.ok(doc.isDirty, 'the document stays unsaved: the user decides');
    assert.ok(doc.getText().startsWith('# unsaved note\n'), 'the unsaved change survives');
    assert.match(doc.getText(), /title: Wrote the on-call handbook/);
    assert.equal(await readText(uri), onDisk, 'nothing was written behind the editor');
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(doc.getText(), /Wrote the on-call handbook/);
    assert.ok(doc.getText().startsWith('# unsaved note\n'));
    await vscode.commands.executeCommand('undo');
    await doc.save();
    assert.equal(await readText(uri), onDisk);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Entries from the tree', () => {
  it('opens an entry in its YAML file with the cursor on it', async () => {
    const api = await activateExtension();
    const row = (await treeRows(api)).find((r) => r.label === 'Mentored Ana through her first on-call rotation');
    assert.ok(row);
    await vscode.commands.executeCommand('growthLog.openEntry', row.node);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), yearFile('2026').toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /- id: 2026-09-03-mentored-ana/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('edits the title of the clicked entry and nothing else in the file', async () => {
    const api = await activateExtension();
    const before = await readText(yearFile('2025'));
    const row = (await treeRows(api)).find((r) => r.label === 'Took over ownership of the deploy pipeline');
    const { input, done } = await startCommand(api, 'growthLog.editEntry', row!.node, [row!.node]);
    const next = await pickAndAccept(api, input, ['Title']);
    assert.equal(asInputBox(next!).value, 'Took over ownership of the deploy pipeline');
    await typeAndAccept(api, next!, 'Owned the deploy pipeline end to end');
    await done;
    const after = await readText(yearFile('2025'));
    assert.equal(after, before.replace('title: Took over ownership of the deploy pipeline', 'title: Owned the deploy pipeline end to end'));
    await eventually(async () => assert.ok((await entryTitles(api)).includes('Owned the deploy pipeline end to end')));
  });

  it('edits the date and the type of an entry picked from the palette', async () => {
    const api = await activateExtension();
    let { input, done } = await startCommand(api, 'growthLog.editEntry');
    let next = await pickAndAccept(api, input, ['Owned the deploy pipeline end to end']);
    next = await pickAndAccept(api, next!, ['Date']);
    assert.equal(await typeAndAccept(api, next!, 'yesterday'), undefined);
    assert.equal(asInputBox(next!).validationMessage, 'Write the date as YYYY-MM-DD, for example 2026-11-20.');
    await typeAndAccept(api, next!, '2025-07-01');
    await done;
    ({ input, done } = await startCommand(api, 'growthLog.editEntry'));
    next = await pickAndAccept(api, input, ['Owned the deploy pipeline end to end']);
    next = await pickAndAccept(api, next!, ['Type']);
    await pickAndAccept(api, next!, ['skill']);
    await done;
    ({ input, done } = await startCommand(api, 'growthLog.editEntry'));
    next = await pickAndAccept(api, input, ['Owned the deploy pipeline end to end']);
    next = await pickAndAccept(api, next!, ['Impact']);
    assert.equal(asInputBox(next!).value, 'deploys from 45 to 12 minutes');
    await typeAndAccept(api, next!, 'deploys from 45 to 9 minutes');
    await done;
    const text = await readText(yearFile('2025'));
    assert.match(text, /date: 2025-07-01\n    title: Owned the deploy pipeline end to end\n    type: skill\n    impact: deploys from 45 to 9 minutes\n/);
  });

  it('takes back the last edit with Undo Last Change, though the file is not open', async () => {
    const api = await activateExtension();
    const before = await readText(yearFile('2025'));
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === yearFile('2025').toString()), 'the file is not open');
    const { input, done } = await startCommand(api, 'growthLog.editEntry');
    let next = await pickAndAccept(api, input, ['Owned the deploy pipeline end to end']);
    next = await pickAndAccept(api, next!, ['Title']);
    await typeAndAccept(api, next!, 'A title I did not mean');
    await done;
    assert.notEqual(await readText(yearFile('2025')), before);
    await vscode.commands.executeCommand('growthLog.undoLastChange');
    assert.equal(await readText(yearFile('2025')), before);
    await eventually(async () => assert.ok((await entryTitles(api)).includes('Owned the deploy pipeline end to end')));
  });
});
