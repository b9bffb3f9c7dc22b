import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import type { Entry } from '../../../../src/core/model/entry';
import type { Ladder } from '../../../../src/core/packet/ladder';
import { generatePacket, inline, link, packetBytes, planPacket, privateLeftOutOfPacket, sentence } from '../../../../src/core/packet/packet';
import { customPeriod, lastMonths } from '../../../../src/core/packet/period';
import { LogError } from '../../../../src/core/model/problem';
import { anEntry } from './packetBuilders';

const today = '2026-11-26';

const ladder: Ladder = {
  name: 'Test ladder',
  isDefault: false,
  current: 'L1',
  levels: [
    { id: 'L1', title: 'Engineer', criteria: [] },
    {
      id: 'L2',
      title: 'Senior Engineer',
      criteria: [
        { id: 'scope', title: 'Technical scope', description: 'Owns the design of systems that span several services.', keywords: ['migration'] },
        { id: 'execution', title: 'Execution', description: 'Ships projects of several months on time.', keywords: ['shipped'] },
        { id: 'mentoring', title: 'Mentoring', description: 'Grows other engineers', keywords: [] },
      ],
    },
  ],
};

function packet(entries: Entry[], overrides: Partial<Parameters<typeof generatePacket>[0]> = {}): string {
  return generatePacket({ entries, ladder, targetLevel: 'L2', period: lastMonths(today, 12), today, ...overrides });
}

/** The lines of one `## ` section, without its heading. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${heading}`));
  assert.ok(start >= 0, `has a section "${heading}"`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((l) => l !== '');
}

const log = [
  anEntry({ date: '2026-10-01', title: 'Led the billing migration', impact: 'p99 down 40%', competencies: ['scope', 'execution'], links: ['https://example.com/pr/1'] }),
  anEntry({ date: '2026-06-01', title: 'Shipped the importer' }),
  anEntry({ date: '2026-03-01', title: 'Finished the Rust course', type: 'learning' }),
  anEntry({ date: '2026-02-01', title: 'Joined the platform team', type: 'move', direction: 'horizontal' }),
  anEntry({ date: '2025-12-01', title: 'Peer award', type: 'recognition', impact: 'From the VP' }),
  anEntry({ date: '2025-01-01', title: 'Before the period, shipped', competencies: ['mentoring'] }),
];

describe('generatePacket', () => {
  it('is deterministic: the same input gives the same bytes', () => {
    assert.equal(packet(log), packet([...log].reverse()));
    assert.ok(packet(log).endsWith(')\n') || packet(log).endsWith('.\n'), 'ends with exactly one newline');
    assert.ok(!packet(log).endsWith('\n\n'));
  });

  it('leaves private entries out of every part of the packet unless asked, and counts them', () => {
    const secret = anEntry({ date: '2026-09-01', title: 'Negotiated the retention package', type: 'recognition', private: true, competencies: ['scope'], impact: 'a raise' });
    const withSecret = [...log, secret];
    const period = lastMonths(today, 12);
    assert.equal(packet(withSecret), packet(log));
    assert.ok(!packet(withSecret).includes('retention'));
    assert.equal(privateLeftOutOfPacket({ entries: withSecret, period }), 1);
    assert.ok(packet(withSecret, { includePrivate: true }).includes('Negotiated the retention package'));
    assert.equal(privateLeftOutOfPacket({ entries: withSecret, period, includePrivate: true }), 0);
  });

  it('summarizes the period, the levels, entries by type and criteria covered', () => {
    assert.deepEqual(section(packet(log), 'Summary'), [
      '- **Period:** the last 12 months (2025-11-27 to 2026-11-26)',
      '- **Current level:** Engineer (L1)',
      '- **Target level:** Senior Engineer (L2)',
      '- **Ladder:** Test ladder',
      '- **Entries:** 5 (2 project, 1 learning, 1 recognition, 1 move)',
      '- **Criteria with evidence:** 2 of 3, 2 of them with evidence you marked in `competencies`',
      '- **Gaps:** 2 of 3 (Technical scope, Mentoring)',
    ]);
  });

  it('says the current level is not set when neither the input nor the ladder names it', () => {
    const text = generatePacket({ entries: log, ladder: { ...ladder, current: undefined }, targetLevel: 'L2', period: lastMonths(today, 12), today });
    assert.ok(text.includes('- **Current level:** not set\n'));
  });

  it('argues each criterion with explicit evidence first and suggestions marked', () => {
    assert.deepEqual(section(packet(log), 'The case'), [
      '### Technical scope',
      '> Owns the design of systems that span several services.',
      '- **Led the billing migration** (2026-10-01). Impact: p99 down 40%. [example.com/pr/1](https://example.com/pr/1)',
      '### Execution',
      '> Ships projects of several months on time.',
      '- **Led the billing migration** (2026-10-01). Impact: p99 down 40%. [example.com/pr/1](https://example.com/pr/1)',
      '- **Shipped the importer** (2026-06-01) _(suggested: keyword "shipped")_',
      '### Mentoring',
      '> Grows other engineers',
      '_No evidence in this period._',
    ]);
  });

  it('shows the strongest eight pieces of evidence per criterion and counts the rest', () => {
    const many = [
      ...Array.from({ length: 6 }, (_, i) => anEntry({ date: `2026-0${i + 1}-10`, title: `Confirmed ${i + 1}`, competencies: ['execution'] })),
      ...Array.from({ length: 5 }, (_, i) => anEntry({ date: `2026-0${i + 1}-20`, title: `Shipped thing ${i + 1}` })),
    ];
    const execution = section(packet(many), 'The case').join('\n').split('### ')[2].split('\n');
    assert.deepEqual(execution.slice(2).filter(Boolean), [
      '- **Confirmed 6** (2026-06-10)',
      '- **Confirmed 5** (2026-05-10)',
      '- **Confirmed 4** (2026-04-10)',
      '- **Confirmed 3** (2026-03-10)',
      '- **Confirmed 2** (2026-02-10)',
      '- **Confirmed 1** (2026-01-10)',
      '- **Shipped thing 5** (2026-05-20) _(suggested: keyword "shipped")_',
      '- **Shipped thing 4** (2026-04-20) _(suggested: keyword "shipped")_',
      '- _...and 3 more (0 confirmed, 3 suggested); every entry is in the appendix._',
    ]);
    assert.equal(section(packet(many), 'Appendix').length, 11, 'the appendix still lists every entry');
  });

  it('tells the advancement story in time order, with the direction of moves', () => {
    assert.deepEqual(section(packet(log), 'The advancement story'), [
      '- 2025-12-01 · Recognition: **Peer award**. From the VP.',
      '- 2026-02-01 · Move (horizontal): **Joined the platform team**',
      '- 2026-03-01 · Learning: **Finished the Rust course**',
    ]);
  });

  it('names each gap with what the ladder says would close it', () => {
    assert.deepEqual(section(packet(log), 'Gaps'), [
      'These criteria have fewer than 2 pieces of evidence in this period. A reviewer will look for what the ladder describes:',
      '- **Technical scope**: only one piece of evidence (Led the billing migration, 2026-10-01). Evidence at this level looks like: Owns the design of systems that span several services.',
      '- **Mentoring**: no evidence. Evidence at this level looks like: Grows other engineers.',
    ]);
  });

  it('says plainly when there are no gaps, and flags criteria supported only by suggestions', () => {
    const entries = [
      anEntry({ date: '2026-01-01', title: 'A', competencies: ['scope', 'mentoring'] }),
      anEntry({ date: '2026-01-02', title: 'B', competencies: ['scope', 'mentoring'] }),
      anEntry({ date: '2026-01-03', title: 'Shipped C' }),
      anEntry({ date: '2026-01-04', title: 'Shipped D' }),
    ];
    assert.deepEqual(section(packet(entries), 'Gaps'), [
      'Every criterion of the target level has at least 2 pieces of evidence in this period.',
      'Supported only by suggestions, so not yet your own claim: **Execution** (`execution`). Add the id under `competencies` on the entries that really show it.',
    ]);
    assert.ok(packet(entries).includes('- **Gaps:** none; every criterion has at least 2 pieces of evidence\n'));
  });

  it('lists every entry of the period in the appendix, newest first, and nothing outside it', () => {
    const appendix = section(packet(log), 'Appendix');
    assert.equal(appendix.length, 5);
    assert.equal(appendix[0], '- 2026-10-01 · Project: **Led the billing migration**. Impact: p99 down 40%. Competencies: scope, execution. Links: [example.com/pr/1](https://example.com/pr/1)');
    assert.ok(appendix[4].startsWith('- 2025-12-01 · Recognition'));
    assert.ok(!packet(log).includes('Before the period'));
  });

  it('filters by a custom period', () => {
    const text = packet(log, { period: customPeriod('2026-02-01', '2026-03-31') });
    assert.ok(text.includes('- **Period:** 2026-02-01 to 2026-03-31\n'));
    assert.equal(section(text, 'Appendix').length, 2);
  });

  it('says so when the period has no entries', () => {
    const text = packet([], {});
    assert.ok(text.includes('- **Entries:** 0\n'));
    assert.ok(text.includes('- **Criteria with evidence:** 0 of 3\n'));
    assert.deepEqual(section(text, 'Appendix'), ['_The log has no entries in this period._']);
  });

  it('uses a custom title and refuses a target level the ladder does not have', () => {
    assert.ok(packet(log, { title: 'Case for *Senior*' }).startsWith('# Case for \\*Senior\\*\n'));
    assert.throws(() => packet(log, { targetLevel: 'L9' }), (e: unknown) => e instanceof LogError && e.message === 'The ladder has no level `L9`; its levels are `L1`, `L2`.');
  });

  it('keeps titles with Markdown characters from breaking the document', () => {
    const entry = anEntry({ date: '2026-05-01', title: 'Fixed *nix [beta] <b>bold</b> `code` _x_ | a & b $5 #1 ~y~', competencies: ['scope'] });
    const text = packet([entry]);
    const escaped = 'Fixed \\*nix \\[beta\\] \\<b\\>bold\\</b\\> \\`code\\` \\_x\\_ \\| a \\& b \\$5 \\#1 \\~y\\~';
    assert.ok(text.includes(`- **${escaped}** (2026-05-01)`));
    assert.ok(!text.includes('<b>'));
  });
});

describe('packetBytes', () => {
  it('is the packet as the UTF-8 bytes of its file', () => {
    const entries = [...log, anEntry({ date: '2026-09-01', title: 'Ünïcödé 😀 talk', type: 'network', impact: 'Σ of 40 people' })];
    const input = { entries, ladder, targetLevel: 'L2', period: lastMonths(today, 12), today };
    const markdown = generatePacket(input);
    assert.ok(markdown.includes('Ünïcödé 😀 talk'));
    assert.deepEqual(Buffer.from(packetBytes(input)), Buffer.from(markdown, 'utf8'));
  });
});

describe('Markdown helpers', () => {
  it('makes user text one safe line', () => {
    assert.equal(inline('  two\n  lines  '), 'two lines');
    assert.equal(inline('1. First'), '1\\. First');
    assert.equal(inline('- dash'), '\\- dash');
    assert.equal(inline('snake_case and C#'), 'snake\\_case and C\\#');
    assert.equal(inline('12) Twelve'), '12\\) Twelve');
    assert.equal(inline('+'), '\\+');
    assert.equal(inline('= sign'), '\\= sign');
    assert.equal(inline('2026. A year'), '2026\\. A year');
    assert.equal(inline('a\u00a0b\u3000c'), 'a b c');
    assert.equal(inline('-dash-less list'), '-dash-less list');
    assert.equal(inline('Σ é 😀 plain'), 'Σ é 😀 plain');
  });

  it('ends user text as a sentence, on one line, keeping its own punctuation', () => {
    assert.equal(sentence('  shipped\n the  importer '), 'shipped the importer.');
    assert.equal(sentence('Done!'), 'Done!');
    assert.equal(sentence('Really?'), 'Really?');
    assert.equal(sentence('and more…'), 'and more…');
    assert.equal(sentence('(see the PR)'), '(see the PR)');
    assert.equal(sentence('p99 down 40%'), 'p99 down 40%.');
    assert.equal(inline(sentence('12')), '12\\.');
  });

  it('renders web and mail addresses as links, anything else as text', () => {
    assert.equal(link('https://example.com/a_(b)'), '[example.com/a\\_(b)](https://example.com/a_%28b%29)');
    assert.equal(link('mailto:me@example.com'), '[me@example.com](mailto:me@example.com)');
    assert.equal(link('JIRA-123 [done]'), 'JIRA-123 \\[done\\]');
    assert.equal(link('javascript:alert(1)'), 'javascript:alert(1)');
  });
});

describe('planPacket', () => {
  const entries = [anEntry({ date: '2025-04-01', title: 'Promoted', type: 'move', direction: 'vertical' })];

  it('takes the target from the ladder, else the level after the current one', () => {
    const base = defaultLadder();
    assert.equal(planPacket({ ladder: { ...base, target: 'L5' }, entries, today }).targetLevel, 'L5');
    assert.deepEqual(planPacket({ ladder: base, entries, today, current: 'L3' }).targetLevel, 'L4');
    assert.equal(planPacket({ ladder: { ...base, current: 'L2' }, entries, today }).targetLevel, 'L3');
    assert.equal(planPacket({ ladder: { ...base, target: 'L5' }, entries, today, target: 'L6' }).targetLevel, 'L6');
  });

  it('defaults to the last 12 months ending today', () => {
    const { period } = planPacket({ ladder: defaultLadder(), entries, today, target: 'L4' });
    assert.deepEqual([period.start, period.end], ['2025-11-27', '2026-11-26']);
  });

  it('builds a custom period from since and until, and a named one on request', () => {
    const plan = (request: object) => planPacket({ ladder: defaultLadder(), entries, today, target: 'L4', ...request }).period;
    assert.deepEqual([plan({ since: '2026-01-01' }).start, plan({ since: '2026-01-01' }).end], ['2026-01-01', today]);
    assert.deepEqual([plan({ until: '2026-06-30' }).start, plan({ until: '2026-06-30' }).end], ['2025-07-01', '2026-06-30']);
    assert.equal(plan({ period: 'since-promotion' }).start, '2025-04-02');
    assert.equal(plan({ period: 'last-6-months' }).start, '2026-05-27');
    assert.equal(plan({ period: 'this-year' }).start, '2026-01-01');
  });

  it('explains in one sentence what cannot work', () => {
    const fails = (request: object, message: RegExp) =>
      assert.throws(() => planPacket({ ladder: defaultLadder(), entries: [], today, ...request }), (e: unknown) => e instanceof LogError && message.test(e.message));
    fails({}, /^Name the target level \(one of `L1`, .*`L6`\), or set `current` or `target` in the ladder\.$/);
    fails({ current: 'L6' }, /^`L6` is the top of the ladder; name the target level\.$/);
    fails({ target: 'L9' }, /^The ladder has no level `L9`/);
    fails({ current: 'E4', target: 'L4' }, /^The ladder has no level `E4`/);
    fails({ target: 'L4', period: 'since-promotion' }, /records no promotion/);
    fails({ target: 'L4', period: 'this-year', since: '2026-01-01' }, /either a named period or dates/);
  });
});

describe('packet properties', () => {
  it('gives the same bytes for any order of the same entries', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }), (shuffled) => {
        assert.equal(packet(shuffled), packet(log));
      }),
    );
  });

  it('keeps any title on its own list item, with nothing unescaped that could open a link or emphasis', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '[', ']', '(', ')', '<', '>', '`', '\\', '\n', '#', '1', '.', '-', '|', '&', '$', '~') , minLength: 1 }), (title) => {
        fc.pre(title.trim() !== '');
        const text = packet([anEntry({ date: '2026-05-01', title, competencies: ['scope'] })]);
        const line = text.split('\n').find((l) => l.startsWith('- **') && l.endsWith('** (2026-05-01)'));
        assert.ok(line, 'the evidence stays one line');
        const body = line.slice('- **'.length, -'** (2026-05-01)'.length);
        // Every special character is preceded by an odd run of backslashes.
        assert.ok(!/(^|[^\\])(\\\\)*[*_[\]<>`|&$~#]/.test(body), body);
      }),
    );
  });
});
