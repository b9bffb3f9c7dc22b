import type { Entry } from '../../../../src/core/model/entry';

/** A valid entry with only what a test cares about set; the rest is plain defaults. */
export function anEntry(fields: Partial<Entry> & Pick<Entry, 'date' | 'title'>): Entry {
  const entry = {
    id: `${fields.date}-${fields.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    idGenerated: false,
    type: 'project',
    tags: [],
    competencies: [],
    links: [],
    commits: [],
    private: false,
    file: 'brag/log.yaml',
    range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
    extra: {},
    ...fields,
  };
  // Through a variable, so the builder compiles while the entry model gains fields.
  return entry as Entry;
}
