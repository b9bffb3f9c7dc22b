import * as assert from 'node:assert/strict';
import { currentLevel, durationText, levelProblems, levelWithTime, monthsBetween } from '../../../../src/core/habit/timeInLevel';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import { parseLadder } from '../../../../src/core/packet/ladder';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';
import { item, logFile } from '../../helpers/logText';

const acme = parseLadder('name: Acme\nlevels:\n  - id: E3\n    title: Engineer\n  - id: E4\n    title: Senior Engineer\n  - id: E5\n    title: Staff Engineer\n', 'ladder.yaml').ladder!;

const log = logFile(
  item('date: 2024-03-01', 'title: Promoted to Engineer', 'type: move', 'direction: vertical', 'level: E3'),
  item('date: 2026-05-30', 'title: Promoted to Senior Engineer', 'type: move', 'direction: vertical', 'level: E4'),
  item('date: 2026-07-01', 'title: Joined payments', 'type: move', 'direction: horizontal'),
  item('date: 2027-01-15', 'title: Promoted (planned)', 'type: move', 'direction: vertical', 'level: E5'),
);
const entries = parseEntryFile(log, 'brag/2026.yaml').entries;

describe('time in level', () => {
  it('takes the current level from the latest promotion up to today, with its date', () => {
    assert.deepEqual(currentLevel(entries, acme, '2026-11-30'), { id: 'E4', since: '2026-05-30', source: 'log' });
    assert.deepEqual(currentLevel(entries, acme, '2026-05-29'), { id: 'E3', since: '2024-03-01', source: 'log' });
    assert.equal(currentLevel(entries, acme, '2024-01-01'), undefined);
  });

  it('prefers a named level, dated by the latest promotion to it when the log has one', () => {
    assert.deepEqual(currentLevel(entries, acme, '2026-11-30', 'E3'), { id: 'E3', since: '2024-03-01', source: 'named' });
    assert.deepEqual(currentLevel(entries, acme, '2026-11-30', 'E5'), { id: 'E5', since: undefined, source: 'named' });
  });

  it('ignores promotions to a level the ladder does not have', () => {
    assert.deepEqual(currentLevel(entries, defaultLadder(), '2026-11-30'), undefined);
  });

  it('says the time in level in whole months, then years', () => {
    assert.equal(levelWithTime(acme, { id: 'E4', since: '2026-05-30', source: 'log' }, '2026-11-30'), 'Senior Engineer (E4) since 2026-05-30, 6 months');
    assert.equal(levelWithTime(acme, { id: 'E4', source: 'named' }, '2026-11-30'), 'Senior Engineer (E4)');
    assert.equal(monthsBetween('2026-05-30', '2026-11-29'), 5);
    assert.equal(monthsBetween('2026-01-31', '2026-02-28'), 1, 'the end of a short month completes the month');
    assert.equal(durationText('2026-11-01', '2026-11-20'), 'less than a month');
    assert.equal(durationText('2026-10-20', '2026-11-20'), '1 month');
    assert.equal(durationText('2024-03-01', '2026-05-01'), '2 years and 2 months');
    assert.equal(durationText('2024-03-01', '2026-03-01'), '2 years');
  });

  it('reports a level the ladder does not have at its place, naming the levels', () => {
    const problems = levelProblems(entries, defaultLadder());
    assert.deepEqual(problems.map((p) => [p.range.start.line, p.range.start.column, p.severity]), [[6, 11, 'warning'], [12, 11, 'warning'], [23, 11, 'warning']]);
    assert.equal(problems[0].message, '`E3` is not a level of the built-in ladder (its levels are `L1`, `L2`, `L3`, `L4`, `L5`, `L6`), so this promotion does not set your current level.');
    assert.deepEqual(levelProblems(entries, acme), []);
  });
});
