// Growth Log as on vscode.dev: the packaged extension in the browser's web worker extension host.
// code-server has a Node host too, so the user setting that vscode.dev users do not need asks
// for the web worker; the workbench and the extension's browser bundle are the real ones.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, useWorkbench, type Workbench } from './workbench';

describe('Growth Log in the web worker host', () => {
  const open = useWorkbench('empty', { 'remote.extensionKind': { 'growth-log.growth-log': ['web'] } });
  let workbench: Workbench;
  beforeEach(() => {
    workbench = open();
  });

  it('welcomes an empty log with Add Entry and Quick Add, and no Log from Git', async () => {
    await workbench.openGrowthLog();
    const welcome = workbench.page.locator('.part.sidebar .welcome-view-content');
    await welcome.getByText('Your growth log is empty.', { exact: false }).waitFor();
    await welcome.locator('.monaco-button', { hasText: 'Quick Add' }).waitFor();
    // code-server has a Node host too, so until Growth Log has activated in the web worker, the
    // workbench cannot know Log from Git will be missing (on vscode.dev, with no Node host, the
    // manifest hides it from the start): the button goes when the extension says where it runs.
    await welcome.locator('.monaco-button', { hasText: 'Log from Git' }).waitFor({ state: 'detached' });
    assert.deepEqual(await welcome.locator('.monaco-button').allTextContents(), ['Add Entry', 'Quick Add']);
    await workbench.screenshot('61-web-worker-welcome');
  });

  it('captures with Quick Add into a new year file written through the workspace file system', async () => {
    await workbench.page.keyboard.press('Control+Alt+W');
    await workbench.answer(/Quick Add/, 'Shipped the offline mode #mobile');
    await workbench.treeRow('Shipped the offline mode').waitFor();
    // The tree is told of the write before the log's lock is let go, so the lock file may still
    // be there for a moment when the row shows.
    const listing = () => fs.readdirSync(path.join(workbench.workspace, 'brag'));
    for (let i = 0; i < 50 && listing().includes('.growth-log.lock'); i++) await workbench.page.waitForTimeout(100);
    const files = listing();
    assert.deepEqual(files, [`${new Date().getFullYear()}.yaml`]);
    const text = fs.readFileSync(path.join(workbench.workspace, 'brag', files[0]), 'utf8');
    assert.match(text, /title: Shipped the offline mode$/m);
    assert.match(text, /tags: \[ ?mobile ?\]|- mobile$/m);
    await workbench.screenshot('62-web-worker-after-quick-add');
    assert.deepEqual(await workbench.errorNotifications(), []);
  });

  it('leaves Log from Git out of the command palette, which offers the other commands', async () => {
    await workbench.page.keyboard.press('F1');
    const box = workbench.quickInputBox();
    await box.waitFor();
    await box.fill('>Growth Log: Quick Add');
    await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Growth Log: Quick Add' }).first().waitFor();
    await box.fill('>Growth Log: Log from Git');
    // The list filters as one types: the Quick Add row leaving shows the new filter was applied.
    await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Growth Log: Quick Add' }).waitFor({ state: 'detached' });
    assert.equal(await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Log from Git' }).count(), 0);
    await workbench.screenshot('63-web-worker-palette-without-log-from-git');
    await workbench.page.keyboard.press('Escape');
  });

  it('runs in the web worker, as Developer: Show Running Extensions says', async () => {
    // Last, so the list shows the activation as finished; on a tall page, so the list renders
    // every row (it renders only the rows in view).
    const viewport = workbench.page.viewportSize();
    await workbench.page.setViewportSize({ width: 1400, height: 2200 });
    try {
      await workbench.runCommand('Developer: Show Running Extensions');
      const row = workbench.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Growth Log' });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /web worker/i);
      await row.screenshot({ path: path.join(ARTIFACTS, '64-web-worker-running-extensions.png') });
      await workbench.page.keyboard.press('Control+W');
    } finally {
      if (viewport) await workbench.page.setViewportSize(viewport);
    }
  });
});
