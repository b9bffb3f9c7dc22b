import * as assert from 'node:assert/strict';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import { ladderFromFile } from '../../../../src/core/packet/defaultLadder';
import { findLevel, levelAfter, levelLabel, parseLadder } from '../../../../src/core/packet/ladder';
import type { Problem } from '../../../../src/core/model/problem';

/** `line:col-line:col severity message`, zero-based like the ranges, for compact assertions. */
function where(problem: Problem): string {
  const { start, end } = problem.range;
  return `${start.line}:${start.column}-${end.line}:${end.column} ${problem.severity}`;
}

const valid = `# our ladder, typed in from the HR wiki
name: Acme engineering
current: L3
target: L4
levels:
  - id: L3
    title: Engineer
  - id: L4
    title: Senior Engineer
    criteria:
      - id: technical-scope
        title: Technical scope
        description: Owns the design of systems that span several services.
        keywords: [design, architecture, migration]
      - id: execution
        title: Execution
        description: Delivers projects of several months on time.
`;

describe('parseLadder', () => {
  it('reads levels, criteria, keywords and the current and target level', () => {
    const { ladder, problems } = parseLadder(valid, 'brag/ladder.yaml');
    assert.deepEqual(problems, []);
    assert.ok(ladder);
    assert.equal(ladder.name, 'Acme engineering');
    assert.equal(ladder.current, 'L3');
    assert.equal(ladder.target, 'L4');
    assert.equal(ladder.isDefault, false);
    assert.deepEqual(
      ladder.levels.map((l) => [l.id, l.title, l.criteria.map((c) => c.id)]),
      [
        ['L3', 'Engineer', []],
        ['L4', 'Senior Engineer', ['technical-scope', 'execution']],
      ],
    );
    assert.deepEqual(ladder.levels[1].criteria[0], {
      id: 'technical-scope',
      title: 'Technical scope',
      description: 'Owns the design of systems that span several services.',
      keywords: ['design', 'architecture', 'migration'],
    });
    assert.deepEqual(ladder.levels[1].criteria[1].keywords, []);
  });

  it('reports a YAML syntax error at its place and gives no ladder', () => {
    const { ladder, problems } = parseLadder('levels:\n  - id: L1\n    title: [unclosed\n', 'ladder.yaml');
    assert.equal(ladder, undefined);
    assert.ok(problems.length > 0);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].file, 'ladder.yaml');
    assert.ok(problems[0].range.start.line >= 2, `points into the broken line, got ${where(problems[0])}`);
  });

  it('reports a ladder without levels', () => {
    const { ladder, problems } = parseLadder('current: L3\n', 'ladder.yaml');
    assert.equal(ladder, undefined);
    assert.deepEqual(problems.map((p) => [where(p), p.message]), [['0:0-1:0 error', 'The ladder has no `levels:` list.']]);
  });

  it('reports an empty file as not a ladder', () => {
    const { ladder, problems } = parseLadder('', 'ladder.yaml');
    assert.equal(ladder, undefined);
    assert.deepEqual(problems.map((p) => p.message), ['A ladder file must be a mapping with a `levels:` list.']);
  });

  it('reports `levels` that is not a list at the value', () => {
    const { problems } = parseLadder('levels: L1, L2\n', 'ladder.yaml');
    assert.deepEqual(problems.map(where), ['0:8-0:14 error']);
  });

  it('reports a duplicate level id at the second id and keeps the first level', () => {
    const text = 'levels:\n  - id: L1\n    title: One\n  - id: L1\n    title: Again\n';
    const { ladder, problems } = parseLadder(text, 'ladder.yaml');
    assert.deepEqual(problems.map((p) => [where(p), p.message]), [['3:8-3:10 error', 'Level `L1` is defined twice; only the first one is used.']]);
    assert.deepEqual(ladder?.levels.map((l) => l.title), ['One']);
  });

  it('reports a duplicate criterion id at the second id', () => {
    const text = [
      'levels:',
      '  - id: L1',
      '    title: One',
      '    criteria:',
      '      - { id: execution, title: Execution, description: Ships. }',
      '      - id: execution',
      '        title: Execution again',
      '        description: Ships again.',
      '',
    ].join('\n');
    const { ladder, problems } = parseLadder(text, 'ladder.yaml');
    assert.deepEqual(problems.map((p) => [where(p), p.message]), [['5:12-5:21 error', 'Criterion `execution` appears twice in level `L1`; only the first one is used.']]);
    assert.deepEqual(ladder?.levels[0].criteria.map((c) => c.title), ['Execution']);
  });

  it('reports a criterion without an id or a title over the whole criterion and skips it', () => {
    const text = [
      'levels:',
      '  - id: L1',
      '    title: One',
      '    criteria:',
      '      - title: No id',
      '        description: Anything.',
      '      - id: no-title',
      '        description: Anything.',
      '',
    ].join('\n');
    const { ladder, problems } = parseLadder(text, 'ladder.yaml');
    assert.deepEqual(
      problems.map((p) => [where(p), p.message]),
      [
        ['4:8-6:0 error', 'This criterion of level `L1` has no `id`.'],
        ['6:8-8:0 error', 'Criterion `no-title` of level `L1` has no `title`.'],
      ],
    );
    assert.deepEqual(ladder?.levels[0].criteria, []);
  });

  it('reports a level without an id and skips it', () => {
    const { ladder, problems } = parseLadder('levels:\n  - title: Nameless\n  - id: L2\n    title: Two\n', 'ladder.yaml');
    assert.deepEqual(problems.map((p) => [where(p), p.message]), [['1:4-2:0 error', 'This level has no `id`.']]);
    assert.deepEqual(ladder?.levels.map((l) => l.id), ['L2']);
  });

  it('reports `current` and `target` that name an unknown level at their values', () => {
    const text = 'current: L2\ntarget: L9\nlevels:\n  - id: L2\n    title: Two\n';
    const { ladder, problems } = parseLadder(text, 'ladder.yaml');
    assert.deepEqual(
      problems.map((p) => [where(p), p.message]),
      [['1:8-1:10 error', '`target` names level `L9`, which is not in this ladder (its levels are `L2`).']],
    );
    assert.equal(ladder?.current, 'L2');
    assert.equal(ladder?.target, undefined);
  });

  it('reports keywords that are not a list, and items that are not words', () => {
    const text = [
      'levels:',
      '  - id: L1',
      '    title: One',
      '    criteria:',
      '      - id: a',
      '        title: A',
      '        description: A.',
      '        keywords: design',
      '      - id: b',
      '        title: B',
      '        description: B.',
      '        keywords: [design, {x: 1}, 2026]',
      '',
    ].join('\n');
    const { ladder, problems } = parseLadder(text, 'ladder.yaml');
    assert.deepEqual(
      problems.map((p) => [where(p), p.message]),
      [
        ['7:18-7:24 error', 'The `keywords` of criterion `a` must be a list of words, like `[design, migration]`.'],
        ['11:27-11:33 error', 'Each keyword of criterion `b` must be a word or a phrase.'],
      ],
    );
    assert.deepEqual(ladder?.levels[0].criteria.map((c) => c.keywords), [[], ['design', '2026']]);
  });

  it('warns about a missing description, an unknown key and a target not above current', () => {
    const text = [
      'current: L2',
      'target: L1',
      'levels:',
      '  - id: L1',
      '    title: One',
      '    criteria:',
      '      - id: a',
      '        title: A',
      '        keyword: [typo]',
      '  - id: L2',
      '    title: Two',
      '',
    ].join('\n');
    const { ladder, problems } = parseLadder(text, 'ladder.yaml');
    assert.deepEqual(
      problems.map((p) => [where(p), p.message]),
      [
        ['8:8-8:15 warning', '`keyword` is not a ladder key in a criterion; expected `id`, `title`, `description`, `keywords`.'],
        ['6:12-6:13 warning', 'Criterion `a` has no `description`; the packet uses it to say what evidence would close a gap.'],
        ['1:8-1:10 warning', '`target` (`L1`) is not above `current` (`L2`); levels are listed lowest first.'],
      ],
    );
    assert.equal(ladder?.levels[0].criteria[0].description, '');
  });
});

describe('ladder helpers', () => {
  const ladder = defaultLadder();

  it('finds a level and the one after it', () => {
    assert.equal(findLevel(ladder, 'L3')?.title, 'Senior Software Engineer');
    assert.equal(levelAfter(ladder, 'L3')?.id, 'L4');
    assert.equal(levelAfter(ladder, 'L6'), undefined);
    assert.equal(levelAfter(ladder, 'nope'), undefined);
    assert.equal(findLevel(ladder, 'nope'), undefined);
  });

  it('labels a level with its title and id', () => {
    assert.equal(levelLabel(ladder, 'L4'), 'Staff Engineer (L4)');
    assert.equal(levelLabel(ladder, 'X9'), 'X9');
  });

  it('uses the built-in ladder only when the folder has no ladder file', () => {
    assert.equal(ladderFromFile(undefined, 'brag/ladder.yaml').ladder?.isDefault, true);
    assert.equal(ladderFromFile(valid, 'brag/ladder.yaml').ladder?.name, 'Acme engineering');
    assert.equal(ladderFromFile('levels: [', 'brag/ladder.yaml').ladder, undefined);
  });
});

describe('defaultLadder', () => {
  const ladder = defaultLadder();

  it('has six levels from entry to principal', () => {
    assert.deepEqual(
      ladder.levels.map((l) => l.id),
      ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'],
    );
    assert.equal(ladder.levels[0].title, 'Software Engineer I');
    assert.equal(ladder.levels[5].title, 'Principal Engineer');
    assert.equal(ladder.isDefault, true);
  });

  it('gives every level five to seven complete criteria with kebab-case ids', () => {
    for (const level of ladder.levels) {
      assert.ok(level.criteria.length >= 5 && level.criteria.length <= 7, `${level.id} has ${level.criteria.length} criteria`);
      for (const c of level.criteria) {
        assert.match(c.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(c.title.length > 0, `${level.id}/${c.id} title`);
        assert.ok(c.description.length > 20, `${level.id}/${c.id} description`);
        assert.ok(c.keywords.length > 0, `${level.id}/${c.id} keywords`);
      }
      assert.equal(new Set(level.criteria.map((c) => c.id)).size, level.criteria.length);
    }
  });

  it('shares criterion ids across levels, including the ones the design names', () => {
    const senior = findLevel(ladder, 'L3');
    assert.deepEqual(senior?.criteria.map((c) => c.id), ['technical-skill', 'technical-scope', 'execution', 'leadership', 'mentoring', 'communication', 'org-impact']);
    for (const level of ladder.levels) {
      assert.ok(level.criteria.some((c) => c.id === 'technical-scope'));
      assert.ok(level.criteria.some((c) => c.id === 'execution'));
    }
  });

  it('describes each level differently', () => {
    const descriptions = ladder.levels.map((l) => l.criteria.find((c) => c.id === 'execution')?.description);
    assert.equal(new Set(descriptions).size, ladder.levels.length);
  });

  it('returns a fresh copy each time', () => {
    assert.notEqual(defaultLadder().levels, defaultLadder().levels);
    assert.deepEqual(defaultLadder(), defaultLadder());
  });
});
