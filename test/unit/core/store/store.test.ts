import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EntryCache } from '../../../../src/core/store/entryCache';
import { LogError } from '../../../../src/core/model/problem';
import { EntryStore, type LogFolderAccess } from '../../../../src/core/store/store';
import { nodeFolderAccess, writeFileAtomic } from '../../../../src/node/nodeFolderAccess';
import { item, logFile, tempFolder } from '../../helpers/logText';
import { generateLog } from '../../../../scripts/bench';
import { generateVariedLog } from '../../../../scripts/variedLog';

/** The Node access object, counting reads, so tests can prove which files were read. */
function countingAccess(dir: string): { access: LogFolderAccess; reads: string[] } {
  const inner = nodeFolderAccess(dir);
  const reads: string[] = [];
  const access: LogFolderAccess = {
    listFiles: () => inner.listFiles(),
    fileKey: (name) => inner.fileKey(name),
    readFile: (key) => {
      reads.push(path.basename(key));
      return inner.readFile(key);
    },
    version: (key) => inner.version?.(key) ?? Promise.resolve(undefined),
  };
  return { access, reads };
}

const log2026 = logFile(item('id: 2026-11-20-billing', 'date: 2026-11-20', 'title: Led the billing migration', 'tags: [infra]'), '  # a quiet month\n', item('date: 2026-02-01', 'title: Ran the design review'));
const log2025 = logFile(item('id: 2025-05-05-talk', 'date: 2025-05-05', 'title: Gave a talk'));

describe('EntryStore', () => {
  let folder: { dir: string; remove(): void };
  beforeEach(() => (folder = tempFolder({ '2026.yaml': log2026, '2025.yml': log2025, 'ladder.yaml': 'levels: []\n' })));
  afterEach(() => folder.remove());

  it('loads every entry file of the folder, newest first, and never writes while loading', async () => {
    const before = fs.readFileSync(path.join(folder.dir, '2026.yaml'), 'utf8');
    const store = new EntryStore(nodeFolderAccess(folder.dir));
    await store.loadAll();
    assert.deepEqual(store.entries.map((e) => e.id), ['2026-11-20-billing', '2026-02-01-ran-the-design-review', '2025-05-05-talk']);
    assert.deepEqual(store.files.filter((f) => f.isEntryFile).length, 2);
    assert.equal(fs.readFileSync(path.join(folder.dir, '2026.yaml'), 'utf8'), before);
  });

  it('re-reads only the file that changed and tells its listeners', async () => {
    const { access, reads } = countingAccess(folder.dir);
    const store = new EntryStore(access);
    await store.loadAll();
    let changes = 0;
    store.onDidChange(() => changes++);
    reads.length = 0;
    fs.writeFileSync(path.join(folder.dir, '2025.yml'), log2025.replace('Gave a talk', 'Gave two talks'));
    await store.reloadFile(path.join(folder.dir, '2025.yml'));
    assert.deepEqual(reads, ['2025.yml']);
    assert.equal(changes, 1);
    assert.equal(store.entry('2025-05-05-talk')?.title, 'Gave two talks');
    // Reading the same text again (the watcher after Growth Log's own write) is no change.
    await store.reloadFile(path.join(folder.dir, '2025.yml'));
    await store.reloadFile(path.join(folder.dir, '2026.yaml'));
    assert.equal(changes, 1);
  });

  it('keeps a file deleted while an earlier read of it was still under way (the later read wins)', async () => {
    const inner = nodeFolderAccess(folder.dir);
    let readDone!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let slow = false;
    const access: LogFolderAccess = {
      listFiles: () => inner.listFiles(),
      fileKey: (name) => inner.fileKey(name),
      async readFile(key) {
        if (!slow) return inner.readFile(key);
        slow = false;
        const text = await inner.readFile(key);
        readDone();
        await gate;
        return text;
      },
    };
    const store = new EntryStore(access);
    await store.loadAll();
    const file = path.join(folder.dir, '2025.yml');
    fs.writeFileSync(file, log2025.replace('Gave a talk', 'Gave two talks'));
    slow = true;
    // The watcher's event for the change: its read has the text, then waits.
    const earlier = store.reloadFile(file);
    await read;
    fs.rmSync(file);
    await store.reloadFile(file);
    assert.equal(store.entry('2025-05-05-talk'), undefined);
    finish();
    await earlier;
    assert.equal(store.entry('2025-05-05-talk'), undefined, 'the read made before the delete does not bring the entry back');
  });

  it('drops a deleted file, whether reloaded or forgotten', async () => {
    const store = new EntryStore(nodeFolderAccess(folder.dir));
    await store.loadAll();
    fs.rmSync(path.join(folder.dir, '2025.yml'));
    await store.reloadFile(path.join(folder.dir, '2025.yml'));
    assert.equal(store.entry('2025-05-05-talk'), undefined);
    store.forgetFile(path.join(folder.dir, '2026.yaml'));
    assert.deepEqual(store.entries, []);
  });

  it('reports an id used in two files on the later file, keeps ids unique, and clears it when fixed', async () => {
    const store = new EntryStore(nodeFolderAccess(folder.dir));
    const clash = path.join(folder.dir, '2027.yaml');
    fs.writeFileSync(clash, logFile(item('id: 2025-05-05-talk', 'date: 2027-01-01', 'title: Same id')));
    await store.loadAll();
    assert.deepEqual(store.problems.map((p) => [path.basename(p.file), p.range.start.line, p.severity]), [['2027.yaml', 2, 'error']]);
    assert.match(store.problems[0].message, /already used by the entry at 2025\.yml:3/);
    assert.equal(store.entries.filter((e) => e.id === '2025-05-05-talk').length, 1);
    fs.writeFileSync(clash, logFile(item('id: 2027-01-01-new', 'date: 2027-01-01', 'title: Same id')));
    await store.reloadFile(clash);
    assert.deepEqual(store.problems, []);
  });

  it('plans updates, deletes and custom edits on the current text of the file, writing nothing itself', async () => {
    const store = new EntryStore(nodeFolderAccess(folder.dir));
    await store.loadAll();
    const update = await store.planUpdate('2026-02-01-ran-the-design-review', { tags: ['design'] });
    assert.equal(update.before, log2026);
    assert.ok(update.after.includes('  - id: 2026-02-01-ran-the-design-review\n    date: 2026-02-01\n    title: Ran the design review\n    tags: [design]\n'));
    assert.equal(fs.readFileSync(path.join(folder.dir, '2026.yaml'), 'utf8'), log2026);
    const removal = await store.planDelete('2026-11-20-billing');
    assert.ok(!removal.after.includes('billing'));
    const custom = await store.planEdit('2026-11-20-billing', (text) => text.replace('Led', 'Drove'));
    assert.ok(custom.after.includes('Drove the billing migration'));
    await assert.rejects(store.planUpdate('missing', { title: 'x' }), (e: unknown) => e instanceof LogError && e.reason === 'not-found');
  });

  it('plans several edits with one read per file, each edit seeing the previous result, and skips unchanged files', async () => {
    const { access, reads } = countingAccess(folder.dir);
    const store = new EntryStore(access);
    await store.loadAll();
    reads.length = 0;
    const writes = await store.planEdits([
      { id: '2026-11-20-billing', edit: (text) => text.replace('Led the', 'Drove the') },
      { id: '2025-05-05-talk', edit: (text) => text },
      { id: '2026-02-01-ran-the-design-review', edit: (text) => text.replace('Drove the', 'Steered the') },
    ]);
    assert.deepEqual(reads.sort(), ['2025.yml', '2026.yaml']);
    assert.deepEqual(
      writes.map((w) => [path.basename(w.file), w.before === log2026, w.after]),
      [['2026.yaml', true, log2026.replace('Led the', 'Steered the')]],
    );
    reads.length = 0;
    await assert.rejects(
      store.planEdits([{ id: '2026-11-20-billing', edit: (text) => text }, { id: 'missing', edit: (text) => text }]),
      (e: unknown) => e instanceof LogError && e.reason === 'not-found' && e.message.includes('`missing`'),
    );
    assert.deepEqual(reads, [], 'ids are checked before any file is read');
  });

  it('adds to the file of the entry year, creating it when missing', async () => {
    const store = new EntryStore(nodeFolderAccess(folder.dir));
    await store.loadAll();
    const plan = await store.planAdd({ date: '2024-03-03', title: 'Old win' });
    assert.equal(plan.before, undefined);
    assert.equal(path.basename(plan.file), '2024.yaml');
    await writeFileAtomic(plan.file, plan.after);
    await store.reloadFile(plan.file);
    assert.equal(store.entry(plan.id)?.title, 'Old win');
  });

  it('reads only the end of the list after an add, and gives the entries and problems a fresh load gives', async () => {
    // A plain file, one with every unusual shape and warnings (read whole), and one with CRLF lines.
    const bases: Record<string, string> = {
      '2024.yaml': generateLog(30, 7).replace(/2026-/g, '2024-'),
      '2025.yaml': generateVariedLog(30, 3).replace(/2026-/g, '2025-'),
      '2026.yaml': generateLog(12, 5).replace(/\n/g, '\r\n'),
    };
    const anAdd = fc.record({
      year: fc.constantFrom('2024', '2025', '2026'),
      title: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== ''),
      impact: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
      tags: fc.array(fc.constantFrom('infra', 'on-call', 'a b', 'ü'), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(anAdd, { minLength: 1, maxLength: 4 }), async (adds) => {
        const log = tempFolder(bases);
        try {
          const store = new EntryStore(nodeFolderAccess(log.dir));
          await store.loadAll();
          for (const add of adds) {
            const plan = await store.planAdd({ date: `${add.year}-06-15`, title: add.title, impact: add.impact, tags: add.tags });
            await writeFileAtomic(plan.file, plan.after);
            await store.reloadFile(plan.file, plan.after);
            const fresh = new EntryStore(nodeFolderAccess(log.dir));
            await fresh.loadAll();
            const mine = store.files.find((f) => f.file === plan.file);
            const theirs = fresh.files.find((f) => f.file === plan.file);
            assert.deepEqual(mine?.entries, theirs?.entries);
            assert.deepEqual(mine?.problems, theirs?.problems);
            assert.deepEqual(store.entries, fresh.entries);
          }
        } finally {
          log.remove();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the entries before the end of the list as they were read when an entry is added', async () => {
    const log = tempFolder({ '2026.yaml': generateLog(50, 11) });
    try {
      const store = new EntryStore(nodeFolderAccess(log.dir));
      await store.loadAll();
      const before = store.files[0].entries;
      const plan = await store.planAdd({ date: '2026-06-15', title: 'Shipped the importer', tags: ['infra'] });
      await store.reloadFile(plan.file, plan.after);
      const after = store.files[0].entries;
      assert.equal(after.length, before.length + 1);
      assert.equal(after[0], before[0], 'the first entry is the object read before: the file was not read whole');
      assert.equal(after.at(-1)?.title, 'Shipped the importer');
      assert.equal(after.at(-1)?.range.start.line, plan.after.split('\n').findIndex((l) => l.includes('Shipped the importer')) - 2);
    } finally {
      log.remove();
    }
  });

  it('loads from a saved cache without reading unchanged files, and re-reads a changed one', async () => {
    const cache = new EntryCache();
    const first = new EntryStore(nodeFolderAccess(folder.dir), { cache });
    await first.loadAll();
    const saved = JSON.stringify(cache);
    const { access, reads } = countingAccess(folder.dir);
    const warmCache = EntryCache.fromJSON(saved);
    const warm = new EntryStore(access, { cache: warmCache });
    await warm.loadAll();
    assert.deepEqual(reads, []);
    assert.deepEqual(warm.entries, first.entries);
    assert.ok(cache.hasChanges, 'a cold load has a cache to save');
    assert.equal(warmCache.hasChanges, false, 'an unchanged log leaves nothing to save');
    await new Promise((resolve) => setTimeout(resolve, 5));
    fs.writeFileSync(path.join(folder.dir, '2026.yaml'), log2026.replace('Led the', 'Drove the'));
    const againCache = EntryCache.fromJSON(saved);
    const again = new EntryStore(access, { cache: againCache });
    await again.loadAll();
    assert.deepEqual(reads, ['2026.yaml']);
    assert.ok(againCache.hasChanges, 'a changed file is saved next time');
    assert.equal(again.entry('2026-11-20-billing')?.title, 'Drove the billing migration');
  });

  it('keeps commits, followUp and level (with its place) through the cache', async () => {
    fs.writeFileSync(path.join(folder.dir, '2025.yaml'), 'entries:\n  - id: c\n    date: 2025-01-01\n    title: C\n    commits: [abcdef1]\n    followUp: 2025-02-01\n  - id: p\n    date: 2025-03-01\n    title: P\n    type: move\n    direction: vertical\n    level: L3\n');
    const cache = new EntryCache();
    await new EntryStore(nodeFolderAccess(folder.dir), { cache }).loadAll();
    const warm = new EntryStore(nodeFolderAccess(folder.dir), { cache: EntryCache.fromJSON(JSON.stringify(cache)) });
    await warm.loadAll();
    assert.deepEqual(warm.entry('c')?.commits, ['abcdef1']);
    assert.deepEqual(warm.entry('2026-11-20-billing')?.commits, []);
    assert.equal(warm.entry('c')?.followUp, '2025-02-01');
    assert.equal(warm.entry('p')?.level, 'L3');
    assert.deepEqual(warm.entry('p')?.levelRange, { start: { line: 11, column: 11 }, end: { line: 11, column: 13 } });
    assert.equal(warm.entry('2026-11-20-billing')?.followUp, undefined);
  });

  it('keeps private and the STAR parts through the cache', async () => {
    fs.writeFileSync(path.join(folder.dir, '2025.yaml'), 'entries:\n  - id: p\n    date: 2025-01-01\n    title: P\n    private: true\n    situation: S\n    task: T\n    action: A\n    result: R\n');
    const cache = new EntryCache();
    await new EntryStore(nodeFolderAccess(folder.dir), { cache }).loadAll();
    const warm = new EntryStore(nodeFolderAccess(folder.dir), { cache: EntryCache.fromJSON(JSON.stringify(cache)) });
    await warm.loadAll();
    const p = warm.entry('p');
    assert.deepEqual([p?.private, p?.situation, p?.task, p?.action, p?.result], [true, 'S', 'T', 'A', 'R']);
    assert.equal(warm.entry('2026-11-20-billing')?.private, false);
    assert.equal(warm.entry('2026-11-20-billing')?.situation, undefined);
  });

  it('uses content hashes when the access object has no version tokens, and ignores a corrupt cache', async () => {
    const cache = new EntryCache();
    const plain = nodeFolderAccess(folder.dir);
    const noVersions: LogFolderAccess = { listFiles: plain.listFiles, readFile: plain.readFile, fileKey: plain.fileKey };
    const first = new EntryStore(noVersions, { cache });
    await first.loadAll();
    const parsed = JSON.parse(JSON.stringify(cache)) as { files: { parsed: unknown }[] };
    assert.ok(EntryCache.fromJSON(parsed).lookup(path.join(folder.dir, '2026.yaml'), log2026));
    assert.equal(EntryCache.fromJSON(parsed).lookup(path.join(folder.dir, '2026.yaml'), `${log2026} `), undefined);
    const broken = new EntryStore(noVersions, { cache: EntryCache.fromJSON('{"format": 2, "files": "nope"}') });
    await broken.loadAll();
    assert.deepEqual(broken.entries, first.entries);
  });

  it('after any sequence of changed, new and deleted files, shows what loading the folder afresh shows', async () => {
    // A few ids shared by three files, so ids come to be used twice and then once again, and
    // dates repeat, so ties between files are ordered too.
    const anEntry = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-03-01'), title: fc.constantFrom('One', 'Two') });
    const step = fc.record({
      file: fc.constantFrom('x.yaml', 'y.yaml', 'z.yaml'),
      entries: fc.option(fc.uniqueArray(anEntry, { selector: (e) => e.id, maxLength: 4 }), { nil: undefined, freq: 5 }),
      forget: fc.boolean(),
      look: fc.boolean(),
    });
    const seen = (store: EntryStore) => ({
      entries: store.entries.map((e) => [e.id, path.basename(e.file), e.date, e.title]),
      problems: store.problems.map((p) => [path.basename(p.file), p.range.start.line, p.message]),
      ids: [...store.ids()].sort(),
      byId: [...store.ids()].sort().map((id) => path.basename(store.entry(id)?.file ?? '')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const live = tempFolder();
        // What each file holds now, for the order the log must show, worked out the obvious way:
        // files by name, each in its own order, an id's later uses left out, then newest first
        // with ties kept in that order.
        const model = new Map<string, { id: string; date: string; title: string }[]>();
        const expected = () => {
          const used = new Set<string>();
          return [...model.keys()]
            .sort()
            .flatMap((file) => (model.get(file) ?? []).map((e) => ({ ...e, file })))
            .filter((e) => !used.has(e.id) && used.add(e.id))
            .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
            .map((e) => [e.id, e.file, e.date, e.title]);
        };
        try {
          const store = new EntryStore(nodeFolderAccess(live.dir));
          await store.loadAll();
          for (const { file, entries, forget, look } of steps) {
            const key = path.join(live.dir, file);
            if (entries === undefined) model.delete(file);
            else model.set(file, entries);
            if (entries === undefined) fs.rmSync(key, { force: true });
            else fs.writeFileSync(key, logFile(...entries.map((e) => item(`id: ${e.id}`, `date: ${e.date}`, `title: ${e.title}`))));
            if (entries === undefined && forget) store.forgetFile(key);
            else await store.reloadFile(key);
            // Several changes are sometimes made before anyone looks.
            if (!look) continue;
            const fresh = new EntryStore(nodeFolderAccess(live.dir));
            await fresh.loadAll();
            assert.deepEqual(seen(store), seen(fresh));
            assert.deepEqual(seen(store).entries, expected());
          }
          const fresh = new EntryStore(nodeFolderAccess(live.dir));
          await fresh.loadAll();
          assert.deepEqual(seen(store), seen(fresh));
        } finally {
          live.remove();
        }
      }),
      { numRuns: 150 },
    );
  });
});
