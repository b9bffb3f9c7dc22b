import * as assert from 'node:assert/strict';
import { LogError } from '../../../../src/core/model/problem';
import { customPeriod, entriesInPeriod, isInPeriod, lastMonths, lastPromotion, periodRange, sincePromotion, thisYear } from '../../../../src/core/packet/period';
import { anEntry } from './packetBuilders';

describe('periods', () => {
  it('takes the last 12 months as the year that ends today, both days included', () => {
    const period = lastMonths('2026-11-26', 12);
    assert.deepEqual([period.kind, period.start, period.end, period.label], ['last-12-months', '2025-11-27', '2026-11-26', 'the last 12 months']);
  });

  it('takes the last 6 months, clamping to shorter months and crossing years', () => {
    assert.equal(lastMonths('2026-08-31', 6).start, '2026-03-01');
    assert.equal(lastMonths('2026-03-15', 6).start, '2025-09-16');
    assert.equal(lastMonths('2024-02-29', 12).start, '2023-03-01');
  });

  it('takes this calendar year up to today', () => {
    assert.deepEqual(thisYear('2026-11-26'), { kind: 'this-year', start: '2026-01-01', end: '2026-11-26', label: '2026 so far' });
  });

  it('starts the day after the latest vertical move, ignoring horizontal and future ones', () => {
    const entries = [
      anEntry({ date: '2024-03-01', title: 'Promoted to II', type: 'move', direction: 'vertical' }),
      anEntry({ date: '2025-04-01', title: 'Promoted to Senior', type: 'move', direction: 'vertical' }),
      anEntry({ date: '2025-09-01', title: 'Joined payments', type: 'move', direction: 'horizontal' }),
      anEntry({ date: '2027-01-01', title: 'Planned', type: 'move', direction: 'vertical' }),
      anEntry({ date: '2025-06-01', title: 'A project called promotion' }),
    ];
    assert.equal(lastPromotion(entries, '2026-11-26')?.title, 'Promoted to Senior');
    const period = sincePromotion(entries, '2026-11-26');
    assert.deepEqual(period, { kind: 'since-promotion', start: '2025-04-02', end: '2026-11-26', label: 'since the promotion on 2025-04-01' });
  });

  it('has no period since a promotion when the log records none', () => {
    assert.equal(sincePromotion([anEntry({ date: '2025-01-01', title: 'Moved', type: 'move' })], '2026-01-01'), undefined);
  });

  it('keeps custom bounds inclusive and refuses reversed or invalid dates', () => {
    const period = customPeriod('2026-01-01', '2026-03-31');
    assert.ok(isInPeriod('2026-01-01', period));
    assert.ok(isInPeriod('2026-03-31', period));
    assert.ok(!isInPeriod('2025-12-31', period));
    assert.ok(!isInPeriod('2026-04-01', period));
    assert.equal(periodRange(period), '2026-01-01 to 2026-03-31');
    assert.throws(() => customPeriod('2026-04-01', '2026-03-31'), (e: unknown) => e instanceof LogError && /starts on 2026-04-01, after it ends/.test(e.message));
    assert.throws(() => customPeriod('2026-02-30', '2026-03-31'), LogError);
    assert.throws(() => lastMonths('yesterday', 6), LogError);
  });

  it('lets a custom period start at the beginning of the log', () => {
    const period = customPeriod(undefined, '2026-03-31');
    assert.ok(isInPeriod('1999-01-01', period));
    assert.equal(periodRange(period), 'up to 2026-03-31');
  });

  it('keeps only the entries inside the period', () => {
    const entries = ['2025-11-26', '2025-11-27', '2026-11-26', '2026-11-27'].map((date) => anEntry({ date, title: date }));
    assert.deepEqual(entriesInPeriod(entries, lastMonths('2026-11-26', 12)).map((e) => e.date), ['2025-11-27', '2026-11-26']);
  });
});
