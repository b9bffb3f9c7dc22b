// The extension's writes under the conditions that broke them: another writer holding the log,
// a symbolic link, bytes that are not UTF-8, odd names in the log folder. Node's fs is used here
// only to set up what VS Code's file API cannot make (links, folders named like files, a lock
// held by another process); every write under test is the extension's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, entryTitles, eventually, pickAndAccept, readText, startCommand, typeAndAccept, workspaceUri, writeText } from './driver';

function diagnosticMessages(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** Edit Entry from the palette: picks the entry by title, then Impact, and types the new one. */
async function editImpact(api: Awaited<ReturnType<typeof activateExtension>>, title: string, impact: string): Promise<void> {
  const { input, done } = await startCommand(api, 'growthLog.editEntry');
  let next = await pickAndAccept(api, input, [title]);
  next = await pickAndAccept(api, next!, ['Impact']);
  await typeAndAccept(api, next!, impact);
  await done;
}

async function quickAdd(api: Awaited<ReturnType<typeof activateExtension>>, line: string): Promise<void> {
  const { input, done } = await startCommand(api, 'growthLog.quickAdd');
  await typeAndAccept(api, input, line);
  await done;
}

describe('Trust: the extension never loses or mangles what it writes', () => {
  it('waits for a log held by another writer (the CLI in a git hook), then adds on top of its change', async () => {
    const api = await activateExtension();
    const folder = workspaceUri('brag').fsPath;
    const lock = path.join(folder, '.growth-log.lock');
    const file = path.join(folder, '2026.yaml');
    // Another process holds the log: it reads the file, and writes it back with one more entry
    // before it lets go. Had the extension written in between, the hook's write would undo it.
    fs.writeFileSync(lock, JSON.stringify({ token: 'hook', by: 'cli', pid: process.pid, at: Date.now() }));
    const read = fs.readFileSync(file, 'utf8');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        fs.writeFileSync(file, `${read}  - date: 2026-06-01\n    title: Written by the hook while the log was held\n`);
        fs.rmSync(lock);
        resolve();
      }, 1500),
    );
    await quickAdd(api, 'Added while the hook held the log #trust');
    await released;
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /Written by the hook while the log was held/);
    assert.match(text, /title: Added while the hook held the log/);
    assert.equal(fs.existsSync(lock), false, 'the extension removes its own lock');
    await eventually(async () => assert.ok((await entryTitles(api)).includes('Written by the hook while the log was held')));
  });

  it('edits a log file that is a symbolic link through the link, which stays a link', async () => {
    const api = await activateExtension();
    const folder = workspaceUri('brag').fsPath;
    const target = path.join(path.dirname(folder), 'shared-2024.yaml');
    const link = path.join(folder, '2024.yaml');
    fs.writeFileSync(target, 'entries:\n  - id: linked\n    date: 2024-05-05\n    title: Kept in a shared file\n');
    fs.symlinkSync(target, link);
    try {
      await vscode.commands.executeCommand('growthLog.refresh');
      await eventually(async () => assert.ok((await entryTitles(api)).includes('Kept in a shared file')));
      await editImpact(api, 'Kept in a shared file', 'one copy for two repositories');
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'still a link');
      assert.match(fs.readFileSync(target, 'utf8'), /impact: one copy for two repositories/);
    } finally {
      fs.rmSync(link, { force: true });
      fs.rmSync(target, { force: true });
      await vscode.commands.executeCommand('growthLog.refresh');
    }
  });

  it('reports bytes that are not UTF-8 at their place and refuses to edit their file', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'latin1.yaml');
    const bytes = Buffer.concat([Buffer.from('entries:\n  - id: cafe\n    date: 2025-02-01\n    title: Caf'), Buffer.from([0xe9]), Buffer.from(' crème\n')]);
    await vscode.workspace.fs.writeFile(uri, bytes);
    try {
      await eventually(() => assert.deepEqual(diagnosticMessages(uri).map((m) => m.split(' ')[0]), ['4:15']));
      assert.ok(api.logs.logs[0].store.entry('cafe'), 'the entry is still read');
      await editImpact(api, 'Caf\ufffd crème', 'refused');
      assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(uri)), bytes, 'the file keeps its bytes');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('shows a folder named like a log file as a problem of its own, and keeps the rest of the log', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'archive.yaml');
    fs.mkdirSync(uri.fsPath);
    try {
      await vscode.commands.executeCommand('growthLog.refresh');
      await eventually(() => assert.match(diagnosticMessages(uri).join('\n'), /^1:1 This is a folder/));
      assert.ok((await entryTitles(api)).length > 0);
      assert.equal(await readText(workspaceUri('brag', '2026.yaml')).then((t) => t.length > 0), true);
    } finally {
      fs.rmSync(uri.fsPath, { recursive: true });
      await vscode.commands.executeCommand('growthLog.refresh');
    }
  });

  it('writes a file that starts with a byte order mark without dropping it', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'bom.yaml');
    await writeText(uri, '\ufeffentries:\n  - id: bom\n    date: 2025-03-03\n    title: Saved by Notepad\n');
    try {
      await eventually(() => assert.ok(api.logs.logs[0].store.entry('bom')));
      const log = api.logs.logs[0];
      const write = await log.store.planUpdate('bom', { impact: 'none lost' });
      assert.ok(write.after.startsWith('\ufeffentries:'));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
