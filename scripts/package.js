// Builds growth-log-<version>.vsix with @vscode/vsce. Everything is bundled by esbuild, so the
// package carries no node_modules; .vscodeignore keeps sources, tests and maps out.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { name, version } = require(path.join(root, 'package.json'));
const vsix = path.join(root, `${name}-${version}.vsix`);

function packageExtension() {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The README's images ship inside the package and its links stay relative: the Extensions view
  // resolves them against the installed extension's folder, so they work offline, where the
  // repository's host (a placeholder until the project has a public home) would show broken images.
  const args = ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix];
  execFileSync(process.execPath, [vsce, ...args], { cwd: root, stdio: 'inherit' });
  return vsix;
}

if (require.main === module) packageExtension();

module.exports = { packageExtension, vsix };
