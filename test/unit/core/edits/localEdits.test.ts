// An edit given the entry's place reads only the entry's lines; it must write exactly what the
// same edit writes after reading the whole file, on every entry of files of varied shapes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateLog } from '../../../../scripts/bench';
import { addEntry, deleteEntry, ensureId, updateEntry } from '../../../../src/core/edits/entryEdits';
import { LogError } from '../../../../src/core/model/problem';
import { EntryCache } from '../../../../src/core/store/entryCache';
import { EntryStore } from '../../../../src/core/store/store';
import { planTagChange } from '../../../../src/core/edits/tagEdits';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';
import { nodeFolderAccess } from '../../../../src/node/nodeFolderAccess';
import { tempFolder } from '../../helpers/logText';

const ROOT = path.resolve(__dirname, '../../../../..');

/** Entry files written by hand and by generators, with the shapes edits must get right. */
function shapes(): Record<string, string> {
  const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  const varied = `# odd but valid shapes
entries:
- date: 2026-01-02
  title: Dash at column zero, no id
  details: |+
    kept blank lines follow

- {date: 2026-01-03, title: A flow mapping entry, tags: [a, b]}
  # a comment between items, at the keys' indentation
- id: nested
  date: 2026-01-04
  title: "Quoted: with a colon"
  team:
    name: payments
    size: 6
  tags:
    - x   # why x
    - 7
- date: 2026-01-02
  title: Dash at column zero, no id
  impact: same date and title as the first, so its id is generated with -2
notes: a top-level key after the list
`;
  return {
    'sample-2026.yaml': read('sample/brag/2026.yaml'),
    'sample-2025.yaml': read('sample/brag/2025.yaml'),
    'valid-2026.yaml': read('test/fixtures/logs/valid/2026.yaml'),
    'generated.yaml': generateLog(60, 3),
    'crlf.yaml': generateLog(20, 4).replace(/\n/g, '\r\n'),
    'varied.yaml': varied,
    'bom.yaml': `\ufeff${generateLog(5, 5)}`,
  };
}

/** The result of `edit`, or the reason it was refused. */
function outcome(edit: () => string): string {
  try {
    return edit();
  } catch (error) {
    if (error instanceof LogError) return `refused: ${error.reason}`;
    throw error;
  }
}

describe('edits that read only the entry they change', () => {
  for (const [name, text] of Object.entries(shapes())) {
    it(`write what whole-file edits write, for every entry of ${name}`, () => {
      const { entries } = parseEntryFile(text, name);
      assert.ok(entries.length > 0);
      for (const entry of entries) {
        const hint = { line: entry.range.start.line };
        const patches = [{ impact: 'measured: 2x faster' }, { tags: ['speed', 'infra'] }, { title: 'Renamed', details: 'one\ntwo\n' }, { links: undefined, impact: undefined }];
        for (const patch of patches) {
          assert.equal(
            outcome(() => updateEntry(text, entry.id, patch, name, hint)),
            outcome(() => updateEntry(text, entry.id, patch, name)),
            `${name}: update ${entry.id} with ${JSON.stringify(patch)}`,
          );
        }
        assert.equal(outcome(() => deleteEntry(text, entry.id, name, hint)), outcome(() => deleteEntry(text, entry.id, name)), `${name}: delete ${entry.id}`);
        assert.equal(outcome(() => ensureId(text, entry.id, name, hint)), outcome(() => ensureId(text, entry.id, name)), `${name}: ensure the id of ${entry.id}`);
      }
      const last = entries[entries.length - 2] ?? entries[entries.length - 1];
      const added = { date: '2026-12-01', title: 'Shipped the importer', tags: ['infra'] };
      assert.equal(addEntry(text, added, new Set(), name, { line: last.range.start.line, id: last.id }).text, addEntry(text, added, new Set(), name).text, `${name}: add`);
    });
  }

  it('falls back to the whole file when the hint does not point at the entry', () => {
    const text = shapes()['generated.yaml'];
    const { entries } = parseEntryFile(text, 'f');
    const wrong = { line: entries[3].range.start.line };
    assert.equal(updateEntry(text, entries[10].id, { impact: 'x' }, 'f', wrong), updateEntry(text, entries[10].id, { impact: 'x' }, 'f'));
    assert.equal(updateEntry(text, entries[10].id, { impact: 'x' }, 'f', { line: 10_000 }), updateEntry(text, entries[10].id, { impact: 'x' }, 'f'));
  });

  it('tags one entry of a file from its own lines, as tagging reads the whole file', async () => {
    for (const [name, text] of Object.entries(shapes())) {
      const folder = tempFolder({ [name]: text });
      try {
        // A store whose files came from the parse cache has no text of its own to trust, so its
        // edits read the whole file: the reference for the store that parsed the text itself.
        const cache = new EntryCache();
        const local = new EntryStore(nodeFolderAccess(folder.dir), { cache });
        await local.loadAll();
        const whole = new EntryStore(nodeFolderAccess(folder.dir), { cache: EntryCache.fromJSON(JSON.stringify(cache)) });
        await whole.loadAll();
        for (const entry of local.entries) {
          const change = { add: ['new-tag'], remove: ['infra'] };
          const [mine] = await planTagChange(local, [entry.id], change).catch((e: unknown) => [{ after: String(e) }]);
          const [theirs] = await planTagChange(whole, [entry.id], change).catch((e: unknown) => [{ after: String(e) }]);
          assert.equal(mine?.after, theirs?.after, `${name}: tag ${entry.id}`);
        }
      } finally {
        folder.remove();
      }
    }
  });
});
