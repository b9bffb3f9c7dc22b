// A due follow-up as a user meets it: a row at the top of the tree, the view's badge, and a
// notification whose Add Impact writes the outcome into that entry and nowhere else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, Workbench } from './workbench';

const GAME_DAY = ['  - id: 2026-10-05-game-day', '    date: 2026-10-05', '    title: Ran the payments game day', '    followUp: 2026-11-25   # ask me then', ''].join('\n');

describe('Follow-ups in the browser', () => {
  let workbench: Workbench;
  let fixture: string;
  let original: string;

  before(async () => {
    fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-followups-'));
    fs.cpSync(path.join(FIXTURES, 'workspace'), fixture, { recursive: true });
    const file = path.join(fixture, 'brag', '2026.yaml');
    original = `${fs.readFileSync(file, 'utf8')}\n`;
    fs.writeFileSync(file, `${original}${GAME_DAY}`);
    // Follow-ups are asked about from the reminder's time of day; the weekly nudge stays out of the way.
    workbench = await Workbench.open(fixture, { 'growthLog.reminder.enabled': false, 'growthLog.reminder.time': '00:00' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    fs.rmSync(fixture, { recursive: true, force: true });
  });

  it('shows the due follow-up, and Add Impact from its notification writes the outcome into that entry only', async () => {
    await workbench.openGrowthLog();
    const row = workbench.treeRow('Follow-ups due (1)');
    await row.waitFor();
    assert.equal(await row.getAttribute('aria-label'), 'Follow-ups due: 1 entry waits for its outcome');
    const badge = workbench.page.locator('.part.activitybar .action-item:has(a[aria-label^="Growth Log"]) .badge-content');
    await badge.filter({ hasText: /^1$/ }).waitFor();
    await row.click();
    // Under the row, and in its month as ever.
    const due = workbench.treeRow('Ran the payments game day').and(workbench.page.locator('[aria-level="2"]'));
    await due.waitFor();
    assert.equal(await due.getAttribute('aria-label'), 'Ran the payments game day, follow-up due 2026-11-25, project, 2026-10-05');

    // The loop looks a little after start-up, and asks in the focused window.
    const toast = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: 'How did “Ran the payments game day” turn out?' });
    await toast.waitFor({ timeout: 60_000 });
    await workbench.page.waitForTimeout(500);
    await workbench.screenshot('40-follow-up-due');
    await toast.locator('.monaco-button', { hasText: 'Add Impact' }).click();
    await workbench.answer(/How did “Ran the payments game day” turn out\?/, 'Failover takes 4 minutes, down from 25', '41-follow-up-add-impact');

    const file = path.join(workbench.workspace, 'brag', '2026.yaml');
    const expected = `${original}${['  - id: 2026-10-05-game-day', '    date: 2026-10-05', '    title: Ran the payments game day', '    impact: Failover takes 4 minutes, down from 25', ''].join('\n')}`;
    for (let i = 0; i < 50 && fs.readFileSync(file, 'utf8') !== expected; i++) await workbench.page.waitForTimeout(100);
    assert.equal(fs.readFileSync(file, 'utf8'), expected, 'only that entry changed: the impact in, the follow-up out');
    await row.waitFor({ state: 'detached' });
    // VS Code keeps the badge's element and empties it.
    await badge.filter({ hasText: /^1$/ }).waitFor({ state: 'detached' });
    await workbench.screenshot('42-follow-up-answered');
    assert.deepEqual(await workbench.errorNotifications(), []);
  });
});
