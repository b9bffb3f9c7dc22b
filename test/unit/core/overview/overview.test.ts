import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCoverageLadder } from './overviewBuilders';
import { buildOverview, entriesWithoutImpact, overviewWindow } from '../../../../src/core/overview/overview';
import { coverageSvg } from '../../../../src/core/overview/coverageChart';
import { overviewPageHtml, parseOverviewMessage } from '../../../../src/core/overview/overviewPage';
import { timelineSvg } from '../../../../src/core/overview/timelineChart';
import { loadPacketSources } from '../../../../src/node/packetCommand';
import { anEntry } from '../packet/packetBuilders';

// Compiled tests run from out/test/unit/core/overview; the fixtures stay in the source tree.
const fixtures = path.resolve(__dirname, '../../../../../test/fixtures');

describe('overview numbers', () => {
  it('covers the 24 whole months up to today by default, and the given days otherwise', () => {
    assert.deepEqual(overviewWindow({ today: '2026-11-26' }), { start: '2024-12-01', end: '2026-11-26' });
    assert.deepEqual(overviewWindow({ today: '2026-01-05' }), { start: '2024-02-01', end: '2026-01-05' });
    assert.deepEqual(overviewWindow({ today: '2026-11-26', since: '2026-02-10', until: '2026-06-30' }), { start: '2026-02-10', end: '2026-06-30' });
  });

  it('counts entries per month by type, leaves out entries outside the window, and lists moves', () => {
    const overview = buildOverview({
      today: '2026-06-30',
      since: '2026-03-01',
      entries: [
        anEntry({ date: '2026-02-28', title: 'Before the window' }),
        anEntry({ date: '2026-03-02', title: 'Shipped A' }),
        anEntry({ date: '2026-03-20', title: 'Learned B', type: 'learning' }),
        anEntry({ date: '2026-03-21', title: 'Shipped C' }),
        anEntry({ date: '2026-05-01', title: 'Promoted', type: 'move', direction: 'vertical' }),
        anEntry({ date: '2026-07-01', title: 'After the window' }),
      ],
    });
    const { months } = overview.timeline;
    assert.deepEqual(months.map((m) => m.month), ['2026-03', '2026-04', '2026-05', '2026-06']);
    assert.deepEqual(months[0].byType, [{ type: 'project', count: 2 }, { type: 'learning', count: 1 }]);
    assert.equal(months[0].label, 'March 2026');
    assert.equal(months[1].total, 0);
    assert.deepEqual(months[2].moves, [{ date: '2026-05-01', title: 'Promoted', direction: 'vertical' }]);
    assert.deepEqual(overview.timeline.types, ['project', 'learning', 'move']);
    assert.equal(overview.timeline.total, 4);
  });

  it('marks each quarter of a criterion as marked, suggested only or empty, and the gaps as the packet does', () => {
    const ladder = buildCoverageLadder();
    const overview = buildOverview({
      ladder,
      targetLevel: 'E5',
      today: '2026-06-30',
      since: '2026-01-01',
      entries: [
        anEntry({ date: '2026-01-10', title: 'Designed the queue', competencies: ['architecture'] }),
        anEntry({ date: '2026-04-10', title: 'Wrote the migration plan' }),
        anEntry({ date: '2026-05-10', title: 'Reviewed a design', competencies: ['architecture'] }),
      ],
    });
    assert.ok(overview.coverage);
    assert.deepEqual(overview.coverage.quarters.map((q) => q.key), ['2026-Q1', '2026-Q2']);
    const [architecture, delivery] = overview.coverage.rows;
    assert.equal(architecture.id, 'architecture');
    // The migration entry suggests architecture by keyword; the two others name it.
    assert.deepEqual(architecture.cells.map((c) => [c.explicit, c.suggested, c.state]), [[1, 0, 'explicit'], [1, 1, 'explicit']]);
    assert.equal(architecture.isGap, false);
    assert.deepEqual(delivery.cells.map((c) => c.state), ['none', 'none']);
    assert.equal(delivery.isGap, true);
    const criteria = overview.readiness.find((r) => r.id === 'criteria');
    assert.equal(criteria?.value, '1 of 2');
    assert.match(criteria?.detail ?? '', /Gaps: Delivery/);
  });

  it('says why there is no coverage without a target level', () => {
    const overview = buildOverview({ ladder: buildCoverageLadder(), today: '2026-06-30', entries: [] });
    assert.equal(overview.coverage, undefined);
    assert.match(overview.coverageMissing ?? '', /Set a target level/);
  });

  it('tells readiness: the current level, the last entry, and the entries without an impact with a button to list them', () => {
    const entries = [
      anEntry({ date: '2026-03-02', title: 'Shipped A', impact: '2x faster' }),
      anEntry({ date: '2026-04-02', title: 'Shipped B' }),
      anEntry({ date: '2026-05-02', title: 'Shipped C', impact: '  ' }),
      anEntry({ date: '2027-01-01', title: 'Planned for next year' }),
    ];
    const overview = buildOverview({ ladder: buildCoverageLadder(), targetLevel: 'E5', today: '2026-06-30', entries });
    const row = (id: string) => overview.readiness.find((r) => r.id === id);
    assert.deepEqual(overview.readiness.map((r) => r.id), ['criteria', 'current-level', 'last-entry', 'without-impact']);
    assert.equal(row('current-level')?.value, 'Senior Engineer (E4)');
    assert.equal(row('last-entry')?.value, '2026-05-02', 'a date after today is not the last entry logged');
    assert.equal(row('without-impact')?.value, '2 of 3');
    assert.deepEqual(row('without-impact')?.action, { kind: 'listWithoutImpact', label: 'List 2 entries without an impact' });
    assert.deepEqual(entriesWithoutImpact(entries, overview).map((e) => e.title), ['Shipped C', 'Shipped B']);
  });

  it('lists the top tags of the window, most used first', () => {
    const overview = buildOverview({
      today: '2026-06-30',
      entries: [anEntry({ date: '2026-03-02', title: 'A', tags: ['infra', 'data'] }), anEntry({ date: '2026-04-02', title: 'B', tags: ['infra'] }), anEntry({ date: '2020-04-02', title: 'Old', tags: ['old'] })],
    });
    assert.deepEqual(overview.topTags, [{ tag: 'infra', count: 2 }, { tag: 'data', count: 1 }]);
  });
});

describe('overview charts (UPDATE_GOLDEN=1 rewrites the golden SVG files)', () => {
  async function fixtureOverview(reverse = false) {
    const sources = await loadPacketSources(path.join(fixtures, 'packet', 'default', 'brag'));
    assert.ok(sources.ladder);
    const entries = reverse ? [...sources.entries].reverse() : sources.entries;
    return buildOverview({ entries, ladder: sources.ladder, targetLevel: 'L4', currentLevel: 'L3', today: '2026-11-26' });
  }

  for (const [name, draw] of [
    ['timeline', (o: Awaited<ReturnType<typeof fixtureOverview>>) => timelineSvg(o.timeline)],
    ['coverage', (o: Awaited<ReturnType<typeof fixtureOverview>>) => (o.coverage ? coverageSvg(o.coverage) : '')],
  ] as const) {
    it(`draws the expected ${name} SVG for the fixture log, byte for byte, whatever the entries' order`, async () => {
      const svg = draw(await fixtureOverview());
      const golden = path.join(fixtures, 'overview', `${name}.svg`);
      if (process.env.UPDATE_GOLDEN === '1') await fs.writeFile(golden, svg, 'utf8');
      assert.equal(svg, await fs.readFile(golden, 'utf8'));
      assert.equal(draw(await fixtureOverview(true)), svg);
    });
  }

  it('gives each chart role="img", a title and a description a screen reader reads', async () => {
    const overview = await fixtureOverview();
    const timeline = timelineSvg(overview.timeline);
    assert.match(timeline, /^<svg [^>]*role="img" [^>]*aria-labelledby="gl-timeline-title gl-timeline-desc"/);
    assert.match(timeline, /<title id="gl-timeline-title">Entries per month, stacked by type<\/title>/);
    assert.match(timeline, /<desc id="gl-timeline-desc">24 months from December 2024 to November 2026: 16 entries\. .*Horizontal move on 2026-01-20: Moved to the Payments Platform team\.<\/desc>/);
    assert.ok(overview.coverage);
    const coverage = coverageSvg(overview.coverage);
    assert.match(coverage, /<title id="gl-coverage-title">Coverage of Staff Engineer \(L4\) by quarter<\/title>/);
    assert.match(coverage, /<desc id="gl-coverage-desc">\d+ criteria of Staff Engineer \(L4\) by quarter, 2024 Q4 to 2026 Q4: /);
  });

  it('escapes every piece of user text, so a title cannot add markup to the picture', () => {
    const overview = buildOverview({
      today: '2026-06-30',
      entries: [anEntry({ date: '2026-03-02', title: 'Moved to <script>alert("x")</script> & \'co\'', type: 'move', direction: 'horizontal', tags: ['<b>'] })],
    });
    const svg = timelineSvg(overview.timeline);
    assert.doesNotMatch(svg, /<script|<b>/);
    assert.match(svg, /Moved to &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;co&#39;/);
    const page = overviewPageHtml(overview, { source: 'repo · <brag>/' });
    assert.doesNotMatch(page, /<script|<b>|<brag>/);
  });
});

describe('overview page', () => {
  it('puts a table of the numbers beside each chart, and names every button', () => {
    const overview = buildOverview({
      ladder: buildCoverageLadder(),
      targetLevel: 'E5',
      today: '2026-06-30',
      entries: [anEntry({ date: '2026-03-02', title: 'Designed the queue', competencies: ['architecture'], tags: ['infra'] })],
    });
    const page = overviewPageHtml(overview, { source: 'repo · brag/' });
    assert.equal(page.match(/<svg /g)?.length, 2);
    assert.equal(page.match(/<table>/g)?.length, 2);
    assert.match(page, /data-action="filterMonth" data-value="2026-03" aria-label="Show the 1 entry of March 2026 in the Entries view">March 2026<\/button>/);
    assert.match(page, /data-action="revealCriterion" data-value="architecture"/);
    assert.match(page, /data-action="filterTag" data-value="infra"/);
    assert.match(page, /data-action="listWithoutImpact">List 1 entry without an impact<\/button>/);
    for (const button of page.match(/<button[^>]*>[^<]*<\/button>/g) ?? []) {
      assert.match(button, /type="button"/);
      assert.match(button, />[^<]+<\/button>$/, `every button has a visible name: ${button}`);
    }
  });

  it('accepts only the messages it sends, with values of the right shape', () => {
    assert.deepEqual(parseOverviewMessage({ type: 'filterMonth', value: '2026-03' }), { type: 'filterMonth', value: '2026-03' });
    assert.equal(parseOverviewMessage({ type: 'filterMonth', value: '2026-13' }), undefined);
    assert.equal(parseOverviewMessage({ type: 'runCommand', value: 'workbench.action.quit' }), undefined);
    assert.equal(parseOverviewMessage('ready'), undefined);
    assert.deepEqual(parseOverviewMessage({ type: 'listWithoutImpact', value: 'ignored' }), { type: 'listWithoutImpact' });
  });
});
