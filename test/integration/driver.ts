// Drives the extension's real QuickPicks and InputBoxes the way a user would: type, accept,
// go back, escape. The widgets are the workbench's own; only the keystrokes are scripted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrowthLogApi } from '../../src/extension';
import type { EntryItem, TreeNode } from '../../src/extension/entriesTree';

export const EXTENSION_ID = 'growth-log.growth-log';

export async function activateExtension(): Promise<GrowthLogApi> {
  const extension = vscode.extensions.getExtension<GrowthLogApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test VS Code`);
  const api = await extension.activate();
  await api.logs.ready();
  return api;
}

/** Resolves with the next QuickPick or InputBox the extension shows. */
export function nextInput(api: GrowthLogApi, timeoutMs = 10_000): Promise<vscode.QuickInput> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('no quick input was shown'));
    }, timeoutMs);
    const subscription = api.inputs.onDidShow((input) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(input);
    });
  });
}

export function asInputBox(input: vscode.QuickInput): vscode.InputBox {
  assert.ok('password' in input, `expected an InputBox, got a QuickPick titled ${input.title}`);
  return input as vscode.InputBox;
}

export function asQuickPick<T extends vscode.QuickPickItem = vscode.QuickPickItem>(input: vscode.QuickInput): vscode.QuickPick<T> {
  assert.ok('items' in input, `expected a QuickPick, got an InputBox titled ${input.title}`);
  return input as vscode.QuickPick<T>;
}

/** Types a value into the visible InputBox and presses Enter. */
export async function typeAndAccept(api: GrowthLogApi, input: vscode.QuickInput, value: string): Promise<vscode.QuickInput | undefined> {
  const box = asInputBox(input);
  const next = nextInput(api, 3_000).catch(() => undefined);
  box.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return next;
}

/** Presses Enter on the visible QuickPick with the given items checked (many) or active (one). */
export async function pickAndAccept(api: GrowthLogApi, input: vscode.QuickInput, labels: readonly string[]): Promise<vscode.QuickInput | undefined> {
  const pick = asQuickPick(input);
  const items = labels.map((label) => {
    const item = pick.items.find((i) => i.label === label);
    assert.ok(item, `no item "${label}" in the pick list "${pick.title}": ${pick.items.map((i) => i.label).join(', ')}`);
    return item;
  });
  const next = nextInput(api, 3_000).catch(() => undefined);
  if (pick.canSelectMany) pick.selectedItems = items;
  else pick.activeItems = items;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return next;
}

export async function escape(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Polls until `check` passes: for things that follow a file watcher, without fixed sleeps. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * The entry rows among tree nodes. The extension runs from its bundle, so its classes are not
 * the ones the tests import: nodes are told apart by contextValue, as menus do.
 */
export function entryItems(nodes: readonly TreeNode[]): EntryItem[] {
  return nodes.filter((n): n is EntryItem => n.contextValue === 'entry');
}
