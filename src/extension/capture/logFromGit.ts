// Growth Log: Log from Git…: the user's commits and merged pull requests, read through VS Code's
// built-in Git extension, become candidate entries picked in a QuickPick. Work already logged
// (its hashes are in some entry's `commits`) is never offered again.
import * as vscode from 'vscode';
import {
  buildCandidates,
  candidateEntry,
  combinedEntry,
  loggedCommits,
  newestCapturedDate,
  type GitCandidate,
  type GitCommit,
} from '../../core/capture/gitCandidates';
import { dateProblem as whyNotADate, today, type NewEntry } from '../../core/model/entry';
import { LogError } from '../../core/model/problem';
import { applyToLog } from '../log/logEdits';
import type { LogWrites } from '../log/lastChange';
import type { Command } from '../workbench/commands';
import { MultiStepInput, type InputStep } from '../workbench/multiStepInput';
import { logForCapture, type CaptureDeps } from './addEntry';
import type { Commit, GitAPI, GitExtension, Repository } from './gitApi';

const TITLE = 'Log from Git';
/** Commits read per call: a page, so a long history is read only back to the period's start. */
const PAGE = 200;

interface Period {
  readonly since: string;
  readonly until: string;
  readonly label: string;
}

interface CandidateItem extends vscode.QuickPickItem {
  readonly candidate?: GitCandidate;
}

export function logFromGitCommand(deps: CaptureDeps): Command {
  return {
    id: 'growthLog.logFromGit',
    async execute() {
      const git = await gitApi();
      const log = await logForCapture(deps.logs);
      if (!log) return;
      const repositories = await pickRepositories(deps, git);
      if (!repositories) return;
      const period = await pickPeriod(deps, newestCapturedDate(log.store.entries));
      if (!period) return;
      const emails = await authorEmails(repositories, log.workspaceFolder);
      if (emails.length === 0) {
        throw new LogError('invalid', 'Growth Log does not know your email: set `user.email` in git, or list your emails in the growthLog.git.authorEmails setting.');
      }
      const logged = loggedCommits(log.store.entries);
      const candidates = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Reading your commits', cancellable: true },
        async (progress, token) => {
          const all: GitCandidate[] = [];
          for (const repository of repositories) {
            progress.report({ message: repositoryName(repository) });
            const commits = await readCommits(repository, emails, period, token);
            if (token.isCancellationRequested) return undefined;
            all.push(...buildCandidates(commits, { repository: repositoryName(repository), remoteUrl: remoteUrl(repository), logged }));
          }
          return all;
        },
      );
      if (!candidates) return;
      if (candidates.length === 0) {
        const where = repositories.map(repositoryName).join(', ');
        void vscode.window.showInformationMessage(`No new commits by ${emails.join(' or ')} ${period.label} in ${where}; work already logged is not offered again.`);
        return;
      }
      const entries = await chooseEntries(deps, candidates);
      if (!entries) return;
      const done: LogWrites[] = [];
      let last: { file: string; id: string } | undefined;
      for (const entry of entries) {
        // One write per entry, each planned on the file as the one before left it.
        const [write] = await applyToLog(log, async () => [await log.store.planAdd(entry)]);
        done.push({ log, writes: [write] });
        last = write;
      }
      deps.lastChange.record(done, `Logged ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} from git.`, { notify: true });
      if (last) await deps.reveal(last.file, last.id);
    },
  };
}

/** The Git extension's API once it is ready, or a clear reason why there is none. */
async function gitApi(): Promise<GitAPI> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) throw new LogError('invalid', 'The built-in Git extension is disabled; enable it in the Extensions view to log from git.');
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports.enabled) throw new LogError('invalid', 'Git is turned off in this window (the git.enabled setting); turn it on to log from git.');
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const listener = api.onDidChangeState((state) => {
        if (state === 'initialized') {
          listener.dispose();
          resolve();
        }
      });
    });
  }
  return api;
}

async function pickRepositories(deps: CaptureDeps, git: GitAPI): Promise<readonly Repository[] | undefined> {
  const repositories = git.repositories;
  if (repositories.length === 0) throw new LogError('not-found', 'There is no Git repository in this workspace; open the folder of a repository to log its commits.');
  if (repositories.length === 1) return repositories;
  const items = repositories.map((repository) => ({ label: repositoryName(repository), description: vscode.workspace.asRelativePath(repository.rootUri), repository }));
  const answer = await askPickMany(deps, items, 'Read the commits of which repositories?');
  return answer && answer.length > 0 ? answer.map((item) => item.repository) : undefined;
}

async function askPickMany<T extends vscode.QuickPickItem>(deps: CaptureDeps, items: readonly T[], placeholder: string): Promise<readonly T[] | undefined> {
  let answer: readonly T[] | undefined;
  const finished = await MultiStepInput.run(deps.inputs, async (input) => {
    answer = (await input.showQuickPick({ title: TITLE, placeholder, items, canSelectMany: true, selected: items })).items;
  });
  return finished ? answer : undefined;
}

async function pickPeriod(deps: CaptureDeps, newestCaptured: string | undefined): Promise<Period | undefined> {
  const now = today();
  const daysAgo = (days: number) => {
    const date = new Date(`${now}T12:00:00`);
    date.setDate(date.getDate() - days);
    return today(date);
  };
  const items = [
    ...(newestCaptured ? [{ label: 'Since the last entry captured from git', description: `${newestCaptured} to ${now}`, period: { since: newestCaptured, until: now, label: `since ${newestCaptured}` } }] : []),
    { label: 'Last 7 days', description: `${daysAgo(7)} to ${now}`, period: { since: daysAgo(7), until: now, label: 'in the last 7 days' } },
    { label: 'Last 30 days', description: `${daysAgo(30)} to ${now}`, period: { since: daysAgo(30), until: now, label: 'in the last 30 days' } },
    { label: 'Custom range…', description: 'two dates, both included', period: undefined },
  ];
  let period: Period | undefined;
  const first: InputStep = async (input) => {
    const picked = (await input.showQuickPick({ title: TITLE, placeholder: 'Which commits? (authored in this period)', items, active: items[0] })).items[0];
    if (picked?.period) {
      period = picked.period;
      return;
    }
    let since = daysAgo(90);
    return async (input2) => {
      since = (await input2.showInputBox({ title: TITLE, value: since, prompt: 'From (YYYY-MM-DD, included)', validate: (v) => dateMessage(v) })).trim();
      return async (input3) => {
        const until = (await input3.showInputBox({ title: TITLE, value: now, prompt: 'To (YYYY-MM-DD, included)', validate: (v) => dateMessage(v) ?? (v.trim() < since ? 'The end comes before the start.' : undefined) })).trim();
        period = { since, until, label: `from ${since} to ${until}` };
      };
    };
  };
  return (await MultiStepInput.run(deps.inputs, first)) ? period : undefined;
}

function dateMessage(value: string): string | undefined {
  return whyNotADate(value.trim())?.replace(/`/g, '');
}

/** The repository's `user.email` and the emails in the setting, each once. */
async function authorEmails(repositories: readonly Repository[], folder: vscode.WorkspaceFolder): Promise<string[]> {
  const emails = new Set<string>();
  for (const repository of repositories) {
    const email = await repository.getConfig('user.email').then((value) => value.trim(), () => '');
    if (email) emails.add(email);
  }
  for (const email of vscode.workspace.getConfiguration('growthLog', folder).get<string[]>('git.authorEmails') ?? []) {
    if (typeof email === 'string' && email.trim()) emails.add(email.trim());
  }
  return [...emails];
}

/**
 * The commits of `emails` authored in the period, read page by page from the newest and stopped
 * as soon as a page reaches back past the period's start: never the whole history.
 */
async function readCommits(repository: Repository, emails: readonly string[], period: Period, token: vscode.CancellationToken): Promise<GitCommit[]> {
  const byHash = new Map<string, GitCommit>();
  const start = new Date(`${period.since}T00:00:00`).getTime();
  const end = new Date(`${period.until}T23:59:59.999`).getTime();
  for (const email of emails) {
    for (let skip = 0; !token.isCancellationRequested; skip += PAGE) {
      const page = await repository.log({ maxEntries: PAGE, skip, author: escapeRegExp(email), shortStats: true });
      for (const commit of page) {
        const authored = (commit.authorDate ?? commit.commitDate)?.getTime();
        if (authored !== undefined && authored >= start && authored <= end) byHash.set(commit.hash, toGitCommit(commit, email));
      }
      const oldest = page[page.length - 1];
      // History is newest first by commit date; a commit is never committed before it is authored.
      if (page.length < PAGE || !oldest || (oldest.commitDate ?? oldest.authorDate ?? new Date(0)).getTime() < start) break;
    }
  }
  return [...byHash.values()];
}

function toGitCommit(commit: Commit, email: string): GitCommit {
  return {
    hash: commit.hash,
    parents: commit.parents,
    authorEmail: commit.authorEmail ?? email,
    authorDate: localTime(commit.authorDate ?? commit.commitDate ?? new Date()),
    message: commit.message,
    insertions: commit.shortStat?.insertions,
    deletions: commit.shortStat?.deletions,
  };
}

/** The time in this machine's zone with its offset, so the entry's date is the day the user saw. */
function localTime(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function repositoryName(repository: Repository): string {
  const path = repository.rootUri.path.replace(/\/$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

function remoteUrl(repository: Repository): string | undefined {
  const remotes = repository.state.remotes;
  const origin = remotes.find((remote) => remote.name === 'origin') ?? remotes[0];
  return origin?.fetchUrl ?? origin?.pushUrl;
}

/** The candidates picked, grouped by repository, then one entry each or all combined in one. */
async function chooseEntries(deps: CaptureDeps, candidates: readonly GitCandidate[]): Promise<NewEntry[] | undefined> {
  const items: CandidateItem[] = [];
  for (const repository of [...new Set(candidates.map((c) => c.repository))]) {
    items.push({ label: repository, kind: vscode.QuickPickItemKind.Separator });
    for (const candidate of candidates.filter((c) => c.repository === repository)) {
      const ref = candidate.pullRequest !== undefined ? `#${candidate.pullRequest}` : candidate.commits[0].slice(0, 7);
      items.push({
        label: candidate.title,
        description: `${candidate.date} · ${ref} · +${candidate.insertions} −${candidate.deletions}`,
        detail: candidate.tags.length > 0 ? candidate.tags.map((t) => `#${t}`).join(' ') : undefined,
        candidate,
      });
    }
  }
  let picked: GitCandidate[] = [];
  let combine = false;
  let combinedTitle = '';
  const impacts: string[] = [];
  const pick: InputStep = async (input) => {
    const result = await input.showQuickPick({ title: TITLE, placeholder: 'Check the work to log (Space checks, Enter logs)', items, canSelectMany: true, matchOnDetail: true });
    picked = result.items.flatMap((item) => (item.candidate ? [item.candidate] : []));
    // Enter with nothing checked logs nothing, like Escape.
    if (picked.length === 0) return;
    return picked.length > 1 ? how : impact(0);
  };
  const how: InputStep = async (input) => {
    const choices = [
      { label: 'One entry each', description: `${picked.length} entries`, combine: false },
      { label: 'Combine into one entry', description: 'you give the title', combine: true },
    ];
    combine = (await input.showQuickPick({ title: TITLE, placeholder: `Log the ${picked.length} picks as…`, items: choices, active: choices[0] })).items[0]?.combine ?? false;
    if (!combine) return impact(0);
    return async (titleInput) => {
      combinedTitle = (
        await titleInput.showInputBox({ title: TITLE, value: combinedTitle || picked[0].title, prompt: 'The title of the combined entry: what you did, in one line', validate: (v) => (v.trim() ? undefined : 'An entry needs a title.') })
      ).trim();
      return impact(0);
    };
  };
  const impact =
    (index: number): InputStep =>
    async (input) => {
      const titles = combine ? [combinedTitle] : picked.map((c) => c.title);
      impacts[index] = (
        await input.showInputBox({ title: TITLE, value: impacts[index] ?? '', prompt: `The impact of “${titles[index]}” (numbers where you can; Enter to leave it empty)`, validate: () => undefined })
      ).trim();
      if (index + 1 < titles.length) return impact(index + 1);
    };
  if (!(await MultiStepInput.run(deps.inputs, pick)) || picked.length === 0) return undefined;
  const impactOf = (i: number) => impacts[i] || undefined;
  return combine ? [combinedEntry(picked, combinedTitle, impactOf(0))] : picked.map((candidate, i) => candidateEntry(candidate, impactOf(i)));
}
