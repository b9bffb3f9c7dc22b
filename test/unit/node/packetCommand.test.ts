import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPacketCommand } from '../../../src/node/packetCommand';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/packet');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runPacketCommand(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('growth-log packet', () => {
  let temp: string;

  beforeEach(async () => {
    temp = await fs.mkdtemp(path.join(os.tmpdir(), 'growth-log-packet-'));
  });

  afterEach(async () => {
    await fs.rm(temp, { recursive: true, force: true });
  });

  it('prints the same packet the core generates for the fixture log', async () => {
    const { code, out, err } = await run(['--dir', path.join(fixtures, 'default', 'brag'), '--current', 'L3', '--today', '2026-11-26']);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.equal(out, await fs.readFile(path.join(fixtures, 'default', 'expected.md'), 'utf8'));
  });

  it('uses the folder’s ladder.yaml and its current and target levels', async () => {
    const { code, out } = await run(['--dir', path.join(fixtures, 'custom', 'brag'), '--today', '2026-11-26', '--period', 'this-year']);
    assert.equal(code, 0);
    assert.equal(out, await fs.readFile(path.join(fixtures, 'custom', 'expected.md'), 'utf8'));
  });

  it('writes to a file and refuses to replace it without --force', async () => {
    const file = path.join(temp, 'packet.md');
    const args = ['--dir', path.join(fixtures, 'custom', 'brag'), '--today', '2026-11-26', '-o', file];
    assert.equal((await run(args)).code, 0);
    const first = await fs.readFile(file, 'utf8');
    assert.ok(first.startsWith('# Promotion packet: Staff Engineer (E5)\n'));

    await fs.writeFile(file, 'my edits', 'utf8');
    const refused = await run(args);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /already exists; pass --force to replace it/);
    assert.equal(await fs.readFile(file, 'utf8'), 'my edits');

    assert.equal((await run([...args, '--force'])).code, 0);
    assert.equal(await fs.readFile(file, 'utf8'), first);
  });

  it('writes the timeline and coverage charts next to the file and shows them in the draft', async () => {
    const file = path.join(temp, 'my packet.md');
    const { code, out } = await run(['--dir', path.join(fixtures, 'default', 'brag'), '--current', 'L3', '--today', '2026-11-26', '-o', file]);
    assert.equal(code, 0);
    assert.match(out, /my packet\.md and my packet-timeline\.svg and my packet-coverage\.svg/);
    const markdown = await fs.readFile(file, 'utf8');
    assert.match(markdown, /\n## At a glance\n\n!\[Entries per month, stacked by type\]\(my%20packet-timeline\.svg\)\n\n!\[Coverage of Staff Engineer \(L4\) by quarter\]\(my%20packet-coverage\.svg\)\n\n## The case/);
    // Apart from the pictures, the draft is the one printed to stdout.
    assert.equal(markdown.replace(/## At a glance\n\n(!\[.*\n\n)+/, ''), await fs.readFile(path.join(fixtures, 'default', 'expected.md'), 'utf8'));
    const timeline = await fs.readFile(path.join(temp, 'my packet-timeline.svg'), 'utf8');
    assert.match(timeline, /^<svg [^>]*role="img"/);
    // The packet's period: the last 12 months, 2025-11-27 to 2026-11-26, so 13 months drawn.
    assert.match(timeline, /<desc id="gl-timeline-desc">13 months from November 2025 to November 2026: /);
    assert.match(await fs.readFile(path.join(temp, 'my packet-coverage.svg'), 'utf8'), /Coverage of Staff Engineer \(L4\) by quarter/);
  });

  it('exits 2 on bad arguments', async () => {
    const dir = path.join(fixtures, 'default', 'brag');
    for (const args of [['--bogus'], ['--since', '2026-13-01'], ['--period', 'forever'], ['--target', 'L9'], ['positional']]) {
      const { code, err } = await run(['--dir', dir, ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^growth-log packet: /);
    }
    // No target, no current level in the ladder, and no promotion in the log that names one.
    await fs.writeFile(path.join(temp, '2026.yaml'), 'entries:\n  - date: 2026-03-01\n    title: Promoted\n    type: move\n    direction: vertical\n', 'utf8');
    const noTarget = await run(['--dir', temp]);
    assert.equal(noTarget.code, 2);
    assert.match(noTarget.err, /Name the target level/);
  });

  it('finds the current level of the sample log, which records its promotion with `level: L3`', async () => {
    const { code, out } = await run(['--dir', path.resolve(fixtures, '../../../sample/brag'), '--today', '2026-11-26']);
    assert.equal(code, 0);
    assert.match(out, /\n- \*\*Current level:\*\* Senior Software Engineer \(L3\) since 2025-09-15, 14 months\n- \*\*Target level:\*\* Staff Engineer \(L4\)\n/);
  });

  it('argues for the level after the latest promotion’s `level` when nothing else names the levels', async () => {
    const { code, out } = await run(['--dir', path.join(fixtures, 'default', 'brag'), '--today', '2026-11-26']);
    assert.equal(code, 0);
    assert.match(out, /^# Promotion packet: Staff Engineer \(L4\)\n/);
    assert.match(out, /\n- \*\*Current level:\*\* Senior Software Engineer \(L3\) since 2025-04-01, 19 months\n/);
  });

  it('prints ladder problems as file:line:col and stops when the ladder cannot be used', async () => {
    await fs.writeFile(path.join(temp, 'ladder.yaml'), 'current: L1\n', 'utf8');
    const { code, err } = await run(['--dir', temp, '--target', 'L2']);
    assert.equal(code, 1);
    const lines = err.trim().split('\n');
    assert.match(lines[0], /ladder\.yaml:1:1: error: The ladder has no `levels:` list\.$/);
    assert.match(lines[1], /ladder\.yaml cannot be used as a ladder; fix the problems above\.$/);
  });

  it('prints entry problems but still writes the packet', async () => {
    await fs.writeFile(path.join(temp, '2026.yaml'), 'entries:\n  - date: 2026-02-30\n    title: Bad date\n  - date: 2026-03-01\n    title: Good\n', 'utf8');
    const { code, out, err } = await run(['--dir', temp, '--target', 'L2', '--today', '2026-11-26']);
    assert.equal(code, 0);
    assert.match(err, /2026\.yaml:2:\d+: error: /);
    assert.match(out, /\*\*Good\*\*/);
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(out, /^Usage: growth-log packet/);
  });
});
