// Offers `growth-log mcp` to VS Code's agent mode, one server per workspace folder's log, run
// with the bundled CLI by the editor's own Node. Agent mode has the language-model tools
// already; this is for MCP-only clients inside VS Code and for users who prefer MCP.
import * as vscode from 'vscode';
import { DEFAULT_LOG_FOLDER } from '../log/workspaceLogs';

export const MCP_PROVIDER_ID = 'growthLog.mcpServers';

/** The Node that runs the extension host, when there is one (not in a browser's worker). */
function hostExecutable(): string | undefined {
  return (globalThis as { process?: { execPath?: string } }).process?.execPath;
}

export function mcpServerDefinitions(context: vscode.ExtensionContext): vscode.McpStdioServerDefinition[] {
  const node = hostExecutable();
  if (!node) return [];
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js');
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file' || folder.uri.scheme === 'vscode-remote');
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  return folders.map((folder) => {
    const logFolder = vscode.Uri.joinPath(folder.uri, vscode.workspace.getConfiguration('growthLog', folder).get<string>('folder') || DEFAULT_LOG_FOLDER);
    const label = folders.length > 1 ? `Growth Log (${folder.name})` : 'Growth Log';
    // Desktop VS Code's executable is Electron, which runs a script as Node only when told so.
    const server = new vscode.McpStdioServerDefinition(label, node, [cli.fsPath, 'mcp', '--dir', logFolder.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version);
    server.cwd = folder.uri;
    return server;
  });
}

export function registerMcpServerDefinitions(context: vscode.ExtensionContext): vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> | undefined {
  if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== 'function') return undefined;
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => mcpServerDefinitions(context),
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('growthLog.folder') && changed.fire()),
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
  );
  return provider;
}
