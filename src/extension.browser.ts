// The entry point in the browser's web worker extension host (the manifest's `browser`), as on
// vscode.dev and github.dev. The build fails when anything it imports needs a Node built-in.
import type * as vscode from 'vscode';
import { activateGrowthLog, type GrowthLogApi } from './extension';

export function activate(context: vscode.ExtensionContext): GrowthLogApi {
  // VS Code's Git extension runs only in a Node host, so Log from Git is left out here.
  return activateGrowthLog(context, { kind: 'web', commands: () => [] });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
