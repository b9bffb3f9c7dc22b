// The review-period question the packet asks, shared with Export…: the named periods (since the
// last promotion described with its date) or a custom range typed as two dates, with Back.
import type * as vscode from 'vscode';
import { isValidDate, type Entry } from '../../core/model/entry';
import type { PacketRequest } from '../../core/packet/packet';
import { NAMED_PERIODS, namedPeriod, periodRange, type NamedPeriodKind, type Period } from '../../core/packet/period';
import { dateProblem } from '../capture/addEntry';
import type { InputStep } from '../workbench/multiStepInput';

export type PeriodChoice = Pick<PacketRequest, 'period' | 'since' | 'until'>;

interface PeriodItem extends vscode.QuickPickItem {
  readonly period: NamedPeriodKind | 'custom';
}

export interface PeriodStepOptions {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly today: string;
  /** The latest promotion in the log, to start on "since the last promotion". */
  readonly promotion: Entry | undefined;
  /** The log's entries, for the days "since the last promotion" covers. */
  readonly entries: readonly Entry[];
  /** Told the choice (and whether it took the two extra steps of a custom range) before `next` runs. */
  readonly choose: (choice: PeriodChoice, custom: boolean) => void;
  readonly next?: () => InputStep | undefined;
}

/** The period step; a custom range adds two steps (from, to) to the count. */
export function periodStep(options: PeriodStepOptions): InputStep {
  const { title, step, today } = options;
  const custom = options.totalSteps + 2;
  let since = '';
  let picked: PeriodItem['period'] | undefined;
  const askSince: InputStep = async (input) => {
    since = (await input.showInputBox({ title, step: step + 1, totalSteps: custom, value: since, prompt: 'From (YYYY-MM-DD, included)', validate: dateProblem })).trim();
    return askUntil;
  };
  const askUntil: InputStep = async (input) => {
    const until = (
      await input.showInputBox({
        title,
        step: step + 2,
        totalSteps: custom,
        value: today,
        prompt: 'To (YYYY-MM-DD, included)',
        validate: (value) => dateProblem(value) ?? (isValidDate(value.trim()) && value.trim() < since ? 'The end comes before the start.' : undefined),
      })
    ).trim();
    options.choose({ since, until }, true);
    return options.next?.();
  };
  return async (input) => {
    const items: PeriodItem[] = [
      ...NAMED_PERIODS.map((p) => ({
        label: p.label,
        period: p.kind,
        description: rangeOf(namedPeriod(p.kind, options.entries, today)) ?? 'no promotion recorded yet',
      })),
      { label: 'Custom range…', period: 'custom' as const, description: 'from and to dates you type' },
    ];
    // After a promotion, the case for the next one is what happened since; Back keeps the choice.
    const suggested = picked ?? (options.promotion ? 'since-promotion' : 'last-12-months');
    const { items: chosen } = await input.showQuickPick({ title, step, totalSteps: options.totalSteps, placeholder: 'Which review period?', items, active: items.find((i) => i.period === suggested) });
    const kind = chosen[0]?.period;
    picked = kind;
    if (kind === 'custom') return askSince;
    options.choose({ period: kind }, false);
    return options.next?.();
  };
}

export interface PrivateItem extends vscode.QuickPickItem {
  readonly include: boolean;
}

/** Leave private entries out (the default) or include them, with how many there are. */
export function privateStep(options: { title: string; step: number; totalSteps: number; count: () => number; choose: (include: boolean) => void; next?: () => InputStep | undefined }): InputStep {
  return async (input) => {
    const count = options.count();
    const items: PrivateItem[] = [
      { label: 'Leave Private Entries Out', description: `${count} in this period`, detail: 'Entries marked private stay on this machine.', include: false },
      { label: 'Include Private Entries', description: `${count} in this period`, detail: 'Only for a document you keep to yourself.', include: true },
    ];
    const { items: chosen } = await input.showQuickPick({ title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder: 'Private entries?', items, active: items[0] });
    options.choose(chosen[0]?.include ?? false);
    return options.next?.();
  };
}


/** The days a period covers, as the picker shows them: `2025-12-07 to 2026-12-06`. */
function rangeOf(period: Period | undefined): string | undefined {
  return period && periodRange(period);
}
