// The entry point in VS Code's Node extension host (the manifest's `main`): everything shared,
// plus what needs the Node host, where VS Code's Git extension runs.
import type * as vscode from 'vscode';
import { activateGrowthLog, type GrowthLogApi } from './extension';
import { logFromGitCommand } from './extension/capture/logFromGit';
import { registerLanguageModelTools } from './extension/agents/languageModelTools';
import { registerMcpServerDefinitions } from './extension/agents/mcpServerDefinitions';
import { nodeFileSystem } from './extension/node/nodeFileSystem';

export function activate(context: vscode.ExtensionContext): GrowthLogApi {
  return activateGrowthLog(context, {
    kind: 'node',
    commands: (deps) => [logFromGitCommand(deps)],
    fileSystem: nodeFileSystem(),
    // Kept out of the browser bundle, within its size budget: the MCP server is a Node process,
    // and the tools go with it.
    agents: (ctx, deps, logger) => ({ agentTools: registerLanguageModelTools(ctx, deps, logger), mcpServers: registerMcpServerDefinitions(ctx) }),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
