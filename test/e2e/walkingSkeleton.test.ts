import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Workbench } from './workbench';

const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace');

describe('Growth Log in the browser', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open(fixture);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the sample entries when the Growth Log container is opened', async () => {
    await workbench.openGrowthLog();
    await workbench.treeRow('Led the billing service migration to Postgres 16').waitFor();
    const labels = await workbench.treeLabels();
    assert.deepEqual(labels.slice(0, 3), [
      'Led the billing service migration to Postgres 16',
      'Mentored Ana through her first on-call rotation',
      'Passed the Certified Kubernetes Administrator exam',
    ]);
    await workbench.screenshot('01-tree-with-sample-entries');
  });

  it('adds an entry typed into Add Entry from the command palette and shows it in the tree', async () => {
    await workbench.openGrowthLog();
    await workbench.runCommand('Growth Log: Add Entry');
    await workbench.page.locator('.quick-input-widget .quick-input-title', { hasText: /Add Entry/ }).waitFor();
    await workbench.quickInputBox().fill('Gave the infra talk at the all-hands');
    await workbench.screenshot('02-add-entry-title');
    await workbench.page.keyboard.press('Enter');
    await workbench.treeRow('Gave the infra talk at the all-hands').waitFor();
    await workbench.screenshot('03-tree-with-new-entry');
    assert.deepEqual(await workbench.errorNotifications(), []);
  });
});
