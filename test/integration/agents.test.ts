// The agent tools in a real VS Code, invoked through vscode.lm.invokeTool as chat invokes them.
// Before growthLog_addEntry runs, VS Code asks the user to confirm; the test VS Code runs with the
// smoke-test driver (which the extension-host tests need), and that driver accepts confirmation
// dialogs by itself. So what the confirmation shows is checked by calling the registered tool's
// prepareInvocation, as VS Code does before it asks.
import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as vscode from 'vscode';
import { today } from '../../src/core/model/entry';
import { runPacketCommand } from '../../src/node/packetCommand';
import { activateExtension, entryTitles, eventually, readText, workspaceUri } from './driver';

const NAMES = ['growthLog_addEntry', 'growthLog_findEntries', 'growthLog_readiness', 'growthLog_draftPacket'];

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return result.content.map((part) => (part as { value?: string }).value ?? '').join('');
}

describe('Agent tools', () => {
  const year = today().slice(0, 4);
  let before: { file: vscode.Uri; text: string | undefined } | undefined;

  beforeEach(async () => {
    const file = workspaceUri('brag', `${year}.yaml`);
    before = { file, text: await readText(file).catch(() => undefined) };
  });

  afterEach(async () => {
    if (!before) return;
    if (before.text === undefined) await vscode.workspace.fs.delete(before.file).then(undefined, () => undefined);
    else await vscode.workspace.fs.writeFile(before.file, new TextEncoder().encode(before.text));
  });

  it('are registered with VS Code with their schemas, so chat can offer and validate them', async () => {
    await activateExtension();
    const tools = vscode.lm.tools.filter((tool) => tool.name.startsWith('growthLog_'));
    assert.deepEqual(tools.map((t) => t.name).sort(), [...NAMES].sort());
    const find = tools.find((t) => t.name === 'growthLog_findEntries');
    assert.match(find?.description ?? '', /Searches the user's growth log/);
    assert.deepEqual(Object.keys((find?.inputSchema as { properties: object }).properties), ['text', 'tags', 'type', 'period', 'since', 'until', 'limit', 'includePrivate']);
  });

  it('find entries through vscode.lm.invokeTool, one line each with its id', async () => {
    await activateExtension();
    const text = await invoke('growthLog_findEntries', { tags: ['infra'] });
    assert.match(text, /^\d+ entr(y|ies) tagged infra, newest first:\n/);
    assert.match(text, /\n- 2026-11-20 · project · Led the billing service migration to Postgres 16 · impact: p99 latency down 40%, 12k USD a month saved · tags: infra, leadership · id: 2026-11-20-billing-migration/);
  });

  it('measure readiness for the target level of the settings through vscode.lm.invokeTool', async () => {
    await activateExtension();
    const text = await invoke('growthLog_readiness', {});
    assert.match(text, /^Readiness for Senior Software Engineer \(L3\) from the built-in ladder, over the whole log/);
    assert.match(text, /\n- technical-scope · [^\n]*: \d+ \(\d+ explicit, \d+ suggested\)/);
    assert.match(text, /\nGaps: /);
  });

  it('draft the packet Generate Promotion Packet and the CLI write, without writing a file', async () => {
    await activateExtension();
    const text = await invoke('growthLog_draftPacket', { level: 'L3', period: 'last-12-months' });
    let cli = '';
    const code = await runPacketCommand(['--dir', workspaceUri('brag').fsPath, '--target', 'L3', '--period', 'last-12-months', '--today', today()], (s) => (cli += s), () => undefined);
    assert.equal(code, 0);
    assert.equal(text, cli);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('brag', 'packets'))), 'no packets folder was made');
  });

  it('refuse an entry with an impossible date through vscode.lm.invokeTool, saying why, and write nothing', async () => {
    const api = await activateExtension();
    const count = api.logs.logs[0].store.entries.length;
    await assert.rejects(invoke('growthLog_addEntry', { title: 'Fixed the leap day bug', date: '2026-02-29' }), /`date`: `2026-02-29` is not a calendar date: February 2026 has 28 days\./);
    await assert.rejects(invoke('growthLog_addEntry', { title: 'Won the hackathon', type: 'award' }), /`award` is not an entry type/);
    assert.equal(await readText(before!.file).catch(() => undefined), before!.text);
    assert.equal(api.logs.logs[0].store.entries.length, count);
  });

  it('add an entry through vscode.lm.invokeTool once VS Code has asked, as Add Entry adds it', async () => {
    const api = await activateExtension();
    const text = await invoke('growthLog_addEntry', { title: 'Gave the on-call handbook talk', type: 'network', tags: ['on-call'] });
    assert.equal(text, `Added “Gave the on-call handbook talk” (${today()}) to brag/${year}.yaml with the id ${today()}-gave-the-on-call-handbook-talk.`);
    assert.match(await readText(before!.file), /title: Gave the on-call handbook talk\n {4}type: network\n {4}tags: \[on-call\]\n/);
    await eventually(() => assert.ok(api.logs.logs[0].store.entry(`${today()}-gave-the-on-call-handbook-talk`)));
  });

  it('ask before adding: the confirmation shows the entry and its file, and only invoke writes it, undoably', async () => {
    const api = await activateExtension();
    const tool = api.agentTools?.get('growthLog_addEntry');
    assert.ok(tool?.prepareInvocation);
    const input = { title: 'Shipped the importer retry queue', type: 'project', impact: 'Import failures down from 3% to 0.1%', tags: ['Data Pipeline'], competencies: ['execution'] };
    const token = new vscode.CancellationTokenSource().token;
    const prepared = await tool.prepareInvocation({ input }, token);
    assert.equal(prepared?.confirmationMessages?.title, 'Add this entry to your growth log?');
    const message = prepared?.confirmationMessages?.message;
    assert.ok(message instanceof vscode.MarkdownString);
    assert.equal(
      message.value,
      `**Shipped the importer retry queue**\n\n- Date: ${today()}\n- Type: project\n- Impact: Import failures down from 3% to 0.1%\n- Tags: data-pipeline\n- Competencies: execution\n\nGrowth Log adds it to \`brag/${year}.yaml\`.`,
    );
    assert.equal(await readText(before!.file).catch(() => undefined), before!.text, 'preparing writes nothing');

    const result = await tool.invoke({ input, toolInvocationToken: undefined }, token);
    const text = result?.content.map((part) => (part as { value?: string }).value ?? '').join('');
    assert.match(text ?? '', new RegExp(`^Added “Shipped the importer retry queue” \\(${today()}\\) to brag/${year}\\.yaml with the id ${today()}-shipped-the-importer-retry-queue\\.$`));
    const written = await readText(before!.file);
    assert.ok(written.startsWith(before!.text ?? ''), 'the file keeps what it had');
    assert.match(written, /title: Shipped the importer retry queue\n {4}type: project\n {4}impact: Import failures down from 3% to 0\.1%\n {4}tags: \[data-pipeline\]\n {4}competencies: \[execution\]\n/);
    await eventually(async () => assert.ok((await entryTitles(api)).includes('Shipped the importer retry queue')));

    await vscode.commands.executeCommand('growthLog.undoLastChange');
    assert.equal(await readText(before!.file).catch(() => undefined), before!.text, 'Undo Last Change takes the entry back');
  });

  it('offer growth-log mcp to agent mode with the bundled CLI, which serves this folder’s log', async function () {
    this.timeout(60_000);
    const api = await activateExtension();
    assert.ok(api.mcpServers, 'this VS Code has registerMcpServerDefinitionProvider');
    const [server, ...others] = (await api.mcpServers.provideMcpServerDefinitions(new vscode.CancellationTokenSource().token)) ?? [];
    assert.equal(others.length, 0);
    assert.equal(server.label, 'Growth Log');
    const extension = vscode.extensions.getExtension('growth-log.growth-log');
    assert.deepEqual(server.args, [vscode.Uri.joinPath(extension!.extensionUri, 'dist', 'cli.js').fsPath, 'mcp', '--dir', workspaceUri('brag').fsPath]);

    // Started as VS Code starts it: the same command, arguments, environment and folder.
    const env = Object.fromEntries(Object.entries({ ...process.env, ...server.env }).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
    const client = new Client({ name: 'growth-log-integration', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: server.command, args: server.args, env, cwd: server.cwd?.fsPath, stderr: 'pipe' }));
    try {
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), [...NAMES].sort());
      const found = (await client.callTool({ name: 'growthLog_findEntries', arguments: { text: 'billing' } })) as CallToolResult;
      assert.match((found.content[0] as { text: string }).text, /id: 2026-11-20-billing-migration/);
    } finally {
      await client.close();
    }
  });
});
