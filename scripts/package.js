// Builds growth-log-<version>.vsix with @vscode/vsce. Everything is bundled by esbuild, so the
// package carries no node_modules; .vscodeignore keeps sources, tests and maps out.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const { name, version } = require(path.join(root, 'package.json'));
const vsix = path.join(root, `${name}-${version}.vsix`);

/**
 * The README as the package carries it: without its screenshots. The Extensions view shows a
 * README under a policy that keeps only http(s) images (seen on VS Code 1.139: a relative path
 * and a data: URL both lose their source), so an image there needs the network and a public host
 * this project does not have yet; a broken picture would be all a user sees. The repository's
 * README keeps them.
 */
function packagedReadme() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const withoutImages = readme.replace(/^!\[[^\]]*\]\([^)]+\)\n\n/gm, '');
  const dir = path.join(root, 'out', 'package');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'README.md');
  fs.writeFileSync(file, withoutImages);
  return file;
}

function packageExtension() {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // Links stay as written: vsce would otherwise point them at the repository's (placeholder) host.
  const args = ['package', '--no-dependencies', '--no-rewrite-relative-links', '--readme-path', path.relative(root, packagedReadme()), '--out', vsix];
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
