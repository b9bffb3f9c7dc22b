// What only the Node extension host can do for the suite: run the CLI in-process, over Node's fs.
// The web worker suite's bundle resolves this module to test/web/nodeOnly.ts, which has none of it,
// so the checks that need it run in the Node host only.
import * as assert from 'node:assert/strict';
import { runPacketCommand } from '../../src/node/packetCommand';

export interface NodeOnly {
  /** What `growth-log packet ARGS` prints. */
  cliPacket(args: readonly string[]): Promise<string>;
}

export const nodeOnly: NodeOnly | undefined = {
  async cliPacket(args) {
    let out = '';
    const code = await runPacketCommand([...args], (s) => (out += s), () => undefined);
    assert.equal(code, 0, 'the CLI succeeds');
    return out;
  },
};
