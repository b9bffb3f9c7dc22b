// Growth Log: Generate Promotion Packet: pick the target level and the review period, get the
// Markdown draft in the packets folder, opened beside the editor with its preview. The bytes
// are the CLI's for the same inputs: both call planPacket and generatePacket.
import * as vscode from 'vscode';
import { isValidDate, today as todayDate } from '../../core/model/entry';
import { findLevel, levelLabel, type Ladder } from '../../core/packet/ladder';
import { packetBytes, planPacket, type PacketRequest } from '../../core/packet/packet';
import { lastMonths, NAMED_PERIODS, periodRange, sincePromotion, thisYear, type NamedPeriodKind, type Period } from '../../core/packet/period';
import { dateProblem } from '../capture/addEntry';
import type { Command } from '../workbench/commands';
import { askPick, MultiStepInput, type InputStep } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';

export interface PacketDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
}

interface LevelItem extends vscode.QuickPickItem {
  readonly level: string;
}

interface PeriodItem extends vscode.QuickPickItem {
  readonly period: NamedPeriodKind | 'custom';
}

type PeriodChoice = Pick<PacketRequest, 'period' | 'since' | 'until'>;

/** Where drafts go: the setting, relative to the workspace folder, else `<log folder>/packets`. */
export function packetFolder(log: FolderLog): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('growthLog', log.workspaceFolder).get<string>('packetFolder')?.trim();
  return setting ? vscode.Uri.joinPath(log.workspaceFolder.uri, setting) : vscode.Uri.joinPath(log.uri, 'packets');
}

async function askLevelAndPeriod(inputs: QuickInputs, log: FolderLog, ladder: Ladder, today: string): Promise<{ target: string } & PeriodChoice | undefined> {
  const title = 'Generate Promotion Packet';
  const defaultTarget = log.targetLevel();
  let target = defaultTarget ?? ladder.levels[ladder.levels.length - 1].id;
  let choice: PeriodChoice = {};

  const askLevel: InputStep = async (input) => {
    const items: LevelItem[] = ladder.levels.map((level) => ({
      label: level.title,
      description: [level.id, level.id === ladder.current ? 'current' : '', level.id === defaultTarget ? 'target' : ''].filter(Boolean).join(' · '),
      detail: `${level.criteria.length} criteria`,
      level: level.id,
    }));
    const { items: chosen } = await input.showQuickPick({ title, step: 1, totalSteps: 2, placeholder: 'Which level is the packet for?', items, active: items.find((i) => i.level === target) });
    target = chosen[0]?.level ?? target;
    return askPeriod;
  };
  const askPeriod: InputStep = async (input) => {
    const items: PeriodItem[] = [
      ...NAMED_PERIODS.map((p) => ({
        label: p.label,
        period: p.kind,
        description: namedPeriodRange(p.kind, log, today) ?? 'no promotion recorded yet',
      })),
      { label: 'Custom range…', period: 'custom' as const, description: 'from and to dates you type' },
    ];
    const { items: chosen } = await input.showQuickPick({ title, step: 2, totalSteps: 2, placeholder: 'Which review period?', items, active: items.find((i) => i.period === 'last-12-months') });
    const kind = chosen[0]?.period;
    if (kind === 'custom') return askSince;
    choice = { period: kind };
    return undefined;
  };
  let since = '';
  const askSince: InputStep = async (input) => {
    since = (await input.showInputBox({ title, step: 3, totalSteps: 4, value: since, prompt: 'From (YYYY-MM-DD, included)', validate: dateProblem })).trim();
    return askUntil;
  };
  const askUntil: InputStep = async (input) => {
    const until = (
      await input.showInputBox({
        title,
        step: 4,
        totalSteps: 4,
        value: today,
        prompt: 'To (YYYY-MM-DD, included)',
        validate: (value) => dateProblem(value) ?? (isValidDate(value.trim()) && value.trim() < since ? 'The end comes before the start.' : undefined),
      })
    ).trim();
    choice = { since, until };
  };
  return (await MultiStepInput.run(inputs, askLevel)) ? { target, ...choice } : undefined;
}

/** The days a named period covers, as the picker shows them: `2025-12-07 to 2026-12-06`. */
function namedPeriodRange(kind: NamedPeriodKind, log: FolderLog, today: string): string | undefined {
  const periods: Record<NamedPeriodKind, () => Period | undefined> = {
    'last-12-months': () => lastMonths(today, 12),
    'last-6-months': () => lastMonths(today, 6),
    'since-promotion': () => sincePromotion(log.store.entries, today),
    'this-year': () => thisYear(today),
  };
  const period = periods[kind]();
  return period && periodRange(period);
}

/** `packet-L4-2026-11-26.md`, or `…-2.md` and on when the user keeps an existing draft. */
async function chooseFile(folder: vscode.Uri, level: string, today: string): Promise<vscode.Uri | undefined> {
  const base = `packet-${level.replace(/[^\w.-]+/g, '-')}-${today}`;
  const first = vscode.Uri.joinPath(folder, `${base}.md`);
  if (!(await exists(first))) return first;
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(first)} already exists.`,
    { modal: true, detail: 'Your edits to that draft are lost if it is replaced.' },
    'Keep Both',
    'Replace',
  );
  if (answer === 'Replace') return first;
  if (answer !== 'Keep Both') return undefined;
  for (let n = 2; ; n++) {
    const next = vscode.Uri.joinPath(folder, `${base}-${n}.md`);
    if (!(await exists(next))) return next;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
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
      const answers = await askLevelAndPeriod(deps.inputs, log, ladder, today);
      if (!answers) return undefined;
      const request: PacketRequest = { ladder, entries: log.store.entries, today, current: ladder.current, ...answers };
      const plan = planPacket(request);
      const bytes = packetBytes({ ...plan, entries: request.entries, ladder, today });
      const file = await chooseFile(packetFolder(log), plan.targetLevel, today);
      if (!file) return undefined;
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
      await vscode.workspace.fs.writeFile(file, bytes);
      const doc = await vscode.workspace.openTextDocument(file);
      // Beside what the user is editing; with nothing open, in the editor area itself.
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', file);
      const level = findLevel(ladder, plan.targetLevel);
      vscode.window.setStatusBarMessage(`$(check) Packet for ${level ? levelLabel(ladder, level.id) : plan.targetLevel} written to ${vscode.workspace.asRelativePath(file)}`, 5000);
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
