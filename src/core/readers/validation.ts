// From an outline to entries and problems. Every rule about what a valid entry is lives here,
// with the message a person reads and the exact place it points at.
import {
  DEFAULT_ENTRY_TYPE,
  ENTRY_KEYS,
  ENTRY_TYPES,
  dateProblem,
  makeEntryId,
  makeEntry,
  MOVE_DIRECTIONS,
  type Entry,
  type EntryType,
  type MoveDirection,
} from '../model/entry';
import type { LineIndex } from './lineIndex';
import { outlineToJs, pairOf, scalarText, type OutlineMap, type OutlineNode, type OutlineScalar } from './outline';
import type { Problem, Severity } from '../model/problem';

export interface ParsedFile {
  readonly file: string;
  /** False for YAML files in the folder that are not entry files (no top-level `entries:`). */
  readonly isEntryFile: boolean;
  readonly entries: readonly Entry[];
  readonly problems: readonly Problem[];
}

/** What validation found, with each entry's node for the editing functions. */
export interface ValidatedFile extends ParsedFile {
  readonly nodes: readonly OutlineMap[];
  /** The `entries` node, when there is one. */
  readonly entriesNode: OutlineNode | undefined;
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(ENTRY_KEYS);
const TYPE_LIST = ENTRY_TYPES.join(', ');

export function validateOutline(root: OutlineNode | undefined, file: string, lines: LineIndex, problems: Problem[]): ValidatedFile {
  const report = (start: number, end: number, severity: Severity, message: string) =>
    problems.push({ file, range: lines.range(start, end), severity, message });
  const entriesPair = root?.kind === 'map' ? pairOf(root, 'entries') : undefined;
  if (!entriesPair) return { file, isEntryFile: false, entries: [], problems, nodes: [], entriesNode: undefined };
  const seq = entriesPair.value;
  const result = { file, isEntryFile: true, problems, entriesNode: seq };
  if (seq.kind === 'scalar' && seq.value === null) return { ...result, entries: [], nodes: [] };
  if (seq.kind !== 'seq') {
    report(seq.start, seq.end, 'error', unreadMessage(seq) ?? '`entries` must be a list, with each entry starting with `- ` on its own line.');
    return { ...result, entries: [], nodes: [] };
  }

  const explicitIds = new Map<string, number>();
  for (const item of seq.items) {
    if (item.kind !== 'map') continue;
    const id = pairOf(item, 'id')?.value;
    const text = id?.kind === 'scalar' ? scalarText(id) : undefined;
    if (text !== undefined && !explicitIds.has(text)) explicitIds.set(text, item.start);
  }
  const taken = new Set(explicitIds.keys());
  const entries: Entry[] = [];
  const nodes: OutlineMap[] = [];
  for (const item of seq.items) {
    if (item.kind !== 'map') {
      report(item.start, item.end, 'error', unreadMessage(item) ?? 'This entry is not a mapping; write it as `- date: YYYY-MM-DD` followed by `title: ...` on the next line.');
      continue;
    }
    const entry = readEntry(item, file, lines, report, explicitIds, taken);
    if (entry) {
      entries.push(entry);
      nodes.push(item);
    }
  }
  return { ...result, entries, nodes };
}

type Report = (start: number, end: number, severity: Severity, message: string) => void;

/**
 * For valid YAML that Growth Log does not read, the sentence saying so: told that `tags` "must be
 * a list" when it is an alias to one, a person would look for a mistake that is not there.
 */
function unreadMessage(node: OutlineNode): string | undefined {
  if (node.kind !== 'other') return undefined;
  const why = node.unread;
  if (why.kind === 'alias') {
    return `Growth Log does not read aliases to lists or mappings (\`*${why.name}\` repeats a ${why.target}); write the ${why.target} out here.`;
  }
  return `Growth Log does not read values tagged \`${why.tag}\`; remove the tag.`;
}

function readEntry(
  item: OutlineMap,
  file: string,
  lines: LineIndex,
  report: Report,
  explicitIds: ReadonlyMap<string, number>,
  taken: Set<string>,
): Entry | undefined {
  const firstLineEnd = item.pairs.length ? item.pairs[0].value.start : item.end;
  let usable = true;

  const datePair = pairOf(item, 'date');
  const dateText = datePair?.value.kind === 'scalar' ? scalarText(datePair.value) : undefined;
  if (!datePair || (datePair.value.kind === 'scalar' && dateText === undefined)) {
    report(item.start, firstLineEnd, 'error', 'This entry has no `date`; add `date: YYYY-MM-DD` (the day it happened).');
    usable = false;
  } else {
    const problem = dateText === undefined ? (unreadMessage(datePair.value) ?? 'This value is not a calendar date; write the date as YYYY-MM-DD, for example 2026-11-20.') : dateProblem(dateText);
    if (problem !== undefined) {
      report(datePair.value.start, datePair.value.end, 'error', problem);
      usable = false;
    }
  }

  const titlePair = pairOf(item, 'title');
  const title = titlePair?.value.kind === 'scalar' ? scalarText(titlePair.value) : undefined;
  if (!titlePair || (titlePair.value.kind === 'scalar' && (title === undefined || title.trim() === ''))) {
    report(item.start, firstLineEnd, 'error', 'This entry has no `title`; add `title:` with one line saying what you did.');
    usable = false;
  } else if (title === undefined) {
    report(titlePair.value.start, titlePair.value.end, 'error', unreadMessage(titlePair.value) ?? 'The `title` must be one line of text, not a list or a mapping.');
    usable = false;
  }

  let id: string | undefined;
  const idPair = pairOf(item, 'id');
  if (idPair) {
    id = idPair.value.kind === 'scalar' ? scalarText(idPair.value) : undefined;
    if (id === undefined || id.trim() === '') {
      report(idPair.value.start, idPair.value.end, 'error', unreadMessage(idPair.value) ?? 'The `id` must be text, such as `2026-11-20-billing-migration`; remove it and Growth Log writes one on the next edit.');
      usable = false;
    } else if (explicitIds.get(id) !== item.start) {
      const first = lines.position(explicitIds.get(id) ?? 0).line + 1;
      report(idPair.value.start, idPair.value.end, 'error', `The id \`${id}\` is already used by the entry on line ${first}; give this entry another id. It is left out until then.`);
      usable = false;
    }
  }

  const type = readType(item, report);
  const direction = readDirection(item, type, report);
  const level = readLevel(item, type, direction, report);
  const followUp = readFollowUp(item, report);
  const impact = readText(item, 'impact', report);
  const details = readText(item, 'details', report);
  const isPrivate = readPrivate(item, report);
  const situation = readText(item, 'situation', report);
  const task = readText(item, 'task', report);
  const action = readText(item, 'action', report);
  const result = readText(item, 'result', report);
  const tags = readList(item, 'tags', 'tag', report);
  const competencies = readList(item, 'competencies', 'competency', report);
  const links = readList(item, 'links', 'link', report);
  const commits = readList(item, 'commits', 'commit', report);
  warnAboutHashes(item, commits, report);
  if (!usable || dateText === undefined || title === undefined) return undefined;

  const extra: Record<string, unknown> = {};
  for (const pair of item.pairs) if (!KNOWN_KEYS.has(pair.key)) extra[pair.key] = outlineToJs(pair.value);
  let idGenerated = false;
  if (id === undefined) {
    id = makeEntryId(dateText, title, taken);
    idGenerated = true;
  }
  taken.add(id);
  return makeEntry({
    id,
    idGenerated,
    date: dateText,
    title,
    type,
    impact,
    tags,
    competencies,
    links,
    commits,
    details,
    direction,
    private: isPrivate,
    situation,
    task,
    action,
    result,
    level: level?.id,
    followUp,
    file,
    range: lines.range(item.start, item.end),
    idRange: idPair ? lines.range(idPair.value.start, idPair.value.end) : undefined,
    levelRange: level ? lines.range(level.start, level.end) : undefined,
    extra,
  });
}

function readType(item: OutlineMap, report: Report): EntryType {
  const pair = pairOf(item, 'type');
  if (!pair) return DEFAULT_ENTRY_TYPE;
  const node = pair.value;
  const text = node.kind === 'scalar' ? scalarText(node) : undefined;
  if (node.kind === 'scalar' && text === undefined) return DEFAULT_ENTRY_TYPE;
  // The list's own string rather than the file's copy: every entry of a type then shares one
  // string, which maps and sets keyed by type (the tree, the packet) find without hashing it again.
  const type = ENTRY_TYPES.find((known) => known === text);
  if (type) return type;
  const shown = text === undefined ? 'This value' : `\`${text}\``;
  report(node.start, node.end, 'warning', unreadMessage(node) ?? `${shown} is not an entry type, so this entry is treated as a project. The types are: ${TYPE_LIST}.`);
  return DEFAULT_ENTRY_TYPE;
}

function readDirection(item: OutlineMap, type: EntryType, report: Report): MoveDirection | undefined {
  const pair = pairOf(item, 'direction');
  if (!pair) return undefined;
  const node = pair.value;
  const text = node.kind === 'scalar' ? scalarText(node) : undefined;
  if (node.kind === 'scalar' && text === undefined) return undefined;
  if (text !== 'vertical' && text !== 'horizontal') {
    const shown = text === undefined ? 'This value' : `\`${text}\``;
    report(node.start, node.end, 'warning', unreadMessage(node) ?? `${shown} is not a direction; a move is either \`vertical\` (a level up) or \`horizontal\` (another team or discipline).`);
    return undefined;
  }
  if (type !== 'move') {
    report(pair.keyStart, node.end, 'warning', '`direction` only means something for entries of type `move`; set `type: move` or remove it.');
  }
  return MOVE_DIRECTIONS.find((known) => known === text);
}

/**
 * `private` is `true` or `false`. Any other value (`yes`, `"true"`, a list) is a mistake, read on
 * the safe side: the user wrote the key to keep the entry private, and an entry shared by accident
 * cannot be taken back, while one left out by accident only has to be added.
 */
function readPrivate(item: OutlineMap, report: Report): boolean {
  const pair = pairOf(item, 'private');
  if (!pair) return false;
  const node = pair.value;
  if (node.kind === 'scalar' && (typeof node.value === 'boolean' || node.value === null)) return node.value === true;
  const quote = node.kind === 'scalar' ? ({ double: '"', single: "'" } as Partial<Record<string, string>>)[node.style] ?? '' : '';
  const shown = node.kind === 'scalar' ? `\`${quote}${node.source}${quote}\`${quote ? ' (in quotes, so text)' : ''}` : 'This value';
  report(node.start, node.end, 'warning', unreadMessage(node) ?? `${shown} is not \`true\` or \`false\`; the entry is kept private (out of packets and exports) until you write \`private: true\` or \`private: false\`.`);
  return true;
}

/**
 * Whether the ladder has the level is checked where the ladder is known (`levelProblems`); here,
 * only that it is one id on the entry it belongs to.
 */
function readLevel(item: OutlineMap, type: EntryType, direction: MoveDirection | undefined, report: Report): { id: string; start: number; end: number } | undefined {
  const pair = pairOf(item, 'level');
  if (!pair) return undefined;
  const node = pair.value;
  const text = node.kind === 'scalar' ? scalarText(node)?.trim() : undefined;
  if (node.kind === 'scalar' && !text) return undefined;
  if (text === undefined) {
    report(node.start, node.end, 'warning', unreadMessage(node) ?? '`level` must be the id of a ladder level, such as `L4`, not a list or a mapping, so it is ignored.');
    return undefined;
  }
  if (type !== 'move' || direction !== 'vertical') {
    report(pair.keyStart, node.end, 'warning', '`level` is the level a promotion reached, so it belongs on an entry with `type: move` and `direction: vertical`; it is ignored here.');
    return undefined;
  }
  return { id: text, start: node.start, end: node.end };
}

function readFollowUp(item: OutlineMap, report: Report): string | undefined {
  const pair = pairOf(item, 'followUp');
  if (!pair) return undefined;
  const node = pair.value;
  const text = node.kind === 'scalar' ? scalarText(node) : undefined;
  if (node.kind === 'scalar' && text === undefined) return undefined;
  const problem = text === undefined ? (unreadMessage(node) ?? '`followUp` must be a date, YYYY-MM-DD, not a list or a mapping.') : dateProblem(text);
  if (problem !== undefined) {
    report(node.start, node.end, 'warning', `${problem} No follow-up is asked for until it is fixed.`);
    return undefined;
  }
  return text;
}

function readText(item: OutlineMap, key: 'impact' | 'details' | 'situation' | 'task' | 'action' | 'result', report: Report): string | undefined {
  const pair = pairOf(item, key);
  if (!pair) return undefined;
  const node = pair.value;
  if (node.kind === 'scalar') return scalarText(node);
  report(node.start, node.end, 'warning', unreadMessage(node) ?? `\`${key}\` must be text, not a list or a mapping, so it is ignored; use \`${key}: |\` for several lines.`);
  return undefined;
}

function isText(value: OutlineNode): value is OutlineScalar & { value: string } {
  return value.kind === 'scalar' && typeof value.value === 'string' && value.value !== '';
}

function readList(item: OutlineMap, key: 'tags' | 'competencies' | 'links' | 'commits', noun: string, report: Report): string[] {
  const pair = pairOf(item, key);
  if (!pair) return [];
  const node = pair.value;
  if (node.kind === 'scalar') {
    if (node.value === null) return [];
    const text = scalarText(node) ?? '';
    report(node.start, node.end, 'warning', `\`${key}\` should be a list; write it as \`${key}: [${text}]\`. It is read as a list of one ${noun} for now.`);
    return [text];
  }
  if (node.kind !== 'seq') {
    report(node.start, node.end, 'warning', unreadMessage(node) ?? `\`${key}\` must be a list of text, like \`${key}: [a, b]\`, so it is ignored.`);
    return [];
  }
  // Mapped rather than pushed: an array grown by push keeps room for 17 items, and a log's
  // thousands of two-tag lists then spread over several times the memory they need, which every
  // later pass over the entries (the tree, the packet) pays for in cache misses.
  if (node.items.every(isText)) return node.items.map((value) => value.value);
  const values: string[] = [];
  for (const value of node.items) {
    if (value.kind === 'scalar' && typeof value.value === 'string' && value.value !== '') values.push(value.value);
    else {
      const shown = value.kind !== 'scalar' ? 'a nested list or mapping' : value.value === null || value.value === '' ? 'an empty item' : `\`${value.source}\``;
      report(value.start, value.end, 'warning', unreadMessage(value) ?? `Each ${noun} must be text, and ${shown} is not, so it is left out; put it in quotes if it is meant as text.`);
    }
  }
  return values;
}

const COMMIT_HASH = /^[0-9a-f]{7,64}$/i;

/**
 * Git capture compares `commits` with the hashes in a repository's history; an item that is no
 * hash never matches, so the commit it meant would be offered again. Kept in the entry (it is
 * text the user wrote), but pointed at.
 */
function warnAboutHashes(item: OutlineMap, commits: readonly string[], report: Report): void {
  if (commits.every((commit) => COMMIT_HASH.test(commit))) return;
  const node = pairOf(item, 'commits')?.value;
  if (!node) return;
  const values = node.kind === 'seq' ? node.items : [node];
  for (const value of values) {
    if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.value === '' || COMMIT_HASH.test(value.value)) continue;
    report(value.start, value.end, 'warning', `\`${value.value}\` is not a commit hash; \`commits\` lists the hashes (7 to 64 hex digits, as \`git log\` prints them) an entry was captured from, so capture from git can tell it is logged.`);
  }
}
