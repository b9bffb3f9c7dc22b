// Builds growth-log-<version>.vsix with @vscode/vsce. Everything is bundled by esbuild, so the
// package carries no node_modules; .vscodeignore keeps sources, tests and maps out.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const { name, version, repository } = require(path.join(root, 'package.json'));
const vsix = path.join(root, `${name}-${version}.vsix`);

function packageExtension() {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The README links to files in the repository; on the Marketplace they resolve against it.
  const base = repository.url.replace(/\.git$/, '');
  const args = ['package', '--no-dependencies', '--out', vsix, '--baseContentUrl', `${base}/blob/main`, '--baseImagesUrl', `${base}/raw/main`];
  execFileSync(process.execPath, [vsce, ...args], { cwd: root, stdio: 'inherit' });
  reportBundleSizes();
  return vsix;
}

/** vscode.dev downloads the browser bundle on every activation: it has a budget, checked here. */
const BROWSER_BUDGET_BYTES = 300 * 1024;

function reportBundleSizes() {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const [name, file] of [
    ['Node extension host', 'dist/extension.js'],
    ['web worker host, vscode.dev', 'dist/web/extension.js'],
  ]) {
    const bytes = fs.readFileSync(path.join(root, file));
    console.log(`${file} (${name}): ${kb(bytes.length)} minified, ${kb(zlib.gzipSync(bytes).length)} gzipped`);
  }
  const browser = fs.statSync(path.join(root, 'dist/web/extension.js')).size;
  if (browser > BROWSER_BUDGET_BYTES) {
    throw new Error(`dist/web/extension.js is ${kb(browser)}, over its budget of ${kb(BROWSER_BUDGET_BYTES)}: keep Node-only or heavy code out of src/extension.ts's imports.`);
  }
}

if (require.main === module) packageExtension();

module.exports = { packageExtension, vsix };
