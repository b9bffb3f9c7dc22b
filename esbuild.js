// Bundles the extension (for the Node extension host and for the browser's web worker host)
// and the CLI. Type-checking is separate (`npm run typecheck`), as in
// vscode-extension-samples/esbuild-sample, so a build stays fast.
const esbuild = require('esbuild');
const { noNodeBuiltinsPlugin } = require('./scripts/noNodeBuiltinsPlugin');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build results the way VS Code's esbuild problem matcher expects. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: watch ? [problemMatcherPlugin] : [],
};

/** The browser bundle (the manifest's `browser`), for the web worker host of vscode.dev. */
const browserOptions = {
  ...common,
  entryPoints: ['src/extension.browser.ts'],
  outfile: 'dist/web/extension.js',
  platform: 'browser',
  target: 'es2022',
  external: ['vscode'],
  // Packages that ship a browser build get it, as they would on any web page.
  mainFields: ['browser', 'module', 'main'],
  plugins: [...common.plugins, noNodeBuiltinsPlugin],
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({
      ...common,
      entryPoints: ['src/extension.node.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode'],
    }),
    esbuild.context(browserOptions),
    esbuild.context({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    for (const ctx of contexts) {
      const result = await ctx.rebuild();
      if (result.errors.length > 0) process.exitCode = 1;
    }
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { browserOptions };
