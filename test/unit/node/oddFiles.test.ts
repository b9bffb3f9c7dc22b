import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli as run } from '../helpers/runCli';
import { MAX_FILE_SIZE } from '../../../src/core/store/fileLimits';
import { item, logFile, tempFolder } from '../helpers/logText';


const VALID = logFile(item('id: kept', 'date: 2026-03-01', 'title: The entry that must stay visible'));

describe('odd things in the log folder', function () {
  this.timeout(60_000);

  it('reports a folder, a FIFO, a link to /dev/zero and a link to a huge file as problems of their own, and lists the rest', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': VALID, 'big.bin': '' });
    const brag = path.join(folder.dir, 'brag');
    try {
      fs.mkdirSync(path.join(brag, 'folder.yaml'));
      execFileSync('mkfifo', [path.join(brag, 'pipe.yaml')]);
      fs.symlinkSync('/dev/zero', path.join(brag, 'zero.yaml'));
      // Sparse: 6 MB on paper, nothing on disk.
      fs.truncateSync(path.join(folder.dir, 'big.bin'), 6 * 1024 * 1024);
      fs.symlinkSync(path.join(folder.dir, 'big.bin'), path.join(brag, 'huge.yaml'));
      fs.symlinkSync(path.join(folder.dir, 'gone.yaml'), path.join(brag, 'dangling.yaml'));

      const validate = await run(['validate'], folder.dir);
      assert.equal(validate.code, 1);
      const lines = validate.out.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, -1), [
        'brag/dangling.yaml:1:1: error: This is a symbolic link to a file that does not exist, so Growth Log cannot read it.',
        'brag/folder.yaml:1:1: error: This is a folder, not a file, so Growth Log does not read it; rename it or move it out of the log folder.',
        'brag/huge.yaml:1:1: error: This file is 6.0 MB, larger than the 5 MB Growth Log reads; split it into several files (by year, quarter or project).',
        'brag/pipe.yaml:1:1: error: This is a named pipe (FIFO), not a file, so Growth Log does not read it; rename it or move it out of the log folder.',
        'brag/zero.yaml:1:1: error: This is a device, not a file, so Growth Log does not read it; rename it or move it out of the log folder.',
      ]);
      assert.match(lines.at(-1) ?? '', /1 entry: 5 errors/);

      const list = await run(['list'], folder.dir);
      assert.equal(list.code, 0);
      assert.match(list.out, /The entry that must stay visible/);
      const added = await run(['add', '--title', 'Still works', '--date', '2026-03-02'], folder.dir);
      assert.equal(added.code, 0, added.err);
    } finally {
      folder.remove();
    }
  });

  it('reports a file it may not read at its place', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads every file
    const folder = tempFolder({ 'brag/2026.yaml': VALID, 'brag/secret.yaml': VALID.replace('kept', 'other') });
    try {
      fs.chmodSync(path.join(folder.dir, 'brag', 'secret.yaml'), 0);
      const { code, out } = await run(['validate'], folder.dir);
      assert.equal(code, 1);
      assert.match(out, /^brag\/secret\.yaml:1:1: error: Growth Log cannot read this file: permission denied\.$/m);
    } finally {
      folder.remove();
    }
  });

  it('writes through a symbolic link to the file it points to, and the link stays a link', async () => {
    const folder = tempFolder({ 'shared/2026.yaml': logFile(item('id: a', 'date: 2026-02-01', 'title: Entry A')) });
    const link = path.join(folder.dir, 'brag', '2026.yaml');
    try {
      fs.mkdirSync(path.dirname(link));
      fs.symlinkSync('../shared/2026.yaml', link);
      fs.chmodSync(path.join(folder.dir, 'shared', '2026.yaml'), 0o640);
      assert.equal((await run(['add', '--title', 'Through the link', '--date', '2026-02-05'], folder.dir)).code, 0);
      assert.equal((await run(['tag', 'a', '--add', 'linked'], folder.dir)).code, 0);
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'still a link');
      assert.equal(fs.readlinkSync(link), '../shared/2026.yaml');
      const target = fs.readFileSync(path.join(folder.dir, 'shared', '2026.yaml'), 'utf8');
      assert.match(target, /title: Through the link/);
      assert.match(target, /tags: \[linked\]/);
      assert.equal(fs.statSync(path.join(folder.dir, 'shared', '2026.yaml')).mode & 0o777, 0o640, 'keeps its permissions');
      assert.deepEqual(fs.readdirSync(path.join(folder.dir, 'shared')), ['2026.yaml'], 'no temporary file is left next to the target');
    } finally {
      folder.remove();
    }
  });

  it('refuses a write that would push a file past the size limit, so its entries never vanish', async () => {
    // Counted in bytes: four-byte characters make the text's length a quarter of its size.
    const line = `  ${'🌱'.repeat(32)}`;
    const filler = new Array<string>(Math.floor((MAX_FILE_SIZE - 2000) / (utf8Bytes(line) + 5))).fill(line);
    const text = logFile(item('id: big', 'date: 2026-01-01', 'title: A long story', 'details: |', ...filler));
    const folder = tempFolder({ 'brag/2026.yaml': text });
    const file = path.join(folder.dir, 'brag', '2026.yaml');
    try {
      const size = fs.statSync(file).size;
      assert.ok(size < MAX_FILE_SIZE && size > MAX_FILE_SIZE - 3000, `the file is just under the limit (${size} bytes)`);
      const added = await run(['add', '--title', 'One more line would tip it over '.repeat(80), '--date', '2026-05-01'], folder.dir);
      assert.equal(added.code, 1);
      assert.match(added.err, /2026\.yaml would grow to 5\.0 MB, past the 5 MB Growth Log reads.*nothing was written/);
      assert.equal(fs.readFileSync(file, 'utf8'), text);
      const list = await run(['list'], folder.dir);
      assert.match(list.out, /A long story/);
    } finally {
      folder.remove();
    }
  });

  it('reports bytes that are not UTF-8 at their place and refuses to rewrite their file', async () => {
    const text = logFile(item('id: a', 'date: 2026-02-01', 'title: Café'), item('id: b', 'date: 2026-02-02', 'title: Entry B'));
    const bytes = Buffer.from(text, 'utf8');
    // Latin-1 é (0xE9) where UTF-8 has two bytes: what a file saved by an old editor holds.
    const bad = Buffer.concat([bytes.subarray(0, bytes.indexOf('é')), Buffer.from([0xe9]), bytes.subarray(bytes.indexOf('é') + 2)]);
    const folder = tempFolder();
    const file = path.join(folder.dir, 'brag', '2026.yaml');
    try {
      fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(file, bad);
      const validate = await run(['validate'], folder.dir);
      assert.equal(validate.code, 1);
      assert.match(validate.out, /^brag\/2026\.yaml:5:15: error: This file is not valid UTF-8 here/m);
      const tagged = await run(['tag', 'b', '--add', 'infra'], folder.dir);
      assert.equal(tagged.code, 1);
      assert.match(tagged.err, /2026\.yaml:5:15: this file is not valid UTF-8, so Growth Log does not change it; nothing was written/);
      const added = await run(['add', '--title', 'Same year', '--date', '2026-04-01'], folder.dir);
      assert.equal(added.code, 1);
      assert.deepEqual(fs.readFileSync(file), bad, 'the bad byte is still there, byte for byte');
    } finally {
      folder.remove();
    }
  });
});

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
