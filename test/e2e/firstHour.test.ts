import * as assert from 'node:assert/strict';
import { useWorkbench, type Workbench } from './workbench';

// VS Code's default sidebar: 300 pixels beside the 48-pixel activity bar.
const DEFAULT_SIDEBAR_RIGHT = 348;

async function narrowSidebar(workbench: Workbench): Promise<void> {
  const sash = workbench.page.locator('.monaco-sash.primary-sidebar-sash');
  const box = await sash.boundingBox();
  if (!box) return;
  await workbench.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await workbench.page.mouse.down();
  await workbench.page.mouse.move(DEFAULT_SIDEBAR_RIGHT, box.y + box.height / 2, { steps: 5 });
  await workbench.page.mouse.up();
}

describe('The first hour in the browser', () => {
  describe('on a log with entries', () => {
    const open = useWorkbench('workspace');
    let workbench: Workbench;
    beforeEach(() => {
      workbench = open();
    });

    it('keeps three of its buttons in the view title, so the title fits the default sidebar width', async () => {
      await workbench.openGrowthLog();
      await workbench.treeRow('Led the billing service migration to Postgres 16').waitFor();
      await narrowSidebar(workbench);
      const actions = workbench.page.locator('.part.sidebar .composite.title .actions-container .action-item a[aria-label]');
      await actions.first().waitFor();
      const labels = await actions.evaluateAll((nodes) => nodes.map((n) => (n as unknown as { getAttribute(name: string): string | null }).getAttribute('aria-label') ?? ''));
      const ours = labels.filter((label) => !/^(More Actions|Views and More Actions|Collapse All)/.test(label));
      assert.deepEqual(ours.map((label) => label.replace(/ \(.*\)$/, '')), ['Add Entry', 'Group By…', 'Filter by Text…'], labels.join(' | '));
      const title = workbench.page.locator('.part.sidebar .composite.title .title-label h2');
      assert.equal(await title.evaluate((h) => (h as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth <= (h as unknown as { clientWidth: number }).clientWidth), true, 'the view title is not cut');
      await workbench.screenshot('40-view-title-default-width');
      await workbench.page.locator('.part.sidebar .composite.title .action-item a[aria-label^="More Actions"], .part.sidebar .composite.title .action-item a[aria-label^="Views and More Actions"]').first().click();
      const menu = workbench.page.locator('.monaco-menu .action-label', { hasText: 'Generate Promotion Packet' });
      await menu.waitFor();
      await workbench.screenshot('41-view-title-more-actions');
      await workbench.page.keyboard.press('Escape');
    });

    it('shows the README in the Extensions view without a broken image', async () => {
      await workbench.runCommand('Extensions: Show Installed Extensions');
      const row = workbench.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Growth Log' }).first();
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      // The README renders in a webview: look through the page's frames for it.
      const readme = async () => {
        for (const frame of workbench.page.frames()) {
          const found = (await frame
            .evaluate(`(() => document.body && document.body.innerText.includes('Engineers forget their wins') ? { images: document.images.length, text: document.body.innerText } : undefined)()`)
            .catch(() => undefined)) as { images: number; text: string } | undefined;
          if (found) return found;
        }
        return undefined;
      };
      let shown: { images: number; text: string } | undefined;
      for (let attempt = 0; attempt < 60 && !shown; attempt++) {
        await workbench.page.waitForTimeout(500);
        shown = await readme();
      }
      assert.ok(shown, 'the README is shown');
      assert.equal(shown.images, 0, 'no image, so none shows broken');
      assert.match(shown.text, /Get started/);
      await workbench.screenshot('46-extension-readme');
      await workbench.page.keyboard.press('Control+W');
    });

    it('checks the highlighted tag when Space is typed after a few letters of it', async () => {
      await workbench.openGrowthLog();
      const row = workbench.treeRow('Led the billing service migration to Postgres 16');
      await row.waitFor();
      await workbench.chooseInContextMenu(row, 'Tag Entries');
      const widget = workbench.page.locator('.quick-input-widget');
      await widget.locator('.quick-input-titlebar').filter({ hasText: /Tag “Led the billing/ }).waitFor();
      await workbench.page.keyboard.type('mento');
      // The typed letters find the tag and highlight it; Space checks it instead of typing a space.
      await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'mentoring' }).waitFor();
      await workbench.page.keyboard.press('Space');
      const checked = widget.locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: 'mentoring' });
      await checked.waitFor();
      assert.equal(await workbench.quickInputBox().inputValue(), '', 'the filter is cleared for the next tag');
      await workbench.screenshot('42-tags-space-checks');
      await workbench.page.keyboard.press('Escape');
    });
  });

  describe('on an empty folder', () => {
    const open = useWorkbench('empty');
    let workbench: Workbench;
    beforeEach(() => {
      workbench = open();
    });

    it('opens the walkthrough from the welcome view, and checks off Create your log when Create Log runs', async () => {
      await workbench.openGrowthLog();
      const editors = workbench.page.locator('.part.editor .tab');
      assert.equal(await editors.filter({ hasText: /Walkthrough|Growth Log/ }).count(), 0, 'nothing opened the walkthrough unasked');
      const welcome = workbench.page.locator('.part.sidebar .welcome-view-content');
      await welcome.getByText('Get started with Growth Log').click();
      const page = workbench.page.locator('.gettingStartedContainer');
      await page.getByText('Create your log').first().waitFor({ timeout: 30_000 });
      await workbench.screenshot('43-walkthrough');
      await workbench.runCommand('Growth Log: Create Log');
      await workbench.page.locator('.part.editor .tab', { hasText: /\d{4}\.yaml/ }).waitFor();
      await workbench.screenshot('44-create-log-example-entry');
      await workbench.page.locator('.part.editor .tab', { hasText: /Walkthrough|Growth Log|Welcome/ }).first().click();
      const step = page.locator('[data-step-id$="createLog"]').first();
      assert.equal(await step.getAttribute('aria-checked'), 'true', 'the step is checked off by the command it waits for');
      assert.equal(await page.locator('[data-step-id$="addEntry"]').first().getAttribute('aria-checked'), 'false');
      // Without the sidebar the page is wide enough to show each step's Markdown beside it.
      await workbench.page.keyboard.press('Control+B');
      await page.getByText('Add an entry').first().click();
      // Each step's Markdown page renders in a webview beside the steps.
      await workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').getByText('Capture a win in seconds').waitFor({ timeout: 30_000 });
      await workbench.screenshot('45-walkthrough-step-done');
    });
  });
});
