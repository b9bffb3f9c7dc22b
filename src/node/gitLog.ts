// Reads a repository's history for capture from Git by running `git` itself (no shell): the
// commits of some authors since a day, with their line counts, as the core's GitCommit.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { authoredOn, type GitCommit } from '../core/capture/gitCandidates';
import { addDays } from '../core/packet/period';

/** Why git could not be read; `message` is one sentence for the user. */
export class GitError extends Error {
  constructor(
    readonly reason: 'git-missing' | 'not-a-repository' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface RepositoryInfo {
  /** The work tree's top folder (the repository folder for a bare one). */
  readonly root: string;
  /** `user.email` as git resolves it there (local, global or system), if set. */
  readonly userEmail?: string;
  /** The `origin` remote's URL, if there is one. */
  readonly remoteUrl?: string;
  /** True when the repository has no commit yet. */
  readonly empty: boolean;
}

export interface LogRange {
  /** First day, YYYY-MM-DD, by author date. */
  readonly since: string;
  /** Last day, YYYY-MM-DD, by author date. */
  readonly until: string;
  readonly authors: readonly string[];
}

/** Where `dir` is a repository: its root, user, remote, and whether it has commits. */
export async function readRepository(dir: string): Promise<RepositoryInfo> {
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new GitError('not-a-repository', `${dir} is not a folder.`);
  }
  const located = await git(dir, ['rev-parse', '--absolute-git-dir', '--is-bare-repository']);
  const [gitDir, bare] = located.split('\n');
  const root = bare === 'true' ? gitDir : (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  const [head, userEmail, remoteUrl] = await Promise.all([
    gitMaybe(dir, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']),
    gitMaybe(dir, ['config', 'user.email']),
    gitMaybe(dir, ['remote', 'get-url', 'origin']),
  ]);
  return {
    root,
    empty: !head,
    ...(userEmail ? { userEmail } : {}),
    ...(remoteUrl ? { remoteUrl } : {}),
  };
}

/** Commits reachable from HEAD by the authors, authored from `since` to `until`, newest first. */
export async function readCommits(dir: string, range: LogRange, pageSize = 5000): Promise<GitCommit[]> {
  const authors = new Set(range.authors.map((a) => a.toLowerCase()));
  if (authors.size === 0) return [];
  const byHash = new Map<string, GitCommit>();
  // Git's --since reads committer dates and stops the walk at the first older commit; a commit
  // authored in the period was committed in it or later, so two days' margin (for time zones)
  // keeps every one of them, and the exact period is applied to author dates below. No --until:
  // a commit authored before it may have been committed after it.
  const args = [
    '-c',
    'i18n.logOutputEncoding=UTF-8',
    'log',
    'HEAD',
    '-z',
    `--format=${FORMAT}`,
    '--shortstat',
    `--since=${addDays(range.since, -2)}`,
    '--regexp-ignore-case',
    // One --author per email: git keeps a commit matching any of them.
    ...[...authors].map((email) => `--author=<${escapeRegExp(email)}>`),
  ];
  let diffMerges = true;
  for (let skip = 0; ; skip += pageSize) {
    const page = [...args, ...(diffMerges ? ['--diff-merges=first-parent'] : []), `-n${pageSize}`, `--skip=${skip}`];
    let output: string;
    try {
      output = await git(dir, page);
    } catch (error) {
      // Git before 2.31 has no --diff-merges: merges then come without line counts.
      if (!diffMerges || !(error instanceof GitError && /diff-merges/.test(error.message))) throw error;
      diffMerges = false;
      output = await git(dir, page.filter((a) => !a.startsWith('--diff-merges')));
    }
    const commits = parseLog(output);
    for (const commit of commits) {
      const day = authoredOn(commit.authorDate);
      if (day >= range.since && day <= range.until && authors.has(commit.authorEmail.toLowerCase())) byHash.set(commit.hash, commit);
    }
    if (commits.length < pageSize) break;
  }
  return [...byHash.values()];
}

const FIELD = '%x1f';
const FORMAT = ['%H', '%P', '%ae', '%aI', '%B'].join(FIELD);

/**
 * `git log -z --shortstat` output: records end with NUL, and the line counts of a record come
 * after its NUL, at the start of the next chunk (`\n 2 files changed, 3 insertions(+)\n`).
 */
export function parseLog(output: string): GitCommit[] {
  const chunks = output.split('\0');
  const commits: GitCommit[] = [];
  const stats: (Stat | undefined)[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let chunk = chunks[i];
    const stat = STAT.exec(chunk);
    if (stat) {
      if (commits.length > 0) stats[commits.length - 1] = { insertions: Number(stat[1] ?? 0), deletions: Number(stat[2] ?? 0) };
      chunk = chunk.slice(stat[0].length);
    }
    if (chunk.trim() === '') continue;
    const [hash, parents, authorEmail, authorDate, ...message] = chunk.replace(/^\n+/, '').split('\x1f');
    commits.push({ hash, parents: parents ? parents.split(' ') : [], authorEmail, authorDate, message: message.join('\x1f') });
  }
  return commits.map((commit, i) => (stats[i] ? { ...commit, ...stats[i] } : commit));
}

interface Stat {
  readonly insertions: number;
  readonly deletions: number;
}

const STAT = /^\n? \d+ files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?\n?/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The output of a git command that may fail for a reason that is an answer (unset config, no remote). */
async function gitMaybe(dir: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await git(dir, args)).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && error.reason === 'failed') return undefined;
    throw error;
  }
}

/** Runs git in `dir` and returns its output, read as UTF-8 with anything else replaced, not refused. */
function git(dir: string, args: readonly string[]): Promise<string> {
  // Untranslated messages and line counts; never a prompt for credentials or a pager.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' };
  // Run from a git hook, these name the hook's repository and would override `dir`.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_PREFIX']) delete env[name];
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd: dir, env, encoding: 'buffer', maxBuffer: 1 << 30, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(new TextDecoder('utf-8').decode(stdout));
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new GitError('git-missing', 'Git is not installed or not on the PATH; install it (https://git-scm.com) and try again.'));
      }
      const message = new TextDecoder('utf-8').decode(stderr).trim();
      if (/not a git repository/i.test(message)) {
        return reject(new GitError('not-a-repository', `${dir} is not in a Git repository; pass the repository's folder with --repo.`));
      }
      const first = message.split('\n').find((line) => line.trim() !== '') ?? error.message;
      const command = args[0] === '-c' ? args[2] : args[0];
      reject(new GitError('failed', `git ${command} failed in ${path.basename(dir) || dir}: ${first.replace(/^(fatal|error): /, '')}`));
    });
  });
}
