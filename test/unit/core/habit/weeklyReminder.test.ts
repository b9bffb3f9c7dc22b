import * as assert from 'node:assert/strict';
import { agoText, decideReminder, DEFAULT_REMINDER, markShown, parseTime, reminderMessage, snoozeUntilMonday, type ReminderInput, type ReminderState } from '../../../../src/core/habit/weeklyReminder';

const BERLIN = 'Europe/Berlin';
const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString();

function decide(now: string, state: ReminderState = {}, extra: Partial<ReminderInput> = {}) {
  return decideReminder({ now: at(now), zone: BERLIN, settings: DEFAULT_REMINDER, state, ...extra });
}

describe('weekly reminder', () => {
  it('waits for Friday 16:00 local time, then shows once that week', () => {
    // Wednesday 2026-11-25, 10:00 in Berlin.
    assert.deepEqual(decide('2026-11-25T09:00:00Z'), { kind: 'wait', until: at('2026-11-27T15:00:00Z') });
    assert.deepEqual(decide('2026-11-27T14:59:00Z'), { kind: 'wait', until: at('2026-11-27T15:00:00Z') });
    assert.deepEqual(decide('2026-11-27T15:00:00Z'), { kind: 'show' });
    const shown = markShown({}, at('2026-11-27T15:00:00Z'));
    assert.deepEqual(decide('2026-11-27T18:00:00Z', shown), { kind: 'wait', until: at('2026-12-04T15:00:00Z') });
    assert.deepEqual(decide('2026-11-29T22:00:00Z', shown), { kind: 'wait', until: at('2026-12-04T15:00:00Z') }, 'Sunday night is still the same week');
    assert.deepEqual(decide('2026-12-04T15:00:00Z', shown), { kind: 'show' });
  });

  it('catches up a missed Friday later the same week, never the next', () => {
    assert.deepEqual(decide('2026-11-28T09:00:00Z'), { kind: 'show' }, 'Saturday, VS Code was closed on Friday');
    const lastWeek = markShown({}, at('2026-11-20T15:00:00Z'));
    assert.deepEqual(decide('2026-11-30T08:00:00Z', lastWeek), { kind: 'wait', until: at('2026-12-04T15:00:00Z') }, 'Monday waits for this week’s Friday');
  });

  it('keeps quiet in a week that already has an entry', () => {
    assert.deepEqual(decide('2026-11-27T15:00:00Z', {}, { lastEntryDate: '2026-11-23' }), { kind: 'wait', until: at('2026-12-04T15:00:00Z') });
    assert.deepEqual(decide('2026-11-27T15:00:00Z', {}, { lastEntryDate: '2026-11-22' }), { kind: 'show' }, 'Sunday’s entry belongs to last week');
  });

  it('follows the week across time zones: Friday 16:00 is each zone’s own', () => {
    const settings = DEFAULT_REMINDER;
    const now = at('2026-11-27T05:00:00Z');
    assert.deepEqual(decideReminder({ now, zone: 'Pacific/Auckland', settings, state: {} }), { kind: 'show' }, 'already 18:00 on Friday in Auckland');
    assert.deepEqual(decideReminder({ now, zone: 'America/New_York', settings, state: {} }), { kind: 'wait', until: at('2026-11-27T21:00:00Z') });
    // Shown in Auckland on its Saturday morning = still Friday in UTC: the week is the zone's.
    const shown = markShown({}, at('2026-11-27T20:00:00Z'));
    assert.deepEqual(decideReminder({ now: at('2026-11-29T12:00:00Z'), zone: 'Pacific/Auckland', settings, state: shown }), { kind: 'wait', until: at('2026-12-04T03:00:00Z') }, 'Monday in Auckland begins a new week');
  });

  it('keeps 16:00 local across daylight-saving changes, in both hemispheres', () => {
    // Berlin leaves summer time on 2026-10-25: Friday before at 14:00 UTC, Friday after at 15:00 UTC.
    const shown = markShown({}, at('2026-10-23T14:00:00Z'));
    assert.deepEqual(decide('2026-10-24T10:00:00Z', shown), { kind: 'wait', until: at('2026-10-30T15:00:00Z') });
    // Spring: Friday 2026-03-27 is still winter time, the next Friday summer time.
    assert.deepEqual(decide('2026-03-27T10:00:00Z'), { kind: 'wait', until: at('2026-03-27T15:00:00Z') });
    assert.deepEqual(decide('2026-03-28T10:00:00Z', markShown({}, at('2026-03-27T15:00:00Z'))), { kind: 'wait', until: at('2026-04-03T14:00:00Z') });
    // Auckland leaves summer time on 2026-04-05 (+13 to +12).
    const auckland = { zone: 'Pacific/Auckland', settings: DEFAULT_REMINDER };
    assert.deepEqual(decideReminder({ ...auckland, now: at('2026-04-04T00:00:00Z'), state: markShown({}, at('2026-04-03T03:00:00Z')) }), { kind: 'wait', until: at('2026-04-10T04:00:00Z') });
  });

  it('snoozes until next Monday at the reminder time, then counts as that week’s nudge', () => {
    const friday = at('2026-11-27T15:05:00Z');
    const snoozed = snoozeUntilMonday(markShown({}, friday), friday, BERLIN, DEFAULT_REMINDER);
    assert.equal(iso(snoozed.snoozedUntil ?? 0), '2026-11-30T15:00:00.000Z');
    assert.deepEqual(decide('2026-11-28T10:00:00Z', snoozed), { kind: 'wait', until: at('2026-11-30T15:00:00Z') });
    assert.deepEqual(decide('2026-11-30T15:00:00Z', snoozed), { kind: 'show' });
    // Shown on Monday: Friday of that week stays quiet.
    const mondayShown = markShown(snoozed, at('2026-11-30T15:00:00Z'));
    assert.deepEqual(decide('2026-12-04T15:00:00Z', mondayShown), { kind: 'wait', until: at('2026-12-11T15:00:00Z') });
    // An entry logged over the weekend answers the snooze too.
    assert.deepEqual(decide('2026-11-30T15:00:00Z', snoozed, { lastEntryDate: '2026-11-28' }), { kind: 'wait', until: at('2026-12-11T15:00:00Z') });
    assert.deepEqual(decide('2026-11-30T15:00:00Z', snoozed, { lastEntryDate: '2026-11-26' }), { kind: 'show' }, 'an entry from before the nudge does not');
    // Snoozed on a Sunday, it still waits for the Monday after, not the Monday before.
    assert.equal(iso(snoozeUntilMonday({}, at('2026-11-29T10:00:00Z'), BERLIN, DEFAULT_REMINDER).snoozedUntil ?? 0), '2026-11-30T15:00:00.000Z');
  });

  it('shows in one window only: the second window reads the first one’s timestamp', () => {
    let shared: ReminderState = {};
    const now = at('2026-11-27T15:01:00Z');
    const windowA = decide('2026-11-27T15:01:00Z', shared);
    assert.deepEqual(windowA, { kind: 'show' });
    shared = markShown(shared, now);
    const windowB = decide('2026-11-27T15:01:30Z', shared);
    assert.deepEqual(windowB, { kind: 'wait', until: at('2026-12-04T15:00:00Z') });
  });

  it('is off when turned off, and reads the day and time from the settings', () => {
    assert.deepEqual(decide('2026-11-27T15:00:00Z', {}, { settings: { ...DEFAULT_REMINDER, enabled: false } }), { kind: 'off' });
    assert.deepEqual(decide('2026-11-23T06:00:00Z', {}, { settings: { enabled: true, day: 'Monday', time: '9:30' } }), { kind: 'wait', until: at('2026-11-23T08:30:00Z') });
    assert.deepEqual(parseTime('25:00'), { hour: 16, minute: 0 }, 'a time that is none falls back to 16:00');
  });

  it('says when the last entry was added', () => {
    assert.equal(reminderMessage('2026-11-13', '2026-11-27'), 'Time to log this week’s wins? Your last entry is from 2026-11-13 (2 weeks ago).');
    assert.equal(reminderMessage(undefined, '2026-11-27'), 'Time to log this week’s wins? Your growth log has no entries yet.');
    assert.deepEqual(['2026-11-27', '2026-11-26', '2026-11-20', '2026-08-01'].map((d) => agoText(d, '2026-11-27')), ['today', 'yesterday', '7 days ago', '3 months ago']);
  });
});
