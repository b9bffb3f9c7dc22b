// The Node host reads and writes its own disk with Node's fs instead of workspace.fs (one round
// trip to the window fewer per call). Every caller (the lock, the writer, the readers) relies on
// it answering exactly as workspace.fs does, errors included: the same steps on both, compared.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nodeFileSystem } from '../../src/extension/node/nodeFileSystem';

type Step = (files: vscode.FileSystem, root: vscode.Uri) => Thenable<unknown>;

/** What a step gives, or the code of the FileSystemError it throws (callers test codes only). */
async function outcome(step: Step, files: vscode.FileSystem, root: vscode.Uri): Promise<unknown> {
  try {
    const value = await step(files, root);
    return value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
  } catch (error) {
    assert.ok(error instanceof vscode.FileSystemError, `a FileSystemError, not ${String(error)}`);
    return { error: error.code };
  }
}

const at = (root: vscode.Uri, ...names: string[]) => vscode.Uri.joinPath(root, ...names);
const bytes = (text: string) => new TextEncoder().encode(text);
const kind = async (files: vscode.FileSystem, uri: vscode.Uri) => {
  const stat = await files.stat(uri);
  return { type: stat.type, size: stat.size };
};

const steps: [string, Step][] = [
  ['stat of a missing file', (f, r) => kind(f, at(r, 'missing.yaml'))],
  ['readFile of a missing file', (f, r) => f.readFile(at(r, 'missing.yaml'))],
  ['readDirectory of a missing folder', (f, r) => f.readDirectory(at(r, 'nowhere'))],
  ['writeFile into folders that do not exist yet', (f, r) => f.writeFile(at(r, 'brag', 'deep', '2026.yaml'), bytes('entries: []\n'))],
  ['readFile', (f, r) => f.readFile(at(r, 'brag', 'deep', '2026.yaml'))],
  ['stat of a file', (f, r) => kind(f, at(r, 'brag', 'deep', '2026.yaml'))],
  ['stat of a folder', async (f, r) => (await f.stat(at(r, 'brag'))).type],
  ['createDirectory with its parents', (f, r) => f.createDirectory(at(r, 'a', 'b', 'c'))],
  ['createDirectory of a folder that exists', (f, r) => f.createDirectory(at(r, 'a', 'b'))],
  ['writeFile of a lock candidate', (f, r) => f.writeFile(at(r, 'brag', '.lock.tmp'), bytes('{"token":"a"}'))],
  ['rename without overwrite onto a free name', (f, r) => f.rename(at(r, 'brag', '.lock.tmp'), at(r, 'brag', '.lock'), { overwrite: false })],
  ['a second candidate', (f, r) => f.writeFile(at(r, 'brag', '.lock.tmp'), bytes('{"token":"b"}'))],
  ['rename without overwrite onto a taken name', (f, r) => f.rename(at(r, 'brag', '.lock.tmp'), at(r, 'brag', '.lock'), { overwrite: false })],
  ['the taken name keeps its content', (f, r) => f.readFile(at(r, 'brag', '.lock'))],
  ['rename with overwrite', (f, r) => f.rename(at(r, 'brag', '.lock.tmp'), at(r, 'brag', '.lock'), { overwrite: true })],
  ['the replaced content', (f, r) => f.readFile(at(r, 'brag', '.lock'))],
  ['rename of a missing file', (f, r) => f.rename(at(r, 'brag', 'gone'), at(r, 'brag', 'there'), { overwrite: true })],
  ['delete of a file', (f, r) => f.delete(at(r, 'brag', '.lock'))],
  ['delete of a missing file', (f, r) => f.delete(at(r, 'brag', '.lock'))],
  ['a link to a file', async (_f, r) => fs.symlinkSync(at(r, 'brag', 'deep', '2026.yaml').fsPath, at(r, 'brag', 'link.yaml').fsPath)],
  ['stat of a link to a file', (f, r) => kind(f, at(r, 'brag', 'link.yaml'))],
  ['a link to nothing', async (_f, r) => fs.symlinkSync(at(r, 'brag', 'nothing.yaml').fsPath, at(r, 'brag', 'dangling.yaml').fsPath)],
  ['readDirectory with files, folders and links', async (f, r) => (await f.readDirectory(at(r, 'brag'))).sort(([a], [b]) => a.localeCompare(b))],
  ['copy of a folder', (f, r) => f.copy(at(r, 'brag', 'deep'), at(r, 'copy'), { overwrite: false })],
  ['copy onto a taken name without overwrite', (f, r) => f.copy(at(r, 'brag', 'deep'), at(r, 'copy'), { overwrite: false })],
  ['the copied file', (f, r) => f.readFile(at(r, 'copy', '2026.yaml'))],
  ['delete of a folder with its files', (f, r) => f.delete(at(r, 'copy'), { recursive: true })],
  ['the folder is gone', (f, r) => kind(f, at(r, 'copy'))],
];

describe("The Node host's file access", () => {
  let base: string;
  before(function () {
    // The web worker host has no Node fs; it uses workspace.fs itself.
    if (typeof process === 'undefined' || !process.versions?.node) this.skip();
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-fs-'));
  });
  after(() => base && fs.rmSync(base, { recursive: true, force: true }));

  it('answers every step as workspace.fs does: results, file types and error codes', async () => {
    const viaWorkspace = vscode.Uri.file(path.join(base, 'workspace-fs'));
    const viaNode = vscode.Uri.file(path.join(base, 'node-fs'));
    const node = nodeFileSystem();
    for (const [name, step] of steps) {
      const expected = await outcome(step, vscode.workspace.fs, viaWorkspace);
      const actual = await outcome(step, node, viaNode);
      assert.deepEqual(actual, expected, name);
    }
  });
});
