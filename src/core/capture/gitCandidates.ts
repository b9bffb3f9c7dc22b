// Capture from Git: a repository's history, read by an adapter, becomes candidate entries. One
// candidate per pull request where the history shows one, otherwise one per commit; noise (merges
// of a branch, fixups, a change and its revert) and work already logged are left out.
import { normalizeTag, type NewEntry } from '../model/entry';

/** One commit as an adapter reads it (`git log`, or VS Code's Git extension). */
export interface GitCommit {
  readonly hash: string;
  readonly parents: readonly string[];
  readonly authorEmail: string;
  /** ISO 8601 (`%aI`) or any text `Date` parses. */
  readonly authorDate: string;
  /** The full message: subject, blank line, body. */
  readonly message: string;
  /** Lines added and removed; for a merge, relative to its first parent (what the merge brought). */
  readonly insertions?: number;
  readonly deletions?: number;
}

/** Something the user may log: a pull request, or one commit. */
export interface GitCandidate {
  /** Stable across runs: `pr:<repository>#<n>` or `commit:<hash>`. */
  readonly key: string;
  readonly repository: string;
  /** The pull request's title, else the commit's subject, without a conventional-commit prefix. */
  readonly title: string;
  /** YYYY-MM-DD: the author date of the merge, squash or commit, as a calendar read where it was written. */
  readonly date: string;
  readonly pullRequest?: number;
  /** Full hashes this candidate stands for, the merge or squash commit first. */
  readonly commits: readonly string[];
  readonly insertions: number;
  readonly deletions: number;
  /** Suggested tags: the conventional-commit scope (`feat(billing): ...` suggests `billing`). */
  readonly tags: readonly string[];
  /** The pull request's page when the host is known, else the commit's page, else undefined. */
  readonly link?: string;
}

export interface CandidateOptions {
  /** A label for the repository, such as its folder name. */
  readonly repository: string;
  /** The `origin` remote, for links: `git@github.com:acme/billing.git` and the like. */
  readonly remoteUrl?: string;
  /** Hashes already in some entry's `commits` (full, or abbreviated to 7 or more digits). */
  readonly logged: ReadonlySet<string>;
}

export interface WebLinks {
  commit(hash: string): string;
  pullRequest(n: number): string;
}

/**
 * The candidates in `commits`, newest first.
 *
 * - A merge `Merge pull request #812 from owner/branch` (GitHub) or one whose body says `See merge
 *   request group/project!42` (GitLab) is one candidate titled by the first line of its body. It
 *   stands for the merge and the commits it brought in: those reachable from its second parent
 *   and not from its first, as far as `commits` show. When `commits` hold only the user's own
 *   commits the first parent's side may be missing, so the walk also stops at another pull
 *   request's commit and at a commit with a child here outside the branch (where it forked).
 *   Only a base whose every later commit on the main line is someone else's can then be
 *   counted in with the pull request.
 * - A commit `Add retries to the importer (#812)` (a squash merge) is pull request 812, titled
 *   without the suffix.
 * - Any other commit is a candidate of its own; a merge without a pull request (`Merge branch
 *   'main' into feature`) and `fixup!`, `squash!` and `amend!` commits are none.
 * - A revert (`This reverts commit <hash>.`) and the candidate holding the reverted commit are both
 *   left out when both are here and they are not one candidate; a revert of older work stays.
 * - A candidate with any commit in `options.logged` is left out: that work is logged.
 *
 * Titles lose a conventional-commit prefix (`feat(billing)!: `), whose scope becomes a tag, and
 * start with a capital, as a sentence in a packet does. Line counts are the merge's own when it
 * has them (relative to its first parent they cover the whole pull request, so its commits are not
 * added again), else the sum over the candidate's commits.
 */
export function buildCandidates(commits: readonly GitCommit[], options: CandidateOptions): GitCandidate[] {
  const graph = new CommitGraph(commits);
  const links = options.remoteUrl ? webLinks(options.remoteUrl) : undefined;
  const claimed = new Set<number>();
  const groups: Group[] = [];
  const groupOf = new Map<number, Group>();
  const byPullRequest = new Map<number, Group>();
  const add = (head: number, members: number[], pullRequest: number | undefined, title: string) => {
    const existing = pullRequest === undefined ? undefined : byPullRequest.get(pullRequest);
    // Two commits naming one pull request (a merge and a later squash of a fix-up) are one piece of work.
    const group = existing ?? { head, members: [], pullRequest, title };
    if (!existing) {
      groups.push(group);
      if (pullRequest !== undefined) byPullRequest.set(pullRequest, group);
    }
    for (const member of members) {
      group.members.push(member);
      groupOf.set(member, group);
      claimed.add(member);
    }
  };

  for (const index of graph.order) {
    if (claimed.has(index)) continue;
    const head = graph.heads[index];
    if (head.merge) {
      if (head.pullRequest === undefined) continue;
      const brought = graph.broughtIn(index, claimed);
      add(index, [index, ...brought], head.pullRequest, head.title ?? fallbackTitle(graph, head, brought));
    } else if (!head.fixup) {
      add(index, [index], head.pullRequest, head.subject);
    }
  }

  const dropped = new Set<Group>();
  for (const index of graph.order) {
    const target = graph.heads[index].reverts;
    if (target === undefined) continue;
    const revertGroup = groupOf.get(index);
    if (revertGroup && dropped.has(revertGroup)) continue;
    const targetIndex = graph.find(target);
    if (targetIndex === undefined) continue;
    const targetGroup = groupOf.get(targetIndex);
    if (targetGroup === revertGroup) continue;
    if (revertGroup) dropped.add(revertGroup);
    if (targetGroup) dropped.add(targetGroup);
  }

  const isLogged = loggedTest(options.logged);
  const candidates: { candidate: GitCandidate; order: number }[] = [];
  for (const group of groups) {
    if (dropped.has(group)) continue;
    const members = group.members.map((i) => graph.commits[i]);
    if (members.some((c) => isLogged(c.hash))) continue;
    const headCommit = graph.commits[group.head];
    const { title, tags } = cleanTitle(group.title);
    const memberTags = tags.length > 0 ? tags : unique(members.flatMap((c) => cleanTitle(subjectOf(c.message)).tags));
    const ownStats = graph.heads[group.head].merge && (headCommit.insertions !== undefined || headCommit.deletions !== undefined);
    const counted = ownStats ? [headCommit] : members;
    const link =
      group.pullRequest !== undefined && links ? links.pullRequest(group.pullRequest) : links ? links.commit(headCommit.hash) : undefined;
    candidates.push({
      order: graph.rank[group.head],
      candidate: {
        key: group.pullRequest !== undefined ? `pr:${options.repository}#${group.pullRequest}` : `commit:${headCommit.hash}`,
        repository: options.repository,
        title,
        date: authoredOn(headCommit.authorDate),
        ...(group.pullRequest !== undefined ? { pullRequest: group.pullRequest } : {}),
        commits: members.map((c) => c.hash),
        insertions: counted.reduce((sum, c) => sum + (c.insertions ?? 0), 0),
        deletions: counted.reduce((sum, c) => sum + (c.deletions ?? 0), 0),
        tags: memberTags,
        ...(link !== undefined ? { link } : {}),
      },
    });
  }
  candidates.sort((a, b) => (a.candidate.date < b.candidate.date ? 1 : a.candidate.date > b.candidate.date ? -1 : a.order - b.order));
  return candidates.map((c) => c.candidate);
}

/** Every hash listed in the entries' `commits`, lower case. */
export function loggedCommits(entries: readonly { commits: readonly string[] }[]): Set<string> {
  const logged = new Set<string>();
  for (const entry of entries) for (const hash of entry.commits) logged.add(hash.trim().toLowerCase());
  return logged;
}

/** The entry one candidate becomes. */
export function candidateEntry(candidate: GitCandidate, impact?: string): NewEntry {
  return entryOf(candidate.date, candidate.title, [candidate], impact);
}

/** One entry for several candidates: the newest date, and every commit, link and tag. */
export function combinedEntry(candidates: readonly GitCandidate[], title: string, impact?: string): NewEntry {
  const date = candidates.reduce((newest, c) => (c.date > newest ? c.date : newest), candidates[0]?.date ?? '');
  return entryOf(date, title.trim(), candidates, impact);
}

function entryOf(date: string, title: string, candidates: readonly GitCandidate[], impact: string | undefined): NewEntry {
  const trimmed = impact?.trim();
  return {
    date,
    title,
    type: 'project',
    ...(trimmed ? { impact: trimmed } : {}),
    tags: unique(candidates.flatMap((c) => c.tags)),
    links: unique(candidates.flatMap((c) => (c.link ? [c.link] : []))),
    commits: unique(candidates.flatMap((c) => c.commits)),
  };
}

/** The date of the newest entry captured from git: where the next capture's period starts. */
export function newestCapturedDate(entries: readonly { date: string; commits: readonly string[] }[]): string | undefined {
  let newest: string | undefined;
  for (const entry of entries) if (entry.commits.length > 0 && (newest === undefined || entry.date > newest)) newest = entry.date;
  return newest;
}

/**
 * Page addresses on GitHub, GitLab, Bitbucket and Azure DevOps for an SSH or HTTPS remote, or
 * undefined for a host it does not know. A host named like one of them (`github.acme.com`,
 * `gitlab.acme.com`) is taken as that product's self-hosted edition. Credentials in the remote
 * never reach a link.
 */
export function webLinks(remoteUrl: string): WebLinks | undefined {
  const remote = parseRemote(remoteUrl.trim());
  if (!remote) return undefined;
  const { host, path } = remote;
  const azure = azureRepository(host, path);
  if (azure) {
    return { commit: (hash) => `${azure}/commit/${hash}`, pullRequest: (n) => `${azure}/pullrequest/${n}` };
  }
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 2) return undefined;
  const base = `https://${host}/${segments.join('/')}`;
  if (host === 'bitbucket.org') {
    return { commit: (hash) => `${base}/commits/${hash}`, pullRequest: (n) => `${base}/pull-requests/${n}` };
  }
  if (host.includes('gitlab')) return { commit: (hash) => `${base}/-/commit/${hash}`, pullRequest: (n) => `${base}/-/merge_requests/${n}` };
  if (host.includes('github')) return { commit: (hash) => `${base}/commit/${hash}`, pullRequest: (n) => `${base}/pull/${n}` };
  return undefined;
}

/** Host (lower case, no user, no port) and path (no `.git`, no slashes around it) of a remote. */
function parseRemote(url: string): { host: string; path: string } | undefined {
  let host: string;
  let path: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scp) {
    host = scp[1];
    path = scp[2];
  } else return undefined;
  path = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  return host && path ? { host: host.toLowerCase(), path } : undefined;
}

/** `https://dev.azure.com/org/project/_git/repo` for any of Azure DevOps' remote forms. */
function azureRepository(host: string, path: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  const encode = (parts: string[]) => parts.map(encodeURIComponent).join('/');
  if (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com' || host.endsWith('.vs-ssh.visualstudio.com')) {
    // v3/org/project/repo
    if (segments[0] !== 'v3' || segments.length !== 4) return undefined;
    return `https://dev.azure.com/${encode(segments.slice(1, 3))}/_git/${encode([segments[3]])}`;
  }
  if (host === 'dev.azure.com') {
    // org/project/_git/repo
    if (segments.length !== 4 || segments[2] !== '_git') return undefined;
    return `https://dev.azure.com/${encode(segments.slice(0, 2))}/_git/${encode([segments[3]])}`;
  }
  if (host.endsWith('.visualstudio.com')) {
    // org.visualstudio.com/project/_git/repo, also with a DefaultCollection segment.
    const org = host.slice(0, -'.visualstudio.com'.length);
    const rest = segments[0] === 'DefaultCollection' ? segments.slice(1) : segments;
    if (rest.length !== 3 || rest[1] !== '_git') return undefined;
    return `https://dev.azure.com/${encode([org, rest[0]])}/_git/${encode([rest[2]])}`;
  }
  return undefined;
}

interface Group {
  readonly head: number;
  readonly members: number[];
  readonly pullRequest: number | undefined;
  readonly title: string;
}

/** What a commit's message says about it. */
interface Head {
  readonly subject: string;
  /** Two or more parents, or a merge's subject on a commit whose parents a shallow clone cut off. */
  readonly merge: boolean;
  readonly pullRequest?: number;
  /** A merge's pull request title, from its body. */
  readonly title?: string;
  /** For a GitHub merge: `owner/branch`, a title when the body has none. */
  readonly branch?: string;
  readonly fixup: boolean;
  /** The hash (maybe abbreviated) a revert reverts. */
  readonly reverts?: string;
}

const GITHUB_MERGE = /^Merge pull request #(\d+) from (\S+)/;
const GITLAB_MERGE = /^Merge branch '.+' into '.+'/;
const GITLAB_MERGE_REQUEST = /^See merge request (?:\S+)?!(\d+)\s*$/m;
const SQUASH_SUFFIX = /\s*\(#(\d+)\)$/;
const REVERTS = /This reverts commit ([0-9a-f]{7,64})\b/i;
const FIXUP = /^(?:fixup|squash|amend)! /;

function readHead(commit: GitCommit): Head {
  const message = commit.message.replace(/\r\n/g, '\n');
  const subject = subjectOf(message);
  const body = message.slice(message.indexOf(subject) + subject.length);
  const reverts = REVERTS.exec(body)?.[1]?.toLowerCase();
  const github = GITHUB_MERGE.exec(subject);
  const merge = commit.parents.length > 1 || github !== null || (commit.parents.length === 0 && GITLAB_MERGE.test(subject));
  const base = { subject, merge, fixup: FIXUP.test(subject), ...(reverts ? { reverts } : {}) };
  if (merge) {
    const gitlab = github ? undefined : GITLAB_MERGE_REQUEST.exec(body);
    const number = github?.[1] ?? gitlab?.[1];
    if (number === undefined) return base;
    const title = body
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !GITLAB_MERGE_REQUEST.test(line));
    return { ...base, pullRequest: Number(number), ...(title ? { title } : {}), ...(github ? { branch: github[2] } : {}) };
  }
  const squash = SQUASH_SUFFIX.exec(subject);
  if (squash) return { ...base, pullRequest: Number(squash[1]), subject: subject.slice(0, squash.index) };
  return base;
}

function subjectOf(message: string): string {
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

function fallbackTitle(graph: CommitGraph, head: Head, brought: readonly number[]): string {
  const ordinary = brought.filter((i) => graph.commits[i].parents.length <= 1 && !graph.heads[i].fixup);
  if (ordinary.length === 1) return graph.heads[ordinary[0]].subject;
  return head.branch ? `Pull request #${head.pullRequest} from ${head.branch}` : head.subject;
}

const CONVENTIONAL = /^(?:feat|feature|fix|bugfix|hotfix|docs|style|refactor|perf|test|tests|build|ci|chore|revert|deps|security)(?:\(([^)]*)\))?!?:\s+(.+)$/i;

/** The title without a conventional-commit prefix, and the prefix's scope as tags. */
function cleanTitle(title: string): { title: string; tags: string[] } {
  const match = CONVENTIONAL.exec(title.trim());
  if (!match) return { title: title.trim(), tags: [] };
  const tags = (match[1] ?? '')
    .split(',')
    .map(normalizeTag)
    .filter((tag) => tag !== '' && tag !== '*');
  const rest = match[2].trim();
  return { title: rest.charAt(0).toUpperCase() + rest.slice(1), tags: unique(tags) };
}

/**
 * The day, YYYY-MM-DD, of an author date as the author's calendar showed it: the date part of an ISO date with an offset (git's
 * `%aI`) is that, so it is taken as written; other text is read by `Date`, shifted by the offset
 * it names (`+0100`), else read as UTC.
 */
export function authoredOn(text: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(text.trim());
  if (iso) return iso[1];
  const time = Date.parse(text);
  if (Number.isNaN(time)) return '';
  const offset = /([+-])(\d{2}):?(\d{2})\s*$/.exec(text.trim());
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(time + minutes * 60_000).toISOString().slice(0, 10);
}

/** Whether a full hash is logged, also when an entry lists it abbreviated. */
function loggedTest(logged: ReadonlySet<string>): (hash: string) => boolean {
  const lengths = new Set<number>();
  for (const hash of logged) lengths.add(hash.length);
  return (hash) => {
    const lower = hash.toLowerCase();
    for (const length of lengths) if (length <= lower.length && logged.has(lower.slice(0, length))) return true;
    return false;
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

const FIRST = 1;
const SECOND = 2;

/** The commits as a graph over their indexes, children before parents. */
class CommitGraph {
  readonly commits: readonly GitCommit[];
  readonly heads: readonly Head[];
  /** Indexes, children before parents (the input's order where it allows). */
  readonly order: readonly number[];
  /** Each index's place in `order`. */
  readonly rank: readonly number[];
  private readonly byHash = new Map<string, number>();
  private readonly parentIndexes: readonly (readonly number[])[];
  private readonly childIndexes: readonly (readonly number[])[];

  constructor(input: readonly GitCommit[]) {
    // One commit per hash: an adapter that merged pages may repeat one.
    const seen = new Set<string>();
    this.commits = input.filter((c) => !seen.has(c.hash) && seen.add(c.hash));
    this.commits.forEach((c, i) => this.byHash.set(c.hash.toLowerCase(), i));
    this.heads = this.commits.map(readHead);
    this.parentIndexes = this.commits.map((c) => c.parents.map((p) => this.byHash.get(p.toLowerCase()) ?? -1));
    const children: number[][] = this.commits.map(() => []);
    this.parentIndexes.forEach((parents, child) => parents.forEach((p) => p >= 0 && children[p].push(child)));
    this.childIndexes = children;
    this.order = this.topologicalOrder();
    const rank: number[] = new Array<number>(this.commits.length);
    this.order.forEach((index, place) => (rank[index] = place));
    this.rank = rank;
  }

  /** The commit with this hash, or one abbreviated to it. */
  find(hash: string): number | undefined {
    const exact = this.byHash.get(hash);
    if (exact !== undefined || hash.length >= 40) return exact;
    for (const [full, index] of this.byHash) if (full.startsWith(hash)) return index;
    return undefined;
  }

  /**
   * The commits a merge brought in: reachable from its other parents and not from its first. Both
   * sides are painted walking down the order, newest first, until only the first parent's side is
   * left (git's merge-base walk). The walk stops at commits another pull request claimed or that
   * are pull requests themselves, which belong to the main line.
   */
  broughtIn(merge: number, claimed: ReadonlySet<number>): number[] {
    const paint = new Map<number, number>();
    const queue = new RankQueue(this.rank);
    const mark = (index: number, color: number) => {
      if (index < 0) return;
      const before = paint.get(index) ?? 0;
      if ((before | color) === before) return;
      paint.set(index, before | color);
      queue.push(index);
    };
    const [first, ...others] = this.parentIndexes[merge];
    mark(first, FIRST);
    for (const other of others) mark(other, SECOND);
    const brought: number[] = [];
    // Popped in order, a commit's children are all behind it, so its colour is final when it first comes out.
    const done = new Set<number>();
    const inBranch = new Set<number>([merge]);
    while (queue.size > 0 && queue.some((i) => paint.get(i) === SECOND)) {
      const index = queue.pop();
      if (done.has(index)) continue;
      done.add(index);
      let color = paint.get(index) ?? 0;
      if (color === SECOND && (claimed.has(index) || this.heads[index].pullRequest !== undefined || this.forksFrom(index, merge, inBranch))) {
        color = FIRST | SECOND;
        paint.set(index, color);
      }
      if (color === SECOND) {
        brought.push(index);
        inBranch.add(index);
      }
      for (const parent of this.parentIndexes[index]) mark(parent, color);
    }
    return brought;
  }

  /**
   * Whether a commit has a child here outside the branch: then it is where the branch started,
   * on the main line. This finds the base when the first parent's side is not in the list (only
   * the user's commits were read, and the main line's newer commits are someone else's). Every
   * commit read is reachable from HEAD, so such a child is on a line that also reaches the base.
   */
  private forksFrom(index: number, merge: number, inBranch: ReadonlySet<number>): boolean {
    return this.childIndexes[index].some((child) => !inBranch.has(child) && child !== merge);
  }

  /** Kahn's algorithm over the input order: a commit comes after every child of it that is here. */
  private topologicalOrder(): number[] {
    const children = new Array<number>(this.commits.length).fill(0);
    for (const parents of this.parentIndexes) for (const p of parents) if (p >= 0) children[p]++;
    if (this.parentIndexes.every((parents, i) => parents.every((p) => p < 0 || p > i))) return this.commits.map((_c, i) => i);
    const queue = new RankQueue(this.commits.map((_c, i) => i));
    for (let i = 0; i < children.length; i++) if (children[i] === 0) queue.push(i);
    const order: number[] = [];
    while (queue.size > 0) {
      const index = queue.pop();
      order.push(index);
      for (const p of this.parentIndexes[index]) if (p >= 0 && --children[p] === 0) queue.push(p);
    }
    // A cycle cannot happen in git; were the input to claim one, its commits keep their places.
    if (order.length < this.commits.length) for (let i = 0; i < this.commits.length; i++) if (!order.includes(i)) order.push(i);
    return order;
  }
}

/** A binary min-heap of indexes by their rank. */
class RankQueue {
  private readonly heap: number[] = [];
  constructor(private readonly rank: readonly number[]) {}

  get size(): number {
    return this.heap.length;
  }

  some(test: (index: number) => boolean): boolean {
    return this.heap.some(test);
  }

  push(index: number): void {
    const heap = this.heap;
    heap.push(index);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.rank[heap[parent]] <= this.rank[heap[i]]) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && this.rank[heap[l]] < this.rank[heap[smallest]]) smallest = l;
        if (r < heap.length && this.rank[heap[r]] < this.rank[heap[smallest]]) smallest = r;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}
