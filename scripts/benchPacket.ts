// Times the promotion packet over a large log, without any file I/O, so the number measures
// the mapping and the Markdown alone. Run: npx tsc -p . && node out/scripts/benchPacket.js [count]
import { defaultLadder } from '../src/core/defaultLadder';
import { ENTRY_TYPES, type Entry } from '../src/core/entry';
import { generatePacket } from '../src/core/packet';
import { lastMonths } from '../src/core/period';

const TITLES = ['Led the billing migration', 'Shipped the importer on time', 'Mentored a new hire', 'Wrote the design doc for search', 'Cut CI costs', 'Presented at the summit', 'Fixed flaky tests'];
const COMPETENCIES = ['technical-scope', 'execution', 'leadership', 'mentoring', 'communication', 'org-impact', 'technical-skill'];

/** `count` plausible entries spread over the last three years before `today`, the same every run. */
export function syntheticEntries(count: number, today = '2026-11-26'): Entry[] {
  let seed = 42;
  // A tiny linear congruential generator: repeatable numbers without a dependency.
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(end - next(3 * 365) * 86_400_000).toISOString().slice(0, 10);
    const title = `${TITLES[next(TITLES.length)]} #${i}`;
    const entry = {
      id: `${date}-bench-${i}`,
      idGenerated: false,
      date,
      title,
      type: ENTRY_TYPES[next(ENTRY_TYPES.length)],
      impact: next(2) === 0 ? `Saved ${next(100)}k USD; p99 latency down ${next(60)}%` : undefined,
      tags: next(3) === 0 ? ['infra', 'cost'] : [],
      competencies: next(2) === 0 ? [COMPETENCIES[next(COMPETENCIES.length)]] : [],
      links: next(4) === 0 ? [`https://example.com/pr/${i}`] : [],
      details: next(3) === 0 ? 'Context, what I did, and who I worked with on the design and the rollout.' : undefined,
      file: `brag/${date.slice(0, 4)}.yaml`,
      range: { start: { line: i, column: 2 }, end: { line: i + 5, column: 0 } },
      extra: {},
    };
    return entry as Entry;
  });
}

/** Milliseconds to generate one packet over `entries` (the best of `runs`, to skip warm-up). */
export function timePacket(entries: readonly Entry[], runs = 3, today = '2026-11-26'): { ms: number; bytes: number } {
  const ladder = defaultLadder();
  let best = Infinity;
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    // A three-year period keeps every synthetic entry in the packet: the worst case.
    const markdown = generatePacket({ entries, ladder, currentLevel: 'L3', targetLevel: 'L4', period: { ...lastMonths(today, 12), start: undefined }, today });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    bytes = markdown.length;
  }
  return { ms: best, bytes };
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 10_000);
  const { ms, bytes } = timePacket(syntheticEntries(count));
  process.stdout.write(`packet over ${count} entries: ${ms.toFixed(1)} ms (${bytes} characters)\n`);
}
