// Runs the extension in a real VS Code on machines that cannot download desktop VS Code:
// VS Code as published on npm inside code-server, driven by Debian's Chromium through
// playwright-core. Everything it needs is installed on first use into a cache folder outside
// the clone (like @vscode/test-electron's .vscode-test/), and reused afterwards.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.139.1'; // ships VS Code 1.139.1
const NODE_VERSION = '24.21.0'; // code-server 4.139 refuses other Node majors
const CHROMIUM = process.env.GROWTH_LOG_CHROMIUM || '/usr/bin/chromium';

const cacheRoot = process.env.GROWTH_LOG_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'growth-log');
const installDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const nodeBinDir = path.join(installDir, 'node_modules', '.bin');
const marker = path.join(installDir, '.installed');

function log(message) {
  process.stderr.write(`[vscode] ${message}\n`);
}

/**
 * The environment for an npm run of our own, without the npm_config_* variables an outer
 * `npm test` or `npm start` sets: they name the outer Node (npm_config_user_agent says
 * "node/v20"), and code-server's install script believes them over the Node that runs it.
 */
function withoutOuterNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_(config|lifecycle|package|command|execpath|node_execpath)/i.test(name)));
}

function npmInstall(dependencies, env) {
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ private: true, dependencies }, null, 2));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: installDir, env: withoutOuterNpm(env), stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm install in ${installDir} failed (exit ${result.status}). code-server builds native modules: it needs python3, make, g++ and the libkrb5-dev headers (apt-get install libkrb5-dev).`);
  }
}

/** Installs Node 24 and code-server into the cache on first use; returns how to run them. */
function ensureCodeServer() {
  if (!fs.existsSync(marker)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (first run only, a few minutes)`);
    fs.rmSync(installDir, { recursive: true, force: true });
    fs.mkdirSync(installDir, { recursive: true });
    // Two steps, because code-server's postinstall checks the Node on PATH, which the first provides.
    npmInstall({ node: NODE_VERSION }, process.env);
    npmInstall({ node: NODE_VERSION, 'code-server': CODE_SERVER_VERSION }, withNode24(process.env));
    fs.writeFileSync(marker, new Date().toISOString());
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).`);
  return { codeServer: path.join(nodeBinDir, 'code-server') };
}

function withNode24(env) {
  return { ...env, PATH: `${nodeBinDir}${path.delimiter}${env.PATH || ''}` };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.setTimeout(2000, () => request.destroy());
  });
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // VS Code in the browser saves after a delay by default; desktop does not, and the tests
  // check what happens to unsaved changes.
  'files.autoSave': 'off',
};

/**
 * Starts an isolated code-server on a free loopback port.
 * @param {{ workspace: string, smokeTestDriver?: boolean, extensionsDir?: string, port?: number, settings?: object }} options
 */
async function startCodeServer(options) {
  const { codeServer } = ensureCodeServer();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-vscode-'));
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = options.extensionsDir || path.join(home, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  fs.writeFileSync(path.join(home, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = options.port || (await freePort());
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', path.join(home, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(options.workspace);
  const logFile = path.join(home, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  // Detached, so stop() can end the whole process group (code-server forks the extension host).
  const child = spawn(codeServer, args, { detached: true, stdio: ['ignore', out, out], env: withNode24(process.env) });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await httpStatus(`${base}/healthz`))) {
    if (exited || Date.now() > deadline) {
      const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      stop();
      throw new Error(`code-server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, base, extensionsDir, userDataDir, logFile, stop, codeServer };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
function installVsix(vsix, extensionsDir) {
  const { codeServer } = ensureCodeServer();
  const result = spawnSync(codeServer, ['--extensions-dir', extensionsDir, '--install-extension', vsix], { env: withNode24(process.env), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
}

/** Launches Debian's Chromium headless, never a downloaded browser. */
async function launchBrowser() {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  return { context, close };
}

/** Drags the sidebar's edge to 480 px, so tree rows and their descriptions show in full. */
async function widenSidebar(page) {
  const sash = page.locator('.monaco-sash.primary-sidebar-sash');
  const box = await sash.boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(480, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** The workbench URL for a folder or a `.code-workspace` file, optionally with a dev/test payload. */
function workbenchUrl(server, folderOrWorkspace, payload) {
  const params = new URLSearchParams(folderOrWorkspace.endsWith('.code-workspace') ? { workspace: folderOrWorkspace } : { folder: folderOrWorkspace });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${server.base}/?${params}`;
}

function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Copies a folder into a fresh temp folder, so tests never touch the checked-in fixtures. */
function copyToTemp(folder, prefix) {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(folder, target, { recursive: true });
  return target;
}

module.exports = { ensureCodeServer, startCodeServer, installVsix, launchBrowser, widenSidebar, workbenchUrl, remoteUri, copyToTemp, log };
