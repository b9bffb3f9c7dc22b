import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LogError } from '../../../../src/core/model/problem';
import { EntryStore, type PlannedWrite } from '../../../../src/core/store/store';
import { changeTags, planMergeTags, planRenameTag, planTagChange, replaceTags } from '../../../../src/core/edits/tagEdits';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';
import { nodeFolderAccess } from '../../../../src/node/nodeFolderAccess';
import { tempFolder } from '../../helpers/logText';

// Written the way people write them by hand: comments between and inside entries, flow and
// block tag lists, quoted tags, an entry without tags, one without an id.
const log2026 = `# Growth Log 2026: wins, kept by hand and by the extension
entries:
  # November
  - id: 2026-11-20-billing
    date: 2026-11-20
    title: Led the billing migration   # the big one
    tags: [infra, "On Call"]   # reviewed with my manager
    impact: p99 down 40%

  # a quiet month
  - id: 2026-10-02-mentoring
    date: 2026-10-02
    title: 'Mentored two new hires'
    tags:
      - mentoring   # weekly pairing
      - 'infra'
    details: |
      Weekly pairing.

  - id: 2026-09-01-talk
    date: 2026-09-01
    title: Gave the on-call talk
    type: recognition
# end of 2026
`;

const log2025 = [
  'entries:',
  '- id: 2025-06-01-cache',
  '  date: 2025-06-01',
  '  title: Added a cache',
  '  tags: [ infra,perf ]',
  '',
  '# second half',
  '- id: 2025-08-01-oncall',
  '  date: 2025-08-01',
  '  title: Fixed the pager rotation',
  '  tags:',
  '  - on-call',
  '  - infra',
  '',
].join('\r\n');

const log2024 = `entries:
  - date: 2024-03-03
    title: Wrote the infra runbook
    tags: [Infra, docs]
`;

function edited(text: string, ...pairs: [string, string][]): string {
  let result = text;
  for (const [from, to] of pairs) {
    assert.ok(result.includes(from), `the fixture should contain ${JSON.stringify(from)}`);
    result = result.replace(from, to);
  }
  return result;
}

function byName(writes: readonly PlannedWrite[]): Record<string, string> {
  return Object.fromEntries(writes.map((w) => [path.basename(w.file), w.after]));
}

function rejectsWith(promise: Promise<unknown>, reason: LogError['reason']): Promise<void> {
  return assert.rejects(promise, (e: unknown) => e instanceof LogError && e.reason === reason);
}

describe('tag edits', () => {
  let folder: { dir: string; remove(): void };
  let store: EntryStore;
  beforeEach(async () => {
    folder = tempFolder({ '2026.yaml': log2026, '2025.yaml': log2025, '2024.yaml': log2024, 'ladder.yaml': 'levels: []\n' });
    store = new EntryStore(nodeFolderAccess(folder.dir));
    await store.loadAll();
  });
  afterEach(() => folder.remove());

  describe('changeTags', () => {
    it('keeps order and spelling, removes compared normalized, appends normalized new tags once', () => {
      assert.deepEqual(changeTags(['Infra', 'On Call', 'docs'], { add: ['  Postgres  DB ', 'INFRA', 'postgres-db', ''], remove: ['on-call'] }), ['Infra', 'docs', 'postgres-db']);
      assert.deepEqual(changeTags(['a', 'A', 'b'], {}), ['a', 'b']);
      assert.deepEqual(changeTags([], { add: ['x'], remove: ['x'] }), []);
    });

    it('replaces sources at the first one, or drops them when the target is already there', () => {
      assert.deepEqual(replaceTags(['x', 'Ops', 'y', 'infra-ops'], ['ops', 'infra ops'], 'Platform'), ['x', 'platform', 'y']);
      assert.deepEqual(replaceTags(['ops', 'Platform'], ['ops'], 'platform'), ['Platform']);
      assert.deepEqual(replaceTags(['a'], ['ops'], 'platform'), ['a']);
    });
  });

  it('adds and removes tags on the named entries only, keeping each list in its style with its quotes and comments', async () => {
    const writes = await planTagChange(store, ['2026-11-20-billing', '2026-10-02-mentoring', '2025-06-01-cache'], { add: ['Postgres'], remove: ['infra'] });
    assert.deepEqual(byName(writes), {
      '2026.yaml': edited(
        log2026,
        ['tags: [infra, "On Call"]   # reviewed', 'tags: ["On Call", postgres]   # reviewed'],
        ["      - mentoring   # weekly pairing\n      - 'infra'\n", '      - mentoring   # weekly pairing\n      - postgres\n'],
      ),
      '2025.yaml': edited(log2025, ['tags: [ infra,perf ]', 'tags: [ perf,postgres ]']),
    });
    assert.equal(writes[0].before, log2026);
  });

  it('keeps tag items that are not text where they are, in flow and block lists', async () => {
    const text = [
      'entries:',
      '  - id: flow',
      '    date: 2026-04-01',
      '    title: Flow list with odd items',
      '    tags: [2026, infra, ~]',
      '  - id: block',
      '    date: 2026-04-02',
      '    title: Block list with odd items',
      '    tags:',
      '      - 7',
      '      - data   # kept',
      '      - ""',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(folder.dir, '2026.yaml'), text);
    await store.loadAll();
    assert.deepEqual(store.entry('flow')?.tags, ['infra']);
    const writes = await planTagChange(store, ['flow', 'block'], { add: ['speed'], remove: ['data'] });
    assert.equal(
      writes[0].after,
      edited(text, ['tags: [2026, infra, ~]', 'tags: [2026, infra, speed, ~]'], ['      - data   # kept\n', '      - speed   # kept\n']),
    );
  });

  it('refuses to rewrite a list whose odd items it could not keep, rather than lose them', async () => {
    const text = 'entries:\n  - id: nested\n    date: 2026-04-01\n    title: Nested\n    tags: [infra, [a, b]]\n';
    fs.writeFileSync(path.join(folder.dir, '2026.yaml'), text);
    await store.loadAll();
    await rejectsWith(planTagChange(store, ['nested'], { add: ['speed'] }), 'invalid');
  });

  it('appends to a block list with its indentation and the file line endings (CRLF)', async () => {
    const [write] = await planTagChange(store, ['2025-08-01-oncall'], { add: ['pager duty'] });
    assert.equal(write.after, edited(log2025, ['  - infra\r\n', '  - infra\r\n  - pager-duty\r\n']));
  });

  it('adds a tags key to an entry without one, and removes the key with the last tag', async () => {
    const [added] = await planTagChange(store, ['2026-09-01-talk'], { add: ['speaking'] });
    assert.equal(added.after, edited(log2026, ['    type: recognition\n', '    type: recognition\n    tags: [speaking]\n']));
    const [removed] = await planTagChange(store, ['2025-06-01-cache', '2025-08-01-oncall'], { remove: ['infra', 'perf', 'on call'] });
    assert.equal(removed.after, edited(log2025, ['  tags: [ infra,perf ]\r\n', ''], ['  tags:\r\n  - on-call\r\n  - infra\r\n', '']));
  });

  it('tags entries written as flow mappings, which stay flow mappings', async () => {
    const flow = tempFolder({ 'flow.yaml': 'entries:\n  - {date: 2026-05-01, title: Wrote the flow one}  # short\n  - {id: f2, date: 2026-05-02, title: Another, tags: [infra]}\n' });
    try {
      const flowStore = new EntryStore(nodeFolderAccess(flow.dir));
      await flowStore.loadAll();
      const [write] = await planTagChange(flowStore, ['2026-05-01-wrote-the-flow-one', 'f2'], { add: ['docs'] });
      assert.equal(
        write.after,
        'entries:\n  - {id: 2026-05-01-wrote-the-flow-one, date: 2026-05-01, title: Wrote the flow one, tags: [docs]}  # short\n  - {id: f2, date: 2026-05-02, title: Another, tags: [infra, docs]}\n',
      );
    } finally {
      flow.remove();
    }
  });

  it('writes nothing for changes that change no tags', async () => {
    assert.deepEqual(await planTagChange(store, ['2026-11-20-billing', '2024-03-03-wrote-the-infra-runbook'], { add: ['INFRA'], remove: ['nope'] }), []);
    assert.deepEqual(await planTagChange(store, ['2026-11-20-billing'], { add: [' '], remove: [] }), []);
    assert.deepEqual(await planTagChange(store, ['2026-11-20-billing'], {}), []);
  });

  it('does not touch entries of the same file whose tags stay, and writes the generated id of one that changes', async () => {
    const [write] = await planTagChange(store, ['2024-03-03-wrote-the-infra-runbook'], { add: ['ops'] });
    assert.equal(write.after, edited(log2024, ['  - date: 2024-03-03\n', '  - id: 2024-03-03-wrote-the-infra-runbook\n    date: 2024-03-03\n'], ['[Infra, docs]', '[Infra, docs, ops]']));
  });

  it('refuses an unknown id before reading any file', async () => {
    await rejectsWith(planTagChange(store, ['2026-11-20-billing', 'nope'], { add: ['x'] }), 'not-found');
  });

  it('never writes a file that no longer parses, and plans nothing for the others', async () => {
    fs.writeFileSync(path.join(folder.dir, '2025.yaml'), log2025.replace('title: Added a cache', 'title: [Added a cache'));
    await rejectsWith(planTagChange(store, ['2026-11-20-billing', '2025-06-01-cache'], { add: ['x'] }), 'unparsable');
    await rejectsWith(planRenameTag(store, 'infra', 'platform'), 'unparsable');
  });

  it('reads the tags from the file as it is now, not as it was loaded', async () => {
    fs.writeFileSync(path.join(folder.dir, '2024.yaml'), log2024.replace('[Infra, docs]', '[Infra, docs, drafts]'));
    const [write] = await planTagChange(store, ['2024-03-03-wrote-the-infra-runbook'], { remove: ['docs'] });
    assert.match(write.after, /tags: \[Infra, drafts\]/);
  });

  it('renames a tag across three files, changing nothing but the renamed tags', async () => {
    const rewrite = await planRenameTag(store, 'INFRA', 'Platform Team');
    assert.equal(rewrite.entryCount, 5);
    assert.equal(rewrite.fileCount, 3);
    assert.deepEqual(byName(rewrite.writes), {
      '2024.yaml': edited(log2024, ['  - date: 2024-03-03\n', '  - id: 2024-03-03-wrote-the-infra-runbook\n    date: 2024-03-03\n'], ['[Infra, docs]', '[platform-team, docs]']),
      '2025.yaml': edited(log2025, ['[ infra,perf ]', '[ platform-team,perf ]'], ['  - infra\r\n', '  - platform-team\r\n']),
      '2026.yaml': edited(log2026, ['[infra, "On Call"]', '[platform-team, "On Call"]'], ["      - 'infra'\n", '      - platform-team\n']),
    });
  });

  it('renaming onto a tag an entry already has just removes the old one', async () => {
    const rewrite = await planRenameTag(store, 'on call', 'infra');
    assert.deepEqual(byName(rewrite.writes), {
      '2025.yaml': edited(log2025, ['  - on-call\r\n', '']),
      '2026.yaml': edited(log2026, ['[infra, "On Call"]', '[infra]']),
    });
  });

  it('refuses a rename to an empty or the same name, and one of a tag nobody has', async () => {
    await rejectsWith(planRenameTag(store, 'infra', '  '), 'invalid');
    await rejectsWith(planRenameTag(store, 'infra', ' Infra '), 'invalid');
    await rejectsWith(planRenameTag(store, 'nope', 'other'), 'not-found');
  });

  it('merges several tags into one, at the place of the first', async () => {
    const rewrite = await planMergeTags(store, ['perf', 'docs', 'on-call'], 'Reliability');
    assert.equal(rewrite.entryCount, 4);
    assert.deepEqual(byName(rewrite.writes), {
      '2024.yaml': edited(log2024, ['  - date: 2024-03-03\n', '  - id: 2024-03-03-wrote-the-infra-runbook\n    date: 2024-03-03\n'], ['[Infra, docs]', '[Infra, reliability]']),
      '2025.yaml': edited(log2025, ['[ infra,perf ]', '[ infra,reliability ]'], ['  - on-call\r\n', '  - reliability\r\n']),
      '2026.yaml': edited(log2026, ['[infra, "On Call"]', '[infra, reliability]']),
    });
    await rejectsWith(planMergeTags(store, ['reliability'], 'reliability'), 'invalid');
    await rejectsWith(planMergeTags(store, ['nope', 'none'], 'x'), 'not-found');
  });

  it('random tag changes on random entries keep every line outside the touched tag lists as it was', async () => {
    const words = ['infra', 'On Call', 'perf', 'docs', 'c#', 'a: b', "it's", 'x, y'];
    const entryArb = fc.record({ tags: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 3, selector: (w) => w.toLowerCase().replace(/\s+/g, '-') }), flow: fc.boolean(), comment: fc.boolean() });
    const changeArb = fc.record({ add: fc.array(fc.constantFrom(...words, 'New Tag'), { maxLength: 2 }), remove: fc.array(fc.constantFrom(...words), { maxLength: 2 }) });
    const quote = (w: string) => JSON.stringify(w);
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), changeArb, fc.boolean(), async (entries, picks, change, crlf) => {
        const lines = ['# generated', 'entries:'];
        entries.forEach((e, i) => {
          lines.push(`  # entry ${i}`, `  - id: e-${i}`, `    date: 2026-01-0${1 + (i % 9)}`, `    title: Entry ${i}${e.comment ? '   # why' : ''}`);
          if (e.tags.length && e.flow) lines.push(`    tags: [${e.tags.map(quote).join(', ')}]`);
          else if (e.tags.length) lines.push('    tags:', ...e.tags.map((t) => `      - ${quote(t)}${e.comment ? '  # tag note' : ''}`));
          lines.push('    impact: some', '');
        });
        const eol = crlf ? '\r\n' : '\n';
        const text = lines.join(eol);
        fs.writeFileSync(path.join(folder.dir, 'gen.yaml'), text);
        const local = new EntryStore(nodeFolderAccess(folder.dir));
        await local.loadAll();
        const ids = [...new Set(picks.map((p) => `e-${p % entries.length}`))];
        const writes = (await planTagChange(local, ids, change)).filter((w) => path.basename(w.file) === 'gen.yaml');
        const after = writes[0]?.after ?? text;
        const read = parseEntryFile(after, 'gen.yaml');
        assert.deepEqual(read.problems, []);
        // Every entry has the tags changeTags gives for it, and the others have theirs.
        const before = parseEntryFile(text, 'gen.yaml');
        for (const e of before.entries) assert.deepEqual(read.entries.find((r) => r.id === e.id)?.tags, ids.includes(e.id) ? changeTags(e.tags, change) : e.tags);
        // Lines outside the tag lists are the same, in the same order.
        const outside = (t: string) => {
          const kept: string[] = [];
          let inList = false;
          for (const line of t.split(eol)) {
            if (line.startsWith('    tags:')) inList = !line.includes('[');
            else if (inList && line.startsWith('      - ')) continue;
            else {
              inList = false;
              kept.push(line);
            }
          }
          return kept;
        };
        assert.deepEqual(outside(after), outside(text));
        assert.equal(writes.length, before.entries.some((e) => ids.includes(e.id) && JSON.stringify(changeTags(e.tags, change)) !== JSON.stringify(e.tags)) ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });
});
