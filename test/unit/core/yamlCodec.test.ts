import * as assert from 'node:assert/strict';
import { addEntry, parseEntryFile } from '../../../src/core/yamlCodec';

const sample = `# my wins
entries:
  - id: 2026-11-20-billing
    date: 2026-11-20
    title: Led the billing migration   # proud of this
    tags: [infra, leadership]

  # the next one was a team effort
  - date: 2026-10-02
    title: "Quoted: title"
`;

describe('yamlCodec', () => {
  it('ends an entry at its last value, not its trailing comment, with either reader', () => {
    // Found by the reader-agreement property: yaml's own range covered the comment.
    const text = '# generated log\nentries:\n- date: 2020-01-01\n  title: infra 0   # note\n';
    const fast = parseEntryFile(text, 'f').entries[0].range;
    const document = parseEntryFile(text, 'f', 'document').entries[0].range;
    assert.deepEqual(fast, { start: { line: 2, column: 2 }, end: { line: 3, column: 16 } });
    assert.deepEqual(document, fast);
  });

  it('reads every entry with its place in the file', () => {
    const parsed = parseEntryFile(sample, 'brag/2026.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.entries.map((e) => [e.id, e.title, e.range.start.line, e.tags]),
      [
        ['2026-11-20-billing', 'Led the billing migration', 2, ['infra', 'leadership']],
        ['2026-10-02-quoted-title', 'Quoted: title', 8, []],
      ],
    );
  });

  it('adds an entry after the last one, spaced like the others, and leaves every other byte as it was', () => {
    const { text, id } = addEntry(sample, { date: '2026-11-26', title: 'Shipped the importer', tags: ['infra'] }, new Set());
    assert.equal(id, '2026-11-26-shipped-the-importer');
    assert.ok(text.startsWith(sample), 'the original text is a prefix of the new one');
    assert.equal(
      text.slice(sample.length),
      '\n  - id: 2026-11-26-shipped-the-importer\n    date: 2026-11-26\n    title: Shipped the importer\n    tags: [infra]\n',
    );
    assert.equal(parseEntryFile(text, 'f').entries.length, 3);
  });
});
