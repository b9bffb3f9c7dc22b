import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench, type Workbench } from './workbench';

describe('Welcome views in the browser', () => {
  const open = useWorkbench('empty');
  let workbench: Workbench;
  beforeEach(() => {
    workbench = open();
  });

  it('offers to add the first entry when the log is empty', async () => {
    await workbench.openGrowthLog();
    const welcome = workbench.page.locator('.part.sidebar .welcome-view-content');
    await welcome.getByText('Your growth log is empty.', { exact: false }).waitFor();
    await welcome.locator('.monaco-button', { hasText: 'Add Entry' }).waitFor();
    await workbench.screenshot('30-welcome-empty-log');
  });

  it('says so when the log’s files only have problems, and opens the Problems panel', async () => {
    await workbench.openGrowthLog();
    const welcome = workbench.page.locator('.part.sidebar .welcome-view-content');
    await welcome.getByText('Your growth log is empty.', { exact: false }).waitFor();
    // Written as a checkout would: the folder and its file within a millisecond.
    fs.mkdirSync(path.join(workbench.workspace, 'brag'), { recursive: true });
    fs.writeFileSync(path.join(workbench.workspace, 'brag', '2026.yaml'), 'entries:\n  - date: 2026-02-30\n    title: A day that does not exist\n');
    await welcome.getByText('Your log files have problems', { exact: false }).waitFor();
    await welcome.locator('.monaco-button', { hasText: 'Show Problems' }).click();
    const problem = workbench.page.locator('.markers-panel .monaco-list-row', { hasText: '2026-02-30' });
    await problem.first().waitFor();
    assert.match((await problem.first().textContent()) ?? '', /2026-02-30/);
    await workbench.screenshot('31-welcome-problems-only');
  });
});
