// The suite's entry point in the browser's web worker extension host. scripts/runIntegrationTests.js
// bundles it with the integration tests that need neither Node nor git, mocha's browser build,
// and test/web/assert.ts in place of Node's assert; VS Code calls run() as in the Node host.
// Defines the global `mocha` (its browser build; the package is ESM, so no exports to import).
import 'mocha/mocha.js';
import * as vscode from 'vscode';

/** The integration tests that run in the web worker host too: what vscode.dev users can do. */
const WEB_SUITE: readonly (() => Promise<unknown>)[] = [
  () => import('../integration/tree.test'),
  () => import('../integration/capture.test'),
  () => import('../integration/tagging.test'),
  () => import('../integration/packet.test'),
  () => import('../integration/problems.test'),
];

export async function run(): Promise<void> {
  // The bundler writes GROWTH_LOG_TEST_GREP in: the worker has no environment.
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, grep: process.env.GROWTH_LOG_TEST_GREP || undefined });
  // mocha's setup makes `describe` and `it` globals, so the tests load after it.
  for (const load of WEB_SUITE) await load();
  describe('The web worker host', () => {
    it('runs the extension and this suite in the browser, not in Node', () => {
      const extension = vscode.extensions.getExtension('growth-log.growth-log');
      if (extension?.extensionKind !== vscode.ExtensionKind.UI) throw new Error(`the extension runs in the ${extension ? 'remote' : 'missing'} host`);
      if (typeof (globalThis as { importScripts?: unknown }).importScripts !== 'function') throw new Error('the suite does not run in a web worker');
    });
  });
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed in the web worker host.`)) : resolve()));
  });
}
