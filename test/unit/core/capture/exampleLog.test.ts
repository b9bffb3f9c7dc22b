import * as assert from 'node:assert/strict';
import { exampleLogText } from '../../../../src/core/capture/exampleLog';
import { updateEntry } from '../../../../src/core/edits/entryEdits';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';

describe('Example log', () => {
  it('is one valid entry dated today, with comments that explain the keys, and no problem', () => {
    const text = exampleLogText('2026-12-06');
    const parsed = parseEntryFile(text, '2026.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries.length, 1);
    const [entry] = parsed.entries;
    assert.equal(entry.id, '2026-12-06-started-a-growth-log');
    assert.equal(entry.date, '2026-12-06');
    assert.equal(entry.type, 'learning');
    assert.deepEqual(entry.tags, ['habits']);
    assert.deepEqual(entry.competencies, [], 'the competencies line is a comment until the user has a ladder');
    assert.match(text, /# competencies: \[technical-skill\]/);
    assert.match(text, /^# Growth Log: evidence of your growth/);
  });

  it('can be edited like any entry, keeping its comments', () => {
    const text = exampleLogText('2026-12-06');
    const after = updateEntry(text, '2026-12-06-started-a-growth-log', { title: 'Shipped the importer' });
    assert.equal(after, text.replace('title: Started a growth log   ', 'title: Shipped the importer   '));
  });
});
