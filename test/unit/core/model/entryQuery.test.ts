import * as assert from 'node:assert/strict';
import { describeFilter, filterEntries, groupByPeriod, groupByTag, groupByType, tagCounts } from '../../../../src/core/model/entryQuery';
import { anEntry } from '../packet/packetBuilders';

const log = [
  anEntry({ id: 'a', date: '2026-11-20', title: 'Led the Postgres migration', tags: ['infra', 'leadership'], impact: 'p99 down 40%' }),
  anEntry({ id: 'b', date: '2026-11-02', title: 'Mentored Ana', type: 'mentoring', tags: ['mentoring'] }),
  anEntry({ id: 'c', date: '2026-03-15', title: 'Rust course', type: 'learning', tags: ['infra'] }),
  anEntry({ id: 'd', date: '2025-12-01', title: 'Kubernetes exam', type: 'learning', tags: [] }),
];

describe('entryQuery', () => {
  it('groups by year then month, newest first, keeping entries in order', () => {
    const groups = groupByPeriod(log);
    assert.deepEqual(
      groups.map((y) => [y.label, y.entries.length, y.children.map((m) => [m.label, m.entries.map((e) => e.id)])]),
      [
        ['2026', 3, [['November 2026', ['a', 'b']], ['March 2026', ['c']]]],
        ['2025', 1, [['December 2025', ['d']]]],
      ],
    );
  });

  it('groups by tag, most used first, with untagged entries last', () => {
    assert.deepEqual(
      groupByTag(log).map((g) => [g.label, g.entries.map((e) => e.id)]),
      [
        ['infra', ['a', 'c']],
        ['leadership', ['a']],
        ['mentoring', ['b']],
        ['No tags', ['d']],
      ],
    );
    assert.deepEqual(tagCounts(log), [
      { tag: 'infra', count: 2 },
      { tag: 'leadership', count: 1 },
      { tag: 'mentoring', count: 1 },
    ]);
  });

  it('groups by type in the order of the format', () => {
    assert.deepEqual(
      groupByType(log).map((g) => [g.label, g.entries.length]),
      [
        ['project', 1],
        ['learning', 2],
        ['mentoring', 1],
      ],
    );
  });

  it('filters by every word of the text, in any field and any case, and by every tag', () => {
    assert.deepEqual(filterEntries(log, { text: 'postgres P99' }).map((e) => e.id), ['a']);
    assert.deepEqual(filterEntries(log, { tags: ['infra'] }).map((e) => e.id), ['a', 'c']);
    assert.deepEqual(filterEntries(log, { text: 'rust', tags: ['infra'] }).map((e) => e.id), ['c']);
    assert.deepEqual(filterEntries(log, { text: 'nothing like this' }), []);
    assert.equal(describeFilter({ text: ' postgres ', tags: ['infra'] }), '“postgres” #infra');
  });

  it('filters by month, alone or with text and tags, and says which month', () => {
    assert.deepEqual(filterEntries(log, { month: '2026-11' }).map((e) => e.id), ['a', 'b']);
    assert.deepEqual(filterEntries(log, { month: '2026-11', tags: ['infra'] }).map((e) => e.id), ['a']);
    assert.deepEqual(filterEntries(log, { month: '2026-03', text: 'rust' }).map((e) => e.id), ['c']);
    assert.deepEqual(filterEntries(log, { month: '1999-01' }), []);
    assert.equal(describeFilter({ tags: ['infra'], month: '2026-03' }), '#infra March 2026');
  });
});
