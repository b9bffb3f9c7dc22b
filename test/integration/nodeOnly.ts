// What only the Node extension host can do for the suite: run the CLI in-process, over Node's fs.
// The web worker suite's bundle resolves this module to test/web/nodeOnly.ts, which has none of it,
// so the checks that need it run in the Node host only.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPacketCommand } from '../../src/node/packetCommand';

export interface NodeOnly {
  /** What `growth-log packet ARGS` prints. */
  cliPacket(args: readonly string[]): Promise<string>;
  /** The files `growth-log packet ARGS -o <folder>/NAME` writes (the draft and its charts), by name. */
  cliPacketFiles(args: readonly string[], name: string): Promise<Map<string, string>>;
}

export const nodeOnly: NodeOnly | undefined = {
  async cliPacket(args) {
    let out = '';
    const code = await runPacketCommand([...args], (s) => (out += s), () => undefined);
    assert.equal(code, 0, 'the CLI succeeds');
    return out;
  },
  async cliPacketFiles(args, name) {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'growth-log-cli-packet-'));
    try {
      const code = await runPacketCommand([...args, '-o', path.join(folder, name)], () => undefined, () => undefined);
      assert.equal(code, 0, 'the CLI succeeds');
      const names = await fs.readdir(folder);
      return new Map(await Promise.all(names.map(async (n) => [n, await fs.readFile(path.join(folder, n), 'utf8')] as const)));
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  },
};
