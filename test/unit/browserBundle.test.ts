import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');
// The build configuration is plain JavaScript, shared with `npm run build`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { browserOptions } = require(path.join(ROOT, 'esbuild.js')) as { browserOptions: esbuild.BuildOptions };

/** Builds like `npm run package` does, in memory, from the project's folder. */
async function buildForTheBrowser(overrides: esbuild.BuildOptions = {}): Promise<{ inputs: string[]; output: esbuild.OutputFile }> {
  const result = await esbuild.build({ ...browserOptions, absWorkingDir: ROOT, minify: true, sourcemap: false, write: false, metafile: true, ...overrides });
  assert.ok(result.metafile && result.outputFiles, 'esbuild returns the metafile and the output');
  return { inputs: Object.keys(result.metafile.inputs), output: result.outputFiles[0] };
}

describe('The browser bundle', function () {
  this.timeout(60_000);

  it('holds the shared features and nothing to load but vscode, under 300 KB minified', async () => {
    const { inputs, output } = await buildForTheBrowser();
    for (const shared of ['src/extension.ts', 'src/extension/tree/entriesTree.ts', 'src/extension/capture/quickAdd.ts', 'src/core/packet/packet.ts']) {
      assert.ok(inputs.includes(shared), `${shared} is in the browser bundle`);
    }
    assert.ok(!inputs.includes('src/extension/capture/logFromGit.ts'), 'Log from Git stays in the Node bundle');
    assert.deepEqual([...new Set(output.text.match(/require\("[^"]*"\)/g))], ['require("vscode")']);
    assert.ok(output.contents.length < 300 * 1024, `${output.contents.length} bytes`);
  });

  it('fails, naming the file and the module, when shared code imports a Node built-in', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-bundle-'));
    try {
      const entry = path.join(folder, 'feature.ts');
      fs.writeFileSync(entry, "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport const read = () => readFileSync(join('a', 'b'));\n");
      const failure = await buildForTheBrowser({ entryPoints: [entry], logLevel: 'silent' }).then(
        () => assert.fail('the build succeeded'),
        (error: esbuild.BuildFailure) => error,
      );
      const messages = failure.errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.text}`);
      assert.equal(messages.length, 2, messages.join('\n'));
      assert.match(messages[0], /feature\.ts:1: "node:fs" is a Node built-in and cannot run in the browser's web worker host/);
      assert.match(messages[1], /feature\.ts:2: "path" is a Node built-in/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
