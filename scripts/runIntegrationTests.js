// Runs the integration suite (out/test/integration) inside the extension host of a real VS Code.
// Here that VS Code is code-server driven by headless Chromium; with GROWTH_LOG_TEST_HOST=electron
// the same suite runs under @vscode/test-electron, where desktop VS Code can be downloaded.
// A third session runs the tests that need neither Node nor git (test/web/index.ts) with the
// extension in the browser's web worker extension host, as on vscode.dev.
// GROWTH_LOG_TEST_SESSION=web (or node) runs only those sessions.
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const esbuild = require('esbuild');
const harness = require('./vscodeHarness');
const { noNodeBuiltinsPlugin } = require('./noNodeBuiltinsPlugin');

const root = path.resolve(__dirname, '..');
const testsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
// The web worker host runs tests only from a bundled file inside the extension's folder.
const webTestsPath = path.join(root, 'out', 'test', 'web', 'suite.js');
// One session per kind of workspace; the suite picks the tests written for the one it is in.
const SESSIONS = [
  { name: 'one folder', fixture: 'workspace', open: '.' },
  { name: 'multi-root', fixture: 'multiroot', open: 'growth.code-workspace' },
  { name: 'one folder, web worker host', fixture: 'workspace', open: '.', web: true },
];
const EXTENSION_ID = 'growth-log.growth-log';
const TIMEOUT_MS = 10 * 60_000;

/**
 * Bundles test/web/index.ts for the web worker: Node's assert becomes test/web/assert.ts, the
 * suite's Node-only helpers test/web/nodeOnly.ts, and any other Node built-in fails the bundle.
 */
async function bundleWebSuite() {
  const webFolder = path.join(root, 'test', 'web');
  const forTheWorker = {
    name: 'web-suite-substitutes',
    setup(build) {
      build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: path.join(webFolder, 'assert.ts') }));
      build.onResolve({ filter: /^\.\/nodeOnly$/ }, () => ({ path: path.join(webFolder, 'nodeOnly.ts') }));
      // mocha's browser build is UMD: seeing the worker's CommonJS `module`, it would replace the
      // suite's exports with mocha itself. Hidden from it, it defines the global `mocha` instead.
      build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
        contents: `(function (module, exports, define) {\n${await fs.promises.readFile(args.path, 'utf8')}\n}).call(globalThis);`,
        loader: 'js',
      }));
    },
  };
  await esbuild.build({
    entryPoints: [path.join(webFolder, 'index.ts')],
    outfile: webTestsPath,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    sourcemap: 'inline',
    logLevel: 'silent',
    define: { 'process.env.GROWTH_LOG_TEST_GREP': JSON.stringify(process.env.GROWTH_LOG_TEST_GREP || '') },
    plugins: [forTheWorker, noNodeBuiltinsPlugin],
  });
}

async function runInCodeServer(workspace, web) {
  // An extension with both `main` and `browser` runs in the Node host when there is one; this
  // user setting is how a user (and this run) asks for the web worker host instead.
  const settings = web ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {};
  const server = await harness.startCodeServer({ workspace, smokeTestDriver: true, settings });
  let browser;
  try {
    browser = await harness.launchBrowser();
    const page = await browser.context.newPage();
    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const payload = [
      ['extensionDevelopmentPath', harness.remoteUri(server, root)],
      ['extensionTestsPath', harness.remoteUri(server, web ? webTestsPath : testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const response = await page.goto(harness.workbenchUrl(server, workspace, payload));
    if (!response || response.status() >= 400) throw new Error(`the workbench answered HTTP ${response && response.status()}`);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${TIMEOUT_MS / 60_000} minutes`)), TIMEOUT_MS);
    });
    try {
      return await Promise.race([exitCode, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    if (fs.existsSync(server.logFile)) process.stderr.write(fs.readFileSync(server.logFile, 'utf8'));
    throw error;
  } finally {
    if (browser) await browser.close();
    server.stop();
  }
}

async function runInElectron(workspace) {
  const { runTests } = require('@vscode/test-electron');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: testsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  return 0;
}

async function main() {
  if (!fs.existsSync(testsPath)) throw new Error(`${path.relative(root, testsPath)} is missing: run \`npm run compile-tests && npm run build\` first.`);
  const host = process.env.GROWTH_LOG_TEST_HOST || 'code-server';
  const only = process.env.GROWTH_LOG_TEST_SESSION;
  // test-electron has no web worker host; @vscode/test-web would, where it can download VS Code.
  const sessions = SESSIONS.filter((s) => (only ? (only === 'web') === Boolean(s.web) : true) && !(s.web && host === 'electron'));
  if (sessions.some((s) => s.web)) await bundleWebSuite();
  let failed = 0;
  for (const session of sessions) {
    const copy = harness.copyToTemp(path.join(root, 'test', 'fixtures', session.fixture), 'growth-log-it-');
    const workspace = path.join(copy, session.open);
    try {
      harness.log(`integration tests (${session.name}) in ${host}, workspace ${workspace}`);
      const code = host === 'electron' ? await runInElectron(workspace) : await runInCodeServer(workspace, Boolean(session.web));
      if (code !== 0) failed++;
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
