import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEntryFile } from '../../../src/core/readers/yamlCodec';
import { withLogLock, type LockFile } from '../../../src/core/store/logLock';
import { nodeLockFile } from '../../../src/node/nodeFolderAccess';
import { item, logFile, tempFolder } from '../helpers/logText';

const CLI = path.resolve(__dirname, '../../../src/cli.js');

/** Runs the compiled CLI as its own process, as a terminal or a git hook would. */
function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

function entriesOf(file: string): { id: string; title: string; tags: readonly string[] }[] {
  return parseEntryFile(fs.readFileSync(file, 'utf8'), file).entries.map((e) => ({ id: e.id, title: e.title, tags: e.tags }));
}

describe('writers racing on one log folder', function () {
  this.timeout(120_000);

  it('keeps every one of twenty growth-log add run at once on one year file', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': logFile(item('id: first', 'date: 2026-01-05', 'title: The first win')) });
    try {
      const runs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => cli(['add', '--title', `Parallel win ${i}`, '--date', '2026-03-10', '--tags', `run-${i}`], folder.dir)),
      );
      for (const run of runs) assert.equal(run.code, 0, run.err);
      assert.equal(runs.filter((r) => /^Added /.test(r.out)).length, 20);
      const titles = entriesOf(path.join(folder.dir, 'brag', '2026.yaml')).map((e) => e.title);
      assert.equal(titles.length, 21);
      for (let i = 0; i < 20; i++) assert.ok(titles.includes(`Parallel win ${i}`), `Parallel win ${i} is missing`);
      assert.deepEqual(fs.readdirSync(path.join(folder.dir, 'brag')).sort(), ['2026.yaml'], 'no lock or temporary file is left behind');
    } finally {
      folder.remove();
    }
  });

  it('keeps both changes when tags race an add, and when two tags race on one file', async () => {
    const folder = tempFolder({
      'brag/2026.yaml': logFile(item('id: a', 'date: 2026-02-01', 'title: Entry A', 'tags: [infra]'), item('id: b', 'date: 2026-02-02', 'title: Entry B')),
    });
    try {
      const runs = await Promise.all([
        cli(['tag', 'a', '--add', 'speed'], folder.dir),
        cli(['tag', 'b', '--add', 'people'], folder.dir),
        cli(['add', '--title', 'Entry C', '--date', '2026-02-03'], folder.dir),
        cli(['tag', 'a', '--add', 'data'], folder.dir),
      ]);
      for (const run of runs) assert.equal(run.code, 0, run.err);
      const entries = entriesOf(path.join(folder.dir, 'brag', '2026.yaml'));
      const byId = new Map(entries.map((e) => [e.id, e]));
      assert.deepEqual([...(byId.get('a')?.tags ?? [])].sort(), ['data', 'infra', 'speed']);
      assert.deepEqual(byId.get('b')?.tags, ['people']);
      assert.ok(entries.some((e) => e.title === 'Entry C'));
    } finally {
      folder.remove();
    }
  });

  it('waits for a holder, takes over a lock left by a process that ended, and fails clearly on a live one', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': logFile(item('date: 2026-01-05', 'title: Kept')) });
    const brag = path.join(folder.dir, 'brag');
    const lockPath = path.join(brag, '.growth-log.lock');
    try {
      // A holder whose process is gone (a crash, a killed hook) does not block anyone.
      fs.writeFileSync(lockPath, JSON.stringify({ token: 'dead', by: 'cli', pid: 2 ** 22 + 12345, host: os.hostname(), at: Date.now() }));
      const afterCrash = await cli(['add', '--title', 'After a crash', '--date', '2026-01-06'], folder.dir);
      assert.equal(afterCrash.code, 0, afterCrash.err);
      assert.equal(fs.existsSync(lockPath), false);

      // A live holder that never lets go: the writer gives up with one sentence, writing nothing.
      const before = fs.readFileSync(path.join(brag, '2026.yaml'), 'utf8');
      const lock = nodeLockFile(brag);
      const held = withLogLock(lock, { ...options(), by: 'cli' }, async () => {
        // The wait for the lock cut short, so giving up does not take 15 s.
        const run = await cli(['add', '--title', 'Blocked', '--date', '2026-01-07'], folder.dir, { GROWTH_LOG_LOCK_WAIT_MS: '500' });
        assert.equal(run.code, 1);
        assert.match(run.err, /being changed by the growth-log command \(process \d+\).*nothing was written/);
        assert.equal(fs.readFileSync(path.join(brag, '2026.yaml'), 'utf8'), before);
      });
      await held;
      assert.equal(fs.existsSync(lockPath), false, 'the holder removes its lock');
    } finally {
      folder.remove();
    }
  });

  it('removes a stale lock only if it is still the one judged stale', async () => {
    let content: string | undefined = JSON.stringify({ token: 'old', by: 'vscode', at: 0 });
    const removed: string[] = [];
    const file: LockFile = {
      name: 'brag/.growth-log.lock',
      async create(text) {
        if (content !== undefined) return false;
        content = text;
        return true;
      },
      async read() {
        return content;
      },
      async remove() {
        removed.push(content ?? '');
        content = undefined;
      },
    };
    let ran = false;
    await withLogLock(file, { ...options(), now: () => 120_000 }, async () => {
      ran = true;
      assert.match(content ?? '', /"by":"test"/);
    });
    assert.ok(ran);
    assert.equal(removed.length, 2, 'the stale lock, then its own');
    assert.match(removed[0], /"token":"old"/);
  });
});

function options() {
  let n = 0;
  return { by: 'test', pid: process.pid, host: os.hostname(), now: Date.now, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), token: () => `t${n++}` };
}

