// npm start: the extension, freshly built, in a real VS Code in the browser, on a copy of the
// sample log. Prints the URL; Ctrl-C stops code-server and everything it started.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const harness = require('./vscodeHarness');

const root = path.resolve(__dirname, '..');

async function main() {
  const port = Number(process.env.PORT) || 8080;
  // A copy, so trying the extension never dirties the checked-in sample.
  const workspace = path.join(os.tmpdir(), 'growth-log-sample');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'sample'), workspace, { recursive: true });
  const server = await harness.startCodeServer({ workspace, port, smokeTestDriver: true });
  const payload = [
    ['extensionDevelopmentPath', harness.remoteUri(server, root)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = harness.workbenchUrl(server, workspace, payload);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`\nGrowth Log is running in VS Code with the sample log in ${workspace}.`);
  console.log(`Open this URL in a browser (Ctrl-C to stop):\n\n  ${url}\n`);
  if (process.env.GROWTH_LOG_START_SCREENSHOT) await screenshot(url, process.env.GROWTH_LOG_START_SCREENSHOT);
}

/** Opens the URL in headless Chromium and saves what a user sees; used to check npm start itself. */
async function screenshot(url, file) {
  const browser = await harness.launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await harness.widenSidebar(page);
    await page.locator('.part.activitybar .action-item a[aria-label^="Growth Log"]').first().click({ timeout: 60_000 });
    await page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 30_000 });
    await page.mouse.move(900, 600);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: file });
    console.log(`Saved a screenshot of the workbench to ${file}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
