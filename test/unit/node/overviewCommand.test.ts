import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runOverviewCommand } from '../../../src/node/overviewCommand';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runOverviewCommand(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('growth-log overview', () => {
  let temp: string;
  beforeEach(async () => {
    temp = await fs.mkdtemp(path.join(os.tmpdir(), 'growth-log-overview-'));
  });
  afterEach(async () => {
    await fs.rm(temp, { recursive: true, force: true });
  });

  it('writes the same SVG files the tests hold as golden, for the same log, level and day', async () => {
    const svg = path.join(temp, 'charts');
    const { code, out, err } = await run(['--dir', path.join(fixtures, 'packet', 'default', 'brag'), '--target', 'L4', '--today', '2026-11-26', '--svg', svg]);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /overview-timeline\.svg\n.*overview-coverage\.svg\n$/);
    assert.equal(await fs.readFile(path.join(svg, 'overview-timeline.svg'), 'utf8'), await fs.readFile(path.join(fixtures, 'overview', 'timeline.svg'), 'utf8'));
    assert.equal(await fs.readFile(path.join(svg, 'overview-coverage.svg'), 'utf8'), await fs.readFile(path.join(fixtures, 'overview', 'coverage.svg'), 'utf8'));
  });

  it('leaves private entries out of the charts and the counts unless asked, and says how many', async () => {
    const dir = path.join(temp, 'brag');
    await fs.mkdir(dir);
    const entry = (id: string, extra = '') => `  - id: ${id}\n    date: 2026-03-0${id.length}\n    title: Win ${id}\n    tags: [${id}]\n${extra}`;
    await fs.writeFile(path.join(dir, '2026.yaml'), `entries:\n${entry('a')}${entry('secret', '    private: true\n')}`);
    const svg = path.join(temp, 'charts');
    const left = await run(['--dir', dir, '--today', '2026-11-26', '--svg', svg]);
    assert.equal(left.code, 0);
    assert.match(left.err, /1 private entry was left out; pass --include-private/);
    assert.doesNotMatch(left.out, /secret/);
    assert.doesNotMatch(await fs.readFile(path.join(svg, 'overview-timeline.svg'), 'utf8'), /2 entries/);
    const all = await run(['--dir', dir, '--today', '2026-11-26', '--include-private']);
    assert.equal(all.err, '');
    assert.match(all.out, /secret/, 'its tag is among the top tags');
  });

  it('shows the coverage of the level after the latest promotion when the ladder names no current level, as the extension does', async () => {
    const dir = path.join(temp, 'brag');
    await fs.mkdir(dir);
    await fs.writeFile(
      path.join(dir, '2026.yaml'),
      'entries:\n  - date: 2026-02-01\n    title: Promoted to Senior Software Engineer\n    type: move\n    direction: vertical\n    level: L3\n  - date: 2026-03-02\n    title: Led the billing migration\n',
    );
    const { code, out, err } = await run(['--dir', dir, '--today', '2026-11-26']);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /Coverage of .*\(L4\)/);
  });

  it('prints the months, coverage with its gaps, readiness and top tags of the period', async () => {
    const { code, out } = await run(['--dir', path.join(fixtures, 'packet', 'custom', 'brag'), '--today', '2026-11-26', '--since', '2026-01-01', '--until', '2026-06-30']);
    assert.equal(code, 0);
    assert.match(out, /^Overview of .*brag, 2026-01-01 to 2026-06-30\n/);
    assert.match(out, /\n {2}2026-01 {4}1 {2}1 project\n/);
    assert.match(out, /Coverage of Staff Engineer \(E5\)/);
    assert.match(out, /Current level: Senior Engineer \(E4\)/);
    assert.match(out, /\nTop tags: search \(1\)/);
  });

  it('exits 2 on a bad date, a reversed period or a level the ladder lacks', async () => {
    const dir = path.join(fixtures, 'packet', 'default', 'brag');
    for (const args of [['--since', '2026-02-30'], ['--since', '2026-05-01', '--until', '2026-04-01'], ['--target', 'L9'], ['--bogus']]) {
      const { code, err } = await run(['--dir', dir, ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^growth-log overview: /);
    }
  });
});
