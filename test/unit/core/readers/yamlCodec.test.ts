import * as assert from 'node:assert/strict';
import { generateVariedLog } from '../../../../scripts/variedLog';
import { readFastOutline } from '../../../../src/core/readers/fastReader';
import { formatProblem } from '../../../../src/core/model/problem';
import { addEntry } from '../../../../src/core/edits/entryEdits';
import { parseEntryFile, readEntryFile } from '../../../../src/core/readers/yamlCodec';
import { item, logFile } from '../../helpers/logText';

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

  it('reads an entry the fast reader is unsure of from its own lines, with its places in the whole file', () => {
    const text = logFile(
      item('date: 2026-01-01', 'title: First'),
      item('date: 2026-01-02', 'title: Added the test target', '  to the Makefile', 'details: |', '  test:', '  \tgo test ./...', 'team:', '  name: payments'),
      item('date: 2026-01-03', 'title: Third', 'type: projekt'),
    );
    assert.ok(readFastOutline(text), 'the file is not handed to the Document API');
    const read = parseEntryFile(text, 'brag/2026.yaml');
    assert.deepEqual(read, parseEntryFile(text, 'brag/2026.yaml', 'document'));
    const second = read.entries[1];
    assert.deepEqual([second.title, second.details, second.extra], ['Added the test target to the Makefile', 'test:\n\tgo test ./...\n', { team: { name: 'payments' } }]);
    assert.deepEqual(second.range, { start: { line: 5, column: 4 }, end: { line: 12, column: 20 } });
    assert.deepEqual(read.problems.map(formatProblem), [`brag/2026.yaml:17:11: warning: ${read.problems[0].message}`]);
    assert.match(read.problems[0].message, /^`projekt` is not an entry type/);
  });

  it('reports a mistake in an entry read from its own lines where it is in the whole file, as the only problem', () => {
    const text = logFile(item('date: 2026-01-01', 'title: First'), item('date: 2026-01-02', 'title: Wrapped', '  onto two lines', 'title: Again'), item('date: 2026-01-03', 'title: Third'));
    for (const reader of ['auto', 'document'] as const) {
      const read = readEntryFile(text, 'brag/2026.yaml', reader);
      assert.equal(read.syntaxOk, false);
      assert.deepEqual(read.entries, []);
      assert.deepEqual(read.problems.map(formatProblem), ['brag/2026.yaml:9:5: error: The key `title` appears twice in the same mapping; keep only one of them.']);
    }
  });

  it('reads an alias to another entry\'s anchor as yaml does, in an entry read from its own lines', () => {
    const text = logFile(item('date: 2026-01-01', 'title: &first Shipped it'), item('date: 2026-01-02', 'title: *first', 'team:', '  name: payments'));
    const read = parseEntryFile(text, 'f');
    assert.deepEqual(read, parseEntryFile(text, 'f', 'document'));
    assert.deepEqual(read.entries.map((e) => e.title), ['Shipped it', 'Shipped it']);
  });

  it('reads a hand-written log with every ordinary shape and warnings without handing the file to the Document API', () => {
    for (const seed of [1, 2]) {
      const text = generateVariedLog(300, seed);
      assert.equal(text.startsWith('\ufeff'), seed === 1);
      assert.ok(readFastOutline(text), `seed ${seed}`);
      const read = parseEntryFile(text, 'f');
      assert.deepEqual(read, parseEntryFile(text, 'f', 'document'));
      assert.equal(read.entries.length, 300);
      assert.ok(read.problems.length > 0 && read.problems.every((p) => p.severity === 'warning'));
    }
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
