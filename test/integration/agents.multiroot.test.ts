import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './driver';

function folderUri(name: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `the workspace has a folder ${name}`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function find(input: object): Promise<string> {
  const result = await vscode.lm.invokeTool('growthLog_findEntries', { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part as { value?: string }).value ?? '').join('');
}

describe('Agent tools in a multi-root workspace', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('use the log of the active editor’s folder, else the first folder’s', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.match(await find({}), /^1 entry, newest first:\n- 2026-10-01 · project · Released alpha 1\.0 · tags: release · id: 2026-10-01-alpha-release$/);
    await vscode.window.showTextDocument(folderUri('beta', 'career', '2026.yaml'));
    assert.match(await find({}), /^2 entries, newest first:\n- 2026-09-01 · network · Gave the beta design talk · id: 2026-09-01-beta-talk\n- 2026-08-01 /);
  });

  it('offer one MCP server per folder, each on that folder’s log folder', async () => {
    const api = await activateExtension();
    const servers = (await api.mcpServers?.provideMcpServerDefinitions(new vscode.CancellationTokenSource().token)) ?? [];
    assert.deepEqual(
      servers.map((s) => [s.label, s.args.slice(1), s.cwd?.toString()]),
      [
        ['Growth Log (alpha)', ['mcp', '--dir', folderUri('alpha', 'brag').fsPath], folderUri('alpha').toString()],
        ['Growth Log (beta)', ['mcp', '--dir', folderUri('beta', 'career').fsPath], folderUri('beta').toString()],
      ],
    );
  });
});
