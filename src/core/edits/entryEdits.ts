// Edits as text -> text functions. Each one locates the entry's nodes in the text and splices only
// the bytes of that entry, so comments, blank lines, quoting, key order and the style of every
// other node stay exactly as the user wrote them. The caller decides how to write the result.
import { Document, isSeq, stringify, type YAMLSeq } from 'yaml';
import { ENTRY_KEYS, makeEntryId, type Entry, type EntryFields, type NewEntry } from '../model/entry';
import { readDocumentOutline } from '../readers/documentReader';
import { readFastOutline } from '../readers/fastReader';
import { LineIndex } from '../readers/lineIndex';
import { pairOf, shiftOutline, type OutlineMap, type OutlineNode, type OutlinePair } from '../readers/outline';
import { LogError } from '../model/problem';
import { readEntryFile } from '../readers/yamlCodec';

export const NEW_FILE_HEADER = '# Growth Log: evidence of your growth, one entry per win. Edit freely; keep `date` and `title`.\n';

type EditableKey = Exclude<(typeof ENTRY_KEYS)[number], 'id'>;

/**
 * Where the entry starts (the zero-based line of its first key), given only for a text the caller
 * knows parses (the store's own copy): the edit then reads and checks only the entry's lines
 * rather than the whole file, so it costs what the entry costs. Without it, or when the entry
 * is not found there, the whole file is read.
 */
export interface EntryHint {
  readonly line: number;
}

/** New values for some fields of an entry; `undefined` removes the key from the file. */
export type EntryPatch = { -readonly [K in EditableKey]?: EntryFields[K] | undefined };

/** Appends an entry to an entry file's text (or to a new file when `text` is undefined). */
export function addEntry(
  text: string | undefined,
  entry: NewEntry,
  takenIds: ReadonlySet<string>,
  file = 'This file',
  /** The line of one of the file's last two entries, and its id (see EntryHint). */
  hint?: EntryHint & { readonly id: string },
): { text: string; id: string } {
  const id = entry.id !== undefined && entry.id.trim() !== '' && !takenIds.has(entry.id) ? entry.id : makeEntryId(entry.date, entry.title, takenIds);
  if (text === undefined || text.trim() === '') {
    return { text: `${NEW_FILE_HEADER}entries:\n${renderEntry(id, entry, '  ')}`, id };
  }
  if (hint) {
    // The list from that entry to the end of the file stands for the whole list: the new entry
    // goes after its last item, spaced like the two before it.
    const tail = localItems(text, hint.line, text.length, file);
    if (tail && tail.read.entries[0]?.id === hint.id) {
      const added = addToText(tail.fragment, id, entry, file, tail.read);
      if (added.startsWith(tail.prefix)) return { text: text.slice(0, tail.start) + added.slice(tail.prefix.length), id };
    }
  }
  return { text: addToText(text, id, entry, file, readEntryFile(text, file)), id };
}

function addToText(text: string, id: string, entry: NewEntry, file: string, read: ReturnType<typeof readEntryFile>): string {
  const eol = eolOf(text);
  if (!read.syntaxOk) throw unparsable(file, read.problems.find((p) => p.severity === 'error')?.range.start, read.problems[0]?.message);
  let result: string;
  const seq = read.entriesNode;
  if (!read.isEntryFile || !seq) result = appendEntriesKey(text, id, entry, eol, file);
  else if ((seq.kind === 'scalar' && seq.value === null) || (seq.kind === 'seq' && seq.flow && seq.items.length === 0)) {
    // `entries:`, `entries: ~` or `entries: []`: the list starts on the next line.
    const lineEnd = lineEndOf(text, seq.end);
    const head = text.slice(0, seq.start).replace(/[ ]+$/, '');
    let rest = text.slice(seq.end, lineEnd).replace(/\r$/, '');
    if (!rest.trim()) rest = '';
    const tail = lineEnd < text.length ? text.slice(lineEnd + 1) : '';
    result = `${head}${rest}${eol}${renderEntry(id, entry, '  ', eol)}${tail}`;
  } else if (seq.kind === 'seq' && !seq.flow) {
    const lines = new LineIndex(text);
    const dashColumn = lines.position(seq.start).column;
    const last = seq.items[seq.items.length - 1];
    const insertAt = Math.max(endOfItem(text, last.end, dashColumn), keptBlankLinesEnd(text, lastValue(last)));
    const previous = seq.items[seq.items.length - 2];
    const spaced = previous !== undefined && /\n[ ]*\r?\n/.test(text.slice(previous.end, last.start));
    const before = text.slice(0, insertAt);
    const lead = (before.endsWith('\n') ? '' : eol) + (spaced ? eol : '');
    const rendered = renderEntry(id, entry, ' '.repeat(dashColumn), eol);
    result = `${before}${lead}${rendered}${text.slice(insertAt)}`;
  } else {
    throw new LogError('invalid', `${file} writes \`entries\` in a form Growth Log cannot add to (it must be a list of \`- \` items); add the entry by hand.`);
  }
  // The file parsed and the new item is inserted whole at an item boundary, so checking the item
  // on its own is enough; a full re-parse would double the cost on a large file.
  verify(`entries:${eol}${renderEntry(id, entry, '  ', eol)}`, file, id, { ...entry });
  return result;
}

/** Changes some fields of one entry; writes the entry's generated id too, so the id stays stable. */
export function updateEntry(text: string, id: string, patch: EntryPatch, file = 'This file', hint?: EntryHint): string {
  const { entry, node, eol, local } = locate(text, id, file, hint);
  // The checks read back what they changed: the entry's lines when it was found by them.
  const check = (result: string, expected: Partial<Record<string, unknown>>) => {
    if (local) verify(local.prefix + result.slice(local.start, local.end + result.length - text.length), file, id, expected);
    else verify(result, file, id, expected);
  };
  if ('date' in patch && !patch.date) throw new LogError('invalid', 'An entry must keep its `date`.');
  if ('title' in patch && !patch.title?.trim()) throw new LogError('invalid', 'An entry must keep its `title`.');
  refuseLosingItems(node, patch, id, file);
  if (node.flow) {
    const result = applySplices(text, flowSplices(text, node, entry.idGenerated ? id : undefined, patch));
    check(result, { ...patch });
    return result;
  }
  const lines = new LineIndex(text);
  const indent = lines.position(node.start).column;
  const splices: Splice[] = [];
  if (entry.idGenerated) splices.push({ start: node.start, end: node.start, text: `id: ${renderScalar(id)}${eol}${' '.repeat(indent)}` });
  for (const { key, value, index: pairIndex, pair } of patchedPairs(node, patch)) {
    if (pair && isEmptyValue(value)) splices.push(removal(text, node, pairIndex));
    else if (pair) splices.push(replacement(text, pair, value as Value, indent, eol, lines));
    else if (!isEmptyValue(value)) {
      const anchor = insertionAnchor(node, key);
      const rendered = `${key}:${renderValue(value as Value, undefined, indent, eol, key)}`;
      if (anchor === undefined) splices.push({ start: node.start, end: node.start, text: `${rendered}${eol}${' '.repeat(indent)}` });
      else {
        // After a `|+` value's blank lines, which are part of it.
        const kept = keptBlankLinesEnd(text, anchor.value);
        let at = kept === -1 ? lineEndOf(text, anchor.value.end) : kept - 1;
        if (text.charCodeAt(at - 1) === 13) at--;
        splices.push({ start: at, end: at, text: `${eol}${' '.repeat(indent)}${rendered}` });
      }
    }
  }
  const result = applySplices(text, splices);
  check(result, { ...patch });
  return result;
}

/**
 * A list the patch replaces may hold items the model leaves out with a warning (`2026`, `~`, a
 * nested list); writing the model's list would drop them, so the edit is refused instead.
 */
function refuseLosingItems(node: OutlineMap, patch: EntryPatch, id: string, file: string): void {
  for (const key of ['tags', 'competencies', 'links', 'commits'] as const) {
    if (!Object.hasOwn(patch, key)) continue;
    const value = pairOf(node, key)?.value;
    if (value?.kind !== 'seq') continue;
    const odd = value.items.find((item) => !(item.kind === 'scalar' && typeof item.value === 'string' && item.value !== ''));
    if (odd) {
      throw new LogError('invalid', `The \`${key}\` of \`${id}\` in ${file} hold items that are not text, which Growth Log would lose by rewriting the list; quote them or remove them, then try again.`);
    }
  }
}

/** The keys a patch sets, in the usual key order, each with its new value and its pair in the entry (if any). */
function patchedPairs(node: OutlineMap, patch: EntryPatch): { key: EditableKey; value: EntryPatch[EditableKey]; index: number; pair: OutlinePair | undefined }[] {
  return ENTRY_KEYS.filter((key): key is EditableKey => key !== 'id' && Object.hasOwn(patch, key)).map((key) => {
    const index = node.pairs.findIndex((p) => p.key === key);
    return { key, value: patch[key], index, pair: node.pairs[index] };
  });
}

/**
 * The splices for an entry written as a flow mapping (`- {date: 2026-03-02, title: Shipped it}`):
 * values are replaced where they stand, new keys go after the key they follow in the usual
 * order (`, key: value`), and removed keys take their separating comma with them, so the entry
 * stays one flow mapping with its spacing, and every other byte stays as it was.
 */
function flowSplices(text: string, node: OutlineMap, newId: string | undefined, patch: EntryPatch): Splice[] {
  const splices: Splice[] = [];
  const first = node.pairs[0];
  if (newId !== undefined) splices.push({ start: first.keyStart, end: first.keyStart, text: `id: ${flowValue(newId, 'id', undefined)}, ` });
  for (const { key, value, index, pair } of patchedPairs(node, patch)) {
    if (pair && isEmptyValue(value)) {
      const next = node.pairs[index + 1];
      const previous = node.pairs[index - 1];
      if (next) splices.push({ start: pair.keyStart, end: next.keyStart, text: '' });
      else if (previous) splices.push({ start: previous.value.end, end: pair.value.end, text: '' });
      else throw new LogError('invalid', 'An entry must keep at least its `date` and `title`.');
    } else if (pair) {
      const old = pair.value;
      // `key:` with nothing after it has no place of its own: the value goes after the colon.
      const at = old.kind === 'scalar' && old.value === null && old.start === old.end ? text.indexOf(':', pair.keyStart) + 1 : old.start;
      splices.push({ start: at, end: Math.max(at, old.end), text: `${at === old.start ? '' : ' '}${flowValue(value as Value, key, old)}` });
    } else if (!isEmptyValue(value)) {
      const anchor = insertionAnchor(node, key);
      const rendered = `${key}: ${flowValue(value as Value, key, undefined)}`;
      if (anchor === undefined) splices.push({ start: first.keyStart, end: first.keyStart, text: `${rendered}, ` });
      else splices.push({ start: anchor.value.end, end: anchor.value.end, text: `, ${rendered}` });
    }
  }
  return splices;
}

/** A value as it may stand inside a flow mapping, where `,`, `[`, `{` and line breaks need quotes. */
function flowValue(value: Value, key: string, old: OutlineNode | undefined): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return renderFlowList(value);
  if (key === 'date') return value;
  const style = old?.kind === 'scalar' ? old.style : undefined;
  if (value.includes('\n') || style === 'double') return renderScalar(value, 'QUOTE_DOUBLE');
  if (style === 'single') return renderScalar(value, 'QUOTE_SINGLE');
  return flowScalar(value);
}

/** Text as an item of a flow collection: `[a, b]` and `{k: v}` need quotes around `,`, `[` and the like. */
export function flowScalar(value: string): string {
  const doc = new Document([value]);
  if (isSeq(doc.contents)) (doc.contents as YAMLSeq).flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trim().slice(1, -1);
}

/** Writes the generated id of an entry that has none in the file; the text is unchanged otherwise. */
export function ensureId(text: string, id: string, file = 'This file', hint?: EntryHint): string {
  const { entry } = locate(text, id, file, hint);
  return entry.idGenerated ? updateEntry(text, id, {}, file, hint) : text;
}

/**
 * Removes one entry: its lines, the comment lines directly above it at its own indentation, and
 * comment lines below it indented as its keys (both read as notes about this entry).
 */
export function deleteEntry(text: string, id: string, file = 'This file', hint?: EntryHint): string {
  const { node, dashColumn, isLast, local } = locate(text, id, file, hint);
  let start = lineStartOf(text, node.start);
  for (;;) {
    if (start === 0) break;
    const previousStart = lineStartOf(text, start - 1);
    const line = text.slice(previousStart, start).replace(/\r?\n$/, '');
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#') || line.length - trimmed.length !== dashColumn) break;
    start = previousStart;
  }
  let end = endOfItem(text, node.end, dashColumn);
  // Leave the blank lines between entries as they were: one removed with the entry, not two left.
  const previousLine = start > 0 ? text.slice(lineStartOf(text, start - 1), start) : '';
  const blankBefore = /^[ ]*\r?\n$/.test(previousLine);
  const nextLine = text.slice(end, lineEndOf(text, end) + 1);
  if ((blankBefore || start === 0 || /:[ ]*\r?\n$/.test(previousLine)) && /^[ ]*\r?\n$/.test(nextLine)) end += nextLine.length;
  else if (blankBefore && isLast) start -= previousLine.length;
  const result = text.slice(0, start) + text.slice(end);
  // Whole lines of one item of a block list went, with comments and blank lines around it: the
  // rest of a file known to parse reads as before, so only the whole-file path reads it again.
  if (local) return result;
  const after = readEntryFile(result, file);
  if (!after.syntaxOk || after.entries.some((e) => e.id === id && !e.idGenerated)) {
    throw new LogError('invalid', `Growth Log could not remove the entry \`${id}\` from ${file} without disturbing the rest; remove it by hand.`);
  }
  return result;
}

/** Block YAML for one new entry, each scalar quoted only where YAML needs it. */
export function renderEntry(id: string, entry: NewEntry, indent: string, eol = '\n'): string {
  const keyIndent = indent.length + 2;
  const lines: string[] = [`id: ${renderScalar(id)}`, `date: ${entry.date}`, `title: ${renderScalar(entry.title)}`];
  if (entry.type) lines.push(`type: ${entry.type}`);
  if (entry.direction) lines.push(`direction: ${entry.direction}`);
  if (entry.level) lines.push(`level: ${renderScalar(entry.level)}`);
  if (entry.private) lines.push('private: true');
  if (entry.impact) lines.push(`impact:${renderValue(entry.impact, undefined, keyIndent, eol, 'impact')}`);
  if (entry.followUp) lines.push(`followUp: ${entry.followUp}`);
  for (const key of ['tags', 'competencies', 'links', 'commits', 'details', 'situation', 'task', 'action', 'result'] as const) {
    const value = entry[key];
    if (!isEmptyValue(value)) lines.push(`${key}:${renderValue(value as Value, undefined, keyIndent, eol, key)}`);
  }
  for (const [key, value] of Object.entries(entry.extra ?? {})) {
    if ((ENTRY_KEYS as readonly string[]).includes(key) || value === undefined) continue;
    const [first, ...rest] = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
    lines.push([first, ...rest.map((line) => (line ? `${' '.repeat(keyIndent)}${line}` : ''))].join(eol));
  }
  return lines.map((line, i) => `${i === 0 ? `${indent}- ` : ' '.repeat(keyIndent)}${line}`).join(eol) + eol;
}

/** `true` is written for `private`; `false` is the key's absence (see isEmptyValue). */
type Value = string | readonly string[] | boolean;

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applySplices(text: string, splices: readonly Splice[]): string {
  // From the end backwards, so earlier offsets stay valid; equal offsets keep their given order.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let result = text;
  for (const s of ordered) result = result.slice(0, s.start) + s.text + result.slice(s.end);
  return result;
}

export interface Located {
  readonly entry: Entry;
  /** The entry's node, with offsets into the whole text. */
  readonly node: OutlineMap;
  readonly eol: string;
  readonly dashColumn: number;
  readonly isLast: boolean;
  /** Set when only the entry's lines were read: where they are, and the line put before them. */
  readonly local?: { readonly start: number; readonly end: number; readonly prefix: string };
}

/** The entry with its node, read from its own lines when the hint finds it there. */
export function locate(text: string, id: string, file: string, hint?: EntryHint): Located {
  if (hint) {
    const near = locateNear(text, id, file, hint.line);
    if (near) return near;
  }
  const read = readEntryFile(text, file);
  if (!read.syntaxOk) throw unparsable(file, read.problems.find((p) => p.severity === 'error')?.range.start, read.problems[0]?.message);
  const index = read.entries.findIndex((e) => e.id === id);
  if (index === -1) throw new LogError('not-found', `${file} has no entry with the id \`${id}\`; it may have been changed or removed.`);
  const node = read.nodes[index];
  const seq = read.entriesNode;
  const dash = text.slice(lineStartOf(text, node.start), node.start);
  // An entry may be a flow mapping (`- {date: ...}`), but it must be an item of a block list.
  if (seq?.kind !== 'seq' || seq.flow || !/^[ ]*-[ ]+$/.test(dash)) {
    throw new LogError('invalid', `The entry \`${id}\` in ${file} is inside a flow list (\`entries: [ ... ]\`); Growth Log edits entries that are items of a \`- \` list, so edit it by hand.`);
  }
  const isLast = seq.items[seq.items.length - 1] === node;
  return { entry: read.entries[index], node, eol: eolOf(text), dashColumn: dash.indexOf('-'), isLast };
}

/** The entry whose first key is on `line`, read from its own lines, or undefined when it is not there. */
function locateNear(text: string, id: string, file: string, line: number): Located | undefined {
  const start = lineOffset(text, line);
  if (start === -1) return undefined;
  const dash = /^([ ]*)-[ ]+/.exec(text.slice(start, start + 200));
  if (!dash) return undefined;
  const dashColumn = dash[1].length;
  const end = itemLinesEnd(text, start, dashColumn);
  const items = localItems(text, line, end, file, start);
  if (!items || items.seq.items.length !== 1 || items.read.entries[0]?.id !== id) return undefined;
  const node = shiftOutline(items.read.nodes[0], start - items.prefix.length) as OutlineMap;
  return { entry: items.read.entries[0], node, eol: eolOf(text), dashColumn, isLast: !nextItemFollows(text, end, dashColumn), local: { start, end, prefix: items.prefix } };
}

/**
 * The lines from `line` to `end` read as a list of their own (`entries:` put before them), when
 * they parse as a block list: what an edit needs to know about the entries there.
 */
function localItems(text: string, line: number, end: number, file: string, known?: number) {
  const start = known ?? lineOffset(text, line);
  if (start === -1 || !/^[ ]*-[ ]/.test(text.slice(start, start + 200))) return undefined;
  const prefix = `entries:${eolOf(text)}`;
  const fragment = prefix + text.slice(start, end);
  const read = readEntryFile(fragment, file);
  const seq = read.entriesNode;
  if (!read.syntaxOk || seq?.kind !== 'seq' || seq.flow || seq.items.length === 0 || read.nodes[0] !== seq.items[0]) return undefined;
  return { start, prefix, fragment, read, seq };
}

/** The offset where zero-based `line` starts, or -1 past the end. */
export function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    offset = text.indexOf('\n', offset) + 1;
    if (offset === 0) return -1;
  }
  return offset;
}

/**
 * Where the item starting at `start` ends: at the first later line with content at or left of its
 * dash (the next item, a top-level key or comment), so blank lines inside it stay with it.
 */
function itemLinesEnd(text: string, start: number, dashColumn: number): number {
  let at = lineEndOf(text, start) + 1;
  while (at < text.length) {
    let i = at;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    const blank = i >= text.length || c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10);
    if (!blank && i - at <= dashColumn) return at;
    at = lineEndOf(text, at) + 1;
  }
  return text.length;
}

/** Whether the first content line from `at` is another `- ` item at the dash's column. */
function nextItemFollows(text: string, at: number, dashColumn: number): boolean {
  while (at < text.length) {
    const lineEnd = lineEndOf(text, at);
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#')) return line.length - trimmed.length === dashColumn && /^-(?:[ ]|$)/.test(trimmed);
    at = lineEnd + 1;
  }
  return false;
}

function unparsable(file: string, at: { line: number; column: number } | undefined, message: string | undefined): LogError {
  const place = at ? `${file}:${at.line + 1}:${at.column + 1}` : file;
  return new LogError('unparsable', `${place}: ${message ?? 'This file is not valid YAML.'} The file was not changed.`);
}

/** The value that ends an item: its last key's, followed down through nested mappings. */
function lastValue(node: OutlineNode): OutlineNode {
  if (node.kind === 'map' && !node.flow && node.pairs.length > 0) return lastValue(node.pairs[node.pairs.length - 1].value);
  return node;
}

/**
 * The blank lines after a keep-chomped block scalar (`|+`, `>+`) are part of its value, so nothing
 * may be inserted before them. The start of the line after them, or -1 for any other node.
 */
function keptBlankLinesEnd(text: string, node: OutlineNode): number {
  if (node.kind !== 'scalar' || (node.style !== 'literal' && node.style !== 'folded')) return -1;
  if (!/^[|>](?:[1-9]?\+|\+[1-9]?)[ \t]*(?:#.*)?$/m.test(text.slice(node.start, lineEndOf(text, node.start)))) return -1;
  let end = Math.min(text.length, lineEndOf(text, node.end) + 1);
  while (end < text.length) {
    const next = lineEndOf(text, end);
    if (text.slice(end, next).trim() !== '') break;
    end = Math.min(text.length, next + 1);
  }
  return end;
}

/** After an item's last character: the rest of its line and comment lines indented as its keys. */
function endOfItem(text: string, itemEnd: number, dashColumn: number): number {
  let end = Math.min(text.length, lineEndOf(text, itemEnd) + 1);
  while (end < text.length) {
    const lineEnd = lineEndOf(text, end);
    const line = text.slice(end, lineEnd);
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#') || line.length - trimmed.length <= dashColumn) break;
    end = Math.min(text.length, lineEnd + 1);
  }
  return end;
}

function appendEntriesKey(text: string, id: string, entry: NewEntry, eol: string, file: string): string {
  const fast = readFastOutline(text);
  const outline = fast ?? readDocumentOutline(text);
  const error = fast ? undefined : readDocumentOutline(text).syntax.find((s) => s.severity === 'error');
  if (error) throw unparsable(file, new LineIndex(text).position(error.start), error.message);
  const root = outline.root;
  if (root && (root.kind !== 'map' || root.flow)) {
    throw new LogError('invalid', `${file} is not an entry file (it has no top-level \`entries:\` list), so the entry was not added to it.`);
  }
  const sep = text.endsWith('\n') ? '' : eol;
  return `${text}${sep}entries:${eol}${renderEntry(id, entry, '  ', eol)}`;
}

function verify(result: string, file: string, id: string, expected: Partial<Record<string, unknown>>): void {
  const read = readEntryFile(result, file);
  const entry = read.entries.find((e) => e.id === id);
  const ok =
    read.syntaxOk &&
    entry !== undefined &&
    Object.entries(expected).every(([key, value]) => {
      if (!(ENTRY_KEYS as readonly string[]).includes(key)) return true;
      const actual = (entry as unknown as Record<string, unknown>)[key];
      if (isEmptyValue(value)) return isEmptyValue(actual) || (key === 'type' && actual === 'project');
      return JSON.stringify(actual) === JSON.stringify(value);
    });
  if (!ok) throw new LogError('invalid', `Growth Log could not make this change to ${file} without disturbing the file; make it by hand.`);
}

function isEmptyValue(value: unknown): boolean {
  // `private: false` means what a missing `private` means, so setting it false removes the key.
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

function removal(text: string, node: OutlineMap, index: number): Splice {
  const pair = node.pairs[index];
  const next = node.pairs[index + 1];
  if (index === 0) {
    if (!next) throw new LogError('invalid', 'An entry must keep at least its `date` and `title`.');
    return { start: pair.keyStart, end: next.keyStart, text: '' };
  }
  const start = lineStartOf(text, pair.keyStart);
  return { start, end: Math.min(text.length, lineEndOf(text, pair.value.end) + 1), text: '' };
}

function replacement(text: string, pair: OutlinePair, value: Value, indent: number, eol: string, lines: LineIndex): Splice {
  const node = pair.value;
  const colonEnd = text.indexOf(':', pair.keyStart) + 1;
  const inline = node.kind === 'scalar' ? node.style !== 'literal' && node.style !== 'folded' && node.value !== null : node.kind === 'seq' && node.flow;
  const rendered = renderValue(value, node, indent, eol, pair.key, lines);
  if (inline && !rendered.includes('\n')) return { start: node.start, end: node.end, text: rendered.trimStart() };
  return { start: colonEnd, end: Math.max(colonEnd, node.end), text: rendered };
}

/** Where a new key goes: after the last key that comes before it in the usual order. */
function insertionAnchor(node: OutlineMap, key: string): OutlinePair | undefined {
  const rank = (k: string) => {
    const i = (ENTRY_KEYS as readonly string[]).indexOf(k);
    return i === -1 ? ENTRY_KEYS.length : i;
  };
  let anchor: OutlinePair | undefined;
  for (const pair of node.pairs) if (rank(pair.key) <= rank(key)) anchor = pair;
  return anchor;
}

/** The text after `key:`, in the style the old node had (flow stays flow, block stays block). */
function renderValue(value: Value, old: OutlineNode | undefined, indent: number, eol: string, key: string, lines?: LineIndex): string {
  if (typeof value === 'boolean') return ` ${value}`;
  if (typeof value !== 'string') {
    const block = old ? old.kind === 'seq' && !old.flow : key === 'links' || key === 'commits';
    if (!block || value.length === 0) return ` ${renderFlowList(value)}`;
    const dashIndent = old && lines ? lines.position(old.start).column : indent + 2;
    return value.map((v) => `${eol}${' '.repeat(dashIndent)}- ${renderScalar(v)}`).join('');
  }
  if (key === 'date' || key === 'followUp') return ` ${value}`;
  if (value.includes('\n')) {
    // Rendered as a mapping value, so YAML picks the right header (`|`, `|-`, `|2`) for this indentation.
    const [header, ...body] = stringify({ v: value }, { lineWidth: 0, blockQuote: 'literal' }).replace(/\n$/, '').split('\n');
    return `${header.slice(2)}${body.map((l) => (l ? `${eol}${' '.repeat(indent)}${l}` : eol)).join('')}`;
  }
  const style = old?.kind === 'scalar' ? old.style : undefined;
  return ` ${renderScalar(value, style === 'double' ? 'QUOTE_DOUBLE' : style === 'single' ? 'QUOTE_SINGLE' : undefined)}`;
}

function renderScalar(value: string, type?: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'): string {
  return stringify(value, { lineWidth: 0, defaultStringType: type ?? 'PLAIN' }).replace(/\n$/, '');
}

function renderFlowList(values: readonly string[]): string {
  const doc = new Document([...values]);
  if (isSeq(doc.contents)) (doc.contents as YAMLSeq).flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the `\n` ending the line that holds `offset`, or the text's length. */
function lineEndOf(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}
