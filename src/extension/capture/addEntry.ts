// Growth Log: Add Entry, a multi-step input (title, type, date, impact, tags, competencies, and
// a follow-up when the impact is not known yet) with Back and step counts; Escape at any step
// writes nothing.
import * as vscode from 'vscode';
import { DEFAULT_ENTRY_TYPE, ENTRY_TYPES, dateProblem as whyNotADate, normalizeTag, today, type EntryType, type NewEntry } from '../../core/model/entry';
import { tagCounts } from '../../core/model/entryQuery';
import { FOLLOW_UP_CHOICES, followUpDate, type FollowUpChoice } from '../../core/habit/followUps';
import { findLevel, levelLabel, type Criterion } from '../../core/packet/ladder';
import type { Command } from '../workbench/commands';
import { TYPE_ICONS } from '../tree/entriesTree';
import type { LastChange } from '../log/lastChange';
import { applyToLog } from '../log/logEdits';
import { MultiStepInput, type InputStep } from '../workbench/multiStepInput';
import type { QuickInputs } from '../workbench/quickInputs';
import type { FolderLog, WorkspaceLogs } from '../log/workspaceLogs';

export interface CaptureDeps {
  readonly logs: WorkspaceLogs;
  readonly inputs: QuickInputs;
  /** Shows the new entry selected in the tree. */
  readonly reveal: (file: string, id: string) => Promise<void>;
  readonly lastChange: LastChange;
}

export const TYPE_DESCRIPTIONS: Record<EntryType, string> = {
  project: 'Something you built, shipped or fixed',
  skill: 'A skill you picked up or deepened',
  learning: 'A course, certification or degree',
  responsibility: 'Something you now own',
  leadership: 'You led people or an initiative',
  mentoring: 'You helped someone grow',
  collaboration: 'Work across teams or disciplines',
  network: 'A talk, a community, a new connection',
  recognition: 'Praise, an award, feedback',
  move: 'A role change, vertical or horizontal',
};

interface TypeItem extends vscode.QuickPickItem {
  readonly type: EntryType;
}

interface ValueItem extends vscode.QuickPickItem {
  readonly value: string;
}

interface FollowUpItem extends vscode.QuickPickItem {
  readonly choice: FollowUpChoice | undefined;
}

const TOTAL_STEPS = 6;

/** Under a tag list: the placeholder has no room for it beside the "0 Selected" badge. */
export const TAGS_PROMPT = 'Space checks the highlighted tag; type new ones comma-separated; Enter when done';

/** Why a typed date is refused, in words shown under the input box, or undefined when it is a real day. */
export function dateProblem(value: string): string | undefined {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'Write the date as YYYY-MM-DD, for example 2026-11-20.';
  // The core's sentence says why the day does not exist; an input box shows no Markdown.
  return whyNotADate(text)?.replace(/`/g, '');
}

/** Splits typed tags (`perf, On Call`) into normalized tags. */
export function typedTags(value: string): string[] {
  return value
    .split(/[,#]/)
    .map(normalizeTag)
    .filter(Boolean);
}

/** The criteria a new entry can claim, and which level they are: the target's, or the whole ladder's. */
export interface ClaimableCriteria {
  readonly criteria: readonly Criterion[];
  /** `Staff Engineer (L4), your target level`, or `every level of the ladder`. */
  readonly label: string;
}

export function criteriaFor(log: FolderLog): ClaimableCriteria {
  const ladder = log.ladder.ladder;
  if (!ladder) return { criteria: [], label: '' };
  const target = log.targetLevel();
  const level = target ? findLevel(ladder, target) : undefined;
  if (level && level.criteria.length > 0) return { criteria: level.criteria, label: `${levelLabel(ladder, level.id)}, your target level` };
  const byId = new Map<string, Criterion>();
  for (const l of ladder.levels) for (const c of l.criteria) byId.set(c.id, c);
  return { criteria: [...byId.values()], label: 'every level of the ladder (no target level is set)' };
}

/**
 * Adds the entry to its year's file and reveals it; shared by every capture command. The new
 * entry is in view, so Undo Last Change takes it back without a notification saying so.
 */
export async function captureEntry(deps: CaptureDeps, log: FolderLog, entry: NewEntry): Promise<string> {
  const [planned] = await applyToLog(log, async () => [await log.store.planAdd(entry)]);
  deps.lastChange.record([{ log, writes: [planned] }], `Added “${entry.title}”.`, { notify: false });
  await deps.reveal(planned.file, planned.id);
  return planned.id;
}

export async function logForCapture(logs: WorkspaceLogs): Promise<FolderLog | undefined> {
  const log = await logs.pickLog('Add the entry to which folder’s log?');
  if (!log) void vscode.window.showInformationMessage('Open a folder first: Growth Log keeps its log in the workspace.');
  return log;
}

export function addEntryCommand(deps: CaptureDeps): Command {
  return {
    id: 'growthLog.addEntry',
    async execute() {
      const log = await logForCapture(deps.logs);
      if (!log) return undefined;
      const draft = {
        title: '',
        type: DEFAULT_ENTRY_TYPE as EntryType,
        date: today(),
        impact: '',
        tags: [] as string[],
        competencies: [] as string[],
        followUp: undefined as FollowUpChoice | undefined,
      };
      const title = 'Add Entry';
      const existingTags = tagCounts(log.store.entries);
      const criteria = criteriaFor(log);
      // The follow-up question comes last, and only while the impact is left empty.
      const laterSteps = () => (criteria.criteria.length > 0 ? 6 : 5) + (draft.impact ? 0 : 1);
      const afterLastQuestion = () => (draft.impact ? undefined : askFollowUp);

      const askTitle: InputStep = async (input) => {
        draft.title = (
          await input.showInputBox({
            title,
            step: 1,
            totalSteps: TOTAL_STEPS,
            value: draft.title,
            prompt: 'What did you do? One line, in the past tense.',
            placeholder: 'Led the billing service migration to Postgres 16',
            validate: (value) => (value.trim() ? undefined : 'A title is required.'),
          })
        ).trim();
        return askType;
      };
      const askType: InputStep = async (input) => {
        const items: TypeItem[] = ENTRY_TYPES.map((type) => ({ label: type, description: TYPE_DESCRIPTIONS[type], iconPath: new vscode.ThemeIcon(TYPE_ICONS[type]), type }));
        const { items: chosen } = await input.showQuickPick({
          title,
          step: 2,
          totalSteps: TOTAL_STEPS,
          placeholder: 'What kind of evidence is it?',
          items,
          active: items.find((i) => i.type === draft.type),
        });
        draft.type = chosen[0]?.type ?? draft.type;
        return askDate;
      };
      const askDate: InputStep = async (input) => {
        draft.date = (
          await input.showInputBox({
            title,
            step: 3,
            totalSteps: TOTAL_STEPS,
            value: draft.date,
            prompt: 'When did it happen? YYYY-MM-DD (today by default)',
            validate: dateProblem,
          })
        ).trim();
        return askImpact;
      };
      const askImpact: InputStep = async (input) => {
        draft.impact = (
          await input.showInputBox({
            title,
            step: 4,
            totalSteps: TOTAL_STEPS,
            value: draft.impact,
            prompt: 'What changed because of it? Numbers help (optional: press Enter to skip).',
            placeholder: 'p99 latency down 40%, 12k USD a month saved',
            validate: () => undefined,
          })
        ).trim();
        return askTags;
      };
      const askTags: InputStep = async (input) => {
        const items: ValueItem[] = existingTags.map(({ tag, count }) => ({ label: tag, description: `${count}`, value: tag }));
        const typedBefore = draft.tags.filter((t) => !items.some((i) => i.value === t));
        const { items: chosen, value } = await input.showQuickPick({
          title,
          step: 5,
          totalSteps: laterSteps(),
          placeholder: 'Tags (optional)',
          prompt: items.length > 0 ? TAGS_PROMPT : 'Type tags, comma-separated, then Enter (or Enter to skip)',
          items,
          canSelectMany: true,
          spaceChecks: true,
          selected: items.filter((i) => draft.tags.includes(i.value)),
        });
        draft.tags = unique([...chosen.map((i) => i.value), ...typedTags(value), ...(value.trim() ? [] : typedBefore)]);
        return criteria.criteria.length > 0 ? askCompetencies : afterLastQuestion();
      };
      const askCompetencies: InputStep = async (input) => {
        const items: ValueItem[] = criteria.criteria.map((c) => ({ label: c.title, description: c.id, detail: c.description, value: c.id }));
        const { items: chosen } = await input.showQuickPick({
          title,
          step: 6,
          totalSteps: laterSteps(),
          placeholder: 'Criteria (optional)',
          prompt: `Criteria of ${criteria.label}: check those it shows with Space, then Enter (or Enter to skip).`,
          items,
          canSelectMany: true,
          selected: items.filter((i) => draft.competencies.includes(i.value)),
        });
        draft.competencies = chosen.map((i) => i.value);
        return afterLastQuestion();
      };
      const askFollowUp: InputStep = async (input) => {
        const items: FollowUpItem[] = [
          ...FOLLOW_UP_CHOICES.map(({ choice, label }) => ({ label, description: followUpDate(today(), choice), choice })),
          { label: 'No', description: 'Do not ask', choice: undefined },
        ];
        const { items: chosen } = await input.showQuickPick({
          title,
          step: laterSteps(),
          totalSteps: laterSteps(),
          placeholder: 'Remind me to add the outcome:',
          items,
          active: items.find((i) => i.choice === draft.followUp) ?? items[0],
        });
        draft.followUp = chosen[0]?.choice;
      };

      if (!(await MultiStepInput.run(deps.inputs, askTitle))) return undefined;
      return captureEntry(deps, log, {
        title: draft.title,
        type: draft.type,
        date: draft.date,
        impact: draft.impact || undefined,
        tags: draft.tags,
        competencies: draft.competencies,
        followUp: !draft.impact && draft.followUp ? followUpDate(today(), draft.followUp) : undefined,
      });
    },
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
