// `growth-log git`: the candidates Log from Git offers, listed in a terminal, and added with --add.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCandidates, candidateEntry, loggedCommits, newestCapturedDate, type GitCandidate, type GitCommit } from '../core/capture/gitCandidates';
import { dateProblem, today as todayOf } from '../core/model/entry';
import { addDays } from '../core/packet/period';
import { EntryStore } from '../core/store/store';
import { GitError, readCommits, readRepository } from './gitLog';
import { nodeFolderAccess, withNodeLogLock, writeFileAtomic } from './nodeFolderAccess';

export const GIT_USAGE = `Usage: growth-log git [options]

Lists your commits and merged pull requests as candidate entries, newest first: one per pull
request where the history shows one, otherwise one per commit. Work already logged (its hashes
are in some entry's \`commits\`) is never listed again.

Options:
  --repo DIR       a repository to read (repeatable; default: the current folder)
  --author EMAIL   whose commits (repeatable; default: each repository's user.email)
  --since DATE     first day, YYYY-MM-DD (default: the newest entry captured from git,
                   else 30 days ago)
  --until DATE     last day, YYYY-MM-DD (default: today)
  --today DATE     treat DATE as today
  --json           print the candidates as JSON
  --add            add one entry per candidate to the log
  --dir DIR        the log folder (default: brag)
  -h, --help       show this help
`;

type Write = (text: string) => void;

/** Runs the command; exit codes: 0 done (also with nothing to offer), 1 git or the log failed, 2 bad arguments. */
export async function runGitCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        repo: { type: 'string', multiple: true },
        author: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        today: { type: 'string' },
        json: { type: 'boolean', default: false },
        add: { type: 'boolean', default: false },
        dir: { type: 'string', default: 'brag' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), err);
  }
  const values = parsed;
  if (values.help) {
    out(GIT_USAGE);
    return 0;
  }
  for (const option of ['since', 'until', 'today'] as const) {
    const value = values[option];
    const problem = value === undefined ? undefined : dateProblem(value);
    if (problem) return usageError(`--${option}: ${problem}`, err);
  }
  const authors = (values.author ?? []).map((a) => a.trim()).filter(Boolean);

  const dir = path.resolve(values.dir ?? 'brag');
  const store = await loadStore(dir);
  const today = values.today ?? todayOf();
  const since = values.since ?? newestCapturedDate(store.entries) ?? addDays(today, -30);
  const until = values.until ?? today;
  if (since > until) return usageError(`--since ${since} is after --until ${until}.`, err);

  const histories: History[] = [];
  const looked: string[] = [];
  try {
    for (const repo of values.repo?.length ? values.repo : ['.']) {
      const info = await readRepository(path.resolve(repo));
      const label = path.basename(info.root.replace(/[\\/]\.git$/, '')) || info.root;
      if (info.empty) {
        err(`growth-log git: ${label} has no commits yet.\n`);
        continue;
      }
      const emails = authors.length ? authors : info.userEmail ? [info.userEmail] : [];
      if (emails.length === 0) {
        err(`growth-log git: ${label} has no user.email and no --author was given; set one (git config user.email you@example.com) or pass --author EMAIL.\n`);
        return 1;
      }
      looked.push(`${emails.join(', ')} in ${label}`);
      histories.push({ label, remoteUrl: info.remoteUrl, commits: await readCommits(info.root, { since, until, authors: emails }) });
    }
  } catch (error) {
    if (error instanceof GitError) {
      err(`growth-log git: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const candidates = candidatesOf(histories, loggedCommits(store.entries));

  if (values.json && !values.add) {
    out(`${JSON.stringify(candidates, null, 2)}\n`);
    return 0;
  }
  if (candidates.length === 0) {
    const who = looked.length ? ` by ${looked.join('; ')}` : '';
    out(`Nothing new to log: no commits${who} from ${since} to ${until} that are not logged already.\n`);
    return 0;
  }
  if (!values.add) {
    for (const line of candidateLines(candidates)) out(`${line}\n`);
    return 0;
  }

  // Reading the log again, planning and writing are one step under the folder's lock, and work
  // logged meanwhile (by the extension, another run) is not added twice.
  const added = await withNodeLogLock(dir, async () => {
    const fresh = await loadStore(dir);
    const ids: string[] = [];
    for (const candidate of candidatesOf(histories, loggedCommits(fresh.entries))) {
      const plan = await fresh.planAdd(candidateEntry(candidate));
      await writeFileAtomic(plan.file, plan.after);
      await fresh.reloadFile(plan.file, plan.after);
      ids.push(plan.id);
    }
    return ids;
  });
  if (values.json) out(`${JSON.stringify(added, null, 2)}\n`);
  else out(`Added ${added.length} ${added.length === 1 ? 'entry' : 'entries'} to ${path.relative(process.cwd(), dir) || '.'}.\n`);
  return 0;
}

interface History {
  readonly label: string;
  readonly remoteUrl: string | undefined;
  readonly commits: readonly GitCommit[];
}

/** Every repository's candidates, newest first. */
function candidatesOf(histories: readonly History[], logged: ReadonlySet<string>): GitCandidate[] {
  const candidates = histories.flatMap((h) => buildCandidates(h.commits, { repository: h.label, remoteUrl: h.remoteUrl, logged }));
  // Stable: within a day, each repository's own order (by history) stays.
  return candidates.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** `2026-03-05  #812     +120 -30  Add retries to the importer  [billing]`, columns aligned. */
export function candidateLines(candidates: readonly GitCandidate[]): string[] {
  const refs = candidates.map((c) => (c.pullRequest !== undefined ? `#${c.pullRequest}` : c.commits[0].slice(0, 7)));
  const stats = candidates.map((c) => `+${c.insertions} -${c.deletions}`);
  const refWidth = Math.max(...refs.map((r) => r.length));
  const statWidth = Math.max(...stats.map((s) => s.length));
  return candidates.map((c, i) => `${c.date}  ${refs[i].padEnd(refWidth)}  ${stats[i].padEnd(statWidth)}  ${c.title}  [${c.repository}]`);
}

async function loadStore(dir: string): Promise<EntryStore> {
  const store = new EntryStore(nodeFolderAccess(dir));
  await store.loadAll();
  return store;
}

function usageError(message: string, err: Write): number {
  err(`growth-log git: ${message}\n\n${GIT_USAGE}`);
  return 2;
}
