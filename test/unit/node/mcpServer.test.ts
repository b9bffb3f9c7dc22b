// `growth-log mcp` driven as an agent drives it: the official SDK's client starts the CLI as a
// child process and talks to it over stdio.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TOOLS } from '../../../src/core/agents/toolCatalog';
import { SERVER_VERSION } from '../../../src/node/mcpServer';
import { folderAgentLog } from '../../../src/node/folderLog';
import { item, logFile, snapshot, tempFolder } from '../helpers/logText';
import { runCli } from '../helpers/runCli';

const CLI = path.resolve(__dirname, '../../../src/cli.js');
const ROOT = path.resolve(__dirname, '../../../..');

const LOG = logFile(
  item('id: 2026-11-20-billing', 'date: 2026-11-20', 'title: Led the billing migration to Postgres 16', 'impact: p99 latency down 40%', 'tags: [infra]', 'competencies: [technical-scope]'),
  item('id: 2026-10-02-private', 'date: 2026-10-02', 'title: Talked salary with my manager', 'private: true'),
);

async function connect(cwd: string, dir = 'brag'): Promise<Client> {
  const client = new Client({ name: 'growth-log-tests', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--dir', dir], cwd, stderr: 'pipe' }));
  return client;
}

function text(result: unknown): string {
  const content = (result as CallToolResult).content;
  assert.equal(content.length, 1);
  assert.equal(content[0].type, 'text');
  return (content[0] as { text: string }).text;
}

describe('growth-log mcp', function () {
  // Each test starts one or two Node processes.
  this.timeout(40_000);
  let folder: { dir: string; remove(): void };
  const clients: Client[] = [];
  beforeEach(() => (folder = tempFolder({ 'brag/2026.yaml': LOG })));
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    folder.remove();
  });
  const open = async (dir?: string) => {
    const client = await connect(folder.dir, dir);
    clients.push(client);
    return client;
  };

  it('introduces itself and lists the four tools with the descriptions and schemas VS Code has', async () => {
    const client = await open();
    assert.deepEqual(client.getServerVersion(), { name: 'growth-log', title: 'Growth Log', version: SERVER_VERSION });
    assert.equal(SERVER_VERSION, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.ok(client.getServerCapabilities()?.tools);
    assert.match(client.getInstructions() ?? '', /brag document/);
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => [t.name, t.description, t.inputSchema, t.annotations?.readOnlyHint, t.annotations?.openWorldHint]),
      TOOLS.map((t) => [t.name, t.modelDescription, t.inputSchema, t.readOnly, false]),
    );
  });

  it('answers each tool from the log of the folder it runs in', async () => {
    const client = await open();
    const found = await client.callTool({ name: 'growthLog_findEntries', arguments: { tags: ['infra'] } });
    assert.equal(found.isError, false);
    assert.equal(text(found), '1 entry tagged infra, newest first:\n- 2026-11-20 · project · Led the billing migration to Postgres 16 · impact: p99 latency down 40% · tags: infra · id: 2026-11-20-billing');
    assert.doesNotMatch(text(await client.callTool({ name: 'growthLog_findEntries', arguments: {} })), /salary/);

    const readiness = await client.callTool({ name: 'growthLog_readiness', arguments: { level: 'L4' } });
    assert.equal(readiness.isError, false);
    assert.match(text(readiness), /^Readiness for Staff Engineer \(L4\) from the built-in ladder, over the whole log \(1 entry\)\./);
    assert.match(text(readiness), /\n- technical-scope · Technical scope: 1 \(1 explicit, 0 suggested\) · GAP/);

    const before = snapshot(path.join(folder.dir, 'brag'));
    const packet = await client.callTool({ name: 'growthLog_draftPacket', arguments: { level: 'L4', since: '2026-01-01', until: '2026-11-26' } });
    assert.equal(packet.isError, false);
    assert.match(text(packet), /^# Promotion packet: Staff Engineer \(L4\)\n[^]*- \*\*Period:\*\* 2026-01-01 to 2026-11-26\n[^]*\*\*Led the billing migration to Postgres 16\*\* \(2026-11-20\)\. Impact: p99 latency down 40%\./);
    assert.doesNotMatch(text(packet), /salary/);
    assert.deepEqual(snapshot(path.join(folder.dir, 'brag')), before);

    const added = await client.callTool({ name: 'growthLog_addEntry', arguments: { title: 'Mentored two new hires through their first on-call', date: '2026-11-25', type: 'mentoring', tags: ['on-call'] } });
    assert.equal(added.isError, false, text(added));
    assert.equal(text(added), `Added “Mentored two new hires through their first on-call” (2026-11-25) to ${path.join('brag', '2026.yaml')} with the id 2026-11-25-mentored-two-new-hires-through-their.`);
    const log = await folderAgentLog(path.join(folder.dir, 'brag'), '2026-11-26');
    assert.deepEqual(log.entries.map((e) => e.id), ['2026-11-25-mentored-two-new-hires-through-their', '2026-11-20-billing', '2026-10-02-private']);
    assert.ok(fs.readFileSync(path.join(folder.dir, 'brag', '2026.yaml'), 'utf8').startsWith(LOG));
  });

  it('answers bad input with an error result that says why, and writes nothing', async () => {
    const client = await open();
    const before = snapshot(path.join(folder.dir, 'brag'));
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['growthLog_addEntry', { title: 'Fixed the leap day', date: '2026-02-29' }, /February 2026 has 28 days/],
      ['growthLog_addEntry', { title: 'Won the hackathon', type: 'award' }, /`award` is not an entry type; use one of project, /],
      ['growthLog_addEntry', { date: '2026-11-01' }, /`title` is required/],
      ['growthLog_readiness', { level: 'E9' }, /The ladder has no level `E9`; its levels are `L1`, /],
      ['growthLog_findEntries', { period: 'forever' }, /`forever` is not a period/],
      ['growthLog_removeEntry', {}, /Growth Log has no tool `growthLog_removeEntry`/],
    ];
    for (const [name, args, message] of bad) {
      const result = await client.callTool({ name, arguments: args });
      assert.equal(result.isError, true, `${name} ${JSON.stringify(args)}`);
      assert.match(text(result), message);
    }
    assert.deepEqual(snapshot(path.join(folder.dir, 'brag')), before);
  });

  it('loses no entry when two clients add at once, each several times', async () => {
    const [first, second] = await Promise.all([open(), open()]);
    const adds = [first, second].flatMap((client, c) =>
      Array.from({ length: 8 }, (_, i) => client.callTool({ name: 'growthLog_addEntry', arguments: { title: `Change ${c}-${i} shipped`, date: '2026-11-24' } })),
    );
    const results = await Promise.all(adds);
    for (const result of results) assert.equal(result.isError, false, text(result));
    const log = await folderAgentLog(path.join(folder.dir, 'brag'), '2026-11-26');
    assert.equal(log.problems.length, 0);
    const titles = log.entries.map((e) => e.title).filter((t) => t.startsWith('Change '));
    assert.equal(titles.length, 16);
    assert.equal(new Set(log.entries.map((e) => e.id)).size, log.entries.length);
  });

  it('makes a new log folder for the first entry, and reads a folder named with --dir', async () => {
    const client = await open('career');
    assert.equal(text(await client.callTool({ name: 'growthLog_findEntries', arguments: {} })), 'No entries.');
    const added = await client.callTool({ name: 'growthLog_addEntry', arguments: { title: 'Started the log', date: '2026-11-26' } });
    assert.equal(added.isError, false, text(added));
    assert.match(fs.readFileSync(path.join(folder.dir, 'career', '2026.yaml'), 'utf8'), /title: Started the log/);
  });

  it('answers every request a client sent before closing its stdin, then exits', () => {
    const requests = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'growthLog_addEntry', arguments: { title: 'Closed the incident review', date: '2026-11-26' } } },
    ];
    const run = spawnSync(process.execPath, [CLI, 'mcp'], { cwd: folder.dir, input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n', encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    const answers = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: CallToolResult });
    assert.deepEqual(answers.map((a) => a.id), [1, 2]);
    assert.equal(answers[1].result.isError, false);
    assert.match(fs.readFileSync(path.join(folder.dir, 'brag', '2026.yaml'), 'utf8'), /title: Closed the incident review\n/);
  });

  it('prints its usage with --help and refuses unknown options', async () => {
    const help = await runCli(['mcp', '--help'], folder.dir);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: growth-log mcp \[--dir DIR\]/);
    const bad = await runCli(['mcp', '--port', '80'], folder.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^growth-log mcp: Unknown option '--port'/);
  });
});
