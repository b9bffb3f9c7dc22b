// Text <-> entries. Reading keeps every entry's place in the file; writing splices only the
// bytes of the entry it touches, so comments, blank lines and other entries stay as they were.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  DEFAULT_ENTRY_TYPE,
  isEntryType,
  isValidDate,
  makeEntryId,
  type Entry,
  type NewEntry,
  type SourceRange,
} from './entry';
import { LogError, type Problem } from './problem';

export interface ParsedFile {
  readonly file: string;
  /** False for YAML files in the folder that are not entry files (no top-level `entries:`). */
  readonly isEntryFile: boolean;
  readonly entries: readonly Entry[];
  readonly problems: readonly Problem[];
}

export function parseEntryFile(text: string, file: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const rangeOf = (start: number, end: number): SourceRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    return { start: { line: a.line - 1, column: a.col - 1 }, end: { line: b.line - 1, column: b.col - 1 } };
  };
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    problems.push({ file, range: rangeOf(error.pos[0], error.pos[1]), severity: 'error', message: error.message.split('\n')[0] });
  }
  const root = doc.contents;
  const entriesNode = isMap(root) ? root.get('entries', true) : undefined;
  if (!entriesNode) return { file, isEntryFile: false, entries: [], problems };
  const entries: Entry[] = [];
  if (!isSeq(entriesNode)) {
    const [start, end] = entriesNode.range ?? [0, 0];
    problems.push({ file, range: rangeOf(start, end), severity: 'error', message: '`entries` must be a list of entries.' });
    return { file, isEntryFile: true, entries, problems };
  }
  for (const item of entriesNode.items) {
    const node = item as Node;
    const [start, , end] = node.range ?? [0, 0, 0];
    if (!isMap(node)) {
      problems.push({ file, range: rangeOf(start, end), severity: 'error', message: 'An entry must be a mapping with at least `date` and `title`.' });
      continue;
    }
    const str = (key: string) => {
      const value = node.get(key, true);
      return isScalar(value) && value.value !== null ? String(value.value) : undefined;
    };
    const date = str('date');
    const title = str('title');
    if (!date || !isValidDate(date)) {
      problems.push({ file, range: rangeOf(start, end), severity: 'error', message: date ? `\`${date}\` is not a date in YYYY-MM-DD form.` : 'This entry has no `date`.' });
      continue;
    }
    if (!title) {
      problems.push({ file, range: rangeOf(start, end), severity: 'error', message: 'This entry has no `title`.' });
      continue;
    }
    const type = str('type');
    const id = str('id');
    entries.push({
      id: id ?? makeEntryId(date, title),
      idGenerated: id === undefined,
      date,
      title,
      type: isEntryType(type) ? type : DEFAULT_ENTRY_TYPE,
      impact: str('impact'),
      details: str('details'),
      tags: stringList(node, 'tags'),
      competencies: stringList(node, 'competencies'),
      links: stringList(node, 'links'),
      file,
      range: rangeOf(start, end),
    });
  }
  return { file, isEntryFile: true, entries, problems };
}

function stringList(map: YAMLMap, key: string): string[] {
  const value = map.get(key, true);
  if (!isSeq(value)) return [];
  return value.items.filter(isScalar).map((s) => String(s.value));
}

export const NEW_FILE_HEADER = '# Growth Log: evidence of your growth, one entry per win. Edit freely; keep `date` and `title`.\n';

/** Appends an entry to an entry file's text (or to a new file when `text` is undefined). */
export function addEntry(text: string | undefined, entry: NewEntry, takenIds: ReadonlySet<string>): { text: string; id: string } {
  const id = makeEntryId(entry.date, entry.title, takenIds);
  if (text === undefined || text.trim() === '') {
    return { text: `${text?.trim() ? text : NEW_FILE_HEADER}entries:\n${renderEntry(id, entry, '  ')}`, id };
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new LogError('unparsable', 'The file does not parse, so it was not changed.');
  const root = doc.contents;
  const entriesPair = isMap(root) ? (root.items.find((p) => isScalar(p.key) && p.key.value === 'entries') as Pair<Node, Node> | undefined) : undefined;
  const seq = entriesPair?.value;
  if (!entriesPair || !seq || (isSeq(seq) && seq.flow) || (!isSeq(seq) && !(isScalar(seq) && seq.value === null))) {
    throw new LogError('invalid', 'The file has no block `entries:` list to add to.');
  }
  if (!isSeq(seq) || seq.items.length === 0) {
    const insertAt = seq.range ? seq.range[0] : text.length;
    const prefix = text.slice(0, insertAt).replace(/[ \t]*$/, '');
    const rest = text.slice(insertAt);
    return { text: `${prefix}${prefix.endsWith('\n') ? '' : '\n'}${renderEntry(id, entry, '  ')}${rest}`, id };
  }
  const first = seq.items[0] as Node;
  const lineStart = text.lastIndexOf('\n', (first.range?.[0] ?? 0) - 1) + 1;
  const dashColumn = text.slice(lineStart).search(/-/);
  const indent = ' '.repeat(Math.max(0, dashColumn));
  const last = seq.items[seq.items.length - 1] as Node;
  let insertAt = last.range?.[2] ?? text.length;
  // Keep a trailing comment on the last entry's line with that entry.
  const lineEnd = text.indexOf('\n', insertAt);
  insertAt = lineEnd === -1 ? text.length : text.lastIndexOf('\n', insertAt - 1) < lineEnd && text.slice(insertAt, lineEnd).trim().startsWith('#') ? lineEnd + 1 : insertAt;
  const before = text.slice(0, insertAt);
  const after = text.slice(insertAt);
  const sep = before.endsWith('\n') ? '' : '\n';
  return { text: `${before}${sep}${renderEntry(id, entry, indent)}${after}`, id };
}

/** Block YAML for one new entry, each scalar quoted only where YAML needs it. */
export function renderEntry(id: string, entry: NewEntry, indent: string): string {
  const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();
  const list = (values: readonly string[]) => `[${values.map(scalar).join(', ')}]`;
  const lines: string[] = [`id: ${scalar(id)}`, `date: ${entry.date}`, `title: ${scalar(entry.title)}`];
  if (entry.type) lines.push(`type: ${entry.type}`);
  if (entry.direction) lines.push(`direction: ${entry.direction}`);
  if (entry.impact) lines.push(`impact: ${scalar(entry.impact)}`);
  if (entry.tags?.length) lines.push(`tags: ${list(entry.tags)}`);
  if (entry.competencies?.length) lines.push(`competencies: ${list(entry.competencies)}`);
  if (entry.links?.length) lines.push('links:', ...entry.links.map((l) => `  - ${scalar(l)}`));
  if (entry.details) {
    lines.push('details: |', ...entry.details.replace(/\n+$/, '').split('\n').map((l) => (l ? `  ${l}` : '')));
  }
  return lines.map((line, i) => `${i === 0 ? `${indent}- ` : `${indent}  `}${line}`.replace(/\s+$/, '')).join('\n') + '\n';
}
