// The suite's entry point, in the shape @vscode/test-electron expects: run() resolves when
// every test passed and rejects otherwise. It runs inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  // GROWTH_LOG_TEST_GREP reaches the extension host through code-server's environment.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, grep: process.env.GROWTH_LOG_TEST_GREP || undefined });
  const here = __dirname;
  // Tests that need a multi-root workspace are named *.multiroot.test.js; the runner opens one
  // session per kind of workspace, and each runs the tests written for it.
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  const files = fs
    .readdirSync(here, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js') && f.endsWith('.multiroot.test.js') === multiRoot)
    .sort();
  for (const file of files) mocha.addFile(path.join(here, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
