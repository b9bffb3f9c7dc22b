// The packet and the evidence scan text by code unit where they once used regexes. Each fast
// path is checked here against the code it replaced, kept verbatim as the reference.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ENTRY_TYPES, type Entry } from '../../../src/core/entry';
import { createSuggester, criterionEvidence, sortByStrength, wordCharacterLength } from '../../../src/core/evidence';
import type { Criterion, Level } from '../../../src/core/ladder';
import { ownCopy, ownText } from '../../../src/core/ownText';
import { defaultLadder } from '../../../src/core/defaultLadder';
import { generatePacket, inline, inlineSentence, packetBytes, sentence } from '../../../src/core/packet';
import { referenceKeywords } from './referenceEvidence';
import { inline as referenceInline, generatePacket as referencePacket, sentence as referenceSentence } from './referencePacket';
import { anEntry } from './packetBuilders';

const NON_WORD = /[^\p{L}\p{N}_]+/u;

// Every white space `\s` knows and a few that it does not, Markdown's special characters, list
// markers, letters whose lower case is special (final sigma, dotted I, Kelvin) and astral letters.
const tricky = [
  ...' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u200b\u180e\u2028\u2029\u202f\u205f\u3000\ufeff\u0085',
  ...'\\`*_[]<>|~#&$.)-+=!?…',
  ...'0123456789aZ_',
  'Σ', 'ς', 'İ', 'K', 'é', 'e\u0301', '𝐀', '😀', '\ud835', '\udc00', '٣',
];
const trickyText = fc.string({ unit: fc.oneof(fc.constantFrom(...tricky), fc.constantFrom(...tricky), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 24 });
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

describe('fast paths agree with the code they replaced', () => {
  it('inline gives what the regex version gave', () => {
    fc.assert(fc.property(anyText, (text) => assert.equal(inline(text), referenceInline(text))), { numRuns: 5000 });
  });

  it('sentence gives what the regex version gave', () => {
    fc.assert(fc.property(anyText, (text) => assert.equal(sentence(text), referenceSentence(text))), { numRuns: 5000 });
  });

  it('inlineSentence gives what inline of sentence gave', () => {
    const digitsOrTricky = fc.oneof(anyText, fc.stringMatching(/^[0-9]{1,4}[.)]?$/));
    fc.assert(fc.property(digitsOrTricky, (text) => assert.equal(inlineSentence(text), referenceInline(referenceSentence(text)))), { numRuns: 5000 });
  });

  it('the word scanner finds exactly the words the Unicode regex splits out', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const words: string[] = [];
        let word = '';
        for (let i = 0; i < text.length; ) {
          const size = wordCharacterLength(text, i);
          if (size === 0) {
            if (word) words.push(word);
            word = '';
            i++;
          } else {
            word += text.slice(i, i + size);
            i += size;
          }
        }
        if (word) words.push(word);
        assert.deepEqual(words, text.split(NON_WORD).filter(Boolean));
      }),
      { numRuns: 5000 },
    );
  });

  const keywordPool = ['on', 'on time', 'on-call', 'code quality', 'Σοφία', 'σοφίας', 'i̇stanbul', 'kelvin', 'x', '𝐀b', '.net', 'c++ dev', ' lead ', 'a\tb', 'é', 'on\u00a0time'];
  const keyword = fc.oneof(fc.constantFrom(...keywordPool), trickyText);
  const criteria = fc.array(fc.array(keyword, { maxLength: 5 }), { minLength: 1, maxLength: 4 }).map((lists) =>
    lists.map((keywords, i): Criterion => ({ id: `c${i}`, title: `Criterion ${i}`, description: '', keywords })),
  );
  const pieces = fc.oneof(fc.constantFrom(...keywordPool, ...keywordPool.map((k) => k.toUpperCase())), trickyText);
  const field = fc.array(pieces, { maxLength: 6 }).chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''), parts.join('\n'), parts.join('-')));
  const entry = fc.record({
    title: field,
    impact: fc.option(field, { nil: undefined }),
    details: fc.option(field, { nil: undefined }),
    tags: fc.array(field, { maxLength: 3 }),
    type: fc.constantFrom(...ENTRY_TYPES),
    date: fc.constantFrom('2026-01-01', '2026-02-01', '2026-1-2', '2026-02-01x', ''),
    competencies: fc.subarray(['c0', ' C1 ', 'c2', 'other']),
  }).map((fields) => anEntry(fields));

  const keywordsAsReferenceFinds = (list: Criterion[], entries: Entry[]) => {
    const suggest = createSuggester(list);
    for (const e of entries) {
      const expected = referenceKeywords(list, e);
      const found = list.map(() => undefined as string | undefined);
      for (const s of suggest(e, new Set())) {
        const i = list.findIndex((c) => c.id === s.criterionId);
        if (s.reason.kind === 'keyword') found[i] = s.reason.keyword;
        else found[i] = expected[i];
      }
      assert.deepEqual(found, expected);
    }
  };

  it('keywords are found exactly where the split-and-look-up version found them', () => {
    fc.assert(fc.property(criteria, fc.array(entry, { maxLength: 6 }), keywordsAsReferenceFinds), { numRuns: 3000 });
  });

  it('in entries written in ASCII too, whose phrases are looked for without building strings', () => {
    const ascii = keywordPool.filter((k) => /^[\x00-\x7f]*$/.test(k));
    const asciiPiece = fc.oneof(
      fc.constantFrom(...ascii, ...ascii.map((k) => k.toUpperCase())),
      fc.string({ unit: fc.constantFrom(...' \t\n\v\f\r-_.+x0OoNnCcALlTtime'), maxLength: 8 }),
    );
    const asciiField = fc.array(asciiPiece, { maxLength: 6 }).chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''), parts.join('\n'), parts.join('-')));
    const asciiEntry = fc
      .record({ title: asciiField, impact: fc.option(asciiField, { nil: undefined }), details: fc.option(asciiField, { nil: undefined }), tags: fc.array(asciiField, { maxLength: 3 }) })
      .map((fields) => anEntry({ ...fields, date: '2026-01-01' }));
    fc.assert(fc.property(criteria, fc.array(asciiEntry, { maxLength: 6 }), keywordsAsReferenceFinds), { numRuns: 3000 });
  });

  it('criterion evidence agrees with the suggester, entry by entry, in byStrength order', () => {
    fc.assert(
      fc.property(criteria, fc.array(entry, { maxLength: 12 }), (list, entries) => {
        const level: Level = { id: 'L', title: 'L', criteria: list };
        const suggest = createSuggester(list);
        const evidence = criterionEvidence(entries, level);
        const sorted = sortByStrength(entries);
        list.forEach((criterion, i) => {
          const named = (e: Entry) => e.competencies.some((c) => c.trim().toLowerCase() === criterion.id.toLowerCase());
          assert.deepEqual(evidence[i].explicit, sorted.filter(named));
          const suggested = sorted.flatMap((e) => suggest(e).filter((s) => s.criterionId === criterion.id).map((s) => ({ e, reason: s.reason })));
          assert.deepEqual(evidence[i].suggested, suggested.map((s) => s.e));
          for (const s of suggested) assert.deepEqual(evidence[i].reasons.get(s.e), s.reason);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('ownText and ownCopy give the same text back', () => {
    const cut = fc.tuple(anyText, fc.nat(), fc.nat()).map(([text, a, b]) => {
      const start = Math.min(a, b) % (text.length + 1);
      return { text, start, end: Math.max(start, Math.max(a, b) % (text.length + 1)) };
    });
    fc.assert(
      fc.property(cut, ({ text, start, end }) => {
        assert.equal(ownText(text, start, end), text.slice(start, end));
        assert.equal(ownCopy(text.slice(start, end)), text.slice(start, end));
        assert.equal(ownCopy(text + text), text + text);
      }),
      { numRuns: 5000 },
    );
  });

  it('sortByStrength orders as the strength key did, whatever the dates look like', () => {
    // Mostly in one shape, now and then not, so both the numeric keys and the fallback are used.
    const strengthKey = (e: Entry) => {
      let key = e.impact?.trim() ? '0' : '1';
      for (let i = 0; i < e.date.length; i++) {
        const c = e.date.charCodeAt(i);
        key += c >= 48 && c <= 57 ? String.fromCharCode(105 - c) : e.date[i];
      }
      return key;
    };
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const dated = fc.record({
      date: fc.oneof(
        fc.string({ unit: fc.constantFrom(...'0123459-x/'), maxLength: 11 }),
        fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
          ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
        fc.constantFrom('2026-01-01', '2026-01-02', '2025-12-31'),
      ),
      title: fc.constantFrom('a', 'b', 'B'),
      // Long ids too: those are copied before the sort compares them.
      id: fc.constantFrom('1', '2', '10', '2026-01-01-shipped-the-importer', '2026-01-01-shipped-the-importer-2', '2026-01-01-shipped-the-exporter', '2026-01-01-Ünïcödé-😀-title'),
      impact: fc.option(fc.constantFrom('', ' ', 'big'), { nil: undefined }),
    }).map((fields) => anEntry(fields));
    fc.assert(
      fc.property(fc.array(dated, { maxLength: 30 }), fc.boolean(), (all, plainOnly) => {
        const entries = plainOnly ? all.filter((e) => /^\d{4}-\d\d-\d\d$/.test(e.date)) : all;
        const expected = entries
          .map((entry) => ({ entry, key: strengthKey(entry) }))
          .sort((a, b) => cmp(a.key, b.key) || cmp(a.entry.id, b.entry.id) || cmp(a.entry.title, b.entry.title))
          .map((k) => k.entry);
        assert.deepEqual(sortByStrength(entries), expected);
      }),
      { numRuns: 3000 },
    );
  });

  // Entries with every kind of text the packet treats specially, for comparing with the reference packet.
  const packetEntry = (() => {
    const words = ['shipped', 'Led', 'migration', 'on time', 'on-call', 'code quality', 'mentored', 'cost', '*nix', '1.', '-', 'é', '😀', '\u00a0', '  ', 'Σ'];
    const text = fc.array(fc.oneof(fc.constantFrom(...words), trickyText), { maxLength: 5 }).map((parts) => parts.join(' '));
    return fc
      .record({
        date: fc.constantFrom('2026-01-01', '2026-01-01', '2026-02-01', '2026-03-15', '2026-1-2', '2026-02-01 ', '2026-0a-01'),
        title: fc.oneof(fc.constantFrom('Same', 'same', 'Other'), text),
        id: fc.constantFrom('a', 'b', 'B', 'a-1', '10'),
        type: fc.constantFrom(...ENTRY_TYPES),
        direction: fc.option(fc.constantFrom('vertical' as const, 'horizontal' as const), { nil: undefined }),
        impact: fc.option(fc.oneof(fc.constantFrom('', ' ', 'Saved time', 'Saved time.'), text), { nil: undefined }),
        details: fc.option(text, { nil: undefined }),
        tags: fc.array(fc.oneof(fc.constantFrom('code-quality', 'on-call', 'x_y'), text), { maxLength: 3 }),
        competencies: fc.subarray(['technical-scope', 'EXECUTION ', 'mentoring', 'nope']),
        links: fc.array(fc.oneof(fc.constantFrom('https://example.com/a(b)', 'mailto:me@x.org', 'not a link', 'HTTPS://example.com/', 'http:///', 'https://x.org/a/<b>\\c', ' https://x.org/ '), text), { maxLength: 2 }),
      })
      .map((fields) => anEntry(fields));
  })();
  const packetInput = (entries: Entry[]) => ({
    entries,
    ladder: defaultLadder(),
    currentLevel: 'L3',
    targetLevel: 'L4',
    period: { kind: 'custom' as const, start: '2026-01-01', end: '2026-12-31', label: 'custom' },
    today: '2026-12-31',
  });

  it('the packet is byte for byte the one the code before the fast paths wrote', () => {
    fc.assert(
      fc.property(fc.array(packetEntry, { maxLength: 40 }), fc.boolean(), (entries, doubled) => {
        // The same entry object twice must come out as it did too.
        const input = packetInput(doubled && entries.length > 0 ? [...entries, entries[0]] : entries);
        assert.equal(generatePacket(input), referencePacket(input));
      }),
      { numRuns: 1500 },
    );
  });

  it('a packet of many blocks of lines is the reference packet, as text and as UTF-8 bytes', () => {
    // Up to 700 entries: a story and an appendix of several hundred lines each, so blocks end
    // at list items, blank lines and headings alike.
    fc.assert(
      fc.property(fc.array(packetEntry, { minLength: 350, maxLength: 700 }), (entries) => {
        const input = packetInput(entries);
        const expected = referencePacket(input);
        assert.ok(expected.split('\n').length > 512, 'the packet spans several blocks');
        assert.equal(generatePacket(input), expected);
        assert.deepEqual(Buffer.from(packetBytes(input)), Buffer.from(expected, 'utf8'));
      }),
      { numRuns: 40 },
    );
  });

  it('suggestion reasons answer as a map does, however far into the list and however asked', () => {
    const entries = Array.from({ length: 80 }, (_, i) => anEntry({ date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, title: `Migration ${i}`, id: `e${i}` }));
    const level: Level = { id: 'L', title: 'L', criteria: [{ id: 'scope', title: 'Scope', description: '', keywords: ['migration'] }] };
    const [scope] = criterionEvidence([...entries, entries[3]], level);
    const expected = new Map(scope.suggested.map((e) => [e, { kind: 'keyword', keyword: 'migration' }]));
    assert.equal(scope.reasons.get(scope.suggested[70]), scope.reasons.get(scope.suggested[0]));
    assert.deepEqual(scope.reasons.get(scope.suggested[79]), { kind: 'keyword', keyword: 'migration' });
    assert.equal(scope.reasons.get(anEntry({ date: '2026-01-01', title: 'Elsewhere' })), undefined);
    assert.equal(scope.reasons.has(entries[5]), true);
    assert.equal(scope.reasons.size, 80);
    assert.deepEqual([...scope.reasons], [...expected]);
    assert.deepEqual([...scope.reasons.keys()], [...expected.keys()]);
    let seen = 0;
    scope.reasons.forEach((reason, entry, map) => {
      assert.equal(map, scope.reasons);
      assert.equal(map.get(entry), reason);
      seen++;
    });
    assert.equal(seen, 80);
  });
});
