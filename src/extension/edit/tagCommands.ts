// Tagging: tag and untag one or many entries, rename or merge a tag across the whole log.
// Every change goes through the core's tag edits, so only `tags` lists change.
import * as vscode from 'vscode';
import { normalizeTag } from '../../core/model/entry';
import { tagCounts } from '../../core/model/entryQuery';
import { planMergeTags, planRenameTag, planTagChange, type TagChange, type TagRewrite } from '../../core/edits/tagEdits';
import { TAGS_PROMPT, typedTags } from '../capture/addEntry';
import type { Command } from '../workbench/commands';
import { GroupItem } from '../tree/entriesTree';
import { resolveTargets, type EntryTarget, type TargetDeps } from './entryTargets';
import type { LastChange, LogWrites } from '../log/lastChange';
import { askPick, askText, confirmInPick } from '../workbench/multiStepInput';
import type { FolderLog } from '../log/workspaceLogs';

export interface TagCommandDeps extends TargetDeps {
  readonly lastChange: LastChange;
}

interface TagItem extends vscode.QuickPickItem {
  readonly tag: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `already on it` for one entry, `already on 2 of 5` for several, nothing when none has the tag. */
function alreadyOn(having: number, of: number): string | undefined {
  if (having === 0) return undefined;
  if (of === 1) return 'already on it';
  return having === of ? `already on all ${of}` : `already on ${having} of ${of}`;
}

/** Applies a tag change to targets that may come from several folders' logs. */
async function changeTagsOf(deps: TagCommandDeps, targets: readonly EntryTarget[], change: TagChange, label: string): Promise<void> {
  const byLog = new Map<FolderLog, string[]>();
  for (const { log, entry } of targets) byLog.set(log, [...(byLog.get(log) ?? []), entry.id]);
  const parts: LogWrites[] = [];
  for (const [log, ids] of byLog) {
    const writes = await planTagChange(log.store, ids, change);
    if (writes.length > 0) parts.push({ log, writes });
  }
  // One change for every folder's log: one notification, and one Undo that takes back all of it.
  if (parts.length > 0) await deps.lastChange.apply(parts, label);
}

async function pickTag(deps: TagCommandDeps, log: FolderLog, placeholder: string): Promise<string | undefined> {
  const items: TagItem[] = tagCounts(log.store.entries).map(({ tag, count }) => ({ label: tag, description: plural(count, 'entry', 'entries'), tag }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('No entry has tags yet.');
    return undefined;
  }
  const picked = await askPick(deps.inputs, { title: 'Tags', placeholder, items });
  return picked?.items[0]?.tag;
}

function confirmRewrite(deps: TagCommandDeps, rewrite: TagRewrite, title: string, action: string): Promise<boolean> {
  const question = `${plural(rewrite.entryCount, 'entry', 'entries')} in ${plural(rewrite.fileCount, 'file', 'files')} will change; only their tags.`;
  return confirmInPick(deps.inputs, title, question, action);
}

export function tagCommands(deps: TagCommandDeps): Command[] {
  return [
    {
      id: 'growthLog.tagEntries',
      async execute(...args: unknown[]) {
        const targets = await resolveTargets(deps, args, { title: 'Tag Entries', canPickMany: true });
        if (targets.length === 0) return;
        const all = tagCounts(deps.logs.logs.flatMap((log) => log.store.entries));
        const items: TagItem[] = all.map(({ tag, count }) => {
          const having = targets.filter((t) => t.entry.tags.some((x) => normalizeTag(x) === tag)).length;
          return { label: tag, description: [plural(count, 'entry', 'entries'), alreadyOn(having, targets.length)].filter(Boolean).join(' · '), tag };
        });
        const picked = await askPick(deps.inputs, {
          title: `Tag ${targets.length === 1 ? `“${targets[0].entry.title}”` : plural(targets.length, 'entry', 'entries')}`,
          placeholder: 'Tags to add',
          prompt: TAGS_PROMPT,
          items,
          canSelectMany: true,
          spaceChecks: true,
        });
        if (!picked) return;
        const add = [...new Set([...picked.items.map((i) => i.tag), ...typedTags(picked.value)])];
        if (add.length === 0) return;
        await changeTagsOf(deps, targets, { add }, `Tagged ${plural(targets.length, 'entry', 'entries')} with ${add.map((t) => `#${t}`).join(' ')}.`);
      },
    },
    {
      id: 'growthLog.removeTags',
      async execute(...args: unknown[]) {
        const targets = await resolveTargets(deps, args, { title: 'Remove Tags', canPickMany: true });
        if (targets.length === 0) return;
        const counts = tagCounts(targets.map((t) => t.entry));
        if (counts.length === 0) {
          void vscode.window.showInformationMessage('The selected entries have no tags.');
          return;
        }
        const items: TagItem[] = counts.map(({ tag, count }) => ({ label: tag, description: `on ${count} of ${targets.length}`, tag }));
        const picked = await askPick(deps.inputs, { title: 'Remove Tags', placeholder: 'Check the tags to remove, then Enter', items, canSelectMany: true });
        const remove = picked?.items.map((i) => i.tag) ?? [];
        if (remove.length === 0) return;
        await changeTagsOf(deps, targets, { remove }, `Removed ${remove.map((t) => `#${t}`).join(' ')} from ${plural(targets.length, 'entry', 'entries')}.`);
      },
    },
    {
      id: 'growthLog.renameTag',
      async execute(arg: unknown) {
        const fromTree = arg instanceof GroupItem ? arg.tag : undefined;
        const log = await deps.logs.pickLog('Rename a tag in which folder’s log?');
        if (!log) return;
        const from = fromTree ?? (await pickTag(deps, log, 'Which tag to rename?'));
        if (!from) return;
        const taken = new Set(tagCounts(log.store.entries).map((t) => t.tag));
        const to = await askText(deps.inputs, {
          title: `Rename #${from}`,
          prompt: 'The new name (lower case, spaces become -). An existing tag’s name merges the two.',
          value: from,
          validate: (value) => (!normalizeTag(value) ? 'A tag needs at least one character that is not a space.' : normalizeTag(value) === from ? 'Type a different name.' : undefined),
        });
        if (to === undefined) return;
        const target = normalizeTag(to);
        const rewrite = await planRenameTag(log.store, from, target);
        const title = taken.has(target) ? `Merge #${from} into the existing #${target}` : `Rename #${from} to #${target}`;
        if (!(await confirmRewrite(deps, rewrite, title, 'Rename'))) return;
        await deps.lastChange.apply([{ log, writes: rewrite.writes }], `Renamed #${from} to #${target} in ${plural(rewrite.entryCount, 'entry', 'entries')}.`);
      },
    },
    {
      id: 'growthLog.mergeTags',
      async execute() {
        const log = await deps.logs.pickLog('Merge tags in which folder’s log?');
        if (!log) return;
        const items: TagItem[] = tagCounts(log.store.entries).map(({ tag, count }) => ({ label: tag, description: plural(count, 'entry', 'entries'), tag }));
        const sources = await askPick(deps.inputs, { title: 'Merge Tags', placeholder: 'Check the tags to merge (two or more), then Enter', items, canSelectMany: true });
        const chosen = sources?.items.map((i) => i.tag) ?? [];
        if (chosen.length < 2) {
          if (sources) void vscode.window.showInformationMessage('Check at least two tags to merge.');
          return;
        }
        const intoItems: TagItem[] = chosen.map((tag) => ({ label: tag, tag }));
        const into = await askPick(deps.inputs, { title: 'Merge Tags', placeholder: 'Merge into which tag? (or type a new name)', items: intoItems, acceptValue: true });
        if (!into) return;
        // A typed name that matches none of the checked tags is a new tag to merge into.
        const target = into.items[0]?.tag ?? normalizeTag(into.value);
        if (!target) return;
        const rewrite = await planMergeTags(log.store, chosen, target);
        if (!(await confirmRewrite(deps, rewrite, `Merge ${chosen.map((t) => `#${t}`).join(', ')} into #${target}`, 'Merge'))) return;
        await deps.lastChange.apply([{ log, writes: rewrite.writes }], `Merged ${chosen.length} tags into #${target} in ${plural(rewrite.entryCount, 'entry', 'entries')}.`);
      },
    },
  ];
}
