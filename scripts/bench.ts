// npm run bench: times the entry store against js-yaml on generated logs and prints each figure
// next to its target: a ratio, or milliseconds and megabytes where the target is set in those.
// Every figure is the median of several runs in this one process.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { EntryCache } from '../src/core/store/entryCache';
import { ladderFromFile } from '../src/core/packet/defaultLadder';
import { LADDER_FILE_NAME } from '../src/core/packet/ladder';
import { packetBytes, planPacket } from '../src/core/packet/packet';
import { EntryStore } from '../src/core/store/store';
import { planTagChange } from '../src/core/edits/tagEdits';
import { nodeFolderAccess, writeFileAtomic } from '../src/node/nodeFolderAccess';
import { execFile } from 'node:child_process';
import { buildCandidates } from '../src/core/capture/gitCandidates';
import { today as todayOf } from '../src/core/model/entry';
import { addDays } from '../src/core/packet/period';
import { readCommits } from '../src/node/gitLog';
import { generateVariedLog, seededRandom, WORDS } from './variedLog';
import { buildOverview } from '../src/core/overview/overview';
import { coverageSvg } from '../src/core/overview/coverageChart';
import { timelineSvg } from '../src/core/overview/timelineChart';

const FILES = 10;
const RUNS = 7;
// Untimed runs before each compared measure, alike for all three: a process's first runs are
// slower while V8 optimizes the code and grows its young generation (here a packet's first few
// builds took up to twice as long as later ones).
const WARMUPS = 5;


/** A realistic entry file: header comments, week comments, quoted titles, flow tags, block details. */
export function generateLog(count: number, seed: number): string {
  const random = seededRandom(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)];
  const types = ['project', 'skill', 'learning', 'mentoring', 'leadership', 'recognition'];
  const lines = ['# Growth Log: evidence of my growth, one entry per win.', '# Keep `date` and `title`; everything else is optional.', 'entries:'];
  for (let i = 0; i < count; i++) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const date = `2026-${month}-${day}`;
    if (i % 7 === 0) lines.push('', `  # ${word()} week`);
    const quoted = random() < 0.3;
    lines.push(i % 10 === 9 ? `  - date: ${date}` : `  - id: ${date}-${word()}-${seed}-${i}`);
    if (i % 10 !== 9) lines.push(`    date: ${date}`);
    lines.push(quoted ? `    title: "Led the ${word()} work: ${word()} ${seed}-${i}"` : `    title: Shipped ${word()} change ${seed}-${i}`);
    lines.push(`    type: ${types[i % types.length]}`);
    lines.push(`    impact: p99 latency down ${i % 50}%, ${i * 10} USD a month saved   # measured`);
    lines.push(`    tags: [${word()}, ${word()}]`, '    competencies: [technical-scope, execution]');
    if (i % 3 === 0) lines.push('    links:', `      - https://example.com/acme/${word()}/pull/${i}`);
    if (i % 2 === 0) lines.push('    details: |', `      Context: the ${word()} service was slow.`, `      I worked with the ${word()} team.`, '', `      Result: ${word()} improved.`);
  }
  return lines.join('\n') + '\n';
}

function writeLogs(dir: string, total: number, generate: (count: number, seed: number) => string = generateLog): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const file = path.join(dir, `log-${f}.yaml`);
    fs.writeFileSync(file, generate(total / FILES, f + 1));
    files.push(file);
  }
  return files;
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measure());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function timed(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function jsYamlLoad(files: readonly string[]): Promise<void> {
  for (const file of files) jsYaml.load(await fs.promises.readFile(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
}

async function coldLoad(dir: string, cache?: EntryCache): Promise<EntryStore> {
  const store = new EntryStore(nodeFolderAccess(dir), { cache });
  await store.loadAll();
  // The varied log has warnings by design (an unknown type, a number among the tags); no errors.
  const errors = store.problems.filter((p) => p.severity === 'error');
  if (store.entries.length === 0 || errors.length > 0) throw new Error(`the generated log should load without errors: ${JSON.stringify(errors.slice(0, 2))}`);
  return store;
}

interface Row {
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  readonly ok: boolean;
}

async function benchSize(root: string, total: number): Promise<Row[]> {
  const dir = path.join(root, `log-${total}`);
  const files = writeLogs(dir, total);
  for (let i = 0; i < WARMUPS; i++) {
    await jsYamlLoad(files);
    await coldLoad(dir);
  }
  const jsYamlMs = await median(RUNS, () => timed(() => jsYamlLoad(files)));
  const coldMs = await median(RUNS, () => timed(() => coldLoad(dir)));

  const cache = new EntryCache();
  await coldLoad(dir, cache);
  const saved = JSON.stringify(cache);
  const warmMs = await median(RUNS, () => timed(() => coldLoad(dir, EntryCache.fromJSON(saved))));
  // Without version tokens (mtime and size) the store reads every file and compares content hashes.
  const nodeAccess = nodeFolderAccess(dir);
  const readOnlyAccess = { listFiles: nodeAccess.listFiles, readFile: nodeAccess.readFile, fileKey: nodeAccess.fileKey };
  const warmHashMs = await median(RUNS, () =>
    timed(async () => {
      const store = new EntryStore(readOnlyAccess, { cache: EntryCache.fromJSON(saved) });
      await store.loadAll();
      void store.entries;
    }),
  );

  const store = await coldLoad(dir);
  const changed = files[3];
  const original = fs.readFileSync(changed, 'utf8');
  const edited = original.replace('title: Shipped ', 'title: Shipped all ');
  // An unchanged text is not reloaded at all, so the edit must really change the file.
  if (edited === original) throw new Error('the reload benchmark should change the file');
  let flip = false;
  const reloadMs = await median(RUNS, async () => {
    flip = !flip;
    fs.writeFileSync(changed, flip ? edited : original);
    return timed(async () => {
      await store.reloadFile(changed);
      void store.entries;
      void store.problems;
    });
  });
  fs.writeFileSync(changed, original);

  // The targets are set for the 10,000-entry log; at 1,000 entries file I/O dominates every figure.
  const targeted = total === 10_000;
  const row = (measure: string, value: number, target: number): Row => ({
    measure: `${measure} (${total} entries)`,
    value,
    unit: 'x',
    target: targeted ? `<= ${target}` : '(info)',
    ok: !targeted || value <= target,
  });
  const rows: Row[] = [
    row('cold load / js-yaml load', coldMs / jsYamlMs, 2),
    row('warm load / js-yaml load', warmMs / jsYamlMs, 0.5),
    { ...row('warm load, content hashes / js-yaml load', warmHashMs / jsYamlMs, 0.5), target: '(info)', ok: true },
    row('reload one file / cold load', reloadMs / coldMs, 0.15),
    {
      measure: `  (js-yaml ${jsYamlMs.toFixed(1)} ms, cold ${coldMs.toFixed(1)} ms, warm ${warmMs.toFixed(1)} ms, warm by hash ${warmHashMs.toFixed(1)} ms, reload ${reloadMs.toFixed(1)} ms)`,
      value: NaN,
      unit: '',
      target: '',
      ok: true,
    },
  ];
  if (total === 10_000) {
    const addDir = path.join(root, 'add');
    fs.mkdirSync(addDir, { recursive: true });
    const year = path.join(addDir, '2026.yaml');
    const addMs = await median(RUNS, async () => {
      fs.writeFileSync(year, generateLog(1000, 99));
      const adder = new EntryStore(nodeFolderAccess(addDir));
      await adder.loadAll();
      return timed(async () => {
        const plan = await adder.planAdd({ date: '2026-11-26', title: 'Shipped the importer', tags: ['infra'] });
        await writeFileAtomic(plan.file, plan.after);
      });
    });
    rows.push({ measure: 'add one entry to a 1,000-entry file', value: addMs, unit: 'ms', target: '< 50', ok: addMs < 50 });
    rows.push(...(await editRows(root)));
    const packet = await packetTime(dir, await coldLoad(dir));
    rows.push({ measure: `packet for ${total} entries`, value: packet.ms, unit: 'ms', target: '< 250', ok: packet.ms < 250 });
    rows.push({
      measure: `  (${packet.entries} entries in the period, ${packet.bytes} bytes; the bytes of its file, as the extension and the CLI write it)`,
      value: NaN,
      unit: '',
      target: '',
      ok: true,
    });
    const overview = await overviewTime(dir, await coldLoad(dir));
    rows.push(row('overview (numbers and both SVG charts) / cold load', overview.ms / coldMs, 0.5));
    rows.push({ measure: `  (overview ${overview.ms.toFixed(1)} ms: ${overview.entries} entries in 24 months, ${overview.bytes} bytes of SVG)`, value: NaN, unit: '', target: '', ok: true });
    const heap = peakHeap(dir);
    rows.push({ measure: `peak heap while loading ${total} entries`, value: heap.peakMb, unit: 'MB', target: '< 100', ok: heap.peakMb < 100 });
    rows.push({ measure: `  (heap kept after the load ${heap.keptMb.toFixed(1)} MB, child max RSS ${heap.rssMb.toFixed(1)} MB)`, value: NaN, unit: '', target: '', ok: true });
  }
  return rows;
}

/**
 * A log in which every file has the shapes people write that the fast reader once handed, whole
 * file, to the Document API: a BOM, `---`, wrapped titles, nested mappings, `|+`, tabs in blocks,
 * folded more-indented lines, and entries with warnings.
 */
async function benchVaried(root: string, total: number): Promise<Row[]> {
  const dir = path.join(root, `varied-${total}`);
  const files = writeLogs(dir, total, generateVariedLog);
  for (let i = 0; i < WARMUPS; i++) {
    await jsYamlLoad(files);
    await coldLoad(dir);
  }
  const jsYamlMs = await median(RUNS, () => timed(() => jsYamlLoad(files)));
  const coldMs = await median(RUNS, () => timed(() => coldLoad(dir)));
  return [
    { measure: `cold load / js-yaml load, varied shapes (${total} entries)`, value: coldMs / jsYamlMs, unit: 'x', target: '<= 2', ok: coldMs / jsYamlMs <= 2 },
    { measure: `  (js-yaml ${jsYamlMs.toFixed(1)} ms, cold ${coldMs.toFixed(1)} ms)`, value: NaN, unit: '', target: '', ok: true },
  ];
}

/**
 * One change to one entry of a 4 MB file, planned as the CLI and the extension plan it (the file
 * read, the change made and checked); what a user waits for after Enter, before the write.
 */
async function editRows(root: string): Promise<Row[]> {
  const dir = path.join(root, 'edit');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '2026.yaml');
  let text = generateLog(10_000, 42);
  while (Buffer.byteLength(text) < 4 * 1024 * 1024) text += generateLog(500, text.length).split('entries:\n')[1];
  fs.writeFileSync(file, text);
  const store = new EntryStore(nodeFolderAccess(dir));
  await store.loadAll();
  const middle = store.entries[Math.floor(store.entries.length / 2)].id;
  let n = 0;
  const measures: [string, () => Promise<unknown>][] = [
    ['edit the impact of one entry of', () => store.planUpdate(middle, { impact: `${n++}x faster` })],
    ['tag one entry of', () => planTagChange(store, [middle], { add: [`tag-${n++}`] })],
    ['add an entry to', () => store.planAdd({ date: '2026-11-26', title: `Shipped the importer ${n++}`, tags: ['infra'] })],
    ['delete one entry of', () => store.planDelete(middle)],
  ];
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  const rows: Row[] = [];
  for (const [name, plan] of measures) {
    for (let i = 0; i < WARMUPS; i++) await plan();
    const ms = await median(RUNS, () => timed(plan));
    rows.push({ measure: `${name} a ${mb} MB file`, value: ms, unit: 'ms', target: '<= 50', ok: ms <= 50 });
  }
  // The first add of a session that loaded the log from its cache, which did not read the file.
  const cache = new EntryCache();
  await new EntryStore(nodeFolderAccess(dir), { cache }).loadAll();
  const saved = JSON.stringify(cache);
  const firstAdd = async () => {
    const warm = new EntryStore(nodeFolderAccess(dir), { cache: EntryCache.fromJSON(saved) });
    await warm.loadAll();
    return timed(() => warm.planAdd({ date: '2026-11-26', title: `Shipped the importer ${n++}`, tags: ['infra'] }));
  };
  for (let i = 0; i < WARMUPS; i++) await firstAdd();
  const firstMs = await median(RUNS, firstAdd);
  rows.push({ measure: `add an entry to a ${mb} MB file loaded from the cache`, value: firstMs, unit: 'ms', target: '<= 50', ok: firstMs <= 50 });
  return rows;
}

/**
 * The packet the CLI writes for the loaded log: the folder's ladder (the default one here), the
 * default period (the last 12 months, which holds every generated entry) and the level after L3.
 */
async function packetTime(dir: string, store: EntryStore): Promise<{ ms: number; entries: number; bytes: number }> {
  const access = nodeFolderAccess(dir);
  const ladderFile = access.fileKey(LADDER_FILE_NAME);
  const { ladder } = ladderFromFile(await access.readFile(ladderFile), ladderFile);
  if (!ladder) throw new Error('the default ladder should be usable');
  const request = { ladder, entries: store.entries, today: '2026-12-31', current: 'L3' };
  let bytes = 0;
  // The bytes of the packet's file, as the extension and the CLI write it.
  const build = () => {
    const plan = planPacket(request);
    bytes = packetBytes({ ...plan, entries: request.entries, ladder, today: request.today }).length;
  };
  for (let i = 0; i < WARMUPS; i++) build();
  const ms = await median(RUNS, () => timed(build));
  const inPeriod = store.entries.filter((e) => e.date >= '2026-01-01').length;
  return { ms, entries: inPeriod, bytes };
}

/**
 * The overview the extension draws for the loaded log (the default ladder, the level after L3,
 * the 24 months up to the end of 2026): its numbers, then the timeline and coverage SVG.
 */
async function overviewTime(dir: string, store: EntryStore): Promise<{ ms: number; entries: number; bytes: number }> {
  const access = nodeFolderAccess(dir);
  const ladderFile = access.fileKey(LADDER_FILE_NAME);
  const { ladder } = ladderFromFile(await access.readFile(ladderFile), ladderFile);
  if (!ladder) throw new Error('the default ladder should be usable');
  let entries = 0;
  let bytes = 0;
  const build = () => {
    const overview = buildOverview({ entries: store.entries, ladder, targetLevel: 'L4', currentLevel: 'L3', today: '2026-12-31' });
    if (!overview.coverage) throw new Error('the overview should have coverage for L4');
    entries = overview.timeline.total;
    bytes = timelineSvg(overview.timeline).length + coverageSvg(overview.coverage).length;
  };
  for (let i = 0; i < WARMUPS; i++) build();
  const ms = await median(RUNS, () => timed(build));
  return { ms, entries, bytes };
}

/** Loads the log in a fresh Node process, sampling the heap as files are parsed. */
function peakHeap(dir: string): { peakMb: number; keptMb: number; rssMb: number } {
  const output = execFileSync(process.execPath, [__filename, '--heap', dir], { encoding: 'utf8' });
  return JSON.parse(output) as { peakMb: number; keptMb: number; rssMb: number };
}

async function heapChild(dir: string): Promise<void> {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  let peak = process.memoryUsage().heapUsed;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const access = nodeFolderAccess(dir);
  const store = new EntryStore({ ...access, readFile: async (key) => (sample(), access.readFile(key)) });
  store.onDidChange(sample);
  await store.loadAll();
  void store.entries;
  sample();
  process.stdout.write(JSON.stringify({ peakMb: mb(peak), keptMb: mb(process.memoryUsage().heapUsed), rssMb: process.resourceUsage().maxRSS / 1024 }));
}

const GIT_COMMITS = 100_000;
const GIT_USER = 'me@example.com';

/**
 * A repository of GIT_COMMITS commits over three years up to now, by four authors (the user among
 * them), one small file changing, every tenth step a pull request (a branch commit and its merge),
 * written with one `git fast-import` stream.
 */
function buildGitRepository(dir: string): void {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const authors = [GIT_USER, 'ana@example.com', 'bo@example.com', 'cy@example.com'];
  const end = Math.floor(Date.now() / 1000);
  const step = Math.floor((3 * 365 * 86_400) / GIT_COMMITS);
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let mark = 0;
  let main = 0;
  let pr = 0;
  for (let i = 0; i < GIT_COMMITS; i++) {
    const when = end - (GIT_COMMITS - i) * step;
    const email = authors[i % authors.length];
    const who = `${email.split('@')[0]} <${email}> ${when} +0000`;
    const body = `line ${i}\n${'x'.repeat(i % 60)}\n`;
    if (i % 10 === 9 && main > 0) {
      // A branch commit and the merge that brings it in: two of the commits.
      pr++;
      const author = authors[pr % authors.length];
      const byAuthor = `${author.split('@')[0]} <${author}> ${when} +0000`;
      const branch = ++mark;
      chunks.push(`commit refs/heads/topic\nmark :${branch}\nauthor ${byAuthor}\ncommitter ${byAuthor}\n${data(`Work for pull request ${pr}`)}from :${main}\nM 644 inline src/topic.txt\n${data(body)}`);
      i++;
      const merge = ++mark;
      chunks.push(`commit refs/heads/main\nmark :${merge}\nauthor ${byAuthor}\ncommitter ${byAuthor}\n${data(`Merge pull request #${pr} from acme/topic-${pr}\n\nPull request ${pr}`)}from :${main}\nmerge :${branch}\n`);
      main = merge;
      continue;
    }
    const commit = ++mark;
    chunks.push(`commit refs/heads/main\nmark :${commit}\nauthor ${who}\ncommitter ${who}\n${data(`feat(area${i % 7}): change ${i}`)}${main ? `from :${main}\n` : ''}M 644 inline src/file.txt\n${data(body)}`);
    main = commit;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 28 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
}

/**
 * Candidates for the last 90 days against `git log` itself over the same range and author, asked
 * for what a candidate shows (the message and the line counts): `--shortstat` is most of both.
 */
async function benchGit(root: string): Promise<Row[]> {
  const dir = path.join(root, 'git-history');
  const built = Date.now();
  buildGitRepository(dir);
  const buildMs = Date.now() - built;
  const today = todayOf();
  const since = addDays(today, -90);
  const candidates = async () => buildCandidates(await readCommits(dir, { since, until: today, authors: [GIT_USER] }), { repository: 'bench', logged: new Set() });
  const gitLog = () =>
    new Promise<void>((resolve, reject) =>
      execFile('git', ['log', `--since=${since}`, `--author=${GIT_USER}`, '--shortstat', '--diff-merges=first-parent', '--format=%H%n%B'], { cwd: dir, maxBuffer: 1 << 28 }, (error) => (error ? reject(error) : resolve())),
    );
  for (let i = 0; i < 2; i++) {
    await candidates();
    await gitLog();
  }
  const count = (await candidates()).length;
  const gitMs = await median(RUNS, () => timed(gitLog));
  const ownMs = await median(RUNS, () => timed(candidates));
  const ratio = ownMs / gitMs;
  return [
    { measure: `git: ${GIT_COMMITS.toLocaleString('en')} commits built with fast-import in ${(buildMs / 1000).toFixed(1)} s; ${count} candidates in 90 days`, value: NaN, unit: '', target: '', ok: true },
    { measure: 'git: git log --since --author --shortstat --diff-merges=first-parent --format=%H%n%B', value: gitMs, unit: 'ms', target: '', ok: true },
    { measure: 'git: candidates (gitLog + buildCandidates)', value: ownMs, unit: 'ms', target: '', ok: true },
    { measure: 'git: candidates / git log', value: ratio, unit: 'x', target: '<= 1.5', ok: ratio <= 1.5 },
  ];
}

async function main(): Promise<void> {
  if (process.argv[2] === '--heap') return heapChild(process.argv[3]);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-bench-'));
  try {
    const rows = [...(await benchSize(root, 1_000)), ...(await benchSize(root, 10_000)), ...(await benchVaried(root, 10_000)), ...(await benchGit(root))];
    const width = Math.max(...rows.map((r) => r.measure.length));
    console.log(`Growth Log entry store benchmark (median of ${RUNS} runs, ${FILES} files per log, Node ${process.version})\n`);
    console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(9)}  target    `);
    for (const row of rows) {
      if (Number.isNaN(row.value)) console.log(row.measure);
      else console.log(`${row.measure.padEnd(width)}  ${`${row.value.toFixed(row.unit === 'x' ? 3 : 1)} ${row.unit}`.padStart(9)}  ${row.target.padEnd(8)}  ${row.ok ? 'ok' : 'MISSED'}`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
