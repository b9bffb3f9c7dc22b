// Outcome follow-ups in VS Code: Set Follow-Up… on entries, and answering a due one (Add Impact,
// In 2 Weeks, Dismiss) from its notification or the tree. Every answer is one lossless edit of
// that entry's `impact` and `followUp`, which Undo Last Change takes back.
import * as vscode from 'vscode';
import type { EntryPatch } from '../../core/edits/entryEdits';
import { FOLLOW_UP_CHOICES, followUpDate, followUpsDue, type FollowUpChoice } from '../../core/habit/followUps';
import { dateProblem } from '../capture/addEntry';
import { resolveTargets, targetsFromArgs, type EntryTarget } from '../edit/entryTargets';
import type { EntryCommandDeps } from '../edit/editEntry';
import { applyToLog } from '../log/logEdits';
import type { Command } from '../workbench/commands';
import { askPick, askText } from '../workbench/multiStepInput';
import { todayOf, type Clock } from './clock';

export interface FollowUpDeps extends EntryCommandDeps {
  readonly clock: () => Clock;
}

/** The notification's buttons, in order. */
export const ADD_IMPACT = 'Add Impact';
export const IN_TWO_WEEKS = 'In 2 Weeks';
export const DISMISS = 'Dismiss';
export const FOLLOW_UP_ACTIONS = [ADD_IMPACT, IN_TWO_WEEKS, DISMISS] as const;

/** The entry as the log holds it now: it may have changed since a notification was shown. */
function current(target: EntryTarget): EntryTarget | undefined {
  const entry = target.log.store.entry(target.entry.id);
  return entry ? { log: target.log, entry } : undefined;
}

async function patch(deps: FollowUpDeps, targets: readonly EntryTarget[], fields: EntryPatch, message: string): Promise<void> {
  const done = [];
  for (const target of targets) {
    const [write] = await applyToLog(target.log, async () => [await target.log.store.planUpdate(target.entry.id, fields)]);
    done.push({ log: target.log, writes: [write] });
  }
  if (done.length > 0) deps.lastChange.record(done, message, { notify: false });
}

/** Asks for the outcome; writes it as `impact` and removes `followUp`. False when escaped. */
export async function addImpact(deps: FollowUpDeps, target: EntryTarget): Promise<boolean> {
  const fresh = current(target);
  if (!fresh) return false;
  const impact = await askText(deps.inputs, {
    title: `How did “${fresh.entry.title}” turn out?`,
    prompt: 'What changed because of it? Numbers help. Enter saves it as the impact.',
    placeholder: 'p99 latency down 40%, 12k USD a month saved',
    value: fresh.entry.impact ?? '',
    validate: (value) => (value.trim() ? undefined : 'Write the outcome, or press Escape to keep the follow-up.'),
  });
  if (impact === undefined || !impact.trim()) return false;
  await patch(deps, [fresh], { impact: impact.trim(), followUp: undefined }, `Added the impact of “${fresh.entry.title}”.`);
  return true;
}

export async function postponeFollowUp(deps: FollowUpDeps, target: EntryTarget): Promise<void> {
  const fresh = current(target);
  if (fresh) await patch(deps, [fresh], { followUp: followUpDate(todayOf(deps.clock()), '2-weeks') }, `Asked again about “${fresh.entry.title}” in 2 weeks.`);
}

export async function dismissFollowUp(deps: FollowUpDeps, target: EntryTarget): Promise<void> {
  const fresh = current(target);
  if (fresh) await patch(deps, [fresh], { followUp: undefined }, `Dismissed the follow-up of “${fresh.entry.title}”.`);
}

/** Runs the chosen answer to a due follow-up. */
export async function answerFollowUp(deps: FollowUpDeps, target: EntryTarget, action: string | undefined): Promise<void> {
  if (action === ADD_IMPACT) await addImpact(deps, target);
  else if (action === IN_TWO_WEEKS) await postponeFollowUp(deps, target);
  else if (action === DISMISS) await dismissFollowUp(deps, target);
}

interface WhenItem extends vscode.QuickPickItem {
  readonly when: FollowUpChoice | 'date' | 'remove';
}

export function setFollowUpCommand(deps: FollowUpDeps): Command {
  return {
    id: 'growthLog.setFollowUp',
    async execute(...args: unknown[]) {
      const targets = await resolveTargets(deps, args, { title: 'Set Follow-Up', canPickMany: true });
      if (targets.length === 0) return;
      const today = todayOf(deps.clock());
      const what = targets.length === 1 ? `“${targets[0].entry.title}”` : `${targets.length} entries`;
      const items: WhenItem[] = FOLLOW_UP_CHOICES.map(({ choice, label }) => ({ label, description: followUpDate(today, choice), when: choice }));
      items.push({ label: 'On a Date…', when: 'date' });
      if (targets.some((t) => t.entry.followUp !== undefined)) items.push({ label: 'Remove the Follow-Up', when: 'remove' });
      const existing = targets.length === 1 ? targets[0].entry.followUp : undefined;
      const picked = await askPick(deps.inputs, { title: `Set Follow-Up: ${what}`, placeholder: existing ? `Asks on ${existing} now. When should Growth Log ask how it turned out?` : 'When should Growth Log ask how it turned out?', items });
      const when = picked?.items[0]?.when ?? picked?.active[0]?.when;
      if (when === undefined) return;
      let date: string | undefined;
      if (when === 'date') {
        const typed = await askText(deps.inputs, { title: `Set Follow-Up: ${what}`, prompt: 'Ask on which day? YYYY-MM-DD', value: existing ?? followUpDate(today, '1-month'), validate: dateProblem });
        if (typed === undefined) return;
        date = typed.trim();
      } else if (when !== 'remove') date = followUpDate(today, when);
      await patch(deps, targets, { followUp: date }, date ? `Set the follow-up of ${what} to ${date}.` : `Removed the follow-up of ${what}.`);
    },
  };
}

interface ActionItem extends vscode.QuickPickItem {
  readonly action: string;
}

/** From the tree's due row or an entry under it, or the palette: answer one due follow-up. */
export function answerFollowUpCommand(deps: FollowUpDeps): Command {
  return {
    id: 'growthLog.answerFollowUp',
    async execute(...args: unknown[]) {
      let [target] = targetsFromArgs(deps.logs, args);
      if (!target) {
        await deps.logs.ready();
        const today = todayOf(deps.clock());
        const due = deps.logs.logs.flatMap((log) => followUpsDue(log.store.entries, today).map((entry) => ({ log, entry })));
        if (due.length === 0) {
          void vscode.window.showInformationMessage('No follow-up is due.');
          return;
        }
        [target] = due.length === 1 ? due : await pickEntriesFrom(deps, due);
      }
      if (!target) return;
      const items: ActionItem[] = [
        { label: `${ADD_IMPACT}…`, description: 'Write how it turned out', action: ADD_IMPACT },
        { label: IN_TWO_WEEKS, description: `Ask again on ${followUpDate(todayOf(deps.clock()), '2-weeks')}`, action: IN_TWO_WEEKS },
        { label: DISMISS, description: 'Remove the follow-up', action: DISMISS },
      ];
      const picked = await askPick(deps.inputs, { title: `How did “${target.entry.title}” turn out?`, placeholder: 'Add the outcome, or ask again later', items });
      await answerFollowUp(deps, target, (picked?.items[0] ?? picked?.active[0])?.action);
    },
  };
}

async function pickEntriesFrom(deps: FollowUpDeps, due: readonly EntryTarget[]): Promise<EntryTarget[]> {
  const items = due.map((target) => ({ label: target.entry.title, description: `due ${target.entry.followUp} · ${target.entry.date}`, target }));
  const picked = await askPick(deps.inputs, { title: 'Follow-ups due', placeholder: 'Which entry’s outcome do you know now?', items });
  const chosen = picked?.items[0] ?? picked?.active[0];
  return chosen ? [chosen.target] : [];
}
