// Runs the integration suite (out/test/integration) inside the extension host of a real VS Code.
// Here that VS Code is code-server driven by headless Chromium; with GROWTH_LOG_TEST_HOST=electron
// the same suite runs under @vscode/test-electron, where desktop VS Code can be downloaded.
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const harness = require('./vscodeHarness');

const root = path.resolve(__dirname, '..');
const testsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
// One session per kind of workspace; the suite picks the tests written for the one it is in.
const SESSIONS = [
  { name: 'one folder', fixture: 'workspace', open: '.' },
  { name: 'multi-root', fixture: 'multiroot', open: 'growth.code-workspace' },
];
const TIMEOUT_MS = 10 * 60_000;

async function runInCodeServer(workspace) {
  const server = await harness.startCodeServer({ workspace, smokeTestDriver: true });
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
      ['extensionTestsPath', harness.remoteUri(server, testsPath)],
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
  let failed = 0;
  for (const session of SESSIONS) {
    const copy = harness.copyToTemp(path.join(root, 'test', 'fixtures', session.fixture), 'growth-log-it-');
    const workspace = path.join(copy, session.open);
    try {
      harness.log(`integration tests (${session.name}) in ${host}, workspace ${workspace}`);
      const code = host === 'electron' ? await runInElectron(workspace) : await runInCodeServer(workspace);
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
