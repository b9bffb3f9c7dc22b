import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/entry';
import type { EntryItem } from '../../src/extension/entriesTree';
import { runPacketCommand } from '../../src/node/packetCommand';
import { activateExtension, asQuickPick, eventually, pickAndAccept, readText, startCommand, treeRows, workspaceUri } from './driver';

describe('Promotion packet', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes the draft the CLI writes for the same level and period, opened beside the editor with its preview', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand<string>(api, 'growthLog.generatePacket');
    const levels = asQuickPick(input);
    assert.equal(levels.step, 1);
    assert.deepEqual(levels.activeItems.map((i) => i.label), ['Senior Software Engineer'], 'the target level is offered first');
    const periods = await pickAndAccept(api, levels, ['Senior Software Engineer']);
    assert.deepEqual(asQuickPick(periods!).items.map((i) => i.label), ['Last 12 months', 'Last 6 months', 'Since the last promotion', 'This calendar year', 'Custom range…']);
    await pickAndAccept(api, periods!, ['Last 12 months']);
    const file = vscode.Uri.parse((await done)!);
    assert.equal(file.toString(), workspaceUri('brag', 'packets', `packet-L3-${today()}.md`).toString());

    let cli = '';
    const code = await runPacketCommand(['--dir', workspaceUri('brag').fsPath, '--target', 'L3', '--period', 'last-12-months', '--today', today()], (s) => (cli += s), () => undefined);
    assert.equal(code, 0);
    const written = await readText(file);
    assert.equal(written, cli, 'the extension and the CLI write the same bytes');
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
});
