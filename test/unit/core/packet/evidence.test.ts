import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { ENTRY_TYPES, type Entry } from '../../../../src/core/model/entry';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import { createSuggester, criterionEvidence, criterionEvidenceCounts, criterionForType, describeReason, suggestionsFor, unknownCompetencies, wordCharacterLength } from '../../../../src/core/packet/evidence';
import { findLevel, type Criterion, type Level } from '../../../../src/core/packet/ladder';
import { loadPacketSources } from '../../../../src/node/packetCommand';
import { anEntry } from './packetBuilders';

function criterion(id: string, keywords: string[] = [], title = id): Criterion {
  return { id, title, description: `Evidence for ${id}.`, keywords };
}

const staff = findLevel(defaultLadder(), 'L4') as Level;

describe('suggestionsFor', () => {
  it('suggests a criterion by a whole-word keyword in the title, case-insensitively', () => {
    const entry = anEntry({ date: '2026-01-01', title: 'Led the MIGRATION of billing' });
    assert.deepEqual(suggestionsFor(entry, [criterion('scope', ['design', 'migration'])]), [
      { criterionId: 'scope', reason: { kind: 'keyword', keyword: 'migration' } },
    ]);
  });

  it('matches keywords in impact, details and tags, but never inside a longer word', () => {
    const criteria = [criterion('a', ['cost']), criterion('b', ['design']), criterion('c', ['ci']), criterion('d', ['code quality'])];
    const ids = (fields: Parameters<typeof anEntry>[0]) => suggestionsFor(anEntry(fields), criteria).map((s) => s.criterionId);
    assert.deepEqual(ids({ date: '2026-01-01', title: 'x', impact: 'Cost down 10%' }), ['a']);
    assert.deepEqual(ids({ date: '2026-01-01', title: 'x', details: 'Wrote the\ndesign.' }), ['b']);
    assert.deepEqual(ids({ date: '2026-01-01', title: 'x', tags: ['ci', 'code-quality'] }), ['c', 'd']);
    assert.deepEqual(ids({ date: '2026-01-01', title: 'Designed costly circuits' }), []);
  });

  it('matches a keyword phrase across any whitespace', () => {
    const suggestions = suggestionsFor(anEntry({ date: '2026-01-01', title: 'Delivered  on\ttime' }), [criterion('execution', ['on time'])]);
    assert.deepEqual(suggestions.map((s) => describeReason(s.reason)), ['keyword “on time”']);
  });

  it('finds whole words in any script and case, and phrases only between word boundaries', () => {
    const keywordOf = (keywords: string[], fields: Partial<Parameters<typeof anEntry>[0]>) =>
      suggestionsFor(anEntry({ date: '2026-01-01', title: 'x', ...fields }), [criterion('c', keywords)]).map((s) => (s.reason.kind === 'keyword' ? s.reason.keyword : s.reason.type));
    assert.deepEqual(keywordOf(['Σοφία'], { title: 'Talk at ΣΟΦΊΑ' }), ['Σοφία']);
    assert.deepEqual(keywordOf(['é'], { title: 'café' }), []);
    assert.deepEqual(keywordOf(['é'], { title: 'é, then more' }), ['é']);
    assert.deepEqual(keywordOf(['c++ dev'], { title: 'Hired a C++  Dev' }), ['c++ dev']);
    assert.deepEqual(keywordOf(['c++ dev'], { title: 'abc++ dev' }), []);
    assert.deepEqual(keywordOf(['on time'], { impact: 'Delivered on\u00a0time' }), ['on time']);
    assert.deepEqual(keywordOf(['on time'], { title: 'on timeline' }), []);
    assert.deepEqual(keywordOf(['on-call'], { tags: ['on-call'] }), ['on-call']);
    assert.deepEqual(keywordOf([' lead '], { title: 'Tech LEAD' }), [' lead ']);
  });

  it('finds a keyword put between spaces in any text, in any case', () => {
    const keyword = fc.constantFrom('migration', 'on time', 'code quality', 'Σοφία', 'c++ dev', 'é', 'x');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), keyword, fc.string({ unit: 'binary' }), fc.boolean(), (before, word, after, upper) => {
        const title = `${before} ${upper ? word.toUpperCase() : word} ${after}`;
        const found = suggestionsFor(anEntry({ date: '2026-01-01', title }), [criterion('c', [word])]);
        assert.deepEqual(found.map((s) => s.reason), [{ kind: 'keyword', keyword: word }]);
      }),
    );
  });

  it('reads words as letters, digits and _ in full Unicode, as the regex splits them', () => {
    const nonWord = /[^\p{L}\p{N}_]+/u;
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', 'é', '٣', '𝐀', '😀', '\ud835', '\udc00', ' ', '-', '_') }));
    fc.assert(
      fc.property(text, (value) => {
        const words: string[] = [];
        let word = '';
        for (let i = 0; i < value.length; ) {
          const size = wordCharacterLength(value, i);
          if (size === 0) {
            if (word) words.push(word);
            word = '';
            i++;
          } else {
            word += value.slice(i, i + size);
            i += size;
          }
        }
        if (word) words.push(word);
        assert.deepEqual(words, value.split(nonWord).filter(Boolean));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports the first of the criterion’s keywords that matches', () => {
    const [suggestion] = suggestionsFor(anEntry({ date: '2026-01-01', title: 'Migration design review' }), [criterion('scope', ['design', 'migration'])]);
    assert.deepEqual(suggestion.reason, { kind: 'keyword', keyword: 'design' });
  });

  it('never suggests a criterion the entry already names in competencies', () => {
    const entry = anEntry({ date: '2026-01-01', title: 'Mentored Sam on the migration', type: 'mentoring', competencies: ['Technical-Scope', 'mentoring'] });
    const suggested = suggestionsFor(entry, staff.criteria).map((s) => s.criterionId);
    assert.ok(!suggested.includes('technical-scope'));
    assert.ok(!suggested.includes('mentoring'));
  });

  it('suggests by entry type on the default ladder', () => {
    const byType = (type: Parameters<typeof anEntry>[0]['type']) =>
      suggestionsFor(anEntry({ date: '2026-01-01', title: 'Something', type }), staff.criteria).map((s) => `${s.criterionId} (${describeReason(s.reason)})`);
    assert.deepEqual(byType('mentoring'), ['mentoring (type mentoring)']);
    assert.deepEqual(byType('leadership'), ['leadership (type leadership)']);
    assert.deepEqual(byType('learning'), ['technical-skill (type learning)']);
    assert.deepEqual(byType('skill'), ['technical-skill (type skill)']);
    assert.deepEqual(byType('collaboration'), ['communication (type collaboration)']);
    assert.deepEqual(byType('network'), ['communication (type network)']);
    assert.deepEqual(byType('responsibility'), ['technical-scope (type responsibility)']);
    assert.deepEqual(byType('project'), []);
    assert.deepEqual(byType('recognition'), []);
  });

  it('falls back to words in a custom criterion’s id and title, and to nothing', () => {
    const custom = [criterion('people', [], 'People'), criterion('influence', [], 'Influence'), criterion('delivery', [], 'Delivery')];
    assert.equal(criterionForType('mentoring', custom)?.id, 'people');
    assert.equal(criterionForType('network', custom)?.id, 'influence');
    assert.equal(criterionForType('collaboration', custom), undefined);
    assert.equal(criterionForType('leadership', [criterion('tl', [], 'Tech leadership')])?.id, 'tl');
  });

  it('gives the same answer through a reusable suggester', () => {
    const entry = anEntry({ date: '2026-01-01', title: 'Designed the platform API', type: 'mentoring' });
    assert.deepEqual(createSuggester(staff.criteria)(entry), suggestionsFor(entry, staff.criteria));
  });
});

describe('criterionEvidence', () => {
  const level: Level = { id: 'X', title: 'X', criteria: [criterion('scope', ['migration']), criterion('execution', ['shipped']), criterion('mentoring')] };

  it('lists explicit evidence before suggestions, each with impact first and then newest first', () => {
    const entries = [
      anEntry({ date: '2026-03-01', title: 'Old with impact', impact: 'big', competencies: ['scope'] }),
      anEntry({ date: '2026-05-01', title: 'New without impact', competencies: ['scope'] }),
      anEntry({ date: '2026-04-01', title: 'Newer with impact', impact: 'bigger', competencies: ['scope'] }),
      anEntry({ date: '2026-06-01', title: 'A migration, suggested' }),
      anEntry({ date: '2026-02-01', title: 'An older migration with impact', impact: 'some' }),
    ];
    const [scope] = criterionEvidence(entries, level);
    assert.deepEqual(scope.explicit.map((e) => e.title), ['Newer with impact', 'Old with impact', 'New without impact']);
    assert.deepEqual(scope.suggested.map((e) => e.title), ['An older migration with impact', 'A migration, suggested']);
    assert.deepEqual(scope.reasons.get(scope.suggested[0]), { kind: 'keyword', keyword: 'migration' });
  });

  it('counts an entry once per criterion, even when it is both named and matched', () => {
    const [scope] = criterionEvidence([anEntry({ date: '2026-01-01', title: 'The migration', competencies: ['scope'] })], level);
    assert.equal(scope.explicit.length, 1);
    assert.equal(scope.suggested.length, 0);
  });

  it('calls a criterion a gap below two pieces of evidence, explicit and suggested together', () => {
    const entries = [
      anEntry({ date: '2026-01-01', title: 'Shipped A', competencies: ['execution'] }),
      anEntry({ date: '2026-01-02', title: 'Shipped B' }),
      anEntry({ date: '2026-01-03', title: 'One migration' }),
    ];
    const result = criterionEvidence(entries, level);
    assert.deepEqual(
      result.map((r) => [r.criterion.id, r.isGap, r.status]),
      [
        ['scope', true, 'thin'],
        ['execution', false, 'supported'],
        ['mentoring', true, 'missing'],
      ],
    );
  });

  it('marks a criterion supported only by suggestions as unconfirmed, not a gap', () => {
    const entries = [anEntry({ date: '2026-01-01', title: 'Shipped A' }), anEntry({ date: '2026-01-02', title: 'Shipped B' })];
    const execution = criterionEvidence(entries, level)[1];
    assert.equal(execution.isGap, false);
    assert.equal(execution.status, 'unconfirmed');
  });

  it('ignores competencies that are not criteria of the level', () => {
    const result = criterionEvidence([anEntry({ date: '2026-01-01', title: 'x', competencies: ['org-impact'] })], level);
    assert.ok(result.every((r) => r.explicit.length === 0));
  });
});

describe('evidence properties', () => {
  const words = ['migration', 'design', 'shipped', 'mentored', 'cost', 'talk', 'plain', 'roadmap'];
  const arbitraryEntry = fc
    .record({
      date: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'),
      title: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      type: fc.constantFrom(...ENTRY_TYPES),
      competencies: fc.subarray(staff.criteria.map((c) => c.id)),
      impact: fc.option(fc.constantFrom('big', 'cost down'), { nil: undefined }),
    })
    .map((fields) => anEntry(fields));

  it('never suggests what an entry already names, and never lists an entry twice for a criterion', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 20 }), (entries) => {
        for (const entry of entries) {
          for (const s of suggestionsFor(entry, staff.criteria)) assert.ok(!entry.competencies.includes(s.criterionId));
        }
        for (const item of criterionEvidence(entries, staff)) {
          assert.ok(item.explicit.every((e) => !item.suggested.includes(e)));
          assert.equal(new Set([...item.explicit, ...item.suggested]).size, item.explicit.length + item.suggested.length);
          assert.equal(item.isGap, item.explicit.length + item.suggested.length < 2);
        }
      }),
    );
  });
});

describe('unknownCompetencies', () => {
  it('lists the ids no level of the ladder defines', () => {
    const entry = anEntry({ date: '2026-01-01', title: 'x', competencies: ['execution', 'Org-Impact', 'excution'] });
    assert.deepEqual(unknownCompetencies(entry, defaultLadder()), ['excution']);
  });
});

describe('evidence counts', () => {
  it('count by bucket exactly what criterionEvidence lists, for every level of the built-in ladder', async () => {
    const fixtures = path.resolve(__dirname, '../../../../../test/fixtures/packet');
    const sources = await loadPacketSources(path.join(fixtures, 'default', 'brag'));
    assert.ok(sources.ladder);
    // Keywords and types suggest plenty here: the test would pass vacuously on a log without suggestions.
    for (const level of sources.ladder.levels) {
      const listed = criterionEvidence(sources.entries, level);
      const counted = criterionEvidenceCounts(sources.entries, level, (entry) => entry.date.slice(0, 4));
      assert.deepEqual(
        counted.map((c) => [c.criterion.id, c.explicitTotal, c.suggestedTotal, c.status, c.isGap, Object.fromEntries(c.explicit), Object.fromEntries(c.suggested)]),
        listed.map((l) => [l.criterion.id, l.explicit.length, l.suggested.length, l.status, l.isGap, byYear(l.explicit), byYear(l.suggested)]),
        level.id,
      );
    }
    assert.ok(criterionEvidence(sources.entries, sources.ladder.levels[3]).some((c) => c.suggested.length > 0));
  });
});

function byYear(entries: readonly Entry[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.date.slice(0, 4), (counts.get(entry.date.slice(0, 4)) ?? 0) + 1);
  return Object.fromEntries(counts);
}
