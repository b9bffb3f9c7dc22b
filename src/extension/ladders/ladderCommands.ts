// The ladder a packet argues against: Create Ladder… (from a template), Import Ladder… (from a
// levels-by-axes matrix), Set Current Level… and Set Target Level… (lossless edits of
// `ladder.yaml`, or the setting where that is what decides).
import * as vscode from 'vscode';
import { setLadderLevel, type LadderLevelKey } from '../../core/ladders/ladderEdits';
import { LADDER_TEMPLATES, ladderTemplate, type LadderTemplate } from '../../core/ladders/ladderTemplates';
import { importLadderMatrix } from '../../core/ladders/matrixImport';
import { LADDER_FILE_NAME, levelLabel, type Ladder } from '../../core/packet/ladder';
import { applyWrite, withWorkspaceLogLock } from '../log/logWriter';
import { decodeLogText, workspaceFolderAccess } from '../log/workspaceFolderAccess';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';
import type { Command } from '../workbench/commands';
import { askPick } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import { files } from '../workbench/fileSystem';

export interface LadderDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
}

interface TemplateItem extends vscode.QuickPickItem {
  readonly template: LadderTemplate;
}

interface LevelItem extends vscode.QuickPickItem {
  readonly level: string;
}

export function ladderUri(log: FolderLog): vscode.Uri {
  return vscode.Uri.joinPath(log.uri, LADDER_FILE_NAME);
}

/** `ladder.yaml` as the log's files are read: an editor's unsaved text first, undefined when there is none. */
function ladderFileText(log: FolderLog): Promise<string | undefined> {
  return workspaceFolderAccess(log.uri).readFile(ladderUri(log).toString());
}

/**
 * Plans and writes `ladder.yaml` under the log's lock, from its text as it is then (undefined:
 * no file), so a change made meanwhile by hand or by the CLI is built upon, never overwritten.
 */
async function writeLadder(deps: LadderDeps, log: FolderLog, plan: (before: string | undefined) => string): Promise<string> {
  const file = ladderUri(log).toString();
  const after = await withWorkspaceLogLock(log.uri, async () => {
    const before = await ladderFileText(log);
    const text = plan(before);
    await applyWrite({ file, before, after: text });
    return text;
  });
  deps.logs.ladderWritten(log, after);
  return after;
}

async function openLadder(log: FolderLog): Promise<void> {
  await vscode.window.showTextDocument(ladderUri(log), { preview: false });
}

/** Asks before a new ladder replaces one that exists; true when there is none or the user agrees. */
async function mayReplace(log: FolderLog, what: string): Promise<boolean> {
  if ((await ladderFileText(log)) === undefined) return true;
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(ladderUri(log))} already exists.`,
    { modal: true, detail: `${what} replaces it, with its comments; Undo in its editor brings it back while the editor is open.` },
    'Replace',
  );
  return answer === 'Replace';
}

function createLadderCommand(deps: LadderDeps): Command {
  return {
    id: 'growthLog.createLadder',
    async execute(arg: unknown) {
      const log = await deps.logs.pickLog('Create the ladder in which folder’s log?');
      if (!log) return undefined;
      let template = typeof arg === 'string' ? ladderTemplate(arg) : undefined;
      if (!template) {
        const items: TemplateItem[] = LADDER_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t }));
        const picked = await askPick(deps.inputs, { title: 'Create Ladder', placeholder: 'Start from which ladder?', items, active: items[0] });
        template = picked?.items[0]?.template;
      }
      if (!template || !(await mayReplace(log, `The ${template.label.toLowerCase()} ladder`))) return undefined;
      const text = template.text();
      await writeLadder(deps, log, () => text);
      await openLadder(log);
      vscode.window.setStatusBarMessage(`$(check) Wrote the ${template.label.toLowerCase()} ladder to ${vscode.workspace.asRelativePath(ladderUri(log))}; edit it to match yours.`, 8000);
      return ladderUri(log).toString();
    },
  };
}

function importLadderCommand(deps: LadderDeps): Command {
  return {
    id: 'growthLog.importLadder',
    async execute(arg: unknown) {
      const log = await deps.logs.pickLog('Import the ladder into which folder’s log?');
      if (!log) return undefined;
      let source = arg instanceof vscode.Uri ? arg : undefined;
      if (!source) {
        const picked = await vscode.window.showOpenDialog({
          title: 'Import Ladder: a levels-by-axes matrix (one row per level, one column per axis)',
          openLabel: 'Import',
          canSelectMany: false,
          defaultUri: log.workspaceFolder.uri,
          filters: { 'Spreadsheet export (CSV, TSV)': ['csv', 'tsv', 'txt'] },
        });
        source = picked?.[0];
      }
      if (!source) return undefined;
      const name = source.path.split('/').pop() ?? source.path;
      const result = importLadderMatrix(decodeLogText(await files().readFile(source)), name, { ladderFile: ladderUri(log).toString() });
      if (!result.ladder) throw new Error(`${name} could not be turned into a valid ladder: ${result.problems[0]?.message ?? 'no level was found'}`);
      if (!(await mayReplace(log, `The ladder imported from ${name}`))) return undefined;
      await writeLadder(deps, log, () => result.text);
      await openLadder(log);
      const criteria = result.ladder.levels.reduce((n, level) => n + level.criteria.length, 0);
      void vscode.window.showInformationMessage(
        `Imported ${result.ladder.levels.length} levels and ${criteria} criteria from ${name}. Review them: ${result.review[0]}`,
      );
      return ladderUri(log).toString();
    },
  };
}

/** Which setting or file decides a level: a `growthLog.targetLevel` set anywhere wins over the file. */
function targetSettingScope(log: FolderLog): vscode.ConfigurationTarget | undefined {
  const inspected = vscode.workspace.getConfiguration('growthLog', log.workspaceFolder).inspect<string>('targetLevel');
  if (inspected?.workspaceFolderValue?.trim()) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (inspected?.workspaceValue?.trim()) return vscode.ConfigurationTarget.Workspace;
  if (inspected?.globalValue?.trim()) return vscode.ConfigurationTarget.Global;
  return undefined;
}

async function pickLevel(deps: LadderDeps, log: FolderLog, ladder: Ladder, key: LadderLevelKey): Promise<string | undefined> {
  const target = log.targetLevel();
  const items: LevelItem[] = ladder.levels.map((level) => ({
    label: level.title,
    description: [level.id, level.id === ladder.current ? 'current' : '', level.id === target ? 'target' : ''].filter(Boolean).join(' · '),
    detail: level.criteria.length > 0 ? `${level.criteria.length} criteria` : 'no criteria in the ladder',
    level: level.id,
  }));
  const active = items.find((i) => i.level === (key === 'current' ? ladder.current : target));
  const picked = await askPick(deps.inputs, {
    title: key === 'current' ? 'Set Current Level' : 'Set Target Level',
    placeholder: key === 'current' ? 'Which level do you hold now?' : 'Which level does your packet make the case for?',
    items,
    active,
  });
  return picked?.items[0]?.level;
}

function setLevelCommand(deps: LadderDeps, key: LadderLevelKey): Command {
  return {
    id: key === 'current' ? 'growthLog.setCurrentLevel' : 'growthLog.setTargetLevel',
    async execute(arg: unknown) {
      const log = await deps.logs.pickLog(`Set the ${key} level of which folder’s log?`);
      if (!log) return undefined;
      const ladder = log.ladder.ladder;
      if (!ladder) throw new Error(`${vscode.workspace.asRelativePath(ladderUri(log))} cannot be used as a ladder; see its problems in the Problems panel.`);
      const level = typeof arg === 'string' && ladder.levels.some((l) => l.id === arg) ? arg : await pickLevel(deps, log, ladder, key);
      if (!level) return undefined;
      const label = levelLabel(ladder, level);

      const settingScope = key === 'target' ? targetSettingScope(log) : undefined;
      if (key === 'target' && (settingScope !== undefined || ladder.isDefault)) {
        // The setting decides (it overrides the file), or there is no file to write.
        await vscode.workspace.getConfiguration('growthLog', log.workspaceFolder).update('targetLevel', level, settingScope ?? vscode.ConfigurationTarget.WorkspaceFolder);
        vscode.window.setStatusBarMessage(`$(check) Target level: ${label} (the growthLog.targetLevel setting)`, 5000);
        return level;
      }
      if (ladder.isDefault) {
        // Only ladder.yaml holds the current level: offer to start one from the built-in ladder.
        const answer = await vscode.window.showInformationMessage(
          'Your current level is kept in ladder.yaml, which this log does not have yet.',
          { modal: true, detail: 'Growth Log can create it from the built-in ladder for software engineers, with your current level set. You can edit it afterwards.' },
          'Create ladder.yaml',
        );
        if (answer !== 'Create ladder.yaml') return undefined;
        const template = ladderTemplate('software-engineer');
        if (!template) return undefined;
        await writeLadder(deps, log, (before) => setLadderLevel(before ?? template.text(), key, level, vscode.workspace.asRelativePath(ladderUri(log))));
      } else {
        await writeLadder(deps, log, (before) => {
          if (before === undefined) throw new Error(`${vscode.workspace.asRelativePath(ladderUri(log))} was removed meanwhile; nothing was written.`);
          return setLadderLevel(before, key, level, vscode.workspace.asRelativePath(ladderUri(log)));
        });
      }
      vscode.window.setStatusBarMessage(`$(check) ${key === 'current' ? 'Current' : 'Target'} level: ${label}, in ${vscode.workspace.asRelativePath(ladderUri(log))}`, 5000);
      return level;
    },
  };
}

export function ladderCommands(deps: LadderDeps): Command[] {
  return [createLadderCommand(deps), importLadderCommand(deps), setLevelCommand(deps, 'current'), setLevelCommand(deps, 'target')];
}
