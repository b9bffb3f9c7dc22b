// Drives the extension's real QuickPicks and InputBoxes the way a user would: type, accept,
// go back, escape. The widgets are the workbench's own; only the keystrokes are scripted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrowthLogApi } from '../../src/extension';
import type { EntryItem, TreeNode } from '../../src/extension/tree/entriesTree';

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
  const next = nextInput(api, 1_000).catch(() => undefined);
  box.value = value;
  await settle();
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return next;
}

/** Types into the filter box of a QuickPick (new values) and presses Enter. */
export async function typeAndAcceptPick(api: GrowthLogApi, input: vscode.QuickInput, value: string): Promise<vscode.QuickInput | undefined> {
  const pick = asQuickPick(input);
  const next = nextInput(api, 1_000).catch(() => undefined);
  pick.value = value;
  await settle();
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
  const next = nextInput(api, 1_000).catch(() => undefined);
  if (pick.canSelectMany) pick.selectedItems = [...pick.selectedItems.filter((i) => !items.includes(i)), ...items];
  else pick.activeItems = items;
  await settle();
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return next;
}

/**
 * The extension host sends changes to a quick input to the workbench on its next turn, while a
 * command goes at once: wait a turn, as a user's next keystroke would, so Enter sees the change.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

/** Checks items of a many-select QuickPick, without accepting. */
export async function check(input: vscode.QuickInput, labels: readonly string[]): Promise<void> {
  const pick = asQuickPick(input);
  pick.selectedItems = pick.items.filter((i) => labels.includes(i.label));
  await settle();
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

export interface TreeRow {
  readonly depth: number;
  readonly node: TreeNode;
  readonly label: string;
  readonly description: string;
}

/** Every row of the tree, expanded, in display order: what a user sees after expanding all. */
export async function treeRows(api: GrowthLogApi): Promise<TreeRow[]> {
  const rows: TreeRow[] = [];
  const walk = async (parent: TreeNode | undefined, depth: number) => {
    for (const node of await api.tree.getChildren(parent)) {
      rows.push({ depth, node, label: String(node.label), description: String(node.description ?? '') });
      if (node.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(node, depth + 1);
    }
  };
  await walk(undefined, 0);
  return rows;
}

/** The titles of every entry row in the tree, in display order. */
export async function entryTitles(api: GrowthLogApi): Promise<string[]> {
  return (await treeRows(api)).filter((r) => r.node.contextValue?.startsWith('entry')).map((r) => r.label);
}

/** Starts a command without waiting for it (it waits for input), and returns its first input. */
export async function startCommand<T>(api: GrowthLogApi, id: string, ...args: unknown[]): Promise<{ input: vscode.QuickInput; done: Thenable<T | undefined> }> {
  const shown = nextInput(api);
  const done = vscode.commands.executeCommand<T>(id, ...args);
  return { input: await shown, done };
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
