// Tagging many entries at once, and renaming or merging a tag across every file. Each change is
// an updateEntry of the `tags` key alone, so the list keeps its style (flow or block) and nothing
// else in the file moves; entries whose tags stay the same are not touched at all.
import { normalizeTag } from './entry';
import { updateEntry } from './entryEdits';
import { LogError } from './problem';
import type { EntryEdit, EntryStore, PlannedWrite } from './store';
import { readEntryFile } from './yamlCodec';

export interface TagChange {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
}

/** What a rename or merge will write, and how much of the log it touches. */
export interface TagRewrite {
  readonly writes: PlannedWrite[];
  readonly entryCount: number;
  readonly fileCount: number;
}

/**
 * The tags after `change`: existing tags keep their order and their spelling, removed ones go
 * (compared normalized), added ones are appended normalized unless already there; no duplicates.
 */
export function changeTags(tags: readonly string[], change: TagChange): string[] {
  const remove = new Set(normalizedList(change.remove));
  const result: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = normalizeTag(tag);
    if (remove.has(key) || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  for (const tag of normalizedList(change.add)) {
    if (seen.has(tag) || remove.has(tag)) continue;
    seen.add(tag);
    result.push(tag);
  }
  return result;
}

/**
 * The tags with every one of `sources` replaced by `into`: at the position of the first source,
 * or nowhere when the entry already has `into` (which then keeps its place and spelling).
 */
export function replaceTags(tags: readonly string[], sources: readonly string[], into: string): string[] {
  const from = new Set(normalizedList(sources));
  const target = normalizeTag(into);
  from.delete(target);
  const hasTarget = tags.some((t) => normalizeTag(t) === target);
  const result: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    let key = normalizeTag(tag);
    let written = tag;
    if (from.has(key)) {
      if (hasTarget) continue;
      key = target;
      written = target;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(written);
  }
  return result;
}

/** Adds and removes tags on the entries `ids`: one write per file that changes. */
export async function planTagChange(store: EntryStore, ids: readonly string[], change: TagChange): Promise<PlannedWrite[]> {
  if (normalizedList(change.add).length === 0 && normalizedList(change.remove).length === 0) return [];
  const { writes } = await planTagRewrites(store, [...new Set(ids)], (tags) => changeTags(tags, change));
  return writes;
}

/** Renames a tag on every entry that has it (compared normalized); `to` is written normalized. */
export async function planRenameTag(store: EntryStore, from: string, to: string): Promise<TagRewrite> {
  const source = normalizeTag(from);
  const target = normalizeTag(to);
  if (!source) throw new LogError('invalid', 'Name the tag to rename.');
  if (!target) throw new LogError('invalid', 'A tag needs at least one character that is not a space.');
  if (source === target) throw new LogError('invalid', `The tag \`${target}\` already has that name.`);
  return planReplace(store, [source], target);
}

/** Merges several tags into one on every entry that has any of them. */
export async function planMergeTags(store: EntryStore, sources: readonly string[], into: string): Promise<TagRewrite> {
  const target = normalizeTag(into);
  if (!target) throw new LogError('invalid', 'A tag needs at least one character that is not a space.');
  const merged = normalizedList(sources).filter((s) => s !== target);
  if (merged.length === 0) throw new LogError('invalid', `Pick at least one tag other than \`${target}\` to merge into it.`);
  return planReplace(store, merged, target);
}

async function planReplace(store: EntryStore, sources: readonly string[], target: string): Promise<TagRewrite> {
  const wanted = new Set(sources);
  const ids = store.entries.filter((e) => e.tags.some((t) => wanted.has(normalizeTag(t)))).map((e) => e.id);
  if (ids.length === 0) {
    const names = sources.map((s) => `\`${s}\``).join(', ');
    throw new LogError('not-found', sources.length === 1 ? `No entry has the tag ${names}.` : `No entry has any of the tags ${names}.`);
  }
  return planTagRewrites(store, ids, (tags) => replaceTags(tags, sources, target));
}

/**
 * The new tags are computed from the file's text as it is now (an editor's unsaved text, a change
 * made by hand since the log was loaded), read once per file: an edit of one entry's tags does
 * not change another entry's, so the first reading holds for every edit of the file.
 */
async function planTagRewrites(store: EntryStore, ids: readonly string[], next: (tags: readonly string[]) => string[]): Promise<TagRewrite> {
  const current = new Map<string, ReadonlyMap<string, readonly string[]>>();
  const changed = new Set<string>();
  const edit: EntryEdit = (text, entry) => {
    let tagsById = current.get(entry.file);
    if (!tagsById) {
      const read = readEntryFile(text, entry.file);
      // A file that does not parse: updateEntry refuses it with the place of the error.
      if (!read.syntaxOk) return updateEntry(text, entry.id, { tags: [] }, entry.file);
      tagsById = new Map(read.entries.map((e) => [e.id, e.tags]));
      current.set(entry.file, tagsById);
    }
    const tags = tagsById.get(entry.id);
    if (!tags) throw new LogError('not-found', `${entry.file} has no entry with the id \`${entry.id}\` any more; it may have been changed or removed.`);
    const after = next(tags);
    if (sameList(tags, after)) return text;
    changed.add(entry.id);
    return updateEntry(text, entry.id, { tags: after }, entry.file);
  };
  const writes = await store.planEdits(ids.map((id) => ({ id, edit })));
  return { writes, entryCount: changed.size, fileCount: writes.length };
}

function normalizedList(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map(normalizeTag).filter(Boolean))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
