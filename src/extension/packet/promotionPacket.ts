// Growth Log: Generate Promotion Packet: pick the target level and the review period, get the
// Markdown draft in the packets folder, opened beside the editor with its preview. The bytes
// are the CLI's for the same inputs: both call planPacket and generatePacket.
import * as vscode from 'vscode';
import { privateLeftOutNote } from '../../core/export/exportSelection';
import { today as todayDate } from '../../core/model/entry';
import { currentLevel } from '../../core/habit/timeInLevel';
import { findLevel, levelLabel, type Ladder } from '../../core/packet/ladder';
import { packetBytes, planPacket, privateLeftOutOfPacket, type PacketRequest } from '../../core/packet/packet';
import { lastPromotion } from '../../core/packet/period';
import { chartBaseName, chartFiles, packetOverview } from '../../core/overview/chartFiles';
import type { Command } from '../workbench/commands';
import { askPick, MultiStepInput, type InputStep } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';
import { chooseOutputFile, packetFolder } from './outputFiles';
import { periodStep, privateStep, type PeriodChoice } from './periodPicker';
import { files } from '../workbench/fileSystem';

export interface PacketDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
}

interface LevelItem extends vscode.QuickPickItem {
  readonly level: string;
}

/** The target level, the period, and (when the log has private entries) whether to quote them. */
async function askPacketChoices(inputs: QuickInputs, log: FolderLog, ladder: Ladder, today: string): Promise<({ target: string; includePrivate: boolean } & PeriodChoice) | undefined> {
  const title = 'Generate Promotion Packet';
  const defaultTarget = log.targetLevel();
  let target = defaultTarget ?? ladder.levels[ladder.levels.length - 1].id;
  let choice: PeriodChoice = {};
  let includePrivate = false;
  const entries = log.store.entries;
  const promotion = lastPromotion(entries, today);
  // Only a log that has private entries is asked about them.
  const hasPrivate = entries.some((entry) => entry.private);
  const totalSteps = hasPrivate ? 3 : 2;
  let extra = 0;
  const current = currentLevel(log.store.entries, ladder, today, ladder.current)?.id;

  const askPrivate = () =>
    privateStep({
      title,
      step: 3 + extra,
      totalSteps: totalSteps + extra,
      count: () => privateLeftOutOfPacket({ entries, period: planPacket({ ladder, entries, today, current: ladder.current, target, ...choice }).period }),
      choose: (include) => (includePrivate = include),
    });
  const askLevel: InputStep = async (input) => {
    const items: LevelItem[] = ladder.levels.map((level) => ({
      label: level.title,
      description: [level.id, level.id === current ? 'current' : '', level.id === defaultTarget ? 'target' : ''].filter(Boolean).join(' · '),
      detail: `${level.criteria.length} criteria`,
      level: level.id,
    }));
    const { items: chosen } = await input.showQuickPick({ title, step: 1, totalSteps, placeholder: 'Which level is the packet for?', items, active: items.find((i) => i.level === target) });
    target = chosen[0]?.level ?? target;
    return periodStep({
      title,
      step: 2,
      totalSteps,
      today,
      promotion,
      entries,
      choose: (period, custom) => {
        choice = period;
        extra = custom ? 2 : 0;
      },
      next: () => (hasPrivate ? askPrivate() : undefined),
    });
  };
  return (await MultiStepInput.run(inputs, askLevel)) ? { target, includePrivate, ...choice } : undefined;
}

export function generatePacketCommand(deps: PacketDeps): Command {
  return {
    id: 'growthLog.generatePacket',
    async execute() {
      const log = await deps.logs.pickLog('Generate the packet from which folder’s log?');
      if (!log) return undefined;
      const ladder = log.ladder.ladder;
      if (!ladder) {
        throw new Error(`${vscode.workspace.asRelativePath(vscode.Uri.parse(log.ladder.problems[0]?.file ?? log.uri.toString()))} cannot be used as a ladder; see its problems in the Problems panel.`);
      }
      const today = todayDate();
      const answers = await askPacketChoices(deps.inputs, log, ladder, today);
      if (!answers) return undefined;
      const { includePrivate, ...choices } = answers;
      const request: PacketRequest = { ladder, entries: log.store.entries, today, current: ladder.current, ...choices };
      const plan = planPacket(request);
      const input = { ...plan, entries: request.entries, ladder, today, includePrivate };
      const file = await chooseOutputFile(packetFolder(log), `packet-${plan.targetLevel.replace(/[^\w.-]+/g, '-')}-${today}`, 'md');
      if (!file) return undefined;
      const folder = vscode.Uri.joinPath(file, '..');
      // The overview's charts go beside the draft, which shows them: the same files as `growth-log packet -o`.
      const charts = chartFiles(packetOverview(input), chartBaseName(file.path.slice(file.path.lastIndexOf('/') + 1)));
      await files().createDirectory(folder);
      for (const chart of charts) await files().writeFile(vscode.Uri.joinPath(folder, chart.name), new TextEncoder().encode(chart.svg));
      await files().writeFile(file, packetBytes({ ...input, charts }));
      const doc = await vscode.workspace.openTextDocument(file);
      // Beside what the user is editing; with nothing open, in the editor area itself.
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', file);
      const level = findLevel(ladder, plan.targetLevel);
      vscode.window.setStatusBarMessage(`$(check) Packet for ${level ? levelLabel(ladder, level.id) : plan.targetLevel} written to ${vscode.workspace.asRelativePath(file)}`, 5000);
      const note = privateLeftOutNote(privateLeftOutOfPacket(input));
      if (note) void vscode.window.showInformationMessage(`The packet is written. ${note}`);
      return file.toString();
    },
  };
}

/** The target level the user picks, for commands that need one (accepting suggestions). */
export async function pickLevel(inputs: QuickInputs, ladder: Ladder, active: string | undefined): Promise<string | undefined> {
  const items: LevelItem[] = ladder.levels.map((level) => ({ label: level.title, description: level.id, level: level.id }));
  const picked = await askPick(inputs, { title: 'Target Level', placeholder: 'Which level?', items, active: items.find((i) => i.level === active) });
  return picked?.items[0]?.level;
}
