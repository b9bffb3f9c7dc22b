import * as assert from 'node:assert/strict';
import { dateProblem, ENTRY_TYPES, isValidDate } from '../../../../src/core/model/entry';
import { updateEntry } from '../../../../src/core/edits/entryEdits';
import { readFastOutline } from '../../../../src/core/readers/fastReader';
import { formatProblem } from '../../../../src/core/model/problem';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';
import { item, logFile } from '../../helpers/logText';

function problemsOf(text: string): string[] {
  return parseEntryFile(text, 'brag/2026.yaml').problems.map(formatProblem);
}

function rangeText(text: string, line: number, from: number, to: number): string {
  return text.split('\n')[line].slice(from, to);
}

describe('validation', () => {
  it('reads a realistic file with comments, flow lists, block scalars, quoted titles and custom keys', () => {
    const text = logFile(
      item('id: 2026-11-20-billing', 'date: 2026-11-20   # the cut-over day', 'title: "Led the billing migration: Postgres 16"', 'type: leadership', 'tags: [infra, "on call"]', 'links:', '  - https://example.com/pull/812', 'details: |', '  Planned the cut-over.', '', '  Ran it with two teams.', 'hours: 40', 'team: payments'),
      '  # a move sideways',
      item('date: 2026-06-01', "title: 'Joined the platform team'", 'type: move', 'direction: horizontal', 'impact: >-', '  More scope', '  for infra.'),
    );
    const parsed = parseEntryFile(text, 'brag/2026.yaml');
    assert.deepEqual(parsed.problems, []);
    const [billing, move] = parsed.entries;
    assert.equal(billing.title, 'Led the billing migration: Postgres 16');
    assert.equal(billing.date, '2026-11-20');
    assert.deepEqual(billing.tags, ['infra', 'on call']);
    assert.deepEqual(billing.links, ['https://example.com/pull/812']);
    assert.equal(billing.details, 'Planned the cut-over.\n\nRan it with two teams.\n');
    assert.deepEqual(billing.extra, { hours: 40, team: 'payments' });
    assert.deepEqual(billing.range, { start: { line: 2, column: 4 }, end: { line: 14, column: 18 } });
    assert.equal(move.type, 'move');
    assert.equal(move.direction, 'horizontal');
    assert.equal(move.impact, 'More scope for infra.');
    assert.equal(move.id, '2026-06-01-joined-the-platform-team');
    assert.equal(move.idGenerated, true);
  });

  it('treats a missing type as project and keeps the date as the text the user wrote', () => {
    const parsed = parseEntryFile(logFile(item('date: 2026-11-20', 'title: Shipped it'), item('date: "2026-01-05"', 'title: Quoted date')), 'f');
    assert.deepEqual(
      parsed.entries.map((e) => [e.type, e.date]),
      [
        ['project', '2026-11-20'],
        ['project', '2026-01-05'],
      ],
    );
  });

  it('does not count YAML files without an entries list as entry files', () => {
    const parsed = parseEntryFile('# ladder\nlevels:\n  - id: senior\n', 'brag/ladder.yaml');
    assert.equal(parsed.isEntryFile, false);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parseEntryFile('entries:\n', 'f').isEntryFile, true);
  });

  it('points an impossible date at the date value and keeps the valid siblings', () => {
    const text = logFile(item('date: 2026-02-30', 'title: Leap'), item('date: next tuesday', 'title: Soon'), item('date: 2026-03-02', 'title: Fine'));
    const parsed = parseEntryFile(text, 'brag/2026.yaml');
    assert.deepEqual(parsed.entries.map((e) => e.title), ['Fine']);
    assert.deepEqual(parsed.problems.map(formatProblem), [
      'brag/2026.yaml:3:11: error: `2026-02-30` is not a calendar date: February 2026 has 28 days.',
      'brag/2026.yaml:6:11: error: `next tuesday` is not a calendar date; write the date as YYYY-MM-DD, for example 2026-11-20.',
    ]);
    const range = parsed.problems[1].range;
    assert.equal(rangeText(text, range.start.line, range.start.column, range.end.column), 'next tuesday');
  });

  it('says what is wrong with a date already written YYYY-MM-DD, and shows the form only to other text', () => {
    const cases: [string, string | undefined][] = [
      ['2026-02-30', '`2026-02-30` is not a calendar date: February 2026 has 28 days.'],
      ['2024-02-30', '`2024-02-30` is not a calendar date: February 2024 has 29 days.'],
      ['2026-04-31', '`2026-04-31` is not a calendar date: April 2026 has 30 days.'],
      ['2026-13-01', '`2026-13-01` is not a calendar date: there is no month 13.'],
      ['2026-00-10', '`2026-00-10` is not a calendar date: there is no month 0.'],
      ['2026-01-00', '`2026-01-00` is not a calendar date: there is no day 0.'],
      ['2026/01/02', '`2026/01/02` is not a calendar date; write the date as YYYY-MM-DD, for example 2026-11-20.'],
      ['2026-1-2', '`2026-1-2` is not a calendar date; write the date as YYYY-MM-DD, for example 2026-11-20.'],
      ['2024-02-29', undefined],
      ['2026-12-31', undefined],
    ];
    for (const [date, expected] of cases) {
      assert.equal(dateProblem(date), expected, date);
      assert.equal(isValidDate(date), expected === undefined, date);
      const problems = problemsOf(logFile(item(`date: ${date}`, 'title: A')));
      assert.deepEqual(problems, expected === undefined ? [] : [`brag/2026.yaml:3:11: error: ${expected}`]);
    }
  });

  it('reports a missing date and a missing title on the entry', () => {
    assert.deepEqual(problemsOf(logFile(item('title: No day'), item('date: 2026-03-01'))), [
      'brag/2026.yaml:3:5: error: This entry has no `date`; add `date: YYYY-MM-DD` (the day it happened).',
      'brag/2026.yaml:5:5: error: This entry has no `title`; add `title:` with one line saying what you did.',
    ]);
  });

  it('lists an entry with an unknown type as a project, with a warning naming the types', () => {
    const parsed = parseEntryFile(logFile(item('date: 2026-01-01', 'title: A', 'type: projekt')), 'f');
    assert.equal(parsed.entries[0].type, 'project');
    assert.equal(parsed.problems[0].severity, 'warning');
    assert.match(parsed.problems[0].message, /`projekt` is not an entry type/);
    for (const type of ENTRY_TYPES) assert.ok(parsed.problems[0].message.includes(type));
  });

  it('reads private as true or false, and keeps an entry private when the value is neither, with a warning on it', () => {
    const text = logFile(
      item('date: 2026-01-01', 'title: A', 'private: true'),
      item('date: 2026-01-02', 'title: B', 'private: false'),
      item('date: 2026-01-03', 'title: C'),
      item('date: 2026-01-04', 'title: D', 'private: yes'),
      item('date: 2026-01-05', 'title: E', 'private: "false"'),
      item('date: 2026-01-06', 'title: F', 'private:'),
    );
    const parsed = parseEntryFile(text, 'f');
    assert.deepEqual(
      parsed.entries.map((e) => [e.title, e.private]),
      [
        ['A', true],
        ['B', false],
        ['C', false],
        ['D', true],
        ['E', true],
        ['F', false],
      ],
    );
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, rangeText(text, p.range.start.line, p.range.start.column, p.range.end.column)]),
      [
        ['warning', 'yes'],
        ['warning', '"false"'],
      ],
    );
    assert.match(parsed.problems[0].message, /^`yes` is not `true` or `false`; the entry is kept private/);
  });

  it('reads situation, task, action and result as text, and warns when one is a list', () => {
    const text = logFile(item('date: 2026-01-01', 'title: A', 'situation: Checkout timed out', 'task: |', '  Find why.', 'action: Profiled it', 'result: [fast]'));
    const [entry] = parseEntryFile(text, 'f').entries;
    assert.deepEqual([entry.situation, entry.task, entry.action, entry.result], ['Checkout timed out', 'Find why.\n', 'Profiled it', undefined]);
    assert.deepEqual(entry.extra, {});
    assert.deepEqual(problemsOf(text).map((p) => p.replace(/^.*?: warning: /, '')), ['`result` must be text, not a list or a mapping, so it is ignored; use `result: |` for several lines.']);
  });

  it('reads commits as a list of hashes, empty when absent, and warns about an item that is no hash', () => {
    const hash = '3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';
    const text = logFile(
      item('date: 2026-01-01', 'title: A', 'commits:', `  - ${hash}`, '  - abc1234', '  - not-a-hash', '  - "12"'),
      item('date: 2026-01-02', 'title: B'),
    );
    const parsed = parseEntryFile(text, 'f');
    assert.deepEqual(parsed.entries[0].commits, [hash, 'abc1234', 'not-a-hash', '12']);
    assert.deepEqual(parsed.entries[1].commits, []);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, rangeText(text, p.range.start.line, p.range.start.column, p.range.end.column)]),
      [
        ['warning', 'not-a-hash'],
        ['warning', '"12"'],
      ],
    );
    assert.match(parsed.problems[0].message, /^`not-a-hash` is not a commit hash; /);
  });

  it('reads followUp as a real date and warns, at the value, about one that is not, asking nothing until it is fixed', () => {
    const text = logFile(
      item('date: 2026-01-01', 'title: A', 'followUp: 2026-03-01'),
      item('date: 2026-01-02', 'title: B', 'followUp: 2026-02-30'),
      item('date: 2026-01-03', 'title: C', 'followUp: next month'),
      item('date: 2026-01-04', 'title: D', 'followUp: [2026-03-01]'),
      item('date: 2026-01-05', 'title: E', 'followUp:'),
    );
    const parsed = parseEntryFile(text, 'f');
    assert.deepEqual(parsed.entries.map((e) => e.followUp), ['2026-03-01', undefined, undefined, undefined, undefined]);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, rangeText(text, p.range.start.line, p.range.start.column, p.range.end.column), p.message]),
      [
        ['warning', '2026-02-30', '`2026-02-30` is not a calendar date: February 2026 has 28 days. No follow-up is asked for until it is fixed.'],
        ['warning', 'next month', '`next month` is not a calendar date; write the date as YYYY-MM-DD, for example 2026-11-20. No follow-up is asked for until it is fixed.'],
        ['warning', '[2026-03-01]', '`followUp` must be a date, YYYY-MM-DD, not a list or a mapping. No follow-up is asked for until it is fixed.'],
      ],
    );
  });

  it('reads level on a vertical move, and warns where it is on any other entry', () => {
    const text = logFile(
      item('date: 2026-01-01', 'title: Promoted', 'type: move', 'direction: vertical', 'level: L3'),
      item('date: 2026-01-02', 'title: Moved teams', 'type: move', 'direction: horizontal', 'level: L3'),
      item('date: 2026-01-03', 'title: Shipped', 'level: 4'),
    );
    const parsed = parseEntryFile(text, 'f');
    assert.deepEqual(parsed.entries.map((e) => e.level), ['L3', undefined, undefined]);
    assert.deepEqual(parsed.entries[0].levelRange, { start: { line: 6, column: 11 }, end: { line: 6, column: 13 } });
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, rangeText(text, p.range.start.line, p.range.start.column, p.range.end.column)]),
      [
        ['warning', 'level: L3'],
        ['warning', 'level: 4'],
      ],
    );
    assert.match(parsed.problems[0].message, /belongs on an entry with `type: move` and `direction: vertical`/);
  });

  it('warns about tags, competencies and links that are not lists of text, pointing at each bad value', () => {
    const text = logFile(item('date: 2026-01-01', 'title: A', 'tags: infra', 'competencies: {scope: high}', 'links: [https://a.example, 12, [nested]]'));
    const parsed = parseEntryFile(text, 'f');
    assert.deepEqual(parsed.entries[0].tags, ['infra']);
    assert.deepEqual(parsed.entries[0].competencies, []);
    assert.deepEqual(parsed.entries[0].links, ['https://a.example']);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, rangeText(text, p.range.start.line, p.range.start.column, p.range.end.column)]),
      [
        ['warning', 'infra'],
        ['warning', '{scope: high}'],
        ['warning', '12'],
        ['warning', '[nested]'],
      ],
    );
  });

  it('warns about a direction that is not vertical or horizontal, and about a direction on a non-move', () => {
    const parsed = parseEntryFile(logFile(item('date: 2026-01-01', 'title: A', 'type: move', 'direction: diagonal'), item('date: 2026-01-02', 'title: B', 'direction: vertical')), 'f');
    assert.deepEqual(parsed.problems.map((p) => [p.severity, p.range.start.line]), [
      ['warning', 5],
      ['warning', 9],
    ]);
    assert.equal(parsed.entries[0].direction, undefined);
    assert.match(parsed.problems[1].message, /only means something for entries of type `move`/);
  });

  it('reports a duplicate id within a file on the second id and leaves that entry out', () => {
    const parsed = parseEntryFile(logFile(item('id: same', 'date: 2026-01-01', 'title: A'), item('id: same', 'date: 2026-01-02', 'title: B')), 'brag/2026.yaml');
    assert.deepEqual(parsed.entries.map((e) => e.title), ['A']);
    assert.deepEqual(parsed.problems.map(formatProblem), [
      'brag/2026.yaml:7:9: error: The id `same` is already used by the entry on line 3; give this entry another id. It is left out until then.',
    ]);
  });

  it('reports entries that are not a list and items that are not mappings', () => {
    assert.deepEqual(problemsOf('entries: all of them\n'), ['brag/2026.yaml:1:10: error: `entries` must be a list, with each entry starting with `- ` on its own line.']);
    const parsed = parseEntryFile(logFile('  - just a sentence\n', item('date: 2026-01-01', 'title: Fine')), 'f');
    assert.equal(parsed.entries.length, 1);
    assert.match(parsed.problems[0].message, /not a mapping/);
  });

  it('rephrases YAML syntax errors into sentences with their place, and reads no entries from that file', () => {
    const cases: [string, string][] = [
      ['entries:\n  - date: 2026-01-01\n\ttitle: tabbed\n', 'brag/2026.yaml:3:1: error: This line is indented with a tab; YAML only allows spaces for indentation.'],
      ['entries:\n  - date: 2026-01-01\n    title: "never closed\n  - date: 2026-01-02\n    title: B\n', 'brag/2026.yaml:3:12: error: This double-quoted text has no closing `"`; add it at the end of the value.'],
      ['entries:\n  - date: 2026-01-01\n    title: A\n    title: B\n', 'brag/2026.yaml:4:5: error: The key `title` appears twice in the same mapping; keep only one of them.'],
      ['entries:\n  - date: 2026-01-01\n    title: Note: colons\n', 'brag/2026.yaml:3:12: error: This value contains `: `, which YAML reads as another key; put the whole value in quotes.'],
    ];
    for (const [text, expected] of cases) {
      const parsed = parseEntryFile(text, 'brag/2026.yaml');
      assert.deepEqual(parsed.problems.map(formatProblem), [expected]);
      assert.deepEqual(parsed.entries, []);
    }
  });

  it('reports only the first syntax error when a tab indents a line in the middle of an entry, not the lines yaml misreads after it', () => {
    const around = (middle: string) =>
      logFile(item('date: 2026-01-01', 'title: First', 'tags: [a]'), `  - date: 2026-01-02\n${middle}    impact: big\n`, item('date: 2026-01-03', 'title: Third', 'tags: [c]'));
    const cases: [string, string][] = [
      ['\ttitle: Second\n', 'brag/2026.yaml:8:1: error: This line is indented with a tab; YAML only allows spaces for indentation.'],
      ['  \ttitle: Second\n', 'brag/2026.yaml:8:1: error: This line is indented with a tab; YAML only allows spaces for indentation.'],
      ['    title: Second\n  \timpact: small\n', 'brag/2026.yaml:9:1: error: This line is indented with a tab; YAML only allows spaces for indentation.'],
      ['    title: Second\n    \timpact: small\n', 'brag/2026.yaml:9:5: error: This line is indented with a tab; YAML only allows spaces for indentation.'],
    ];
    for (const [middle, expected] of cases) {
      for (const reader of ['auto', 'document'] as const) {
        const parsed = parseEntryFile(around(middle), 'brag/2026.yaml', reader);
        assert.deepEqual(parsed.problems.map(formatProblem), [expected], JSON.stringify(middle));
        assert.deepEqual(parsed.entries, []);
      }
    }
  });

  it('refuses a lone `-` in a flow list with either reader, as yaml does, and says to quote it', () => {
    for (const list of ['[a, -, b]', '[-]', '[a, -]', '[-, a]', '[a, - ]']) {
      const text = logFile(item('date: 2026-01-01', 'title: A', `tags: ${list}`));
      assert.equal(readFastOutline(text), undefined, list);
      for (const reader of ['auto', 'document'] as const) {
        const problems = parseEntryFile(text, 'brag/2026.yaml', reader).problems.map(formatProblem);
        assert.equal(problems.length, 1, list);
        assert.match(problems[0], /^brag\/2026\.yaml:5:\d+: error: Inside `\[\.\.\.\]` or `\{\.\.\.\}`, a `-` cannot stand alone/, list);
      }
    }
    // A `-` followed by text is an ordinary value, read the same by both readers.
    const text = logFile(item('date: 2026-01-01', 'title: A', 'tags: [-a, b-, --]'));
    assert.deepEqual(parseEntryFile(text, 'f').entries[0].tags, ['-a', 'b-', '--']);
    assert.deepEqual(parseEntryFile(text, 'f'), parseEntryFile(text, 'f', 'document'));
  });

  it('reports an alias to no anchor at its place, with or without a byte order mark', () => {
    const text = logFile(item('date: 2026-01-02', 'title: *nope'));
    const expected = ['brag/2026.yaml:4:12: error: The alias `*nope` has no `&nope` before it to repeat; write the value out here, or mark the value to repeat with `&nope`.'];
    assert.deepEqual(problemsOf(text), expected);
    assert.deepEqual(problemsOf(`\ufeff${text}`), expected);
    const bare = parseEntryFile('\ufeffentries:\n  - date: 2026-01-02\n    title: *nope\n', 'brag/2026.yaml');
    assert.equal(bare.isEntryFile, true);
    assert.deepEqual(bare.problems.map(formatProblem), ['brag/2026.yaml:3:12: error: The alias `*nope` has no `&nope` before it to repeat; write the value out here, or mark the value to repeat with `&nope`.']);
  });

  it('reads a file with a byte order mark exactly as the same file without it', () => {
    const files = [
      logFile(item('date: 2026-01-02', 'title: Shipped it', 'tags: [a, b]'), item('date: 2026-01-03', "title: 'Quoted'", 'details: |', '  Two', '  lines')),
      'entries:\n  - date: 2026-02-30\n    title: A\n',
      'entries: not a list\n',
      'entries:\n  - date: 2026-01-01\n    title: "never closed\n',
      '# just notes\nlevels: []\n',
    ];
    for (const text of files) {
      for (const reader of ['auto', 'document'] as const) {
        assert.deepEqual(parseEntryFile(`\ufeff${text}`, 'f', reader), parseEntryFile(text, 'f', reader), text);
      }
    }
    assert.ok(readFastOutline(`\ufeff${files[0]}`), 'the fast reader reads past the mark');
  });

  it('reads an alias to a text as the anchored text, placed at the alias, so an edit replaces the alias', () => {
    const text = logFile(item('date: 2026-01-01', 'title: &shipped Shipped it', 'type: &kind skill'), item('id: second', 'date: 2026-01-02', 'title: *shipped', 'type: *kind', 'tags: [infra, *kind]'));
    for (const reader of ['auto', 'document'] as const) {
      const parsed = parseEntryFile(text, 'f', reader);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.entries.map((e) => [e.title, e.type, e.tags]), [
        ['Shipped it', 'skill', []],
        ['Shipped it', 'skill', ['infra', 'skill']],
      ]);
    }
    const second = parseEntryFile(text, 'f').entries[1];
    const after = updateEntry(text, second.id, { title: 'Shipped it again' });
    assert.equal(after, text.replace('title: *shipped', 'title: Shipped it again'));
  });

  it('reads values with standard tags as yaml resolves them', () => {
    const text = logFile(item('id: tagged', 'date: !!str 2026-01-01', 'title: !!str 2026', 'tags: [!!str 1, !!str true, b]', 'impact: !!str 123', 'hours: !!int "12"', 'ratio: !!float 1.5', 'done: !!bool true', 'note: !!null ""', 'code: !<tag:yaml.org,2002:str> 7'));
    const parsed = parseEntryFile(text, 'f');
    assert.deepEqual(parsed.problems, []);
    const [entry] = parsed.entries;
    assert.deepEqual([entry.date, entry.title, entry.tags, entry.impact], ['2026-01-01', '2026', ['1', 'true', 'b'], '123']);
    assert.deepEqual(entry.extra, { hours: 12, ratio: 1.5, done: true, note: null, code: '7' });
    const after = updateEntry(text, entry.id, { title: 'Shipped' });
    assert.equal(after, text.replace('title: !!str 2026', 'title: Shipped'), 'the tag goes with the value it tagged');
  });

  it('warns once, in plain words, about an alias to a list where it can be ignored, and refuses it where it cannot', () => {
    const text = logFile(
      item('date: 2026-01-01', 'title: A', 'tags: &common [infra, on-call]', 'links: &refs', '  - https://a.example'),
      item('date: 2026-01-02', 'title: B', 'tags: *common', 'impact: *refs'),
      item('date: 2026-01-03', 'title: *common'),
    );
    const parsed = parseEntryFile(text, 'brag/2026.yaml');
    assert.deepEqual(parsed.entries.map((e) => [e.title, e.tags]), [
      ['A', ['infra', 'on-call']],
      ['B', []],
    ]);
    assert.deepEqual(parsed.problems.map(formatProblem), [
      'brag/2026.yaml:12:13: warning: Growth Log does not read aliases to lists or mappings (`*refs` repeats a list); write the list out here.',
      'brag/2026.yaml:11:11: warning: Growth Log does not read aliases to lists or mappings (`*common` repeats a list); write the list out here.',
      'brag/2026.yaml:15:12: error: Growth Log does not read aliases to lists or mappings (`*common` repeats a list); write the list out here.',
    ]);
  });

  it('warns once about a tag it does not know and reads the value as yaml does', () => {
    const parsed = parseEntryFile(logFile(item('date: 2026-01-01', 'title: !local Shipped it')), 'brag/2026.yaml');
    assert.deepEqual(parsed.entries.map((e) => e.title), ['Shipped it']);
    assert.deepEqual(parsed.problems.map(formatProblem), [
      'brag/2026.yaml:4:12: warning: Growth Log does not know the tag `!local` and reads the value as it is written; remove the tag.',
    ]);
  });

  it('refuses an alias bomb quickly with a clear message', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    const parsed = parseEntryFile(`${lines.join('\n')}\nentries: []\n`, 'f');
    assert.ok(Date.now() - started < 1000);
    assert.match(parsed.problems[0].message, /aliases .* far too much data/);
  });

  it('refuses a file over 5 MB without reading it', () => {
    const big = logFile(item('date: 2026-01-01', 'title: A', `details: "${'x'.repeat(5.5 * 1024 * 1024)}"`));
    const parsed = parseEntryFile(big, 'f');
    assert.deepEqual(parsed.entries, []);
    assert.match(parsed.problems[0].message, /larger than 5 MB/);
  });

  it('reads the same entries and ranges with the fast reader and the Document API', () => {
    const text = logFile(
      item('id: a', 'date: 2026-11-20', 'title: Led it   # note', 'tags: [x, "y z"]', 'details: |-', '  two', '  lines'),
      '\n  # comment between\n',
      item('date: 2026-01-01', "title: 'It''s quoted'", 'links:', '- https://a.example', 'custom: [1, 2.5, true, ~]'),
    );
    assert.deepEqual(parseEntryFile(text, 'f'), parseEntryFile(text, 'f', 'document'));
  });
});
