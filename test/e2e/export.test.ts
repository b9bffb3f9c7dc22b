import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { today } from '../../src/core/model/entry';
import { useWorkbench, type Workbench } from './workbench';

const PRIVATE_TITLE = 'Salary talk with my manager';

describe('Exports in the browser', () => {
  const open = useWorkbench('workspace');
  let workbench: Workbench;
  beforeEach(() => {
    workbench = open();
  });

  it('shows a private entry with a lock, and a screen reader hears that it is private', async () => {
    await workbench.openGrowthLog();
    await workbench.treeRow('Led the billing service migration to Postgres 16').waitFor();
    fs.writeFileSync(path.join(workbench.workspace, 'brag', 'private.yaml'), `entries:\n  - date: ${today()}\n    title: ${PRIVATE_TITLE}\n    private: true\n`);
    const row = workbench.treeRow(PRIVATE_TITLE);
    await row.waitFor();
    await row.locator('.codicon-lock').waitFor();
    const names = await workbench.treeAccessibleNames();
    assert.match(names.find((n) => n.label === PRIVATE_TITLE)?.ariaLabel ?? '', /^Salary talk with my manager, project, \d{4}-\d\d-\d\d, private$/);
    await workbench.screenshot('40-private-entry-with-lock');
  });

  it('exports a brag document from the palette, leaves the private entry out, says so, and opens the file', async () => {
    await workbench.openGrowthLog();
    await workbench.treeRow(PRIVATE_TITLE).waitFor();
    await workbench.runCommand('Growth Log: Export…');
    await workbench.answer(/Export/, 'Markdown brag document', '41-export-formats');
    await workbench.answer(/Export/, 'Last 12 months');
    await workbench.answer(/Export/, 'All Entries');
    await workbench.answer(/Export/, 'Leave Private Entries Out', '42-export-private-question');
    const name = `brag-${today()}.md`;
    await workbench.page.locator('.tabs-container .tab', { hasText: name }).first().waitFor();
    await workbench.page.locator('.editor-instance .view-lines', { hasText: 'Brag document' }).first().waitFor();
    const toast = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: '1 private entry was left out.' });
    await toast.waitFor();
    // Toasts fade in.
    await workbench.page.waitForTimeout(500);
    await workbench.screenshot('43-export-opened');
    const written = fs.readFileSync(path.join(workbench.workspace, 'brag', 'packets', name), 'utf8');
    assert.match(written, /^# Brag document\n/);
    assert.match(written, /### Led the billing service migration to Postgres 16/);
    assert.ok(!written.includes(PRIVATE_TITLE), 'the private entry stays out');
    assert.deepEqual(await workbench.errorNotifications(), []);
  });
});
