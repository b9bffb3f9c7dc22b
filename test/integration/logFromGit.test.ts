// Log from Git through VS Code's real built-in Git extension, on a repository made here with
// fixed dates: pull requests, squashes, fixups and a revert become candidates, picked ones become
// entries with their commits, and a second run offers nothing already logged.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitExtension } from '../../src/extension/capture/gitApi';
import { activateExtension, asInputBox, asQuickPick, eventually, entryTitles, nextInput, pickAndAccept, readText, startCommand, typeAndAccept, workspaceUri } from './driver';

const ME = 'me@example.com';

/** A repository in the workspace with the history a week of work leaves, dated in November 2026. */
function makeRepository(dir: string): Record<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  let clock = Date.parse('2026-11-02T09:00:00Z');
  const git = (args: string[], author = ME) => {
    clock += 3_600_000;
    const date = new Date(clock).toISOString();
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_EMAIL: author, GIT_AUTHOR_NAME: author.split('@')[0], GIT_COMMITTER_EMAIL: author, GIT_COMMITTER_NAME: author.split('@')[0] },
    }).trim();
  };
  const commit = (file: string, message: string, author = ME) => {
    fs.appendFileSync(path.join(dir, file), `${message}\n`);
    git(['add', file], author);
    git(['commit', '-q', '-m', message], author);
    return git(['rev-parse', 'HEAD']);
  };
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.email', ME]);
  git(['config', 'user.name', 'Me']);
  git(['remote', 'add', 'origin', 'git@github.com:acme/app.git']);
  commit('README.md', 'Start the app');
  git(['checkout', '-q', '-b', 'importer']);
  const importer = commit('importer.ts', 'Parse CSV rows');
  git(['checkout', '-q', 'main']);
  git(['merge', '-q', '--no-ff', 'importer', '-m', 'Merge pull request #12 from acme/importer', '-m', 'Add the CSV importer']);
  const merge = git(['rev-parse', 'HEAD']);
  const squash = commit('retry.ts', 'Add retries to the importer (#15)');
  commit('retry.ts', 'fixup! Add retries to the importer (#15)');
  const scoped = commit('billing.ts', 'Send invoices by email');
  const reverted = commit('flag.ts', 'Turn on the new flag');
  git(['revert', '--no-edit', reverted]);
  commit('other.ts', 'Somebody else’s work', 'them@example.com');
  return { importer, merge, squash, scoped };
}

/** Starts Log from Git for November 2026 and returns its list of candidates. */
async function candidatesOfNovember(api: Awaited<ReturnType<typeof activateExtension>>) {
  const { input: period, done } = await startCommand(api, 'growthLog.logFromGit');
  const step = await pickAndAccept(api, period, ['Custom range…']);
  const to = await typeAndAccept(api, step!, '2026-11-01');
  const pickShown = nextInput(api, 20_000);
  await typeAndAccept(api, to!, '2026-11-30');
  return { pick: asQuickPick(await pickShown), done };
}

function candidateLabels(pick: vscode.QuickPick<vscode.QuickPickItem>): string[] {
  return pick.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => i.label);
}

async function gitApi() {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'the built-in Git extension is there');
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.getAPI(1);
}

describe('Log from Git', function () {
  this.timeout(60_000);
  let hashes: Record<string, string>;

  before(async () => {
    // The harness turns git off for quiet runs; these tests turn it on for this window.
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const dir = workspaceUri('repo').fsPath;
    hashes = makeRepository(dir);
    const git = await eventually(async () => {
      const api = await gitApi();
      assert.equal(api.state, 'initialized');
      return api;
    }, 20_000);
    await git.openRepository(vscode.Uri.file(dir));
    await eventually(() => assert.equal(git.repositories.length, 1), 20_000);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('offers pull requests and commits by the user, and logs two picks as entries with their commits and links', async () => {
    const api = await activateExtension();
    const { pick, done } = await candidatesOfNovember(api);
    const labels = candidateLabels(pick);
    assert.deepEqual([...labels].sort(), ['Add retries to the importer', 'Add the CSV importer', 'Start the app', 'Send invoices by email'].sort());
    const pr = pick.items.find((i) => i.label === 'Add the CSV importer');
    assert.match(pr?.description ?? '', /^2026-11-02 · #12 · \+\d+ −\d+$/);
    let step = await pickAndAccept(api, pick, ['Add the CSV importer', 'Add retries to the importer']);
    step = await pickAndAccept(api, step!, ['One entry each']);
    // One impact per entry, newest first, each asked with its title; the second is left empty.
    assert.match(asInputBox(step!).prompt ?? '', /“Add retries to the importer”/);
    step = await typeAndAccept(api, step!, 'failed imports down by half');
    assert.match(asInputBox(step!).prompt ?? '', /“Add the CSV importer”/);
    await typeAndAccept(api, step!, '');
    await done;

    const text = await readText(workspaceUri('brag', '2026.yaml'));
    assert.match(text, /title: Add retries to the importer\n\s+type: project\n\s+impact: failed imports down by half\n/);
    assert.match(text, /title: Add the CSV importer\n\s+type: project\n\s+links:/);
    assert.match(text, /https:\/\/github\.com\/acme\/app\/pull\/12/);
    assert.match(text, /https:\/\/github\.com\/acme\/app\/pull\/15/);
    for (const hash of [hashes.merge, hashes.importer, hashes.squash]) assert.ok(text.includes(hash), `${hash} is recorded in commits`);
    await eventually(async () => {
      const titles = await entryTitles(api);
      assert.ok(titles.includes('Add the CSV importer') && titles.includes('Add retries to the importer'));
    });
  });

  it('does not offer work already logged a second time', async () => {
    const api = await activateExtension();
    const { pick, done } = await candidatesOfNovember(api);
    const labels = candidateLabels(pick);
    assert.deepEqual([...labels].sort(), ['Start the app', 'Send invoices by email'].sort());
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
  });

  it('writes nothing when the period holds none of the user’s commits', async () => {
    const api = await activateExtension();
    const before = await readText(workspaceUri('brag', '2026.yaml'));
    const { input: period, done } = await startCommand(api, 'growthLog.logFromGit');
    let step = await pickAndAccept(api, period, ['Custom range…']);
    step = await typeAndAccept(api, step!, '2025-01-01');
    await typeAndAccept(api, step!, '2025-01-31');
    await done;
    assert.equal(await readText(workspaceUri('brag', '2026.yaml')), before);
  });
});
