import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrowthLogApi } from '../../src/extension';
import type { OverviewMessage } from '../../src/core/overview/overviewPage';
import { activateExtension, entryItems, eventually, treeRows, workspaceUri, writeText } from './driver';

/** Resolves with the next message the overview page sends and the extension handles. */
function nextMessage(api: GrowthLogApi, type: OverviewMessage['type'], timeoutMs = 20_000): Promise<OverviewMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the overview page sent no ${type} message`));
    }, timeoutMs);
    const subscription = api.overview.onDidHandleMessage((message) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message);
    });
  });
}

function nextRender(api: GrowthLogApi, check: (html: string) => boolean, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('the overview was not drawn again'));
    }, timeoutMs);
    const subscription = api.overview.onDidRender((html) => {
      if (!check(html)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(html);
    });
  });
}

describe('Overview', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('growthLog.clearFilter');
    await vscode.commands.executeCommand('growthLog.groupBy', 'period');
  });

  it('opens a panel in the editor area whose script runs under a nonce-only policy and asks for the page', async () => {
    const api = await activateExtension();
    const ready = nextMessage(api, 'ready');
    const drawn = nextRender(api, () => true);
    await vscode.commands.executeCommand('growthLog.showOverview');
    const panel = api.overview.current;
    assert.ok(panel, 'the overview panel is open');
    assert.equal(panel.viewType, 'growthLog.overview');
    assert.equal(panel.title, 'Growth Log Overview');
    // The page's script only runs if the policy lets its nonce through; it says so with `ready`.
    await ready;
    const html = await drawn;
    assert.match(html, /<svg [^>]*role="img"[^>]*>\n<title id="gl-timeline-title">/);
    assert.match(html, /<caption>Entries per month, newest first<\/caption>/);
    assert.match(html, /target Senior Software Engineer \(L3\)/);

    const page = panel.webview.html;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    assert.ok(policy, 'the page has a Content Security Policy');
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const nonce = /^'nonce-([A-Za-z0-9]{16,})'$/.exec(directives.get('script-src')?.join(' ') ?? '')?.[1];
    assert.ok(nonce, `scripts only by nonce: ${policy}`);
    assert.doesNotMatch(policy, /unsafe-/);
    assert.equal(page.match(/<script /g)?.length, 1);
    assert.match(page, new RegExp(`<script nonce="${nonce}" src="[^"]+/media/overview/overview\\.js"></script>`));
    assert.match(page, /<link rel="stylesheet" href="[^"]+\/media\/overview\/overview\.css">/);
    assert.doesNotMatch(page, /style="/);
  });

  it('filters the tree to a month clicked in the panel, through the real command', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.showOverview');
    await api.overview.handleMessage({ type: 'filterMonth', value: '2026-11' });
    assert.equal(api.viewState.state.filter.month, '2026-11');
    const rows = await treeRows(api);
    assert.equal(rows[0].label, 'Filter: November 2026');
    // Other suites may add entries to the shared workspace: every entry shown is of November 2026.
    const entries = entryItems((await treeRows(api)).map((r) => r.node));
    assert.ok(entries.some((e) => e.entry.title === 'Led the billing service migration to Postgres 16'));
    assert.deepEqual(entries.filter((e) => !e.entry.date.startsWith('2026-11-')).map((e) => e.entry.title), []);
  });

  it('shows the tree grouped by competency, unfiltered, with a criterion clicked in the panel selected', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.showOverview');
    await vscode.commands.executeCommand('growthLog.filterByMonth', '2026-09');
    await api.overview.handleMessage({ type: 'revealCriterion', value: 'technical-scope' });
    assert.equal(api.viewState.state.groupBy, 'competency');
    const { filter } = api.viewState.state;
    assert.deepEqual([filter.text, filter.tags, filter.month], [undefined, undefined, undefined], 'every piece of evidence the overview counted is shown');
    await eventually(() => assert.deepEqual(api.treeView.selection.map((n) => n.label), ['Technical scope']));
  });

  it('ignores a message the page should not send', async () => {
    const api = await activateExtension();
    await api.overview.handleMessage({ type: 'runCommand', value: 'workbench.action.closeWindow' });
    await api.overview.handleMessage({ type: 'filterMonth', value: '2026-11; rm' });
    assert.equal(api.viewState.state.filter.month, undefined);
  });

  it('draws the page again when the log changes', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.showOverview');
    const uri = workspaceUri('brag', 'overview-live.yaml');
    const redrawn = nextRender(api, (html) => html.includes('data-value="overview-live"'));
    await writeText(uri, 'entries:\n  - date: 2026-10-01\n    title: Spoke at the platform guild\n    type: network\n    tags: [overview-live]\n');
    try {
      const html = await redrawn;
      assert.match(html, /October 2026<\/button><\/th>\n<td class="number">1<\/td>\n<td>1 network<\/td>/);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('comes back in a panel the workbench restores after a reload, from the state the page saved', async () => {
    const api = await activateExtension();
    // What the serializer gets after a reload: a panel of the overview's type and the saved state.
    const panel = vscode.window.createWebviewPanel('growthLog.overview', 'Growth Log Overview', vscode.ViewColumn.Active, { enableScripts: true });
    const ready = nextMessage(api, 'ready');
    const drawn = nextRender(api, () => true);
    await api.overview.restore(panel, { folder: workspaceUri('brag').toString() });
    assert.equal(api.overview.current, panel);
    await ready;
    assert.match(await drawn, /Growth Log overview/);
    assert.match(panel.webview.html, /default-src 'none'/);
  });
});
