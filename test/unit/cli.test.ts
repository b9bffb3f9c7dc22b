import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli as run } from './helpers/runCli';
import { parseEntryFile } from '../../src/core/readers/yamlCodec';
import { snapshot, tempFolder } from './helpers/logText';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/logs');


function copyFixture(name: string): { dir: string; remove(): void } {
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(path.join(FIXTURES, name))) files[`brag/${file}`] = fs.readFileSync(path.join(FIXTURES, name, file), 'utf8');
  return tempFolder(files);
}

describe('growth-log CLI', () => {
  it('validate reports every problem of a broken folder with its place, exits 1 and changes no byte', async () => {
    const folder = copyFixture('broken');
    try {
      const before = snapshot(path.join(folder.dir, 'brag'));
      const { code, out } = await run(['validate'], folder.dir);
      assert.equal(code, 1);
      const lines = out.trimEnd().split('\n');
      assert.deepEqual(
        lines.slice(0, -1).map((l) => l.split(': ').slice(0, 2).join(': ')),
        [
          'brag/2024.yaml:5:16: warning',
          'brag/2025.yaml:4:12: error',
          'brag/2026.yaml:4:11: error',
          'brag/2026.yaml:6:11: error',
          'brag/2026.yaml:8:9: error',
          'brag/2026.yaml:11:11: warning',
          'brag/2026.yaml:12:11: warning',
          'brag/2026.yaml:13:9: error',
          'brag/2026.yaml:16:5: error',
          'brag/2026.yaml:17:5: error',
          'brag/notes.yaml:1:10: error',
        ],
      );
      assert.match(lines[4], /already used by the entry at 2024\.yaml:2/);
      assert.equal(lines[lines.length - 1], '4 entry files, 1 entry: 8 errors, 3 warnings.');
      assert.deepEqual(snapshot(path.join(folder.dir, 'brag')), before);
    } finally {
      folder.remove();
    }
  });

  it('validate exits 0 on a valid folder and ignores a ladder next to the entries', async () => {
    const folder = copyFixture('valid');
    try {
      const { code, out } = await run(['validate', '--dir', 'brag'], folder.dir);
      assert.equal(code, 0);
      assert.equal(out, '2 entry files, 4 entries: 0 errors, 0 warnings.\n');
    } finally {
      folder.remove();
    }
  });

  it('validate warns about a promotion to a level the ladder does not have, at the level', async () => {
    const folder = tempFolder({
      'brag/2026.yaml': 'entries:\n  - date: 2026-05-30\n    title: Promoted\n    type: move\n    direction: vertical\n    level: E4\n',
    });
    try {
      const { code, out } = await run(['validate'], folder.dir);
      assert.equal(code, 0);
      assert.equal(out.split('\n')[0], 'brag/2026.yaml:6:12: warning: `E4` is not a level of the built-in ladder (its levels are `L1`, `L2`, `L3`, `L4`, `L5`, `L6`), so this promotion does not set your current level.');
      fs.writeFileSync(path.join(folder.dir, 'brag/ladder.yaml'), 'levels:\n  - id: E4\n    title: Senior Engineer\n');
      assert.equal((await run(['validate'], folder.dir)).out, '1 entry file, 1 entry: 0 errors, 0 warnings.\n');
      const [row] = JSON.parse((await run(['list', '--json'], folder.dir)).out) as Record<string, unknown>[];
      assert.equal(row.level, 'E4');
      assert.ok(!('levelRange' in row), 'places inside the file are given as file and line only');
    } finally {
      folder.remove();
    }
  });

  it('list --json gives every field with file and line, newest first', async () => {
    const folder = copyFixture('valid');
    try {
      const { code, out } = await run(['list', '--json'], folder.dir);
      assert.equal(code, 0);
      const rows = JSON.parse(out) as Record<string, unknown>[];
      assert.deepEqual(
        rows.map((r) => [r.date, r.file, r.line]),
        [
          ['2026-11-20', 'brag/2026.yaml', 3],
          ['2026-06-01', 'brag/2026.yaml', 18],
          ['2026-03-14', 'brag/2026.yaml', 25],
          ['2025-12-02', 'brag/2025.yml', 2],
        ],
      );
      assert.deepEqual(rows[1].extra, { team: 'platform' });
      assert.equal(rows[1].direction, 'horizontal');
    } finally {
      folder.remove();
    }
  });

  it('add writes the entry to the file of its year and keeps the rest of the file', async () => {
    const folder = copyFixture('valid');
    try {
      const file = path.join(folder.dir, 'brag/2026.yaml');
      const before = fs.readFileSync(file, 'utf8');
      const { code, out } = await run(['add', '--title', 'Shipped the importer', '--date', '2026-11-26', '--type', 'skill', '--tags', 'Infra, data', '--impact', '3x faster'], folder.dir);
      assert.equal(code, 0);
      assert.equal(out, 'Added 2026-11-26-shipped-the-importer to brag/2026.yaml.\n');
      const after = fs.readFileSync(file, 'utf8');
      assert.ok(after.startsWith(before));
      const added = parseEntryFile(after, 'f').entries.find((e) => e.id === '2026-11-26-shipped-the-importer');
      assert.deepEqual([added?.type, added?.tags, added?.impact], ['skill', ['infra', 'data'], '3x faster']);
      await run(['add', '--title', 'Old win', '--date', '2024-02-02'], folder.dir);
      assert.match(fs.readFileSync(path.join(folder.dir, 'brag/2024.yaml'), 'utf8'), /^# Growth Log.*\nentries:\n {2}- id: 2024-02-02-old-win\n/);
    } finally {
      folder.remove();
    }
  });

  it('add refuses a bad date, an unknown type or a missing title with exit 2 and writes nothing', async () => {
    const folder = copyFixture('valid');
    try {
      const before = snapshot(path.join(folder.dir, 'brag'));
      for (const args of [['--title', 'x', '--date', '2026-02-30'], ['--title', 'x', '--type', 'projekt'], ['--date', '2026-01-01'], ['--title', 'x', '--bogus']]) {
        const { code, err } = await run(['add', ...args], folder.dir);
        assert.equal(code, 2, args.join(' '));
        assert.match(err, /^growth-log add: /);
      }
      assert.match((await run(['add', '--title', 'x', '--date', '2026-02-30'], folder.dir)).err, /`2026-02-30` is not a calendar date: February 2026 has 28 days\./);
      assert.deepEqual(snapshot(path.join(folder.dir, 'brag')), before);
    } finally {
      folder.remove();
    }
  });

  it('add refuses to write into a file that does not parse', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': 'entries:\n  - date: 2026-01-01\n    title: "open\n' });
    try {
      const { code, err } = await run(['add', '--title', 'x', '--date', '2026-05-05'], folder.dir);
      assert.equal(code, 1);
      assert.match(err, /2026\.yaml:3:12: .*The file was not changed\./);
    } finally {
      folder.remove();
    }
  });

  describe('tag and tags', () => {
    const log = [
      '# my wins',
      'entries:',
      '  - id: 2026-03-01-cache',
      '    date: 2026-03-01',
      '    title: Added a cache   # finally',
      '    tags: [infra, "Perf"]',
      '',
      '  # spring',
      '  - id: 2026-04-01-talk',
      '    date: 2026-04-01',
      '    title: Gave a talk',
      '    tags:',
      '      - speaking',
      '',
    ].join('\n');
    const other = 'entries:\n  - id: 2025-01-01-docs\n    date: 2025-01-01\n    title: Wrote docs\n    tags: [docs, infra]\n';
    let folder: { dir: string; remove(): void };
    beforeEach(() => (folder = tempFolder({ 'brag/2026.yaml': log, 'brag/2025.yaml': other })));
    afterEach(() => folder.remove());
    const read = (name: string) => fs.readFileSync(path.join(folder.dir, 'brag', name), 'utf8');

    it('tag adds and removes tags on the named entries, changing only their tag lists', async () => {
      const { code, out, err } = await run(['tag', '2026-03-01-cache', '2026-04-01-talk', '2025-01-01-docs', '--add', 'On Call,speaking', '--remove', 'perf'], folder.dir);
      assert.equal(err, '');
      assert.equal(code, 0);
      assert.equal(out, 'Tagged 3 entries in 2 files.\n');
      assert.equal(read('2026.yaml'), log.replace('[infra, "Perf"]', '[infra, on-call, speaking]').replace('      - speaking\n', '      - speaking\n      - on-call\n'));
      assert.equal(read('2025.yaml'), other.replace('[docs, infra]', '[docs, infra, on-call, speaking]'));
      const again = await run(['tag', '2026-03-01-cache', '--add', 'infra'], folder.dir);
      assert.equal(again.out, 'Tagged 0 entries in 0 files.\n');
    });

    it('tag refuses an unknown id, or no change, with exit 2 and writes nothing', async () => {
      const before = snapshot(path.join(folder.dir, 'brag'));
      const unknown = await run(['tag', '2026-03-01-cache', 'nope', '--add', 'x'], folder.dir);
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /^growth-log tag: there is no entry with the id `nope`; nothing was changed\.\n$/);
      for (const args of [['tag', '2026-03-01-cache'], ['tag', '--add', 'x'], ['tag', '2026-03-01-cache', '--add', ' , ']]) {
        const { code, err } = await run(args, folder.dir);
        assert.equal(code, 2, args.join(' '));
        assert.match(err, /^growth-log tag: /);
      }
      assert.deepEqual(snapshot(path.join(folder.dir, 'brag')), before);
    });

    it('tags lists each tag with its count, most used first, then by name, or as JSON', async () => {
      const { code, out } = await run(['tags'], folder.dir);
      assert.equal(code, 0);
      assert.equal(out, '   2  infra\n   1  docs\n   1  Perf\n   1  speaking\n');
      const json = await run(['tags', '--json'], folder.dir);
      assert.deepEqual(JSON.parse(json.out), [
        { tag: 'infra', count: 2 },
        { tag: 'docs', count: 1 },
        { tag: 'Perf', count: 1 },
        { tag: 'speaking', count: 1 },
      ]);
    });
  });

  it('runs as a real process from the compiled output', () => {
    const folder = copyFixture('broken');
    try {
      const cli = path.resolve(__dirname, '../../src/cli.js');
      assert.throws(
        () => execFileSync(process.execPath, [cli, 'validate'], { cwd: folder.dir, encoding: 'utf8' }),
        (error: { status: number; stdout: string }) => error.status === 1 && error.stdout.includes('brag/2026.yaml:4:11: error: `2026-02-30` is not a calendar date'),
      );
    } finally {
      folder.remove();
    }
  });
});
