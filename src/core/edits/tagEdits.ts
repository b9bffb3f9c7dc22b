// Tagging many entries at once, and renaming or merging a tag across every file. Each change is
// an updateEntry of the `tags` key alone, so the list keeps its style (flow or block) and nothing
// else in the file moves; entries whose tags stay the same are not touched at all.
import { stringify } from 'yaml';
import { normalizeTag, type Entry } from '../model/entry';
import { flowScalar, locate, updateEntry, type EntryHint } from './entryEdits';
import { pairOf, type OutlineMap, type OutlineNode } from '../readers/outline';
import { LogError } from '../model/problem';
import type { EntryEdit, EntryStore, PlannedWrite } from '../store/store';
import { readEntryFile } from '../readers/yamlCodec';

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
 * One planEdits edit per entry. The new tags are computed from each file's text as it is now (an
 * editor's unsaved text, a change made by hand since the log was loaded), parsed once per file.
 * Each list is changed in place: kept tags keep their bytes (quotes, comments after them), a
 * replaced tag keeps its line, new tags follow the list's style. The splices of a file are made
 * together by its last edit, in one pass over the text (one pass per entry would copy a large file
 * hundreds of times in a rename), and the result is read back once; if anything differs from the
 * plan, the file's changes are redone with updateEntry, which checks each one on its own. Lists in
 * unusual shapes go through updateEntry directly. Like updateEntry, a change writes the entry's
 * generated id into the file, so the id stays stable.
 */
async function planTagRewrites(store: EntryStore, ids: readonly string[], next: (tags: readonly string[]) => string[]): Promise<TagRewrite> {
  const pending = new Map<string, number>();
  for (const id of ids) {
    const file = store.entry(id)?.file;
    if (file !== undefined) pending.set(file, (pending.get(file) ?? 0) + 1);
  }
  const files = new Map<string, FileRewrite>();
  let entryCount = 0;
  const edit: EntryEdit = (text, entry, hint) => {
    let file = files.get(entry.file);
    if (!file) {
      file = startRewrite(text, entry.file, hint && { id: entry.id, hint });
      files.set(entry.file, file);
    }
    if (planEntry(file, entry.id, next)) entryCount++;
    const left = (pending.get(entry.file) ?? 1) - 1;
    pending.set(entry.file, left);
    return left === 0 ? finishRewrite(file) : text;
  };
  const writes = await store.planEdits(ids.map((id) => ({ id, edit })));
  return { writes, entryCount, fileCount: writes.length };
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface FileRewrite {
  readonly file: string;
  readonly original: string;
  readonly read: ReturnType<typeof readEntryFile>;
  readonly index: ReadonlyMap<string, number>;
  readonly eol: string;
  /** New tags of the entries to change, by id. */
  readonly planned: Map<string, string[]>;
  /** Splices in the original text, one or two per entry. */
  readonly splices: Splice[];
  /** Entries whose list is left to updateEntry. */
  readonly viaUpdate: string[];
  /** Set when the one entry to change was read from its own lines: where they are. */
  readonly local?: { readonly start: number; readonly end: number; readonly prefix: string };
}

/** Reads the file, or only the entry's lines when it is the one entry of the file to change. */
function startRewrite(text: string, file: string, one?: { id: string; hint: EntryHint }): FileRewrite {
  const lf = text.indexOf('\n');
  const eol = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
  if (one) {
    const located = locate(text, one.id, file, one.hint);
    if (located.local) {
      const { local } = located;
      const read = { ...readEntryFile(local.prefix + text.slice(local.start, local.end), file), entries: [located.entry], nodes: [located.node] };
      return { file, original: text, read, index: new Map([[one.id, 0]]), eol, planned: new Map(), splices: [], viaUpdate: [], local };
    }
  }
  const read = readEntryFile(text, file);
  // A file that does not parse: updateEntry refuses it, with the place of the error.
  if (!read.syntaxOk) updateEntry(text, '', {}, file);
  const index = new Map(read.entries.map((e, i) => [e.id, i]));
  return { file, original: text, read, index, eol, planned: new Map(), splices: [], viaUpdate: [] };
}

/** Plans the change of one entry's tags; false when they stay as they are. */
function planEntry(file: FileRewrite, id: string, next: (tags: readonly string[]) => string[]): boolean {
  const index = file.index.get(id);
  if (index === undefined) throw new LogError('not-found', `${file.file} has no entry with the id \`${id}\` any more; it may have been changed or removed.`);
  const entry = file.read.entries[index];
  const node = file.read.nodes[index];
  const tags = next(entry.tags);
  if (sameList(entry.tags, tags) || file.planned.has(id)) return false;
  file.planned.set(id, tags);
  // An entry written as a flow mapping is left to updateEntry, which keeps it one.
  const splice = node.flow ? undefined : listSplice(file.original, node, entry.tags, tags, file.eol);
  if (!splice) {
    file.viaUpdate.push(id);
    return true;
  }
  if (entry.idGenerated) {
    // Written as updateEntry does, so the entry keeps its id when its title changes later.
    const indent = node.start - (file.original.lastIndexOf('\n', node.start - 1) + 1);
    file.splices.push({ start: node.start, end: node.start, text: `id: ${blockScalar(id)}${file.eol}${' '.repeat(indent)}` });
  }
  file.splices.push(splice);
  return true;
}

/** Makes the file's changes in one pass and reads the result back; redoes them with updateEntry when it is not exactly the plan. */
function finishRewrite(file: FileRewrite): string {
  if (file.planned.size === 0) return file.original;
  const ordered = [...file.splices].sort((x, y) => x.start - y.start);
  const parts: string[] = [];
  let at = 0;
  for (const splice of ordered) {
    parts.push(file.original.slice(at, splice.start), splice.text);
    at = splice.end;
  }
  parts.push(file.original.slice(at));
  let text = parts.join('');
  for (const id of file.viaUpdate) text = updateEntry(text, id, { tags: file.planned.get(id) }, file.file);
  // Read back what changed: the entry's lines when only they were read.
  const local = file.local;
  const after = local ? readEntryFile(local.prefix + text.slice(local.start, local.end + text.length - file.original.length), file.file) : readEntryFile(text, file.file);
  const fields = (e: Entry, tags: readonly string[]) => JSON.stringify({ ...e, tags, idGenerated: false, range: undefined, idRange: undefined });
  const asPlanned =
    after.syntaxOk &&
    after.problems.length === file.read.problems.length &&
    after.entries.length === file.read.entries.length &&
    after.entries.every((e, i) => {
      const before = file.read.entries[i];
      return fields(e, e.tags) === fields(before, file.planned.get(before.id) ?? before.tags);
    });
  if (asPlanned) return text;
  let redone = file.original;
  for (const [id, tags] of file.planned) redone = updateEntry(redone, id, { tags }, file.file);
  return redone;
}

/**
 * The splice that turns an entry's tag list into `tags`, in the original text, or undefined when
 * the list is in a shape left to updateEntry (missing, empty, multi-line flow, odd items).
 */
function listSplice(text: string, node: OutlineMap, old: readonly string[], tags: readonly string[], eol: string): { start: number; end: number; text: string } | undefined {
  const seq = pairOf(node, 'tags')?.value;
  if (seq?.kind !== 'seq' || seq.items.length === 0 || tags.length === 0) return undefined;
  const items = seq.items;
  if (!items.every((item) => item.kind === 'scalar' && !text.slice(item.start, item.end).includes('\n'))) return undefined;
  // The model has the text items only (`2026` and `~` in `[2026, infra, ~]` are left out with a
  // warning); the others stay in the file where they are.
  const textItems = items.flatMap((item, i) => (isTextItem(item) ? [i] : []));
  if (textItems.length !== old.length) return undefined;
  const order = writeOrder(alignTags(old, tags), items.length, textItems);
  if (seq.flow) {
    if (text.slice(seq.start, seq.end).includes('\n')) return undefined;
    const separator = items.length > 1 && /^[ ]*,[ ]*$/.test(text.slice(items[0].end, items[1].start)) ? text.slice(items[0].end, items[1].start) : ', ';
    const open = text.slice(seq.start + 1, items[0].start);
    const close = text.slice(items[items.length - 1].end, seq.end - 1);
    const written = order.map((w) => (w.tag === undefined ? text.slice(items[w.item as number].start, items[w.item as number].end) : flowScalar(w.tag)));
    return { start: seq.start, end: seq.end, text: `[${open}${written.join(separator)}${close}]` };
  }
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const dashes = items.map((item) => text.slice(lineStart(item.start), item.start));
  if (!dashes.every((dash) => /^[ ]*-[ ]+$/.test(dash))) return undefined;
  const lastLineEnd = text.indexOf('\n', items[items.length - 1].end);
  if (lastLineEnd === -1) return undefined;
  // Each item's piece runs to the next item's line, so comment lines under an item go with it.
  const pieceEnd = (i: number) => (i + 1 < items.length ? lineStart(items[i + 1].start) : lastLineEnd + 1);
  const pieces = order.map((w) => {
    if (w.item !== undefined && w.tag === undefined) return text.slice(lineStart(items[w.item].start), pieceEnd(w.item));
    if (w.item !== undefined) {
      const item = items[w.item];
      return text.slice(lineStart(item.start), item.start) + blockScalar(w.tag as string) + text.slice(item.end, pieceEnd(w.item));
    }
    return `${dashes[0]}${blockScalar(w.tag as string)}${eol}`;
  });
  return { start: lineStart(items[0].start), end: lastLineEnd + 1, text: pieces.join('') };
}

/** What the model reads as a tag; everything else in the list is kept as written. */
function isTextItem(item: OutlineNode): boolean {
  return item.kind === 'scalar' && typeof item.value === 'string' && item.value !== '';
}

/**
 * The list to write, in order: an original item kept as written (`item`), an original item's
 * place with a new tag (`item` and `tag`), or a new tag. Items the model does not read keep their
 * place; a new tag goes after the text item before it in the plan.
 */
function writeOrder(plan: readonly { keep?: number; reuse?: number; tag: string }[], itemCount: number, textItems: readonly number[]): { item?: number; tag?: string }[] {
  const byAnchor = new Map<number, { item?: number; tag?: string }[]>();
  let anchor = -1;
  for (const p of plan) {
    if (p.keep !== undefined) anchor = p.keep;
    else if (p.reuse !== undefined) anchor = p.reuse;
    const written = p.keep !== undefined ? { item: textItems[p.keep] } : p.reuse !== undefined ? { item: textItems[p.reuse], tag: p.tag } : { tag: p.tag };
    const list = byAnchor.get(anchor);
    if (list) list.push(written);
    else byAnchor.set(anchor, [written]);
  }
  const order = [...(byAnchor.get(-1) ?? [])];
  for (let i = 0; i < itemCount; i++) {
    const j = textItems.indexOf(i);
    if (j === -1) order.push({ item: i });
    else order.push(...(byAnchor.get(j) ?? []));
  }
  return order;
}

/**
 * Each new tag as a kept original (by index), a replacement written where a dropped original was
 * (so its line and comment stay), or a new tag.
 */
function alignTags(old: readonly string[], tags: readonly string[]): { keep?: number; reuse?: number; tag: string }[] {
  const plan: { keep?: number; reuse?: number; tag: string }[] = [];
  let from = 0;
  for (const tag of tags) {
    const kept = old.indexOf(tag, from);
    if (kept !== -1) {
      plan.push({ keep: kept, tag });
      from = kept + 1;
    } else plan.push({ tag });
  }
  // A new tag before the next kept one takes the place of a dropped tag in between, if any.
  const used = new Set(plan.map((p) => p.keep).filter((k): k is number => k !== undefined));
  let lower = 0;
  plan.forEach((p, i) => {
    if (p.keep !== undefined) {
      lower = p.keep + 1;
      return;
    }
    const upper = plan.slice(i + 1).find((q) => q.keep !== undefined)?.keep ?? old.length;
    for (let k = lower; k < upper; k++) {
      if (used.has(k)) continue;
      used.add(k);
      plan[i] = { reuse: k, tag: p.tag };
      lower = k + 1;
      break;
    }
  });
  return plan;
}

function blockScalar(tag: string): string {
  return stringify(tag, { lineWidth: 0 }).replace(/\n$/, '');
}

function normalizedList(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map(normalizeTag).filter(Boolean))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
