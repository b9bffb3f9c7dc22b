import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/core/model/entry';
import { activateExtension, entryTitles, eventually, readText, startCommand, treeRows, typeAndAccept, workspaceUri, writeText } from './driver';

const BROKEN = `entries:
  - date: 2026-02-30
    title: A day that does not exist
  - date: 2026-05-04
    title: Still read, although its neighbour is broken
    type: hackathon
`;

function diagnosticsOf(uri: vscode.Uri): { line: number; character: number; severity: vscode.DiagnosticSeverity; message: string }[] {
  return vscode.languages.getDiagnostics(uri).map((d) => ({ line: d.range.start.line, character: d.range.start.character, severity: d.severity, message: d.message }));
}

describe('Problems in log files', () => {
  it('lists each problem in the Problems panel on its place, keeps the valid entries, and counts the files in the tree', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'broken.yaml');
    await writeText(uri, BROKEN);
    try {
      await eventually(() => assert.equal(diagnosticsOf(uri).length, 2));
      const [date, type] = diagnosticsOf(uri).sort((a, b) => a.line - b.line);
      assert.deepEqual([date.line, date.character, date.severity], [1, 10, vscode.DiagnosticSeverity.Error]);
      assert.match(date.message, /2026-02-30/);
      assert.deepEqual([type.line, type.character, type.severity], [5, 10, vscode.DiagnosticSeverity.Warning]);
      assert.match(type.message, /hackathon/);
      const titles = await entryTitles(api);
      assert.ok(titles.includes('Still read, although its neighbour is broken'));
      assert.ok(!titles.includes('A day that does not exist'));
      const rows = await treeRows(api);
      assert.equal(rows[0].label, '1 file has problems');
      assert.equal(await readText(uri), BROKEN, 'reading never writes');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await eventually(() => assert.deepEqual(diagnosticsOf(uri), []));
    await eventually(async () => assert.notEqual((await treeRows(api))[0].label, '1 file has problems'));
  });

  it('reports a YAML syntax error with its line and refuses to write to that file', async () => {
    const api = await activateExtension();
    const year = today().slice(0, 4);
    const uri = workspaceUri('brag', `${year}.yaml`);
    const original = await readText(uri);
    const broken = `${original}  - date: ${year}-01-02\n    title: "never closed\n`;
    await writeText(uri, broken);
    try {
      await eventually(() => assert.ok(diagnosticsOf(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error)));
      const { input, done } = await startCommand(api, 'growthLog.quickAdd');
      await typeAndAccept(api, input, 'Never written into a broken file');
      // The command tells the user (file and line) and writes nothing.
      assert.equal(await done, undefined);
      assert.equal(await readText(uri), broken);
      assert.ok(api.logs.logs[0].store.problems.some((p) => p.file === uri.toString()));
    } finally {
      await writeText(uri, original);
    }
    await eventually(() => assert.deepEqual(diagnosticsOf(uri), []));
  });

  it('reports problems in ladder.yaml like an entry file', async () => {
    await activateExtension();
    const uri = workspaceUri('brag', 'ladder.yaml');
    await writeText(uri, 'levels:\n  - id: E4\n    title: Senior\n    criteria:\n      - title: No id here\n');
    try {
      await eventually(() => assert.ok(diagnosticsOf(uri).length > 0));
      assert.equal(diagnosticsOf(uri)[0].line, 4);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await eventually(() => assert.deepEqual(diagnosticsOf(uri), []));
  });
});
