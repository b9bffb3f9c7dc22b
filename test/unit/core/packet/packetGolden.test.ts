import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { generatePacket, planPacket, type PacketRequest } from '../../../../src/core/packet/packet';
import { loadPacketSources } from '../../../../src/node/packetCommand';

// Compiled tests run from out/test/unit/core/packet; the fixtures stay in the source tree.
const fixtures = path.resolve(__dirname, '../../../../../test/fixtures/packet');

interface GoldenCase {
  readonly name: string;
  readonly request: Omit<PacketRequest, 'ladder' | 'entries'>;
}

const cases: readonly GoldenCase[] = [
  // The built-in ladder; the target is the level after the current one.
  { name: 'default', request: { today: '2026-11-26', current: 'L3' } },
  // A ladder.yaml naming current and target; a calendar-year period.
  { name: 'custom', request: { today: '2026-11-26', period: 'this-year' } },
];

describe('promotion packet golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  for (const { name, request } of cases) {
    it(`writes the expected packet for the ${name} fixture log, byte for byte`, async () => {
      const sources = await loadPacketSources(path.join(fixtures, name, 'brag'));
      assert.deepEqual(sources.problems, [], 'the fixture log is valid');
      assert.ok(sources.ladder);
      const plan = planPacket({ ...request, ladder: sources.ladder, entries: sources.entries });
      const markdown = generatePacket({ ...plan, ladder: sources.ladder, entries: sources.entries, today: request.today });
      const golden = path.join(fixtures, name, 'expected.md');
      if (process.env.UPDATE_GOLDEN === '1') await fs.writeFile(golden, markdown, 'utf8');
      assert.equal(markdown, await fs.readFile(golden, 'utf8'));
    });
  }

  it('gives the same bytes whatever order the entries arrive in', async () => {
    const sources = await loadPacketSources(path.join(fixtures, 'default', 'brag'));
    assert.ok(sources.ladder);
    const plan = planPacket({ ladder: sources.ladder, entries: sources.entries, today: '2026-11-26', current: 'L3' });
    const forward = generatePacket({ ...plan, ladder: sources.ladder, entries: sources.entries, today: '2026-11-26' });
    const backward = generatePacket({ ...plan, ladder: sources.ladder, entries: [...sources.entries].reverse(), today: '2026-11-26' });
    assert.equal(backward, forward);
  });
});
