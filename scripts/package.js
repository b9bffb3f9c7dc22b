// Builds growth-log-<version>.vsix with @vscode/vsce. Everything is bundled by esbuild, so the
// package carries no node_modules; .vscodeignore keeps sources, tests and maps out.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { name, version, repository } = require(path.join(root, 'package.json'));
const vsix = path.join(root, `${name}-${version}.vsix`);

function packageExtension() {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The README links to files in the repository; on the Marketplace they resolve against it.
  const base = repository.url.replace(/\.git$/, '');
  const args = ['package', '--no-dependencies', '--out', vsix, '--baseContentUrl', `${base}/blob/main`, '--baseImagesUrl', `${base}/raw/main`];
  execFileSync(process.execPath, [vsce, ...args], { cwd: root, stdio: 'inherit' });
  return vsix;
}

if (require.main === module) packageExtension();

module.exports = { packageExtension, vsix };
