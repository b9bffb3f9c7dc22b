// A log written the way people write by hand, for `npm run bench`: besides the common shape, every
// file holds each of the ordinary shapes that once sent a whole file to the slow reader (issue
// 13), sprinkled through it several times. Valid YAML throughout: the file reads with warnings only.

export const WORDS = 'billing migration postgres latency cache queue mentoring review design onboarding incident on-call metrics budget roadmap search payments'.split(' ');
const TYPES = ['project', 'skill', 'learning', 'mentoring', 'leadership', 'recognition'];

/** How often each unusual shape comes up: about one entry in this many has it. */
const EVERY = 50;

/** A deterministic pseudo-random source (a linear congruential generator), so bench logs repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/**
 * `count` entries; deterministic for a `seed`. Files of odd seeds start with a byte order mark.
 * Each entry with a validation warning has one: an unknown `type` or a number among its `tags`.
 */
export function generateVariedLog(count: number, seed: number): string {
  const random = seededRandom(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)];
  // Each shape at a fixed place near the start, so that even a short file holds them all, then at random.
  const has = (i: number, shape: number) => i === shape || random() < 1 / EVERY;
  const header = ['# Growth Log: evidence of my growth, one entry per win.', '---', 'entries:'];
  const lines = seed % 2 === 1 ? ['\ufeff' + header[0], ...header.slice(1)] : header;
  for (let i = 0; i < count; i++) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const date = `2026-${month}-${day}`;
    if (i % 7 === 0) lines.push('', `  # ${word()} week`);
    lines.push(`  - id: ${date}-${word()}-${seed}-${i}`, `    date: ${date}`);
    if (has(i, 0)) lines.push(`    title: Shipped the ${word()} change ${seed}-${i} that the ${word()} team`, `      had waited for since spring`);
    else lines.push(`    title: Shipped ${word()} change ${seed}-${i}`);
    lines.push(`    type: ${has(i, 1) ? 'projekt' : TYPES[i % TYPES.length]}`);
    if (has(i, 2)) lines.push('    impact: >', `      Cut the ${word()} latency:`, '        p99 down 40%', '        p50 down 10%', '      for every customer.');
    else lines.push(`    impact: p99 latency down ${i % 50}%, ${i * 10} USD a month saved   # measured`);
    lines.push(`    tags: [${word()}, ${has(i, 3) ? '2026' : word()}]`, '    competencies: [technical-scope, execution]');
    if (has(i, 4)) lines.push('    team:', `      name: ${word()}`, `      size: ${2 + (i % 9)}`);
    if (has(i, 5)) lines.push('    details: |', '      Added the target to the Makefile:', '      test:', '      \tgo test ./...');
    else if (has(i, 6)) lines.push('    details: |+', `      Context: the ${word()} service was slow.`, '', '');
    else if (i % 2 === 0) lines.push('    details: |', `      Context: the ${word()} service was slow.`, `      I worked with the ${word()} team.`, '', `      Result: ${word()} improved.`);
  }
  return lines.join('\n') + '\n';
}
