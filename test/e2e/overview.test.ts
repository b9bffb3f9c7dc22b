import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { FIXTURES, Workbench } from './workbench';

describe('Overview in the browser', () => {
  let workbench: Workbench;
  before(async () => {
    // The packet fixture: two years of entries with a vertical and a horizontal move.
    workbench = await Workbench.open(path.join(FIXTURES, 'packet', 'default'), { 'growthLog.targetLevel': 'L4', 'workbench.colorTheme': 'Light Modern' });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await workbench?.close();
  });

  /** The overview page inside its webview (VS Code nests the page in a second frame). */
  function overview(): FrameLocator {
    return workbench.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  }

  async function pageBackground(): Promise<string> {
    // Runs in the page; the tests are compiled without the DOM's types.
    return overview().locator('body').evaluate((body) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(body).backgroundColor);
  }

  it('opens from the palette beside the tree, in the light theme, with a table beside each chart', async () => {
    await workbench.openGrowthLog();
    await workbench.runCommand('Growth Log: Show Overview');
    const page = overview();
    await page.locator('h1', { hasText: 'Growth Log overview' }).waitFor();
    await page.locator('#gl-coverage').waitFor();
    assert.equal(await page.locator('svg[role="img"]').count(), 2);
    assert.deepEqual(await page.locator('svg[role="img"] > title').allTextContents(), ['Entries per month, stacked by type', 'Coverage of Staff Engineer (L4) by quarter']);
    assert.equal(await page.locator('table').count(), 2);
    // Every control is a button with a name a screen reader announces.
    for (const name of await page.locator('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''))) {
      assert.ok(name.trim().length > 0, 'a button without a name');
    }
    assert.equal(await workbench.page.locator('.tabs-container .tab', { hasText: 'Growth Log Overview' }).count(), 1);
    assert.match(await pageBackground(), /^rgb\(2(4\d|5\d), /, 'a light editor background');
    await workbench.screenshot('60-overview-light');
  });

  it('filters the tree to the month whose bar is clicked', async () => {
    await overview().locator('[data-month="2026-04"] rect.gl-type-project').click();
    await workbench.treeRow('Filter: April 2026').waitFor();
    await workbench.treeRow('Led the ledger migration across 3 services (zero downtime)').waitFor();
    assert.equal(await workbench.treeRow('Released the ledger API v2 on time').count(), 0, 'November is filtered out');
    await workbench.screenshot('61-overview-month-click-filters-tree');
  });

  it('reaches a criterion by keyboard and shows its evidence grouped by competency', async () => {
    const button = overview().locator('button[data-action="revealCriterion"][data-value="mentoring"]');
    await button.focus();
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.part.sidebar .monaco-list-row[role="treeitem"][aria-selected="true"]', { hasText: 'People and mentoring' }).waitFor();
  });

  /** Picks a colour theme from the palette, as a user does. */
  async function chooseTheme(label: string): Promise<void> {
    // Not runCommand: the palette ranks "Browse Color Themes in Marketplace" first for these words.
    await workbench.page.keyboard.press('F1');
    await workbench.quickInputBox().fill('>Preferences: Color Theme');
    await workbench.page.locator('.quick-input-widget .monaco-list-row', { has: workbench.page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).click();
    // The theme list replaces the palette's; typing before it shows would filter the palette.
    const themeRow = (name: RegExp) => workbench.page.locator('.quick-input-widget .monaco-list-row', { has: workbench.page.locator('.label-name', { hasText: name }) });
    await themeRow(/^(Light|Dark) Modern$/).first().waitFor();
    await workbench.quickInputBox().fill(label);
    await themeRow(new RegExp(`^${label}$`)).first().click();
  }

  it('follows a dark theme chosen while it is open', async () => {
    const light = await pageBackground();
    await chooseTheme('Dark Modern');
    await workbench.page.locator('.monaco-workbench.vs-dark').waitFor();
    await overview().locator('body.vscode-dark').waitFor();
    const dark = await pageBackground();
    assert.notEqual(dark, light);
    assert.match(dark, /^rgb\(([0-4]\d), /, 'a dark editor background');
    await overview().locator('h1').scrollIntoViewIfNeeded();
    await workbench.screenshot('62-overview-dark');
  });

  it('outlines the chart shapes in a high contrast theme', async () => {
    await chooseTheme('Dark High Contrast');
    await overview().locator('body.vscode-high-contrast').waitFor();
    const stroke = await overview().locator('#gl-coverage rect.gl-cov-explicit').first().evaluate((rect) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(rect).stroke);
    assert.notEqual(stroke, 'none', 'a coverage cell has an outline');
    await workbench.screenshot('64-overview-high-contrast');
    await chooseTheme('Dark Modern');
    await overview().locator('body.vscode-dark').waitFor();
  });

  it('comes back after the window reloads', async () => {
    await workbench.reload();
    await overview().locator('h1', { hasText: 'Growth Log overview' }).waitFor({ timeout: 60_000 });
    await overview().locator('#gl-timeline').waitFor();
    await workbench.screenshot('63-overview-after-reload');
  });

  it('shows the timeline and coverage charts in a packet draft\'s preview', async () => {
    await workbench.runCommand('View: Close All Editors');
    await workbench.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await workbench.runCommand('Growth Log: Generate Promotion Packet');
    await workbench.answer(/Generate Promotion Packet/, 'Staff Engineer');
    await workbench.answer(/Generate Promotion Packet/, 'Last 12 months');
    const preview = workbench.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await preview.locator('h2', { hasText: 'At a glance' }).waitFor();
    for (const chart of ['timeline', 'coverage']) {
      const image = preview.locator(`img[src*="-${chart}.svg"]`);
      await image.scrollIntoViewIfNeeded();
      // Loaded and drawn, not a broken-image icon: the preview resolved the relative link.
      let width = 0;
      for (let tries = 0; tries < 50 && width === 0; tries++) {
        width = await image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth);
        if (width === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(width, 760, `the ${chart} chart is drawn`);
    }
    await preview.locator('h2', { hasText: 'At a glance' }).scrollIntoViewIfNeeded();
    await workbench.screenshot('65-packet-preview-with-charts');
  });
});
