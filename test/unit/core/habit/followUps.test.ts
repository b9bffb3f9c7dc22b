import * as assert from 'node:assert/strict';
import { decideFollowUpNotice, followUpDate, followUpQuestion, followUpsDue } from '../../../../src/core/habit/followUps';
import { habitStatus } from '../../../../src/core/habit/status';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import { anEntry } from '../packet/packetBuilders';

const at = (text: string) => Date.parse(text);

describe('follow-ups', () => {
  const entries = [
    anEntry({ date: '2026-10-01', title: 'Shipped the importer', followUp: '2026-11-20' }),
    anEntry({ date: '2026-09-01', title: 'Ran the game day', followUp: '2026-11-27' }),
    anEntry({ date: '2026-11-01', title: 'Started the RFC', followUp: '2026-12-15' }),
    anEntry({ date: '2026-11-02', title: 'No follow-up' }),
  ];

  it('lists the follow-ups whose day has come, the longest waiting first', () => {
    assert.deepEqual(followUpsDue(entries, '2026-11-27').map((e) => e.title), ['Shipped the importer', 'Ran the game day']);
    assert.deepEqual(followUpsDue(entries, '2026-11-19'), []);
  });

  it('turns the choices into days, clamping a month to its last day', () => {
    assert.equal(followUpDate('2026-11-27', '2-weeks'), '2026-12-11');
    assert.equal(followUpDate('2026-01-31', '1-month'), '2026-02-28');
    assert.equal(followUpDate('2026-11-30', '3-months'), '2027-02-28');
    assert.equal(followUpDate('2026-12-15', '1-month'), '2027-01-15');
  });

  it('asks once a day across windows, from the reminder’s time of day', () => {
    const base = { zone: 'Europe/Berlin', hour: 16, minute: 0 };
    assert.deepEqual(decideFollowUpNotice({ ...base, now: at('2026-11-27T09:00:00Z') }), { kind: 'wait', until: at('2026-11-27T15:00:00Z') });
    assert.deepEqual(decideFollowUpNotice({ ...base, now: at('2026-11-27T15:30:00Z') }), { kind: 'ask' });
    // Another window asked at 16:10 today: this one waits for tomorrow.
    assert.deepEqual(decideFollowUpNotice({ ...base, now: at('2026-11-27T15:30:00Z'), lastAskedAt: at('2026-11-27T15:10:00Z') }), { kind: 'wait', until: at('2026-11-28T15:00:00Z') });
    assert.deepEqual(decideFollowUpNotice({ ...base, now: at('2026-11-28T15:00:00Z'), lastAskedAt: at('2026-11-27T15:10:00Z') }), { kind: 'ask' });
  });

  it('asks about the entry by its title', () => {
    assert.equal(followUpQuestion(entries[0]), 'How did “Shipped the importer” turn out?');
    assert.equal(followUpQuestion(anEntry({ date: '2026-01-01', title: 'x'.repeat(100) })).length, 'How did “” turn out?'.length + 80);
  });

  it('sums up the habit: level and time in it, entries this month and year, the last entry and what is due', () => {
    const log = [...entries, anEntry({ date: '2026-05-30', title: 'Promoted', type: 'move', direction: 'vertical', level: 'L3' }), anEntry({ date: '2026-12-01', title: 'Planned' })];
    const status = habitStatus(log, defaultLadder(), '2026-11-27');
    assert.equal(status.levelText, 'Senior Software Engineer (L3) since 2026-05-30, 5 months');
    assert.deepEqual([status.entriesThisMonth, status.entriesThisYear, status.lastEntryDate, status.followUpsDue.length], [2, 5, '2026-11-02', 2]);
  });
});
