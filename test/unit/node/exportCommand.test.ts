import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/runCli';

const fixture = path.resolve(__dirname, '../../../../test/fixtures/export');

describe('growth-log export and import', () => {
  let temp: string;

  beforeEach(async () => {
    temp = await fs.mkdtemp(path.join(os.tmpdir(), 'growth-log-export-'));
    await fs.cp(path.join(fixture, 'brag'), path.join(temp, 'brag'), { recursive: true });
  });

  afterEach(async () => {
    await fs.rm(temp, { recursive: true, force: true });
  });

  for (const [format, golden] of [
    ['md', 'brag-2026-11-26.md'],
    ['html', 'brag-2026-11-26.html'],
    ['json', 'growth-log-2026-11-26.json'],
    ['csv', 'growth-log-2026-11-26.csv'],
  ]) {
    it(`prints the golden ${format} export and says on stderr how many private entries it left out`, async () => {
      const { code, out, err } = await runCli(['export', '--format', format, '--today', '2026-11-26'], temp);
      assert.equal(code, 0);
      assert.equal(out, await fs.readFile(path.join(fixture, 'expected', golden), 'utf8'));
      assert.equal(err, 'growth-log export: 2 private entries were left out. Pass --include-private to include them.\n');
    });
  }

  it('tells STAR stories of the entries named by --id, and refuses an id outside the period', async () => {
    const ids = ['2026-02-11-ledger-design', '2026-11-03-click-me-javascript-alert-1-then', '2026-10-14-partnered-with-finance-on-the-reconciliation'];
    const { code, out } = await runCli(['export', '--format', 'star', '--today', '2026-11-26', ...ids.flatMap((id) => ['--id', id])], temp);
    assert.equal(code, 0);
    assert.equal(out, await fs.readFile(path.join(fixture, 'expected', 'star-stories-2026-11-26.md'), 'utf8'));
    const missing = await runCli(['export', '--format', 'star', '--today', '2026-11-26', '--id', '2025-04-01-promoted-to-senior'], temp);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no entry of the period has the id `2025-04-01-promoted-to-senior`/);
  });

  it('includes private entries with --include-private, and filters by --tag and --since/--until', async () => {
    const all = await runCli(['export', '--format', 'csv', '--since', '2026-07-01', '--until', '2026-08-31', '--include-private'], temp);
    assert.equal(all.err, '');
    assert.deepEqual(all.out.split('\r\n').slice(1, -1).map((row) => row.split(',')[2]), ['Cut the batch settlement job\'s cost in half', 'Medical leave', 'Negotiated my retention package with the VP', 'Took over the on-call rotation schedule for the platform group']);
    const tagged = await runCli(['export', '--format', 'csv', '--today', '2026-11-26', '--tag', 'ledger'], temp);
    assert.equal(tagged.out.split('\r\n').length - 2, 2);
  });

  it('writes to a file, refuses to replace it without --force, and exits 2 on bad arguments', async () => {
    const first = await runCli(['export', '--format', 'html', '--today', '2026-11-26', '-o', 'brag.html'], temp);
    assert.equal(first.code, 0);
    assert.equal(first.out, 'Wrote 16 entries to brag.html\n');
    const again = await runCli(['export', '--format', 'html', '--today', '2026-11-26', '-o', 'brag.html'], temp);
    assert.equal(again.code, 1);
    assert.match(again.err, /brag.html already exists; pass --force/);
    assert.equal((await runCli(['export', '--format', 'html', '--today', '2026-11-26', '-o', 'brag.html', '--force'], temp)).code, 0);
    for (const args of [['export'], ['export', '--format', 'pdf'], ['export', '--format', 'md', '--since', '2026-02-30'], ['export', '--format', 'md', '--id', 'x'], ['import']]) {
      const { code, err } = await runCli(args, temp);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^growth-log (export|import): /);
    }
  });

  it('a JSON export imported into an empty log gives the same entries, and a second import adds nothing', async () => {
    await runCli(['export', '--format', 'json', '--include-private', '--since', '2000-01-01', '-o', 'all.json'], temp);
    const imported = await runCli(['import', 'all.json', '--dir', 'copy'], temp);
    assert.equal(imported.code, 0);
    assert.equal(imported.out, 'Imported 21 entries into 2 files.\n');
    const list = async (dir: string) => (JSON.parse((await runCli(['list', '--json', '--dir', dir], temp)).out) as Record<string, unknown>[]).map(({ file, line, idGenerated, ...rest }) => (void file, void line, void idGenerated, rest));
    assert.deepEqual(await list('copy'), await list('brag'));
    const before = await fs.readFile(path.join(temp, 'copy', '2026.yaml'), 'utf8');
    const again = await runCli(['import', 'all.json', '--dir', 'copy'], temp);
    assert.equal(again.out, 'Nothing to import: every entry of all.json is already in the log.\n');
    assert.equal(await fs.readFile(path.join(temp, 'copy', '2026.yaml'), 'utf8'), before);
    assert.equal((await runCli(['validate', '--dir', 'copy'], temp)).code, 0);
  });

  it('appends only the entries the log lacks, leaving every byte of the file as it was', async () => {
    await runCli(['export', '--format', 'json', '--since', '2026-11-01', '--today', '2026-11-26', '-o', 'recent.json'], temp);
    const original = '# my log, by hand\nentries:\n  # the one I keep\n  - id: 2026-11-20-released-the-ledger-api-v2-on\n    date: 2026-11-20\n    title: Released it (my words)\n';
    await fs.mkdir(path.join(temp, 'mine'));
    await fs.writeFile(path.join(temp, 'mine', '2026.yaml'), original);
    const { code, out } = await runCli(['import', 'recent.json', '--dir', 'mine'], temp);
    assert.equal(code, 0);
    assert.equal(out, 'Imported 2 entries into 1 file; 1 entry was already in the log.\n');
    const after = await fs.readFile(path.join(temp, 'mine', '2026.yaml'), 'utf8');
    assert.ok(after.startsWith(original), after);
    assert.match(after.slice(original.length), /^  - id: 2026-11-02-script-alert-brag-script-fixed-the\n/);
  });

  it('imports nothing from a file with a mistake, and says where it is', async () => {
    await fs.writeFile(path.join(temp, 'bad.json'), '{"format": "growth-log-export", "version": 1, "entries": [\n  {"id": "a", "date": "2026-01-01", "title": "A"},\n  {"id": "b", "date": "2026-02-30", "title": "B"}\n]}\n');
    const bad = await runCli(['import', 'bad.json', '--dir', 'copy'], temp);
    assert.equal(bad.code, 1);
    assert.equal(bad.err, 'growth-log import: bad.json: entries[1].date `2026-02-30` is not a calendar date: February 2026 has 28 days; nothing was imported.\n');
    await fs.writeFile(path.join(temp, 'broken.json'), '{\n  "format": "growth-log-export",,\n}\n');
    const broken = await runCli(['import', 'broken.json', '--dir', 'copy'], temp);
    assert.equal(broken.code, 1);
    assert.match(broken.err, /^growth-log import: broken\.json:2:33: this is not valid JSON/);
    await assert.rejects(fs.access(path.join(temp, 'copy')));
  });

  it('growth-log packet leaves private entries out unless --include-private, and says how many', async () => {
    const { out, err } = await runCli(['packet', '--today', '2026-11-26', '--current', 'L3'], temp);
    assert.equal(err, 'growth-log packet: 2 private entries were left out. Pass --include-private to quote them.\n');
    assert.ok(!out.includes('retention') && !out.includes('Medical leave'));
    const included = await runCli(['packet', '--today', '2026-11-26', '--current', 'L3', '--include-private'], temp);
    assert.equal(included.err, '');
    assert.ok(included.out.includes('Negotiated my retention package with the VP'));
  });
});
