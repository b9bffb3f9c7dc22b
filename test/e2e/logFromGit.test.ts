// Log from Git as a user runs it: the palette, the period, two candidates checked in the list,
// one entry each; the entries show in the tree and in the year's file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, Workbench } from './workbench';

/** The workspace fixture with a repository beside the log, its history dated in November 2026. */
function fixtureWithRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-git-fixture-'));
  fs.cpSync(path.join(FIXTURES, 'workspace'), dir, { recursive: true });
  let clock = Date.parse('2026-11-16T09:00:00Z');
  const git = (...args: string[]) => {
    clock += 3_600_000;
    const date = new Date(clock).toISOString();
    const who = { GIT_AUTHOR_NAME: 'Me', GIT_AUTHOR_EMAIL: 'me@example.com', GIT_COMMITTER_NAME: 'Me', GIT_COMMITTER_EMAIL: 'me@example.com' };
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...who, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  };
  const commit = (file: string, message: string) => {
    fs.appendFileSync(path.join(dir, file), `${message}\n`);
    git('add', file);
    git('commit', '-q', '-m', message);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'me@example.com');
  git('config', 'user.name', 'Me');
  git('remote', 'add', 'origin', 'https://github.com/acme/payments.git');
  commit('notes.md', 'Write the on-call runbook');
  commit('retry.ts', 'Add retries to the payment importer (#41)');
  commit('ledger.ts', 'fix(ledger): round refunds to the cent');
  return dir;
}

describe('Log from Git in the browser', function () {
  this.timeout(180_000);
  let fixture: string;
  let workbench: Workbench;

  before(async () => {
    fixture = fixtureWithRepository();
    workbench = await Workbench.open(fixture, { 'git.enabled': true });
  });

  after(async () => {
    await workbench?.close();
    fs.rmSync(fixture, { recursive: true, force: true });
  });

  it('logs two picked commits as entries, shown in the tree and written to the file', async () => {
    await workbench.openGrowthLog();
    await workbench.runCommand('Growth Log: Log from Git…');
    await workbench.answer(/Log from Git/, 'Custom range', '40-log-from-git-period');
    await workbench.answer(/Log from Git/, '2026-11-01');
    await workbench.answer(/Log from Git/, '2026-11-30');
    const list = workbench.page.locator('.quick-input-widget .quick-input-list');
    await list.locator('.monaco-list-row', { hasText: 'Add retries to the payment importer' }).waitFor({ timeout: 30_000 });
    for (const title of ['Add retries to the payment importer', 'round refunds to the cent']) {
      const row = list.locator('.monaco-list-row', { hasText: title }).first();
      await row.locator('.label-name').first().click();
      await row.and(workbench.page.locator('[aria-checked="true"]')).waitFor();
    }
    await workbench.screenshot('41-log-from-git-candidates');
    await workbench.page.keyboard.press('Enter');
    await workbench.answer(/Log from Git/, 'One entry each');
    await workbench.answer(/Log from Git/, 'retries cut failed payments by a third');
    await workbench.answer(/Log from Git/, '');
    await workbench.treeRow('Add retries to the payment importer').waitFor();
    await workbench.screenshot('42-log-from-git-entries-in-tree');
    const text = fs.readFileSync(path.join(workbench.workspace, 'brag', '2026.yaml'), 'utf8');
    assert.match(text, /title: Add retries to the payment importer\n/);
    assert.match(text, /impact: retries cut failed payments by a third\n/);
    assert.match(text, /https:\/\/github\.com\/acme\/payments\/pull\/41/);
    assert.match(text, /commits:\n\s+- [0-9a-f]{40}\n/);
    assert.deepEqual(await workbench.errorNotifications(), []);
  });
});
