import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/model/entry';
import type { EntryItem } from '../../src/extension/tree/entriesTree';
import { activateExtension, asInputBox, asQuickPick, eventually, pickAndAccept, readText, startCommand, treeRows, typeAndAccept, workspaceUri } from './driver';
import { nodeOnly } from './nodeOnly';

describe('Promotion packet', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Each test starts without drafts, so no "already exists" question comes up.
    await vscode.workspace.fs.delete(workspaceUri('brag', 'packets'), { recursive: true }).then(undefined, () => undefined);
  });

  it('writes the draft the CLI writes for the same level and period, opened beside the editor with its preview', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.generatePacket');
    const levels = asQuickPick(input);
    assert.equal(levels.step, 1);
    assert.deepEqual(levels.activeItems.map((i) => i.label), ['Senior Software Engineer'], 'the target level is offered first');
    const periods = await pickAndAccept(api, levels, ['Senior Software Engineer']);
    assert.deepEqual(asQuickPick(periods!).items.map((i) => i.label), ['Last 12 months', 'Last 6 months', 'Since the last promotion', 'This calendar year', 'Custom range…']);
    // Every named period shows the days it covers.
    const year = today().slice(0, 4);
    const descriptions = asQuickPick(periods!).items.map((i) => i.description ?? '');
    assert.match(descriptions[0], /^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
    assert.ok(descriptions[0].endsWith(` to ${today()}`), descriptions[0]);
    assert.equal(descriptions[3], `${year}-01-01 to ${today()}`);
    await pickAndAccept(api, periods!, ['Last 12 months']);
    const file = vscode.Uri.parse((await done)!);
    assert.equal(file.toString(), workspaceUri('brag', 'packets', `packet-L3-${today()}.md`).toString());

    const written = await readText(file);
    const base = `packet-L3-${today()}`;
    const charts = [`${base}-timeline.svg`, `${base}-coverage.svg`];
    for (const chart of charts) assert.match(written, new RegExp(`!\\[[^\\]]+\\]\\(${chart.replace(/\./g, '\\.')}\\)`), `the draft shows ${chart}`);
    if (nodeOnly) {
      // The CLI writes a draft of the same name elsewhere, with its charts beside it.
      const cli = await nodeOnly.cliPacketFiles(['--dir', workspaceUri('brag').fsPath, '--target', 'L3', '--period', 'last-12-months', '--today', today()], `${base}.md`);
      assert.equal(written, cli.get(`${base}.md`), 'the extension and the CLI write the same bytes');
      for (const chart of charts) assert.equal(await readText(workspaceUri('brag', 'packets', chart)), cli.get(chart), `${chart} is the CLI's`);
    }
    assert.match(written, /Senior Software Engineer/);
    assert.match(written, /Led the billing service migration to Postgres 16/);

    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === file.toString());
    assert.ok(editor, 'the draft is open in an editor');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    assert.ok(
      tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && /Preview/.test(tab.label)),
      `a Markdown preview is open: ${tabs.map((t) => t.label).join(', ')}`,
    );
    assert.ok(vscode.window.tabGroups.all.length >= 2, 'the draft opens beside, not over, the current editor');
  });

  it('shows readiness for the target level when grouped by competency, with gaps marked', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.groupBy', 'competency');
    try {
      const rows = await treeRows(api);
      assert.equal(rows[0].label, 'Target: Senior Software Engineer (L3)');
      assert.equal(rows[0].description, 'counts the whole log', 'the header says the counts are not a packet period’s');
      const criteria = rows.filter((r) => r.node.contextValue?.startsWith('criterion'));
      assert.ok(criteria.length >= 5, `criteria of L3: ${criteria.map((c) => c.label).join(', ')}`);
      const scope = criteria.find((c) => c.label === 'Technical scope');
      assert.ok(scope, 'the billing entry names technical-scope');
      assert.match(scope.description, /^\d+/);
      const gaps = criteria.filter((c) => c.node.contextValue === 'criterion.gap');
      assert.ok(gaps.length > 0, 'a small log has gaps');
      for (const gap of gaps) {
        assert.match(gap.description, /gap$/);
        assert.equal((gap.node.iconPath as vscode.ThemeIcon).id, 'warning');
      }
    } finally {
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
    }
  });

  it('writes a suggested competency only when the user accepts it', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.groupBy', 'competency');
    try {
      const suggested = (await treeRows(api)).find(
        (r) => r.node.contextValue === 'entry.suggested' && r.label === 'Mentored Ana through her first on-call rotation' && (r.node as EntryItem).criterionId === 'mentoring',
      );
      assert.ok(suggested, 'the mentoring entry is suggested for the mentoring criterion');
      assert.match(suggested.description, /suggested \((type|keyword) /);
      const file = workspaceUri('brag', '2026.yaml');
      const before = await readText(file);
      assert.doesNotMatch(before, /competencies: \[mentoring\]/, 'showing a suggestion writes nothing');
      await vscode.commands.executeCommand('growthLog.acceptSuggestion', suggested.node);
      const after = await readText(file);
      assert.equal(after, before.replace('    tags: [mentoring, oncall]\n', '    tags: [mentoring, oncall]\n    competencies: [mentoring]\n'));
      await eventually(async () => {
        const row = (await treeRows(api)).find((r) => r.label === 'Mentored Ana through her first on-call rotation' && r.node.contextValue === 'entry' && api.tree.getParent(r.node)?.id?.endsWith('criterion:mentoring') === true);
        assert.ok(row, 'the entry is now explicit evidence');
      });
    } finally {
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
    }
  });

  it('writes the packet for a custom range, refusing an end before the start', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.generatePacket');
    const periods = await pickAndAccept(api, input, ['Senior Software Engineer']);
    const since = await pickAndAccept(api, periods!, ['Custom range…']);
    const until = await typeAndAccept(api, since!, '2026-01-01');
    assert.equal(asInputBox(until!).value, today());
    assert.equal(await typeAndAccept(api, until!, '2025-12-31'), undefined);
    assert.equal(asInputBox(until!).validationMessage, 'The end comes before the start.');
    await typeAndAccept(api, until!, '2026-10-31');
    const file = vscode.Uri.parse((await done)!);
    const written = await readText(file);
    // The CLI's draft on stdout is the file's without its pictures, which cannot follow it there.
    if (nodeOnly) assert.equal(written.replace(/## At a glance\n\n(!\[.*\n\n)+/, ''), await nodeOnly.cliPacket(['--dir', workspaceUri('brag').fsPath, '--target', 'L3', '--since', '2026-01-01', '--until', '2026-10-31', '--today', today()]));
    assert.match(written, /2026-01-01 to 2026-10-31/);
    assert.doesNotMatch(written, /Led the billing service migration/, 'November is outside the range');
  });

  it('accepts every suggestion for the target level at once after a confirmation, and Undo takes them back', async () => {
    const api = await activateExtension();
    const files = ['2025.yaml', '2026.yaml'].map((f) => workspaceUri('brag', f));
    const before = await Promise.all(files.map(readText));
    const { input, done } = await startCommand(api, 'growthLog.acceptAllSuggestions');
    const confirm = asQuickPick(input);
    assert.equal(confirm.title, 'Accept All Suggested Competencies');
    assert.match(confirm.items[0].detail ?? '', /^\d+ suggested competenc(y|ies) for Senior Software Engineer \(L3\) go into \d+ entr(y|ies) in \d+ files?; nothing else changes\.$/);
    await pickAndAccept(api, confirm, [confirm.items[0].label]);
    await done;
    await vscode.commands.executeCommand('growthLog.groupBy', 'competency');
    try {
      await eventually(async () => {
        const suggested = (await treeRows(api)).filter((r) => r.node.contextValue === 'entry.suggested');
        assert.deepEqual(suggested.map((r) => r.label), [], 'no suggestion is left');
      });
    } finally {
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
    }
    const after = await Promise.all(files.map(readText));
    assert.notDeepEqual(after, before);
    await vscode.commands.executeCommand('growthLog.undoLastChange');
    assert.deepEqual(await Promise.all(files.map(readText)), before);
  });
});
