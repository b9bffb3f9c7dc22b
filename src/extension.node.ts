// The entry point in VS Code's Node extension host (the manifest's `main`): everything shared,
// plus what needs the Node host, where VS Code's Git extension runs.
import type * as vscode from 'vscode';
import { activateGrowthLog, type GrowthLogApi } from './extension';
import { logFromGitCommand } from './extension/capture/logFromGit';

export function activate(context: vscode.ExtensionContext): GrowthLogApi {
  return activateGrowthLog(context, { kind: 'node', commands: (deps) => [logFromGitCommand(deps)] });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
