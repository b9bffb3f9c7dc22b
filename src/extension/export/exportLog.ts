// Growth Log: Export…: pick a format, the packet's review period, optionally a tag, whether to
// include private entries (asked only of a log that has some) and, for STAR stories, the entries
// to tell; the file is written where the packets go and opened. The text is the CLI's for the
// same choices: both render with the core's export formats.
import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from '../../core/export/exportFormats';
import { privateLeftOutNote, selectForExport, type ExportInput } from '../../core/export/exportSelection';
import { STAR_KEYS, today as todayDate, type Entry } from '../../core/model/entry';
import { tagCounts } from '../../core/model/entryQuery';
import { choosePeriod } from '../../core/packet/packet';
import { lastPromotion } from '../../core/packet/period';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';
import { chooseOutputFile, packetFolder } from '../packet/outputFiles';
import { periodStep, privateStep, type PeriodChoice } from '../packet/periodPicker';
import type { Command } from '../workbench/commands';
import { MultiStepInput, type InputStep } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import { files } from '../workbench/fileSystem';

export interface ExportDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
}

interface FormatItem extends vscode.QuickPickItem {
  readonly format: ExportFormat;
}

interface TagItem extends vscode.QuickPickItem {
  readonly tag: string | undefined;
}

interface EntryItem extends vscode.QuickPickItem {
  readonly entry: Entry;
}

interface ExportChoices {
  readonly format: ExportFormat;
  readonly input: ExportInput;
  readonly privateLeftOut: number;
}

const TITLE = 'Export';

async function askExport(inputs: QuickInputs, log: FolderLog, today: string): Promise<ExportChoices | undefined> {
  const all = log.store.entries;
  const hasPrivate = all.some((entry) => entry.private);
  let format = EXPORT_FORMATS[0];
  let choice: PeriodChoice = {};
  let tag: string | undefined;
  let includePrivate = false;
  let picked: readonly Entry[] | undefined;
  let extra = 0;
  const total = () => 3 + (hasPrivate ? 1 : 0) + (format.picksEntries ? 1 : 0);
  const select = () => selectForExport(all, { period: choosePeriod({ entries: all, today, ...choice }), tag, includePrivate });

  const askEntries: InputStep = async (input) => {
    const { entries } = select();
    // Entries that already tell their story come checked.
    const items: EntryItem[] = entries.map((entry) => ({ label: entry.title, description: `${entry.date} · ${entry.type}`, detail: STAR_KEYS.some((key) => entry[key]) ? 'has STAR parts' : undefined, entry }));
    const selected = items.filter((item) => item.detail !== undefined);
    const { items: chosen } = await input.showQuickPick({ title: TITLE, step: total() + extra, totalSteps: total() + extra, placeholder: 'Which entries become STAR stories? (Space checks, Enter exports)', items, selected, canSelectMany: true, matchOnDetail: true });
    if (chosen.length === 0) return askEntries;
    picked = chosen.map((item) => item.entry);
    return undefined;
  };
  const afterPrivate = () => (format.picksEntries ? askEntries : undefined);
  const askPrivate = () =>
    privateStep({
      title: TITLE,
      step: 4 + extra,
      totalSteps: total() + extra,
      count: () => selectForExport(all, { period: choosePeriod({ entries: all, today, ...choice }), tag }).privateLeftOut,
      choose: (include) => (includePrivate = include),
      next: afterPrivate,
    });
  const askTag: InputStep = async (input) => {
    const items: TagItem[] = [{ label: 'All Entries', description: 'no tag filter', tag: undefined }, ...tagCounts(all).map(({ tag, count }) => ({ label: tag, description: `${count}`, tag }))];
    const { items: chosen } = await input.showQuickPick({ title: TITLE, step: 3 + extra, totalSteps: total() + extra, placeholder: 'Only entries with a tag?', items, active: items.find((i) => i.tag === tag) ?? items[0] });
    tag = chosen[0]?.tag;
    return hasPrivate ? askPrivate() : afterPrivate();
  };
  const askFormat: InputStep = async (input) => {
    const items: FormatItem[] = EXPORT_FORMATS.map((f) => ({ label: f.label, description: f.description, format: f }));
    const { items: chosen } = await input.showQuickPick({ title: TITLE, step: 1, totalSteps: total(), placeholder: 'Which format?', items, active: items.find((i) => i.format === format) });
    format = chosen[0]?.format ?? format;
    return periodStep({
      title: TITLE,
      step: 2,
      totalSteps: total(),
      today,
      promotion: lastPromotion(all, today),
      entries: all,
      choose: (period, custom) => {
        choice = period;
        extra = custom ? 2 : 0;
      },
      next: () => askTag,
    });
  };
  if (!(await MultiStepInput.run(inputs, askFormat))) return undefined;
  const period = choosePeriod({ entries: all, today, ...choice });
  const selection = selectForExport(all, { period, tag, includePrivate });
  const entries = picked ? selection.entries.filter((entry) => picked?.includes(entry)) : selection.entries;
  return { format, input: { period, tag, includePrivate, entries, today, fileLabel: fileLabelIn(log) }, privateLeftOut: selection.privateLeftOut };
}

/** A file's path inside the log folder, as the CLI names it (`2026.yaml`, `team/q3.yaml`). */
function fileLabelIn(log: FolderLog): (file: string) => string {
  const base = `${log.uri.path.replace(/\/$/, '')}/`;
  return (file) => {
    const filePath = vscode.Uri.parse(file).path;
    return filePath.startsWith(base) ? filePath.slice(base.length) : filePath;
  };
}

export function exportCommand(deps: ExportDeps): Command {
  return {
    id: 'growthLog.export',
    async execute() {
      const log = await deps.logs.pickLog('Export which folder’s log?');
      if (!log) return undefined;
      const today = todayDate();
      const choices = await askExport(deps.inputs, log, today);
      if (!choices) return undefined;
      const { format, input, privateLeftOut } = choices;
      const text = format.render(input);
      const name = exportFileName(format, today);
      const file = await chooseOutputFile(packetFolder(log), name.slice(0, -(format.extension.length + 1)), format.extension);
      if (!file) return undefined;
      await files().createDirectory(vscode.Uri.joinPath(file, '..'));
      await files().writeFile(file, new TextEncoder().encode(text));
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc, { preview: false });
      const count = `${input.entries.length} ${input.entries.length === 1 ? 'entry' : 'entries'}`;
      const note = privateLeftOutNote(privateLeftOut);
      const message = `Exported ${count} to ${vscode.workspace.asRelativePath(file)}.${note ? ` ${note}` : ''}`;
      if (note) void vscode.window.showInformationMessage(message);
      else vscode.window.setStatusBarMessage(`$(check) ${message}`, 5000);
      return file.toString();
    },
  };
}
