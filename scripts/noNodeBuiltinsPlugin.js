// An esbuild plugin for bundles that run in the browser's web worker extension host.
const { builtinModules } = require('node:module');

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails the bundle when anything in it imports a Node built-in. Without this, esbuild would
 * quietly swap in an empty module where a package's `browser` field says so, and the extension
 * would break only on vscode.dev.
 */
const noNodeBuiltinsPlugin = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) && !NODE_BUILTINS.has(args.path.split('/')[0])) return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a Node built-in and cannot run in the browser's web worker host (vscode.dev). Features that need Node are wired in src/extension.node.ts, not src/extension.ts.`,
          },
        ],
      };
    });
  },
};

module.exports = { noNodeBuiltinsPlugin };
