// Property tests over generated entry files: the fast reader agrees with the Document API, edits
// touch only their entry, and damaged files never crash the reader nor get written.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { readDocumentOutline } from '../../../../src/core/readers/documentReader';
import { ENTRY_KEYS, ENTRY_TYPES } from '../../../../src/core/model/entry';
import { addEntry, deleteEntry, updateEntry, type EntryPatch } from '../../../../src/core/edits/entryEdits';
import { readFastOutline } from '../../../../src/core/readers/fastReader';
import { outlineToJs } from '../../../../src/core/readers/outline';
import { LogError } from '../../../../src/core/model/problem';
import { parseEntryFile, readEntryFile } from '../../../../src/core/readers/yamlCodec';

const words = ['infra', 'on call', 'C#', 'a: b', 'x #y', "it's", 'say "hi"', 'Ünïcode', '- dash', '42', 'true', 'null', '2026-01-01', 'p99: -40%', '[x]', 'plain words here'];

const scalarText = (value: string, style: 'plain' | 'double' | 'single'): string =>
  stringify(value, { lineWidth: 0, defaultStringType: style === 'plain' ? 'PLAIN' : style === 'double' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE' }).replace(/\n$/, '');

const style = fc.constantFrom('plain' as const, 'double' as const, 'single' as const);
const word = fc.constantFrom(...words);
const date = fc.tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const entryArb = fc.record({
  withId: fc.boolean(),
  date,
  dateQuoted: fc.boolean(),
  title: word,
  titleStyle: style,
  trailingComment: fc.boolean(),
  type: fc.option(fc.constantFrom(...ENTRY_TYPES), { nil: undefined }),
  tags: fc.option(fc.array(word, { maxLength: 3 }), { nil: undefined }),
  tagsFlow: fc.boolean(),
  // Real, impossible and malformed dates, quoted or not, and values that are no date at all.
  followUp: fc.option(fc.constantFrom('2026-03-01', '"2026-04-30"', "'2027-01-31'", '2026-02-30', 'soon', '[2026-01-01]', '{on: 2026-01-01}', '~'), { nil: undefined }),
  // A promotion with the level it reached, written in the shapes a level id takes.
  promotedTo: fc.option(fc.constantFrom('L3', '"E4"', '4', 'Staff Engineer', '[L3]', "''"), { nil: undefined }),
  details: fc.option(
    fc
      .tuple(fc.constantFrom('Context line.', 'What I did: a lot', '# not a comment'), fc.array(fc.constantFrom('Then this.', '', '  indented more', '- a list item'), { maxLength: 3 }))
      .map(([first, rest]) => [first, ...rest, 'Last line.']),
    { nil: undefined },
  ),
  detailsHeader: fc.constantFrom('|', '|-', '>'),
  custom: fc.option(fc.oneof(fc.integer(), fc.constantFrom('payments', '1.50', '~')), { nil: undefined }),
  // Each spelling YAML 1.2 reads as a boolean or null; values that are neither are hand shapes below.
  private: fc.option(fc.constantFrom('true', 'false', 'True', 'FALSE', '~'), { nil: undefined }),
  star: fc.option(fc.record({ key: fc.constantFrom('situation', 'task', 'action', 'result'), value: word, style }), { nil: undefined }),
  commentAbove: fc.boolean(),
  blankAfter: fc.boolean(),
});

type GeneratedEntry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

function renderItem(e: GeneratedEntry, index: number, dash: string): string {
  const pad = ' '.repeat(dash.length + 2);
  const lines: string[] = [];
  if (e.withId) lines.push(`id: entry-${index}`);
  lines.push(`date: ${e.dateQuoted ? `"${e.date}"` : e.date}`);
  lines.push(`title: ${scalarText(`${e.title} ${index}`, e.titleStyle)}${e.trailingComment ? '   # note' : ''}`);
  if (e.private !== undefined) lines.push(`private: ${e.private}`);
  if (e.promotedTo !== undefined) lines.push('type: move', 'direction: vertical', `level: ${e.promotedTo}`);
  else if (e.type) lines.push(`type: ${e.type}`);
  if (e.followUp !== undefined) lines.push(`followUp: ${e.followUp}`);
  if (e.tags) {
    const tags = e.tags.map((t, i) => `${t}${i}`);
    if (e.tagsFlow || tags.length === 0) lines.push(`tags: [${tags.map((t) => scalarText(t, 'double')).join(', ')}]`);
    else lines.push('tags:', ...tags.map((t) => `  - ${scalarText(t, 'plain')}`));
  }
  if (e.details) lines.push(`details: ${e.detailsHeader}`, ...e.details.map((l) => (l ? `  ${l}` : '')));
  if (e.star) lines.push(`${e.star.key}: ${scalarText(e.star.value, e.star.style)}`);
  if (e.custom !== undefined) lines.push(`custom: ${e.custom}`);
  const body = lines.map((l, i) => (l === '' ? '' : `${i === 0 ? `${dash}- ` : pad}${l}`)).join('\n');
  return `${e.commentAbove ? `${dash}# about entry ${index}\n` : ''}${body}\n${e.blankAfter ? '\n' : ''}`;
}

const fileArb = fc.record({ entries: fc.array(entryArb, { minLength: 1, maxLength: 6 }), indent: fc.constantFrom('', '  ', '    '), footer: fc.boolean(), crlf: fc.boolean() }).map(({ entries, indent, footer, crlf }) => {
  const text = `# generated log\nentries:\n${entries.map((e, i) => renderItem(e, i, indent)).join('')}${footer ? '# end\n' : ''}`;
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

// Shapes of YAML that are valid, or look valid and are not, which one reader once read otherwise
// than yaml does: bare `-`, `?` and `:` in flow lists, anchors and aliases, standard and unknown tags.
const oddLine = fc.constantFrom(
  'competencies: [a, -, b]',
  'competencies: [-]',
  'competencies: [a, -]',
  'competencies: [a, - ]',
  'competencies: [- a]',
  'competencies: [-a, b-, --]',
  'competencies: [a, ?, b]',
  'competencies: [?x, :y, a:b]',
  'competencies: [a, :]',
  'competencies: [-:]',
  'competencies: [-, a]',
  'competencies: &list{i} [x, y]',
  'competencies: *list0',
  'competencies: [a, *note0]',
  'note: &note{i} noted',
  'again: *note0',
  'again: *missing',
  'hours: !!int "12"',
  'label: !!str 2026',
  'local: !local x',
  'flag: !!bool true',
  'impact: *note1',
);
const titleShape = fc.oneof(
  { arbitrary: fc.constant('as-is' as const), weight: 6 },
  { arbitrary: fc.constantFrom('anchor' as const, 'alias' as const, 'str' as const), weight: 3 },
);

const oddFileArb = fc
  .record({
    entries: fc.array(fc.record({ entry: entryArb, odd: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: oddLine, weight: 1 }), title: titleShape, aliasTo: fc.nat(4) }), { minLength: 1, maxLength: 5 }),
    indent: fc.constantFrom('', '  '),
    bom: fc.boolean(),
  })
  .map(({ entries, indent, bom }) => {
    const items = entries.map(({ entry, odd, title, aliasTo }, i) => {
      const lines = renderItem(entry, i, indent).split('\n');
      const at = lines.findIndex((l) => l.includes('title: '));
      const pad = ' '.repeat(indent.length + 2);
      if (title === 'anchor') lines[at] = lines[at].replace('title: ', `title: &t${i} `);
      else if (title === 'alias') {
        // Mostly to an anchor above, now and then to none.
        const anchored = entries.findIndex((e, j) => j < i && e.title === 'anchor');
        if (anchored !== -1 || aliasTo === 0) lines[at] = `${pad}title: *t${anchored !== -1 && aliasTo > 0 ? anchored : 9}`;
      }
      else if (title === 'str') lines[at] = lines[at].replace('title: ', 'title: !!str ');
      if (odd) lines.splice(at + 1, 0, `${pad}${odd.replace('{i}', String(i))}`);
      return lines.join('\n');
    });
    return `${bom ? '\ufeff' : ''}# generated log\nentries:\n${items.join('')}`;
  });

// Shapes people write by hand that the fast reader once left to yaml for the whole file: each is
// now read by the fast reader or, for its entry alone, by the Document API. Some are mistakes
// (a tab as indentation, a key twice, a wrapped line with `: `), which must be reported where they
// are in the whole file. Lines are relative to the entry's key column; `{i}` is the entry's index.
const handShape = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom(
      ['  wrapped onto a second line'],
      ['', '  after a blank line'],
      ['details: |', '  Added to the Makefile:', '  test:', '  \tgo test ./...'],
      ['details: |', '  \tstarts with a tab'],
      ['  \tcontinued after a tab'],
      ['hours:\t12'],
      ['note: a\tb'],
      ['# a comment\twith a tab'],
      ['team:', '  name: payments', '  size: 6'],
      ['team:   # the team', '  lead:', '    name: Ana', '  members: [a, b]', '  since: 2024'],
      ['team:', '  name: payments', '  members:', '  - a', '  - b'],
      ['impact: >', '  Cut latency:', '    p99 down 40%', '    p50 down 10%', '', '  for everyone.'],
      ['impact: >-', '  a', '', '    indented', '  b'],
      ['impact: >+', '  kept', '', ''],
      ['details: |+', '  kept lines', '', ''],
      ['details: |+', '  kept', '   ', ''],
      ['details: |2', '    explicit indentation'],
      ['type: projekt'],
      ['tags: [a, 2026]'],
      ['direction: vertical'],
      ['level: L2'],
      ['followUp: 2026-02-30'],
      ['followUp: 2026-12-01   # ask then'],
      ['competencies: [x, &c{i} y]'],
      ['private: yes'],
      ["private: 'true'"],
      ['private: [true]'],
      ['private: TRUE   # not for the packet'],
      ['situation: |', '  Checkout timed out', '  at peak.', 'result: >-', '  p99 down', '  40%'],
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(['competencies: *c0'], ['  more: than one key'], ['\ttags: [a]'], ['team:', '    name: payments', '  size: 6'], ['team:', '  name: payments', '  name: again'], ['title: again']),
  },
);
/** The key a shape sets, or its first line. */
const shapeKey = (shape: readonly string[]) => /^(\w+):/.exec(shape[0])?.[1] ?? shape[0];
const docStart = fc.oneof({ weight: 15, arbitrary: fc.constantFrom('', '---\n', '--- \n', '---   # the one document\n') }, { weight: 1, arbitrary: fc.constantFrom('--- entries: []\n', '...\n') });
const fileEnd = fc.oneof({ weight: 15, arbitrary: fc.constantFrom('', '# end\n', '\n\n', 'other: key\n', 'NO_FINAL_BREAK') }, { weight: 1, arbitrary: fc.constant('---\nentries: []\n') });

const handFileArb = fc
  .record({
    entries: fc.array(fc.record({ entry: entryArb, shapes: fc.uniqueArray(handShape, { maxLength: 2, selector: shapeKey }), atEnd: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    indent: fc.constantFrom('', '  '),
    bom: fc.boolean(),
    start: docStart,
    crlf: fc.boolean(),
    end: fileEnd,
  })
  .map(({ entries, indent, bom, start, crlf, end }) => {
    const items = entries.map(({ entry, shapes, atEnd }, i) => {
      // A key the entry's shapes set is left out of the rest of it, so it is not there twice; a
      // title to wrap is plain, with no comment after it.
      const keys = new Set(shapes.map(shapeKey));
      const continues = (shape: readonly string[]) => /^ |^$/.test(shape[0]);
      const wraps = shapes.some(continues);
      const rendered = {
        ...entry,
        type: keys.has('type') ? undefined : entry.type,
        private: keys.has('private') ? undefined : entry.private,
        star: keys.has('situation') ? undefined : entry.star,
        promotedTo: keys.has('type') || keys.has('direction') || keys.has('level') ? undefined : entry.promotedTo,
        followUp: keys.has('followUp') ? undefined : entry.followUp,
        tags: keys.has('tags') ? undefined : entry.tags,
        details: keys.has('details') ? undefined : entry.details,
        titleStyle: wraps ? ('plain' as const) : entry.titleStyle,
        trailingComment: entry.trailingComment && !wraps,
      };
      const lines = renderItem(rendered, i, indent).split('\n');
      const pad = ' '.repeat(indent.length + 2);
      const title = lines.findIndex((l) => l.includes('title: '));
      // Right after the title, where a continuation line wraps it, or after the entry's last line.
      const last = lines.length - (entry.blankAfter ? 2 : 1);
      const where = atEnd && !wraps ? last : title + 1;
      const ordered = [...shapes.filter(continues), ...shapes.filter((shape) => !continues(shape))];
      lines.splice(where, 0, ...ordered.flat().map((l) => (l === '' ? '' : `${pad}${l.replace('{i}', String(i))}`)));
      return lines.join('\n');
    });
    let text = `${bom ? '\ufeff' : ''}# generated log\n${start}entries:\n${items.join('')}${end === 'NO_FINAL_BREAK' ? '' : end}`;
    if (end === 'NO_FINAL_BREAK') text = text.replace(/\n+$/, '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Lines where an item of `entries` starts (its `- `), in order, for matching entries to yaml's items. */
function itemLines(text: string): number[] {
  const lines = text.split('\n');
  const indent = /^( *)- /m.exec(text.slice(text.indexOf('entries:')))?.[1] ?? '';
  return lines.flatMap((line, i) => (line.startsWith(`${indent}- `) ? [i] : []));
}

/** The value of a list key as Growth Log reads it from yaml's value: its non-empty texts. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** Text removed from `before` to give `after`, when `after` is `before` minus one contiguous piece. */
function removedPiece(before: string, after: string): string | undefined {
  let prefix = 0;
  while (prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (prefix + suffix !== after.length) return undefined;
  return before.slice(prefix, before.length - suffix);
}

function lineBounds(text: string, startLine: number, endLine: number): [number, number] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return [starts[startLine], starts[endLine + 1] ?? text.length];
}

describe('entry file properties', () => {
  it('the fast reader and the Document API read the same entries, fields and ranges', () => {
    let fast = 0;
    fc.assert(
      fc.property(fileArb, (text) => {
        if (readFastOutline(text)) fast++;
        assert.deepEqual(parseEntryFile(text, 'f'), parseEntryFile(text, 'f', 'document'));
      }),
      { numRuns: 200 },
    );
    assert.ok(fast > 100, `the fast reader should handle most generated files (${fast} of 200)`);
  });

  it('both readers read what yaml reads, refuse what it refuses, and read a file with a byte order mark as one without', () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(oddFileArb, (text) => {
        const doc = parseDocument(text, { uniqueKeys: true });
        let js: { entries: Record<string, unknown>[] } | undefined;
        if (doc.errors.length === 0) {
          try {
            js = doc.toJS({ maxAliasCount: 100 }) as typeof js;
          } catch {
            js = undefined;
          }
        }
        const outline = readFastOutline(text);
        if (outline) {
          fast++;
          assert.ok(js, 'the fast reader read a file yaml refuses');
          assert.deepEqual(outline.root && outlineToJs(outline.root), js);
        }
        const read = parseEntryFile(text, 'f');
        assert.deepEqual(read, parseEntryFile(text, 'f', 'document'));
        if (text.startsWith('\ufeff')) assert.deepEqual(read, parseEntryFile(text.slice(1), 'f'));
        if (!js) {
          refused++;
          assert.ok(read.problems.some((p) => p.severity === 'error'), 'a file yaml refuses has an error');
          return;
        }
        // Every generated entry yaml reads is a valid one: a date, a title of text, a unique id.
        assert.deepEqual(read.problems.filter((p) => p.severity === 'error'), []);
        assert.equal(read.entries.length, js.entries.length);
        const starts = itemLines(text);
        for (const entry of read.entries) {
          const value: Record<string, unknown> = js.entries[starts.indexOf(entry.range.start.line)];
          assert.equal(entry.title, String(value.title));
          assert.equal(entry.date, String(value.date));
          assert.deepEqual(entry.tags, textsOf(value.tags));
          if (!/competencies: \*/.test(text)) assert.deepEqual(entry.competencies, textsOf(value.competencies));
          const extra = Object.fromEntries(Object.entries(value).filter(([key]) => !(ENTRY_KEYS as readonly string[]).includes(key)));
          assert.deepEqual(entry.extra, extra);
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(fast > 20 && refused > 20, `both kinds of file are generated (${fast} read fast, ${refused} refused)`);
  });

  it('reads files with hand-written shapes (wrapped titles, tabs, nested mappings, folded and kept blocks, `---`) as the Document API does, places and problems included', () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(handFileArb, (text) => {
        const outline = readFastOutline(text);
        if (outline) fast++;
        const read = readEntryFile(text, 'f');
        assert.deepEqual(read, readEntryFile(text, 'f', 'document'));
        if (text.startsWith('\ufeff')) assert.deepEqual(parseEntryFile(text, 'f'), parseEntryFile(text.slice(1), 'f'));
        const doc = parseDocument(text, { uniqueKeys: true });
        if (!read.syntaxOk) refused++;
        else if (outline && doc.errors.length === 0) assert.deepEqual(outline.root && outlineToJs(outline.root), doc.toJS({ maxAliasCount: 100 }));
        if (outline) assert.deepEqual([doc.errors, doc.warnings], [[], []], 'the fast reader read a file yaml refuses or warns about');
      }),
      { numRuns: 400 },
    );
    assert.ok(fast > 100 && refused > 50, `both kinds of file are generated (${fast} read fast, ${refused} refused)`);
  });

  it('the fast reader reads a flow list as yaml does, or leaves it to yaml', () => {
    const itemText = fc.constantFrom('a', '-', '?', ':', '-a', '?a', ':a', 'a-', 'a:b', '- a', '? a', ': a', '--', '-:', ':-', '"-"', "'?'", '1', '-1', '-.5', 'true', '~', ' ', '');
    fc.assert(
      fc.property(fc.array(itemText, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , '), (items, comma) => {
        const text = `entries:\n  - date: 2026-01-01\n    title: A\n    tags: [${items.join(comma)}]\n`;
        const outline = readFastOutline(text);
        if (!outline?.root) return;
        const doc = parseDocument(text);
        assert.deepEqual(doc.errors, [], text);
        assert.deepEqual(outlineToJs(outline.root), doc.toJS(), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('an update changes only the lines of its entry and reads back with the change applied', () => {
    const patchArb = fc.record(
      {
        title: word.map((w) => `${w} new`),
        type: fc.constantFrom(...ENTRY_TYPES),
        impact: fc.option(word, { nil: undefined }),
        tags: fc.array(word, { maxLength: 3 }).map((t) => t.map((w, i) => `${w}-${i}`)),
        details: fc.option(fc.constantFrom('One line.\n', 'Two\nlines\n', 'no newline'), { nil: undefined }),
        date: date,
        followUp: fc.option(date, { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fileArb, fc.nat(), patchArb, (text, pick, patch: EntryPatch) => {
        const parsed = parseEntryFile(text, 'f');
        const entry = parsed.entries[pick % parsed.entries.length];
        const after = updateEntry(text, entry.id, patch);
        const [start, end] = lineBounds(text, entry.range.start.line, entry.range.end.line);
        assert.equal(after.slice(0, start), text.slice(0, start));
        assert.equal(after.slice(after.length - (text.length - end)), text.slice(end));
        const read = parseEntryFile(after, 'f');
        // Generated follow-ups and levels may be wrong on purpose, and a patched type can leave a
        // promotion's direction and level behind; nothing else may be.
        assert.deepEqual(read.problems.filter((p) => !/No follow-up is asked for|^`level` |^`direction` only means/.test(p.message)), []);
        const updated = read.entries.find((e) => e.id === entry.id);
        for (const [key, value] of Object.entries(patch)) {
          const actual = (updated as unknown as Record<string, unknown>)[key];
          if (value === undefined || (Array.isArray(value) && value.length === 0)) assert.ok(actual === undefined || (Array.isArray(actual) && actual.length === 0), key);
          else assert.deepEqual(actual, value, key);
        }
        assert.deepEqual(read.entries.filter((e) => e.id !== entry.id).map((e) => e.id), parsed.entries.filter((e) => e.id !== entry.id).map((e) => e.id));
      }),
      { numRuns: 120 },
    );
  });

  it('a delete removes one piece made of the entry and comment or blank lines, and an add inserts one', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(), (text, pick) => {
        const parsed = parseEntryFile(text, 'f');
        const entry = parsed.entries[pick % parsed.entries.length];
        const afterDelete = deleteEntry(text, entry.id);
        const [start, end] = lineBounds(text, entry.range.start.line, entry.range.end.line);
        // Lines go whole, so the removed piece starts at a line start at or above the entry.
        const removed = text.length - afterDelete.length;
        let a = start;
        while (a > 0 && text.slice(0, a) + text.slice(a + removed) !== afterDelete) a = text.lastIndexOf('\n', a - 2) + 1;
        const b = a + removed;
        assert.equal(text.slice(0, a) + text.slice(b), afterDelete, 'one contiguous piece is removed');
        assert.ok(b >= end, 'the whole entry is removed');
        const outside = text.slice(a, start) + text.slice(end, b);
        assert.ok(outside.split(/\r?\n/).every((l) => l.trim() === '' || l.trim().startsWith('#')), JSON.stringify(outside));
        assert.deepEqual(parseEntryFile(afterDelete, 'f').entries.map((e) => e.id), parsed.entries.filter((e) => e !== entry).map((e) => e.id));

        const { text: afterAdd, id } = addEntry(text, { date: '2026-12-31', title: 'Added: by the property', tags: ['x y'] }, new Set(parsed.entries.map((e) => e.id)));
        assert.ok(removedPiece(afterAdd, text) !== undefined, 'one contiguous piece is inserted');
        const added = parseEntryFile(afterAdd, 'f');
        // The entries above keep their lines, so their problems (generated on purpose) stay as they were.
        assert.deepEqual(added.problems, parsed.problems);
        assert.deepEqual(added.entries.map((e) => e.id), [...parsed.entries.map((e) => e.id), id]);
      }),
      { numRuns: 120 },
    );
  });

  it('damaged files never crash the reader and are never written', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), chars: fc.array(fc.constantFrom(' ', '\t', ':', '-', '"', "'", '#', '[', ']', '{', '&', '*', '\n', 'x', '|'), { minLength: 1, maxLength: 4 }).map((c) => c.join('')) }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fileArb, fc.array(mutation, { minLength: 1, maxLength: 3 }), (original, mutations) => {
        let text = original;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
          else if (m.kind === 'insert') text = text.slice(0, at) + m.chars + text.slice(at);
          else {
            const lines = text.split('\n');
            const i = m.at % lines.length;
            lines.splice(i, 0, lines[i]);
            text = lines.join('\n');
          }
        }
        const read = readEntryFile(text, 'f');
        const broken = readDocumentOutline(text).syntax.some((s) => s.severity === 'error');
        const ids = parseEntryFile(original, 'f').entries.map((e) => e.id);
        const edits = [
          () => updateEntry(text, ids[0], { title: 'Changed' }),
          () => deleteEntry(text, ids[0]),
          () => addEntry(text, { date: '2026-01-01', title: 'New' }, new Set()).text,
        ];
        for (const edit of edits) {
          try {
            const result = edit();
            assert.ok(!broken, 'a text that does not parse was edited');
            assert.ok(read.syntaxOk);
            assert.ok(readEntryFile(result, 'f').syntaxOk, 'an edit produced text that does not parse');
          } catch (error) {
            if (!(error instanceof LogError)) throw error;
            // A file that no longer mentions `entries` has nothing to edit, which is reported first.
            if (broken) assert.ok(error.reason === 'unparsable' || (error.reason === 'not-found' && !text.includes('entries')), error.message);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
