import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/model/entry';
import { runExportCommand } from '../../src/node/exportCommand';
import { activateExtension, asQuickPick, entryTitles, eventually, pickAndAccept, readText, startCommand, treeRows, typeAndAccept, workspaceUri, writeText } from './driver';

const PRIVATE_TITLE = 'Salary talk with my manager';
const privateLog = () =>
  `entries:\n  - id: private-salary-talk\n    date: ${today()}\n    title: ${PRIVATE_TITLE}\n    type: recognition\n    private: true\n    situation: Review season\n`;

describe('Exports and private entries', () => {
  beforeEach(async () => {
    const api = await activateExtension();
    await writeText(workspaceUri('brag', 'private.yaml'), privateLog());
    await eventually(async () => assert.ok((await entryTitles(api)).includes(PRIVATE_TITLE)));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('brag', 'private.yaml')).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri('brag', 'packets'), { recursive: true }).then(undefined, () => undefined);
    // The next suite starts from the log without it.
    const api = await activateExtension();
    await eventually(async () => assert.ok(!(await entryTitles(api)).includes(PRIVATE_TITLE)));
  });

  it('shows a private entry with a lock, and says "private" to a screen reader', async () => {
    const api = await activateExtension();
    const row = (await treeRows(api)).find((r) => r.label === PRIVATE_TITLE);
    assert.ok(row);
    assert.equal((row.node.iconPath as vscode.ThemeIcon).id, 'lock');
    assert.match(row.description, /· private$/);
    assert.match(row.node.accessibilityInformation?.label ?? '', /^Salary talk with my manager, recognition, \d{4}-\d{2}-\d{2}, private$/);
  });

  it('Export… writes the CSV the CLI writes for the same choices, private entries left out, and opens it', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.export');
    const formats = asQuickPick(input);
    assert.deepEqual([formats.step, formats.totalSteps], [1, 4], 'a log with private entries is asked about them');
    assert.deepEqual(formats.items.map((i) => i.label), ['Markdown brag document', 'HTML', 'JSON', 'CSV', 'STAR stories']);
    const periods = await pickAndAccept(api, formats, ['CSV']);
    const tags = await pickAndAccept(api, periods!, ['Last 12 months']);
    assert.equal(asQuickPick(tags!).items[0].label, 'All Entries');
    const privacy = await pickAndAccept(api, tags!, ['All Entries']);
    const choices = asQuickPick(privacy!);
    assert.deepEqual(choices.items.map((i) => [i.label, i.description]), [
      ['Leave Private Entries Out', '1 in this period'],
      ['Include Private Entries', '1 in this period'],
    ]);
    assert.deepEqual(choices.activeItems.map((i) => i.label), ['Leave Private Entries Out']);
    await pickAndAccept(api, privacy!, ['Leave Private Entries Out']);
    const file = vscode.Uri.parse((await done)!);
    assert.equal(file.toString(), workspaceUri('brag', 'packets', `growth-log-${today()}.csv`).toString());

    const written = await readText(file);
    assert.ok(!written.includes(PRIVATE_TITLE), 'the private entry stays out');
    let cli = '';
    let err = '';
    const code = await runExportCommand(['--format', 'csv', '--dir', workspaceUri('brag').fsPath, '--period', 'last-12-months', '--today', today()], (s) => (cli += s), (s) => (err += s));
    assert.equal(code, 0);
    // Bytes, not text: a decoder would drop the byte order mark the CSV starts with.
    assert.deepEqual([...(await vscode.workspace.fs.readFile(file))], [...new TextEncoder().encode(cli)], 'the extension and the CLI write the same bytes');
    assert.match(err, /1 private entry was left out/);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === file.toString()), 'the export is open in an editor');
  });

  it('tells STAR stories of the entries the user checks, with a private one when asked to include it', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.export');
    const periods = await pickAndAccept(api, input, ['STAR stories']);
    assert.equal(asQuickPick(periods!).totalSteps, 5);
    const tags = await pickAndAccept(api, periods!, ['Last 12 months']);
    const privacy = await pickAndAccept(api, tags!, ['All Entries']);
    const entries = asQuickPick((await pickAndAccept(api, privacy!, ['Include Private Entries']))!);
    assert.ok(entries.canSelectMany);
    assert.deepEqual(entries.selectedItems.map((i) => i.label), [PRIVATE_TITLE], 'entries with STAR parts come checked');
    const billing = entries.items.find((i) => /billing service migration/.test(i.label));
    assert.ok(billing);
    await pickAndAccept(api, entries, [billing.label]);
    const file = vscode.Uri.parse((await done)!);
    assert.equal(file.toString(), workspaceUri('brag', 'packets', `star-stories-${today()}.md`).toString());
    const text = await readText(file);
    assert.match(text, /^# STAR stories\n/);
    assert.match(text, new RegExp(`## ${PRIVATE_TITLE}\\n\\n_${today()}_\\n\\n\\*\\*Situation:\\*\\* Review season\\n\\n\\*\\*Task:\\*\\* \\(to fill in\\)`));
    assert.match(text, /## Led the billing service migration to Postgres 16/);
  });

  it('leaves private entries out of the packet unless the user includes them', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.generatePacket');
    assert.equal(asQuickPick(input).totalSteps, 3);
    const periods = await pickAndAccept(api, input, ['Senior Software Engineer']);
    const privacy = await pickAndAccept(api, periods!, ['Last 12 months']);
    await pickAndAccept(api, privacy!, ['Leave Private Entries Out']);
    const text = await readText(vscode.Uri.parse((await done)!));
    assert.ok(!text.includes(PRIVATE_TITLE));
    assert.match(text, /Led the billing service migration to Postgres 16/);
  });

  it('Quick Add reads #private as a private entry, not a tag', async () => {
    const api = await activateExtension();
    const yearFile = workspaceUri('brag', `${today().slice(0, 4)}.yaml`);
    const before = await readText(yearFile).catch(() => undefined);
    const { input, done } = await startCommand<string>(api, 'growthLog.quickAdd');
    await typeAndAccept(api, input, 'Talked about a health leave #private #career');
    const id = await done;
    assert.match(await readText(yearFile), new RegExp(`- id: ${id}\\n    date: ${today()}\\n    title: Talked about a health leave\\n    private: true\\n    tags: \\[career\\]\\n`));
    const row = await eventually(async () => {
      const found = (await treeRows(api)).find((r) => r.label === 'Talked about a health leave');
      assert.ok(found);
      return found;
    });
    assert.equal((row.node.iconPath as vscode.ThemeIcon).id, 'lock');
    await vscode.commands.executeCommand('growthLog.undoLastChange');
    if (before !== undefined) assert.equal(await readText(yearFile), before);
  });

  it('the JSON export opens with its schema applied: a mistake in such a file is marked, the export itself has none', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.export');
    const periods = await pickAndAccept(api, input, ['JSON']);
    const tags = await pickAndAccept(api, periods!, ['Last 12 months']);
    const privacy = await pickAndAccept(api, tags!, ['All Entries']);
    await pickAndAccept(api, privacy!, ['Include Private Entries']);
    const file = vscode.Uri.parse((await done)!);
    assert.equal(file.toString(), workspaceUri('brag', 'packets', `growth-log-${today()}.json`).toString());
    const exported = JSON.parse(await readText(file)) as { entries: { title: string; private: boolean }[] };
    assert.ok(exported.entries.some((e) => e.title === PRIVATE_TITLE && e.private), 'included when asked');

    const broken = workspaceUri('brag', 'packets', 'growth-log-broken.json');
    await writeText(broken, (await readText(file)).replace('"private": true', '"private": "yes"'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(broken));
    const marked = await eventually(() => {
      const problems = vscode.languages.getDiagnostics(broken);
      assert.ok(problems.length > 0, 'the schema marks a private that is not a boolean');
      return problems;
    }, 20_000);
    assert.match(marked.map((p) => p.message).join('\n'), /boolean/i);
    assert.deepEqual(vscode.languages.getDiagnostics(file).map((p) => p.message), [], 'the export itself is valid');
  });
});
