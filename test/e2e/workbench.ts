// The real workbench in headless Chromium, with the packaged extension installed, driven as a
// user drives it: the activity bar, the tree, the command palette, the keyboard.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

// The harness is plain JavaScript shared with npm start and the integration runner.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require('../../../scripts/vscodeHarness.js');

const root = path.resolve(__dirname, '..', '..', '..');
export const ARTIFACTS = path.join(root, '.test-artifacts', 'e2e');
// Each run's screenshots only: a failure shot from an earlier run would mislead.
fs.rmSync(ARTIFACTS, { recursive: true, force: true });

interface Server {
  base: string;
  port: number;
  userDataDir: string;
  stop(): void;
}

/** The quick input's title, step, placeholder and prompt, or `hidden`: it changes when a step is answered. */
const QUICK_INPUT_STATE = `(() => {
  const w = document.querySelector('.quick-input-widget');
  if (!w || w.style.display === 'none' || w.offsetParent === null) return 'hidden';
  const input = w.querySelector('.quick-input-box input');
  // The prompt too: two input boxes in a row may share their title and placeholder.
  return (w.querySelector('.quick-input-titlebar')?.textContent ?? '') + '|' + (input ? input.placeholder : '') + '|' + (w.querySelector('.quick-input-message')?.textContent ?? '');
})()`;

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly workspace: string,
    private readonly server: Server,
    private readonly browser: { context: BrowserContext; close(): Promise<void> },
  ) {}

  /** Installs the .vsix into a fresh code-server, opens a copy of `fixture` and waits for the workbench. */
  /** `settings` go into the user settings over the harness's quiet ones (say, git turned on). */
  static async open(fixture: string, settings: Record<string, unknown> = {}): Promise<Workbench> {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    const vsix = path.join(root, `${name}-${version}.vsix`);
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first.`);
    const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-ext-'));
    harness.installVsix(vsix, extensionsDir);
    const workspace: string = harness.copyToTemp(fixture, 'growth-log-e2e-');
    // The weekly nudge would pop up 20 s into any test, at a moment that differs run to run; a test
    // about it turns it on.
    const server: Server = await harness.startCodeServer({ workspace, extensionsDir, settings: { 'growthLog.reminder.enabled': false, ...settings } });
    const browser = await harness.launchBrowser();
    const page = await browser.context.newPage();
    const response = await page.goto(harness.workbenchUrl(server, workspace));
    if (!response || response.status() >= 400) throw new Error(`the workbench answered HTTP ${response?.status()}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await harness.widenSidebar(page);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    return new Workbench(page, workspace, server, browser);
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.server.stop();
    fs.rmSync(this.workspace, { recursive: true, force: true });
  }

  /** Reloads the browser window, as a user would, and waits for the workbench. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  /**
   * When the extension host last activated Growth Log, from its log (the same machine's clock as
   * this process), or undefined when it has not.
   */
  lastActivation(): Date | undefined {
    const logs = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? logs(path.join(dir, d.name)) : d.name.endsWith('exthost.log') ? [path.join(dir, d.name)] : []));
    let last: Date | undefined;
    for (const file of logs(path.join(this.server.userDataDir, 'logs'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+) .*_doActivateExtension growth-log\.growth-log\b/gm)) {
        const at = new Date(`${match[1]}T${match[2]}`);
        if (!last || at > last) last = at;
      }
    }
    return last;
  }

  /**
   * The lines of Growth Log's output channel, each with its time (the same machine's clock as this
   * process), read from the extension host's log folder.
   */
  outputLines(): { at: Date; text: string }[] {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('Growth Log.log') ? [path.join(dir, d.name)] : []));
    return files(path.join(this.server.userDataDir, 'logs')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+) \[\w+\] (.*)$/gm)].map((m) => ({ at: new Date(`${m[1]}T${m[2]}`), text: m[3] })),
    );
  }

  /** Shows the Growth Log container; a click on its icon when it is open would close it. */
  /** Returns when the click that showed the container was made, or undefined when it was already shown. */
  async openGrowthLog(): Promise<number | undefined> {
    const container = this.page.locator('[id="workbench.view.extension.growthLog"]');
    let clicked: number | undefined;
    // The icon toggles the sidebar: right after a reload the workbench may restore the container
    // between the check and the click, and the click then closes it. Click again in that case.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await container.isVisible()) return clicked;
      clicked = Date.now();
      await this.page.locator('.part.activitybar .action-item a[aria-label^="Growth Log"]').first().click();
      if (await container.waitFor({ timeout: 10_000 }).then(() => true, () => false)) return clicked;
    }
    await container.waitFor();
    return clicked;
  }

  treeRow(label: string): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').filter({ has: this.page.locator('.label-name', { hasText: label }) });
  }

  /**
   * When a tree row (with `label`, or any row) is first on screen, by this machine's clock. The
   * page checks on every frame: a locator's wait checks ever more rarely (every 500 ms after the
   * first second), which would add up to half a second to a measured wait.
   */
  async rowShownAt(label?: string, timeout = 120_000): Promise<number> {
    const shown = await this.page.waitForFunction(
      (text) => {
        // Runs in the page; the tests are compiled without the DOM's types.
        const page = globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> } };
        for (const name of page.document.querySelectorAll('.part.sidebar .monaco-list-row[role="treeitem"] .label-name')) {
          if (text === undefined || name.textContent?.includes(text)) return Date.now();
        }
        return 0;
      },
      label,
      { polling: 'raf', timeout },
    );
    return (await shown.jsonValue()) as number;
  }

  async treeLabels(): Promise<string[]> {
    return this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"] .label-name').allTextContents();
  }

  /** Each visible row's label with the name a screen reader announces for it (its aria-label). */
  async treeAccessibleNames(): Promise<{ label: string; ariaLabel: string }[]> {
    return this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').evaluateAll((rows) =>
      rows.map((row) => ({ label: row.querySelector('.label-name')?.textContent ?? '', ariaLabel: row.getAttribute('aria-label') ?? '' })),
    );
  }

  /** Right-clicks `target` (a tree row, the editor) and chooses `item` in its context menu. */
  async chooseInContextMenu(target: Locator, item: string): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    const action = menu.locator('.action-item').filter({ has: this.page.locator('.action-label', { hasText: new RegExp(`^${item}$`) }) });
    // A menu opened while the workbench is still busy (an editor opening from the click before)
    // can close again as focus moves; a user opens it again, and so does this.
    for (let attempt = 1; ; attempt++) {
      await target.click({ button: 'right' });
      await menu.waitFor();
      const clicked = await action.click({ timeout: 5_000 }).then(() => true, (error: unknown) => (attempt < 3 ? false : Promise.reject(error)));
      if (clicked) break;
      await this.page.keyboard.press('Escape');
    }
    // Now and then the workbench drops a click that lands while it is still busy (the menu stays
    // open, the item highlighted); a user clicks again, and so does this.
    if (!(await menu.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false))) {
      await action.click();
      await menu.waitFor({ state: 'hidden' });
    }
  }

  /** Runs a command from the palette by its title, as a user types it. */
  async runCommand(title: string): Promise<void> {
    const box = this.quickInputBox();
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    // The palette closes when focus moves, and a page still settling moves it (the walkthrough
    // focuses its first step once rendered, seen in CI: the box went inert, then hidden). A user
    // presses F1 again, and so does this.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      const typed = await box
        .fill(`>${title}`, { timeout: 10_000 })
        .then(() => row.waitFor({ timeout: 10_000 }))
        .then(() => true, (error: unknown) => (attempt < 3 ? false : Promise.reject(error)));
      if (typed) break;
    }
    await this.page.keyboard.press('Enter');
  }

  quickInputBox(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /**
   * Answers the visible quick input (its title matches `expectedTitle`): types `text`, optionally
   * checks the first matching row of a many-select list, presses Enter, and waits until the
   * widget moved on (next step, or closed).
   */
  async answer(expectedTitle: RegExp, text: string, screenshot?: string, options: { check?: boolean } = {}): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const titlebar = widget.locator('.quick-input-titlebar');
    await titlebar.filter({ hasText: expectedTitle }).waitFor();
    // Every step of Growth Log's has a placeholder or a prompt. Between two steps the widget can
    // show the new title with neither for a moment, and an Enter pressed then is lost.
    await this.page.waitForFunction(`(() => { const s = ${QUICK_INPUT_STATE}; return s !== 'hidden' && s.split('|').slice(1).some(Boolean); })()`, undefined, { timeout: 10_000 });
    const before = await this.quickInputState();
    await this.quickInputBox().fill(text);
    if (options.check) {
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
      await row.locator('.label-name').first().click();
      await row.and(this.page.locator('[aria-checked="true"]')).waitFor();
    }
    if (screenshot) await this.screenshot(screenshot);
    await this.page.keyboard.press('Enter');
    // A string, because the expression runs in the page, whose DOM types this project does not load.
    const movedOn = (timeout: number) =>
      this.page.waitForFunction(`(() => { const s = ${QUICK_INPUT_STATE}; return s === 'hidden' || s !== ${JSON.stringify(before)}; })()`, undefined, { timeout }).then(
        () => true,
        () => false,
      );
    try {
      // Now and then, in full runs only, an Enter is lost: the step still shows, with the text
      // typed (seen in Log from Git's impact step). A user presses Enter again, and so does this,
      // when the step has not moved on.
      if (!(await movedOn(3_000)) && (await this.quickInputState()) === before && (await this.quickInputBox().inputValue()) === text) {
        await this.page.keyboard.press('Enter');
      }
      if (!(await movedOn(7_000))) throw new Error(`the quick input did not move on from ${before} after Enter`);
    } catch (error) {
      // What the user would have seen: the step that did not move on.
      await this.screenshot(`failed-answer-${text.replace(/\W+/g, '-').slice(0, 40)}`);
      throw error;
    }
  }

  private async quickInputState(): Promise<string> {
    return this.page.evaluate(QUICK_INPUT_STATE) as Promise<string>;
  }

  /** The text of every error toast on screen; a flow that worked leaves none. */
  async errorNotifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-toast:has(.codicon-error) .notification-list-item-message').allTextContents();
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/** The checked-in fixture folders the suites open copies of. */
export const FIXTURES = path.join(root, 'test', 'fixtures');

/**
 * Opens one workbench on a copy of `fixture` for the whole suite, screenshots a failed test, and
 * closes everything afterwards. Call it inside `describe`; it returns the workbench getter.
 * `settings` go into the user settings, as in Workbench.open.
 */
export function useWorkbench(fixture: string, settings: Record<string, unknown> = {}): () => Workbench {
  let workbench: Workbench | undefined;
  before(async () => {
    workbench = await Workbench.open(path.join(FIXTURES, fixture), settings);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };
}
