import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importLadderMatrix, slug } from '../../../../src/core/ladders/matrixImport';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../../../test/fixtures/ladders', name), 'utf8');

describe('Ladder matrix import', () => {
  const matrix = importLadderMatrix(fixture('engineering-matrix.csv'), 'engineering-matrix.csv');
  const ladder = matrix.ladder!;
  const level = (id: string) => ladder.levels.find((l) => l.id === id)!;

  it('turns each row into a level with the title column, below a row of merged group headers', () => {
    assert.deepEqual(matrix.problems, [], 'the written ladder validates');
    assert.deepEqual(ladder.levels.map((l) => `${l.id} ${l.title}`), ['E1 Engineer I', 'E2 Engineer II', 'E3 Senior Engineer', 'E4 Staff Engineer']);
    assert.equal(ladder.name, 'Engineering matrix');
  });

  it('makes each bullet a criterion named after its column, with its text (quotes and wrapped lines included) as the description', () => {
    assert.deepEqual(level('E1').criteria.map((c) => [c.id, c.title, c.description]), [
      ['technical-skill-1', 'Technical skill (1)', 'Writes correct, tested code with guidance'],
      ['technical-skill-2', 'Technical skill (2)', 'Fixes bugs in one component'],
      ['delivery', 'Delivery', 'Finishes well-defined tasks on time'],
      ['collaboration-1', 'Collaboration (1)', 'Asks for help early'],
      ['collaboration-2', 'Collaboration (2)', 'Writes clear pull request descriptions'],
    ]);
    assert.equal(level('E3').criteria.find((c) => c.id === 'technical-skill-1')?.description, 'Sets code quality standards: testing, profiling, "boring" technology');
    assert.equal(level('E3').criteria.find((c) => c.id === 'system-design')?.description, 'Designs systems that span several services and gets them adopted');
  });

  it('adds the rows under a level cell merged over them to that level', () => {
    const ids = level('E3').criteria.map((c) => c.id);
    assert.deepEqual(ids, ['technical-skill-1', 'technical-skill-2', 'system-design', 'delivery-1', 'delivery-2', 'collaboration', 'people']);
    assert.equal(level('E3').criteria[1].description, 'Reviews security-sensitive changes');
  });

  it('notes blank, dash and “same as” cells above their level instead of inventing criteria', () => {
    assert.equal(level('E4').criteria.some((c) => c.id.startsWith('technical-skill')), false);
    assert.match(matrix.text, /# System design: blank \(or merged\) cell; add criteria if this level needs them\.\n {2}# People: blank \(or merged\) cell; add criteria if this level needs them\.\n {2}- id: E1\n/);
    assert.match(matrix.text, /# Collaboration: the cell says “Same as E1”; copy those criteria here if this level needs them\.\n {2}- id: E2\n/);
    assert.match(matrix.review[0], /^4 blank or “same as” cells became no criteria/);
  });

  it('suggests the rarer words of a bullet as keywords, with the past tense of its opening verb', () => {
    const people = level('E3').criteria.find((c) => c.id === 'people')!;
    assert.deepEqual(people.keywords, ['mentors', 'mentored']);
    const ships = level('E2').criteria.find((c) => c.id === 'delivery-1')!;
    assert.ok(ships.keywords.includes('shipped'), ships.keywords.join(', '));
    for (const criterion of ladder.levels.flatMap((l) => l.criteria)) {
      assert.ok(criterion.keywords.length <= 4, criterion.id);
      assert.ok(!criterion.keywords.some((k) => ['team', 'teams', 'engineers', 'with', 'writes'].includes(k)), `${criterion.id}: ${criterion.keywords.join(', ')}`);
    }
  });

  it('reads a TSV whose level cells hold the id and the title, with * bullets', () => {
    const tsv = importLadderMatrix(fixture('product-ladder.tsv'), 'product-ladder.tsv');
    assert.deepEqual(tsv.problems, []);
    assert.deepEqual(tsv.ladder!.levels.map((l) => [l.id, l.title, l.criteria.map((c) => c.description)]), [
      ['P1', 'Associate', ['Completes tasks', 'Owns their tasks']],
      ['P2', 'Professional', ['Ships features', 'Writes tests', 'Drives a feature\'s rollout']],
    ]);
  });

  it('takes a matrix with a blank corner cell and level names without ids', () => {
    const result = importLadderMatrix(',Delivery,Design\nJunior Engineer,Ships small fixes,\nSenior Engineer,Ships projects,Designs services\n', 'ladder.csv');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.ladder!.levels.map((l) => [l.id, l.title, l.criteria.length]), [
      ['junior-engineer', 'Junior Engineer', 1],
      ['senior-engineer', 'Senior Engineer', 2],
    ]);
  });

  it('renames a repeated level and says so', () => {
    const result = importLadderMatrix('Level,Delivery\nL1,Ships\nL1,Ships more\n', 'x.csv');
    assert.deepEqual(result.ladder!.levels.map((l) => l.id), ['L1', 'L1-2']);
    assert.ok(result.review.some((line) => line === 'x.csv:3:1: level `L1` appears twice; this one became `L1-2`.'), result.review.join('\n'));
  });

  it('refuses a file with no level rows or no axis, saying what a matrix needs', () => {
    assert.throws(() => importLadderMatrix('Level,Delivery\n', 'x.csv'), /x\.csv:1:1: a ladder matrix needs a header row naming the axes/);
    assert.throws(() => importLadderMatrix('Level\nL1\n', 'x.csv'), /x\.csv:1:1: the header names no axis/);
    assert.throws(() => importLadderMatrix('Level,Delivery\nL1,"open\n', 'x.csv'), /x\.csv:2:4: this quoted cell is never closed/);
  });

  it('makes ids from titles', () => {
    assert.equal(slug('Craft & Quality'), 'craft-and-quality');
    assert.equal(slug('  Système / Design '), 'systeme-design');
  });
});
