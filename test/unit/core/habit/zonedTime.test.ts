import * as assert from 'node:assert/strict';
import { localTime, weekStartDate, zonedInstant } from '../../../../src/core/habit/zonedTime';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('reads the wall clock of a zone, with weeks starting on Monday', () => {
    assert.deepEqual(localTime(Date.parse('2026-11-27T15:00:00Z'), 'Europe/Berlin'), { date: '2026-11-27', hour: 16, minute: 0, weekday: 4 });
    assert.deepEqual(localTime(Date.parse('2026-11-27T15:00:00Z'), 'Pacific/Auckland'), { date: '2026-11-28', hour: 4, minute: 0, weekday: 5 });
    assert.deepEqual(localTime(Date.parse('2026-11-27T15:00:00Z'), 'Asia/Kolkata'), { date: '2026-11-27', hour: 20, minute: 30, weekday: 4 });
    assert.equal(weekStartDate('2026-11-29'), '2026-11-23', 'Sunday belongs to the week that began on Monday');
    assert.equal(weekStartDate('2026-11-30'), '2026-11-30');
    assert.equal(weekStartDate('2027-01-01'), '2026-12-28', 'weeks run across the new year');
  });

  it('finds the instant of a wall-clock time, also on daylight-saving days', () => {
    assert.equal(iso(zonedInstant('2026-11-27', 16, 0, 'Europe/Berlin')), '2026-11-27T15:00:00.000Z');
    assert.equal(iso(zonedInstant('2026-07-03', 16, 0, 'Europe/Berlin')), '2026-07-03T14:00:00.000Z');
    assert.equal(iso(zonedInstant('2026-03-29', 16, 0, 'Europe/Berlin')), '2026-03-29T14:00:00.000Z', 'the afternoon of the spring change');
    assert.equal(iso(zonedInstant('2026-03-29', 2, 30, 'Europe/Berlin')), '2026-03-29T01:30:00.000Z', 'a skipped time is the same time after the gap (03:30)');
    assert.equal(iso(zonedInstant('2026-10-25', 2, 30, 'Europe/Berlin')), '2026-10-25T00:30:00.000Z', 'a repeated time is its first occurrence');
    assert.equal(iso(zonedInstant('2026-03-08', 2, 30, 'America/New_York')), '2026-03-08T07:30:00.000Z');
    assert.equal(iso(zonedInstant('2026-11-01', 1, 30, 'America/New_York')), '2026-11-01T05:30:00.000Z');
    assert.equal(iso(zonedInstant('2026-04-05', 16, 0, 'Pacific/Auckland')), '2026-04-05T04:00:00.000Z', 'the southern autumn change');
    assert.equal(iso(zonedInstant('2026-11-27', 16, 0, 'Asia/Kolkata')), '2026-11-27T10:30:00.000Z');
    assert.equal(iso(zonedInstant('2026-11-27', 0, 0, 'UTC')), '2026-11-27T00:00:00.000Z');
  });
});
