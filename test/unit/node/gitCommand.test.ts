// `growth-log git` on real repositories made here with git, run as the CLI a user runs.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEntryFile } from '../../../src/core/readers/yamlCodec';
import { snapshot } from '../helpers/logText';

const CLI = path.resolve(__dirname, '../../../src/cli.js');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

describe('growth-log git', () => {
  let temp: string;
  let env: NodeJS.ProcessEnv;
  let brag: string;

  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-git-'));
    const globalConfig = path.join(temp, 'gitconfig');
    fs.writeFileSync(globalConfig, '');
    // The machine's own git settings (a global user.email, signing) must not change the results.
    env = { ...process.env, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', HOME: temp };
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE']) delete env[name];
    brag = path.join(temp, 'brag');
  });

  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  function git(repo: string, args: string[], date?: string, input?: string): string {
    const dated = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
    return execFileSync('git', args, { cwd: repo, env: { ...env, ...dated }, input, encoding: 'utf8' });
  }

  /** A repository with the user's name and email set locally. */
  function newRepo(name = 'billing', email = 'me@example.com'): string {
    const repo = path.join(temp, name);
    fs.mkdirSync(repo);
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['config', 'user.email', email]);
    git(repo, ['config', 'user.name', 'Me']);
    return repo;
  }

  function commitFile(repo: string, file: string, text: string, message: string, date: string): void {
    fs.appendFileSync(path.join(repo, file), text);
    git(repo, ['add', file]);
    git(repo, ['commit', '-q', '-m', message], date);
  }

  /**
   * main: initial (03-01), fix(api) (03-04), someone else's commit (03-05), a fixup (03-05);
   * feature (03-02, 03-03) merged as pull request #12 (03-06).
   */
  function historyRepo(): string {
    const repo = newRepo();
    commitFile(repo, 'README.md', '# Billing\n', 'Initial commit', '2026-03-01T10:00:00+01:00');
    git(repo, ['checkout', '-q', '-b', 'feature']);
    commitFile(repo, 'importer.ts', 'export const a = 1;\n', 'feat(importer): read CSV files', '2026-03-02T10:00:00+01:00');
    commitFile(repo, 'importer.ts', 'export const b = 2;\nexport const c = 3;\n', 'Retry on timeouts', '2026-03-03T10:00:00+01:00');
    git(repo, ['checkout', '-q', 'main']);
    commitFile(repo, 'api.ts', 'export {};\n', 'fix(api): handle empty files', '2026-03-04T10:00:00+01:00');
    fs.appendFileSync(path.join(repo, 'other.ts'), 'x\n');
    git(repo, ['add', 'other.ts']);
    git(repo, ['-c', 'user.email=someone@example.com', 'commit', '-q', '-m', 'Someone else’s work'], '2026-03-05T10:00:00+01:00');
    commitFile(repo, 'api.ts', '// typo\n', 'fixup! fix(api): handle empty files', '2026-03-05T11:00:00+01:00');
    git(repo, ['merge', '-q', '--no-ff', 'feature', '-m', 'Merge pull request #12 from acme/feature', '-m', 'Add the importer'], '2026-03-06T23:30:00-05:00');
    return repo;
  }

  function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
    const result = spawnSync(process.execPath, [CLI, 'git', '--dir', brag, ...args], { cwd: options.cwd ?? temp, env: options.env ?? env, encoding: 'utf8' });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
  }

  const PERIOD = ['--since', '2026-03-01', '--until', '2026-03-31'];

  it('lists pull requests and commits by the user, newest first, without fixups or others’ work', () => {
    const repo = historyRepo();
    const { code, out, err } = run(['--repo', repo, ...PERIOD]);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.deepEqual(out.split('\n'), [
      '2026-03-06  #12      +3 -0  Add the importer  [billing]',
      `2026-03-04  ${git(repo, ['rev-parse', '--short=7', 'main~3']).trim()}  +1 -0  Handle empty files  [billing]`,
      `2026-03-01  ${git(repo, ['rev-parse', '--short=7', 'main~4']).trim()}  +1 -0  Initial commit  [billing]`,
      '',
    ]);
  });

  it('reads the repository of the current folder and its user.email by default, within the period', () => {
    const repo = historyRepo();
    const { code, out } = run(['--since', '2026-03-04', '--until', '2026-03-05'], { cwd: repo });
    assert.equal(code, 0);
    assert.match(out, /^2026-03-04 {2}[0-9a-f]{7} {2}\+1 -0 {2}Handle empty files {2}\[billing\]\n$/);
  });

  it('adds one entry per candidate with its commits, and a second run offers nothing', () => {
    const repo = historyRepo();
    git(repo, ['remote', 'add', 'origin', 'git@github.com:acme/billing.git']);
    const added = run(['--repo', repo, ...PERIOD, '--add']);
    assert.equal(added.err, '');
    assert.equal(added.code, 0);
    assert.match(added.out, /^Added 3 entries to /);
    const text = fs.readFileSync(path.join(brag, '2026.yaml'), 'utf8');
    const parsed = parseEntryFile(text, '2026.yaml');
    assert.deepEqual(parsed.problems, []);
    const pr = parsed.entries.find((e) => e.title === 'Add the importer');
    assert.ok(pr);
    assert.equal(pr.date, '2026-03-06');
    assert.deepEqual(pr.tags, ['importer']);
    assert.deepEqual(pr.links, ['https://github.com/acme/billing/pull/12']);
    const fullHash = (rev: string) => git(repo, ['rev-parse', rev]).trim();
    assert.deepEqual(pr.commits, [fullHash('main'), fullHash('main^2'), fullHash('main^2~1')]);
    assert.deepEqual(parsed.entries.find((e) => e.title === 'Handle empty files')?.tags, ['api']);

    const before = snapshot(brag);
    // Without --since: the period starts at the newest entry captured from git.
    const again = run(['--repo', repo, '--today', '2026-03-31', '--add']);
    assert.equal(again.code, 0);
    assert.equal(again.out, 'Nothing new to log: no commits by me@example.com in billing from 2026-03-06 to 2026-03-31 that are not logged already.\n');
    const listed = run(['--repo', repo, ...PERIOD]);
    assert.equal(listed.code, 0);
    assert.equal(listed.out, `Nothing new to log: no commits by me@example.com in billing from 2026-03-01 to 2026-03-31 that are not logged already.\n`);
    assert.deepEqual(snapshot(brag), before);

    commitFile(repo, 'api.ts', '// more\n', 'Cache the rates', '2026-03-08T10:00:00+01:00');
    const next = run(['--repo', repo, '--today', '2026-03-31']);
    assert.match(next.out, /^2026-03-08 {2}[0-9a-f]{7} {2}\+1 -0 {2}Cache the rates {2}\[billing\]\n$/);
  });

  it('prints the candidates as JSON, with links to the remote’s pages', () => {
    const repo = historyRepo();
    git(repo, ['remote', 'add', 'origin', 'https://gitlab.com/acme/billing.git']);
    const { code, out } = run(['--repo', repo, ...PERIOD, '--json', '--author', 'ME@example.com']);
    assert.equal(code, 0);
    const candidates = JSON.parse(out) as { key: string; pullRequest?: number; commits: string[]; link?: string; insertions: number }[];
    assert.deepEqual(
      candidates.map((c) => [c.key.replace(/[0-9a-f]{40}/, 'HASH'), c.commits.length, c.insertions]),
      [
        ['pr:billing#12', 3, 3],
        ['commit:HASH', 1, 1],
        ['commit:HASH', 1, 1],
      ],
    );
    assert.equal(candidates[0].link, 'https://gitlab.com/acme/billing/-/merge_requests/12');
    assert.equal(candidates[1].link, `https://gitlab.com/acme/billing/-/commit/${candidates[1].commits[0]}`);
  });

  it('looks for several authors and names them when nothing is found', () => {
    const repo = historyRepo();
    const both = run(['--repo', repo, ...PERIOD, '--author', 'me@example.com', '--author', 'someone@example.com']);
    assert.match(both.out, /Someone else’s work/);
    const none = run(['--repo', repo, '--since', '2026-04-01', '--until', '2026-04-30', '--author', 'a@example.com', '--author', 'b@example.com']);
    assert.equal(none.code, 0);
    assert.equal(none.out, 'Nothing new to log: no commits by a@example.com, b@example.com in billing from 2026-04-01 to 2026-04-30 that are not logged already.\n');
  });

  it('says an empty repository has no commits, and exits 0', () => {
    const repo = newRepo('empty');
    const { code, out, err } = run(['--repo', repo, ...PERIOD]);
    assert.equal(code, 0);
    assert.equal(err, 'growth-log git: empty has no commits yet.\n');
    assert.match(out, /^Nothing new to log: no commits from 2026-03-01 to 2026-03-31/);
  });

  it('refuses a folder that is not a repository, and one that does not exist, writing nothing', () => {
    const plain = path.join(temp, 'plain');
    fs.mkdirSync(plain);
    const { code, err } = run(['--repo', plain, ...PERIOD, '--add']);
    assert.equal(code, 1);
    assert.equal(err, `growth-log git: ${plain} is not in a Git repository; pass the repository's folder with --repo.\n`);
    const missing = run(['--repo', path.join(temp, 'nowhere'), ...PERIOD]);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, `growth-log git: ${path.join(temp, 'nowhere')} is not a folder.\n`);
    assert.equal(fs.existsSync(brag), false);
  });

  it('reads the history from a detached HEAD', () => {
    const repo = historyRepo();
    git(repo, ['checkout', '-q', '--detach', 'main~1']);
    const { code, out } = run(['--repo', repo, ...PERIOD]);
    assert.equal(code, 0);
    assert.deepEqual(
      out.split('\n').map((line) => line.split('  ')[3]),
      ['Handle empty files', 'Initial commit', undefined],
    );
  });

  it('reads a shallow clone as far as it goes', () => {
    const repo = historyRepo();
    const shallow = path.join(temp, 'shallow');
    git(temp, ['clone', '-q', '--depth', '1', '--no-local', repo, shallow]);
    const { code, out } = run(['--repo', shallow, ...PERIOD, '--author', 'me@example.com']);
    assert.equal(code, 0);
    assert.match(out, /^2026-03-06 {2}#12 .* Add the importer {2}\[shallow\]\n$/);
  });

  it('decodes a message written in Latin-1, and one whose bytes are not UTF-8 at all', () => {
    const repo = newRepo();
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a\n');
    git(repo, ['add', 'a.txt']);
    const message = path.join(temp, 'message.txt');
    fs.writeFileSync(message, Buffer.from('Café crème for the naïve importer\n', 'latin1'));
    git(repo, ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-F', message], '2026-03-02T10:00:00+00:00');
    // No encoding header and bytes that are not UTF-8: `git commit` would repair them, a
    // commit written by another tool may not. Read leniently rather than refused.
    const tree = git(repo, ['rev-parse', 'HEAD^{tree}']).trim();
    const parent = git(repo, ['rev-parse', 'HEAD']).trim();
    const ident = 'Me <me@example.com> 1772532000 +0000';
    const raw = Buffer.concat([Buffer.from(`tree ${tree}\nparent ${parent}\nauthor ${ident}\ncommitter ${ident}\n\n`), fs.readFileSync(message)]);
    const hash = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo, env, input: raw, encoding: 'utf8' }).trim();
    git(repo, ['update-ref', 'HEAD', hash]);
    const { code, out } = run(['--repo', repo, ...PERIOD]);
    assert.equal(code, 0);
    const titles = out.split('\n').map((line) => line.split('  ')[3]);
    assert.equal(titles[0], 'Caf\uFFFD cr\uFFFDme for the na\uFFFDve importer');
    assert.equal(titles[1], 'Café crème for the naïve importer');
  });

  it('says git is missing when it is not on the PATH, and writes nothing', () => {
    const repo = historyRepo();
    const empty = path.join(temp, 'no-tools');
    fs.mkdirSync(empty);
    fs.mkdirSync(brag);
    fs.writeFileSync(path.join(brag, '2026.yaml'), 'entries:\n');
    const before = snapshot(brag);
    const { code, out, err } = run(['--repo', repo, ...PERIOD, '--add'], { env: { ...env, PATH: empty } });
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.equal(err, 'growth-log git: Git is not installed or not on the PATH; install it (https://git-scm.com) and try again.\n');
    assert.deepEqual(snapshot(brag), before);
  });

  it('asks for an email when the repository has no user.email and none is given', () => {
    const repo = historyRepo();
    git(repo, ['config', '--unset', 'user.email']);
    const { code, err } = run(['--repo', repo, ...PERIOD]);
    assert.equal(code, 1);
    assert.match(err, /^growth-log git: billing has no user\.email and no --author was given; set one \(git config user\.email you@example\.com\) or pass --author EMAIL\.\n$/);
  });

  it('exits 2 on bad arguments', () => {
    for (const args of [['--since', '2026-02-30'], ['--bogus'], ['--since', '2026-03-05', '--until', '2026-03-01'], ['positional']]) {
      const { code, err } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^growth-log git: .*\n\nUsage: growth-log git/s, args.join(' '));
    }
  });
});
