import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exampleLogText } from '../../src/core/capture/exampleLog';
import { today } from '../../src/core/model/entry';
import { activateExtension, EXTENSION_ID, eventually, readText, treeRows, workspaceUri } from './driver';

interface WalkthroughStep {
  readonly id: string;
  readonly completionEvents: readonly string[];
  readonly media: { readonly markdown?: string; readonly image?: string };
  readonly description: string;
}

describe('Getting started', () => {
  it('contributes a walkthrough whose every step has Markdown and completes on its real command or setting', async () => {
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs as { id: string; title: string; steps: WalkthroughStep[] }[];
    assert.equal(walkthrough.title, 'Get started with Growth Log');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['createLog', 'addEntry', 'chooseLadder', 'setLevels', 'logFromGit', 'weeklyReminder', 'generatePacket']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(commands.has(command), `${step.id}: ${command} is registered`);
        else assert.equal(event, 'onSettingChanged:growthLog.reminder.enabled', step.id);
      }
      const media = vscode.Uri.joinPath(extension.extensionUri, step.media.markdown ?? step.media.image ?? '');
      assert.ok((await vscode.workspace.fs.stat(media)).size > 200, `${step.id}: ${media.path}`);
      // The step's button runs the command its completion waits for.
      const button = /\(command:([\w.]+)/.exec(step.description)?.[1];
      assert.ok(button && step.completionEvents.some((e) => e === `onCommand:${button}` || button === 'workbench.action.openSettings'), `${step.id}: ${button}`);
    }
  });

  it('opens the walkthrough only when asked, from Get Started', async () => {
    await activateExtension();
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    assert.ok(!tabs().some((label) => /Growth Log/.test(label)), `nothing opened it: ${tabs().join(', ')}`);
    await vscode.commands.executeCommand('growthLog.openWalkthrough');
    await eventually(() => assert.ok(tabs().some((label) => /Welcome|Walkthrough|Growth Log/.test(label)), tabs().join(', ')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Create Log makes the log folder with one commented example entry, opens it, and never adds a second', async () => {
    const api = await activateExtension();
    const config = vscode.workspace.getConfiguration('growthLog');
    await config.update('folder', 'journal', vscode.ConfigurationTarget.Workspace);
    const file = workspaceUri('journal', `${today().slice(0, 4)}.yaml`);
    try {
      await eventually(() => assert.equal(api.logs.logs[0]?.uri.toString(), workspaceUri('journal').toString()));
      assert.equal(await vscode.commands.executeCommand('growthLog.createLog'), file.toString());
      assert.equal(await readText(file), exampleLogText(today()));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), file.toString());
      assert.equal(editor?.document.lineAt(editor.selection.active.line).text.trim(), 'title: Started a growth log          # what you did, in one line, in the past tense');
      await eventually(async () => assert.ok((await treeRows(api)).some((r) => r.label === 'Started a growth log')));

      assert.equal(await vscode.commands.executeCommand('growthLog.createLog'), file.toString());
      assert.equal(await readText(file), exampleLogText(today()), 'a second run opens the log and writes nothing');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await config.update('folder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceUri('journal'), { recursive: true });
      await eventually(() => assert.equal(api.logs.logs[0]?.uri.toString(), workspaceUri('brag').toString()));
    }
  });
});
