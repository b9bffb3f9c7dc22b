import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { useWorkbench, type Workbench } from './workbench';

const BILLING = 'Led the billing service migration to Postgres 16';
const MENTORING = 'Mentored Ana through her first on-call rotation';

describe('Tagging in the browser', () => {
  const open = useWorkbench('workspace');
  let workbench: Workbench;
  beforeEach(() => {
    workbench = open();
  });

  /** The tree row `label` (a group) once its count reads `count`. */
  async function groupWithCount(label: string, count: number): Promise<Locator> {
    const row = workbench.page
      .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
      .filter({ has: workbench.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
    await row.filter({ has: workbench.page.locator('.label-description', { hasText: new RegExp(`^${count}$`) }) }).waitFor();
    assert.equal(await row.locator('.label-description').textContent(), `${count}`);
    return row;
  }

  async function groupBy(grouping: 'Tag' | 'Period'): Promise<void> {
    await workbench.runCommand('Growth Log: Group By…');
    await workbench.answer(/Group Entries By/, grouping);
    await workbench.treeRow(grouping === 'Tag' ? 'infra' : 'November 2026').waitFor();
  }

  /**
   * Checks each of `labels` in the visible many-select quick pick, as a user does: types the name
   * to find it, clicks it, then clears the filter so every checked row shows again.
   */
  async function checkInPick(expectedTitle: RegExp, labels: readonly string[]): Promise<void> {
    const widget = workbench.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-titlebar').filter({ hasText: expectedTitle }).waitFor();
    for (const label of labels) {
      await workbench.quickInputBox().fill(label);
      const row = widget.locator('.quick-input-list .monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
      await row.locator('.label-name').first().click();
      await row.and(workbench.page.locator('[aria-checked="true"]')).waitFor();
    }
    await workbench.quickInputBox().fill('');
    for (const label of labels) {
      await widget.locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: label }).waitFor();
    }
  }

  it('tags an entry from its context menu in the tree and shows the new tag with its count', async () => {
    await workbench.openGrowthLog();
    const row = workbench.treeRow(BILLING);
    await row.waitFor();
    await workbench.chooseInContextMenu(row, 'Tag Entries');
    await workbench.answer(/Tag “Led the billing service migration/, 'q4-wins');
    await groupBy('Tag');
    await groupWithCount('q4-wins', 1);
    await workbench.screenshot('20-tag-grouping-after-tagging');
  });

  it('tags two entries selected with Ctrl+click at once', async () => {
    await groupBy('Period');
    const billing = workbench.treeRow(BILLING);
    const mentoring = workbench.treeRow(MENTORING);
    await billing.click();
    // The click opens the entry's file; let that settle before the selection grows.
    await workbench.page.locator('.tabs-container .tab', { hasText: '2026.yaml' }).first().waitFor();
    await mentoring.click({ modifiers: ['Control'] });
    await billing.and(workbench.page.locator('[aria-selected="true"]')).waitFor();
    await mentoring.and(workbench.page.locator('[aria-selected="true"]')).waitFor();
    // VS Code hands a context-menu command every selected row, not only the one right-clicked.
    await workbench.chooseInContextMenu(mentoring, 'Tag Entries');
    await workbench.answer(/Tag 2 entries/, 'public');
    await groupBy('Tag');
    await groupWithCount('public', 2);
    await groupWithCount('q4-wins', 1);
  });

  it('renames a tag across the log after confirming what will change', async () => {
    await workbench.runCommand('Growth Log: Rename Tag');
    await workbench.answer(/Tags/, 'q4-wins');
    await workbench.answer(/Rename #q4-wins/, 'highlights');
    const widget = workbench.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-titlebar', { hasText: 'Rename #q4-wins to #highlights' }).waitFor();
    const rename = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Rename' });
    await rename.getByText('1 entry in 1 file will change; only their tags.').waitFor();
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Cancel' }).waitFor();
    await workbench.screenshot('22-rename-tag-confirmation');
    await rename.click();
    await widget.waitFor({ state: 'hidden' });
    await groupWithCount('highlights', 1);
    await workbench.treeRow('q4-wins').waitFor({ state: 'detached' });
  });

  it('merges two tags into a new one after confirming', async () => {
    await workbench.runCommand('Growth Log: Merge Tags');
    await checkInPick(/Merge Tags/, ['public', 'highlights']);
    await workbench.answer(/Merge Tags/, '');
    await workbench.answer(/Merge Tags/, 'showcase');
    const widget = workbench.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-titlebar', { hasText: /Merge #(public|highlights), #(public|highlights) into #showcase/ }).waitFor();
    const merge = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Merge' });
    await merge.getByText('2 entries in 1 file will change; only their tags.').waitFor();
    await merge.click();
    await widget.waitFor({ state: 'hidden' });
    await groupWithCount('showcase', 2);
    await workbench.treeRow('public').waitFor({ state: 'detached' });
    await workbench.treeRow('highlights').waitFor({ state: 'detached' });
    await workbench.screenshot('21-after-merge');
  });

  it('removes a tag from an entry through its context menu, and the count drops', async () => {
    const showcase = await groupWithCount('showcase', 2);
    await showcase.click();
    await showcase.and(workbench.page.locator('[aria-expanded="true"]')).waitFor();
    const mentoring = workbench.treeRow(MENTORING);
    await mentoring.waitFor();
    await workbench.chooseInContextMenu(mentoring, 'Remove Tags');
    await workbench.answer(/Remove Tags/, 'showcase', undefined, { check: true });
    await groupWithCount('showcase', 1);
  });

  it('undoes the last change from the palette, and the tag comes back', async () => {
    await workbench.runCommand('Growth Log: Undo Last Change');
    await groupWithCount('showcase', 2);
    await workbench.screenshot('23-after-undo');
    // On disk too: the tag is back in the entry's list, and the hand-written comment is kept.
    const log = fs.readFileSync(path.join(workbench.workspace, 'brag', '2026.yaml'), 'utf8');
    assert.match(log, /# Mentoring counts too\.\n  - id: 2026-09-03-mentored-ana[\s\S]*tags: \[mentoring, oncall, showcase\]/);
    assert.deepEqual(await workbench.errorNotifications(), []);
  });
});
