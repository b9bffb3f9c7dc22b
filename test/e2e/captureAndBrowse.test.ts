import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench, type Workbench } from './workbench';

describe('Growth Log in the browser', () => {
  const open = useWorkbench('workspace');
  let workbench: Workbench;
  beforeEach(() => {
    workbench = open();
  });

  it('shows the sample entries by year and month when the Growth Log container is opened', async () => {
    await workbench.openGrowthLog();
    await workbench.treeRow('Led the billing service migration to Postgres 16').waitFor();
    const labels = await workbench.treeLabels();
    assert.deepEqual(labels.slice(0, 5), ['2026', 'November 2026', 'Led the billing service migration to Postgres 16', 'September 2026', 'Mentored Ana through her first on-call rotation']);
    await workbench.screenshot('01-tree-with-sample-entries');
    // The entry's tooltip is made when the pointer rests on its row.
    await workbench.treeRow('Led the billing service migration to Postgres 16').hover();
    await workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Impact:' }).first().waitFor();
    await workbench.screenshot('01b-entry-tooltip-on-hover');
  });

  it('adds an entry step by step from the command palette and shows it in the tree', async () => {
    await workbench.openGrowthLog();
    await workbench.runCommand('Growth Log: Add Entry');
    await workbench.answer(/Add Entry/, 'Gave the infra talk at the all-hands', '02-add-entry-title');
    await workbench.answer(/Add Entry/, 'network', '03-add-entry-type');
    await workbench.answer(/Add Entry/, '2026-11-24');
    await workbench.answer(/Add Entry/, '120 people, 30 questions', '04-add-entry-impact');
    await workbench.answer(/Add Entry/, 'speaking', '05-add-entry-tags');
    await workbench.answer(/Add Entry/, '');
    await workbench.treeRow('Gave the infra talk at the all-hands').waitFor();
    await workbench.screenshot('06-tree-with-new-entry');
    assert.deepEqual(await workbench.errorNotifications(), []);
  });

  it('adds a Quick Add line with its tags, from its keybinding', async () => {
    await workbench.page.keyboard.press('Control+Alt+W');
    await workbench.answer(/Quick Add/, 'Fixed the flaky deploy job #ci');
    await workbench.treeRow('Fixed the flaky deploy job').waitFor();
    await workbench.screenshot('07-after-quick-add');
  });

  it('groups the tree by tag, each tag with its count', async () => {
    await workbench.runCommand('Growth Log: Group By…');
    await workbench.answer(/Group Entries By/, 'Tag');
    await workbench.treeRow('infra').waitFor();
    const infra = workbench.treeRow('infra');
    assert.equal(await infra.locator('.label-description').textContent(), '3');
    await workbench.screenshot('08-grouped-by-tag');
  });

  it('gives every row, group rows included, an accessible name that starts with its label', async () => {
    await workbench.openGrowthLog();
    for (const grouping of ['Tag', 'Type', 'Competency', 'Period']) {
      await workbench.runCommand('Growth Log: Group By…');
      await workbench.answer(/Group Entries By/, grouping);
      await workbench.page.waitForTimeout(500);
      const rows = await workbench.treeAccessibleNames();
      assert.ok(rows.length > 2, `rows grouped by ${grouping}`);
      for (const row of rows) assert.ok(row.label !== '' && row.ariaLabel.startsWith(row.label), `${grouping}: "${row.label}" is announced as "${row.ariaLabel}"`);
    }
  });

  it('remembers the grouping for the workspace after the window reloads', async () => {
    await workbench.reload();
    await workbench.openGrowthLog();
    await workbench.treeRow('infra').waitFor();
    await workbench.runCommand('Growth Log: Group By…');
    await workbench.answer(/Group Entries By/, 'Period');
    await workbench.treeRow('November 2026').waitFor();
  });

  it('filters by text, shows the filter in the view, and clears it in one click', async () => {
    await workbench.runCommand('Growth Log: Filter by Text…');
    await workbench.answer(/Filter Entries/, 'postgres');
    const filterRow = workbench.treeRow('Filter: “postgres”');
    await filterRow.waitFor();
    await workbench.treeRow('Mentored Ana through her first on-call rotation').waitFor({ state: 'detached' });
    assert.ok((await workbench.treeLabels()).includes('Led the billing service migration to Postgres 16'));
    assert.match((await filterRow.locator('.label-description').textContent()) ?? '', /^1 of \d+ entries/);
    await workbench.screenshot('09-filtered-by-text');
    await filterRow.click();
    await workbench.treeRow('Mentored Ana through her first on-call rotation').waitFor();
    await filterRow.waitFor({ state: 'detached' });
  });

  it('deletes an entry after the modal confirmation, and Undo in the notification brings it back', async () => {
    await workbench.runCommand('Growth Log: Delete Entry');
    await workbench.answer(/Delete Entry/, 'Fixed the flaky deploy job');
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Delete “Fixed the flaky deploy job”\?/);
    await workbench.screenshot('10-delete-confirmation');
    await dialog.locator('.monaco-button', { hasText: 'Delete' }).click();
    await workbench.treeRow('Fixed the flaky deploy job').waitFor({ state: 'detached' });
    const toast = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: 'Deleted “Fixed the flaky deploy job”.' });
    await toast.waitFor();
    await workbench.screenshot('10b-deleted-with-undo');
    await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
    await workbench.treeRow('Fixed the flaky deploy job').waitFor();
    assert.deepEqual(await workbench.errorNotifications(), []);
  });

  it('edits the title of an entry from its context menu in the tree', async () => {
    await workbench.openGrowthLog();
    await workbench.chooseInContextMenu(workbench.treeRow('Fixed the flaky deploy job'), 'Edit Entry');
    await workbench.answer(/Edit “Fixed the flaky deploy job”/, 'Title');
    await workbench.answer(/Edit “Fixed the flaky deploy job”/, 'Fixed the flaky deploy job for good', '12-edit-entry-title');
    await workbench.treeRow('Fixed the flaky deploy job for good').waitFor();
    const year = new Date().getFullYear();
    assert.match(fs.readFileSync(path.join(workbench.workspace, 'brag', `${year}.yaml`), 'utf8'), /title: Fixed the flaky deploy job for good\n    tags: \[ci\]\n/);
    assert.deepEqual(await workbench.errorNotifications(), []);
  });

  it('adds an entry from the text selected in an editor, through the editor’s context menu', async () => {
    fs.writeFileSync(path.join(workbench.workspace, 'notes.md'), 'Paired with Ana on the flaky test.\nShe now owns the CI dashboard.\n');
    await workbench.page.keyboard.press('F1');
    await workbench.quickInputBox().fill('notes.md');
    await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'notes.md' }).first().waitFor();
    await workbench.page.keyboard.press('Enter');
    const firstLine = workbench.page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Paired with Ana' });
    await firstLine.click();
    await workbench.page.keyboard.press('Control+A');
    await workbench.chooseInContextMenu(firstLine, 'Add Entry from Selection');
    await workbench.answer(/Add Entry from Selection/, 'Paired with Ana on the flaky test', '13-add-entry-from-selection');
    await workbench.treeRow('Paired with Ana on the flaky test').waitFor();
    const year = new Date().getFullYear();
    assert.match(
      fs.readFileSync(path.join(workbench.workspace, 'brag', `${year}.yaml`), 'utf8'),
      /title: Paired with Ana on the flaky test\n    details: \|-?\n      Paired with Ana on the flaky test\.\n      She now owns the CI dashboard\.\n/,
    );
    assert.deepEqual(await workbench.errorNotifications(), []);
  });

  it('generates the promotion packet and shows its preview beside the tree, asking before it replaces a draft', async () => {
    await workbench.openGrowthLog();
    await workbench.runCommand('Growth Log: Generate Promotion Packet');
    await workbench.answer(/Generate Promotion Packet/, 'Senior Software Engineer');
    await workbench.answer(/Generate Promotion Packet/, 'Last 12 months');
    const preview = workbench.page.locator('.tabs-container .tab', { hasText: /Preview packet-L3-/ });
    await preview.waitFor();
    await workbench.page.locator('.tabs-container .tab', { hasText: /^packet-L3-.*\.md/ }).first().waitFor();
    // The preview renders in a webview (an iframe in an iframe): wait for the packet's heading there.
    await workbench.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('h1', { hasText: 'Promotion packet' }).waitFor();
    await workbench.screenshot('11-packet-preview');

    await workbench.runCommand('Growth Log: Generate Promotion Packet');
    await workbench.answer(/Generate Promotion Packet/, 'Senior Software Engineer');
    await workbench.answer(/Generate Promotion Packet/, 'Last 12 months');
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /already exists/);
    await dialog.locator('.monaco-button', { hasText: 'Keep Both' }).click();
    await workbench.page.locator('.tabs-container .tab', { hasText: /packet-L3-.*-2\.md/ }).first().waitFor();
  });
});
