// The reference reader: the `yaml` Document API, which understands all of YAML and knows the
// exact place of every error. It is the slow path, used when the fast reader is unsure.
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import type { OutlineNode, OutlinePair, ScalarStyle } from './outline';
import { ownCopy } from './ownText';

export interface DocumentOutline {
  readonly root: OutlineNode | undefined;
  /** Syntax errors and warnings, in plain words, as offsets into the text. */
  readonly syntax: readonly SyntaxProblem[];
}

export interface SyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** More alias expansions than this and the file is treated as a "billion laughs" attack. */
const MAX_ALIAS_COUNT = 100;

const CORE = 'tag:yaml.org,2002:';
/** Tags under which yaml builds a Map, Set or list of pairs, which are not the model's lists and mappings. */
const SPECIAL_COLLECTIONS: ReadonlySet<string> = new Set([`${CORE}omap`, `${CORE}pairs`, `${CORE}set`]);

export function readDocumentOutline(text: string): DocumentOutline {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  // `[a, -]` is one mistake that yaml also reports as a key where the `-` is: the key is left out.
  const blockInFlow = new Set(doc.errors.filter((e) => e.code === 'BLOCK_IN_FLOW').map((e) => e.pos[0]));
  const errors = blockInFlow.size === 0 ? doc.errors : doc.errors.filter((e) => e.code === 'BLOCK_IN_FLOW' || !blockInFlow.has(e.pos[0]));
  const syntax: SyntaxProblem[] = [
    ...errors.map((e) => syntaxProblem(text, e, 'error')),
    ...doc.warnings.map((e) => syntaxProblem(text, e, 'warning')),
  ];
  const targets = aliasTargets(doc);
  if (targets.size > 0) {
    let unresolved = false;
    for (const [alias, target] of targets) {
      if (target) continue;
      // yaml's parse accepts these and only its toJS throws, so the place is found here.
      const [start, end] = alias.range ?? [0, 0];
      const name = alias.source;
      syntax.push({ start, end, severity: 'error', message: `The alias \`*${name}\` has no \`&${name}\` before it to repeat; write the value out here, or mark the value to repeat with \`&${name}\`.` });
      unresolved = true;
    }
    if (unresolved) return { root: undefined, syntax };
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      syntax.push({
        start: 0,
        end: 0,
        severity: 'error',
        message: 'This file uses YAML aliases (`*name`) that would expand to far too much data, so it was not read.',
      });
      return { root: undefined, syntax };
    }
  }
  const root = doc.contents ? toOutline(doc, doc.contents as Node, text, targets) : undefined;
  return { root, syntax };
}

/**
 * Each alias with the node it repeats: the last node anchored with its name before it, as yaml
 * resolves it, or undefined. One pass, where yaml's own `resolve` walks the document per alias.
 */
function aliasTargets(doc: Document): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

function toOutline(doc: Document, node: Node, text: string, targets: ReadonlyMap<Alias, Node | undefined>): OutlineNode {
  const [rangeStart, valueEnd] = node.range ?? [0, 0, 0];
  const start = rangeStart;
  const end = trimBack(text, start, valueEnd);
  if (isAlias(node)) {
    // A repeated value is read as its anchor's value but placed here, so an edit replaces `*name`.
    const target = targets.get(node);
    const read = isScalar(target) ? toOutline(doc, target, text, targets) : undefined;
    if (read?.kind === 'scalar') return { ...read, start, end };
    const js: unknown = node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
    if (read?.kind === 'other') return { ...read, value: js, start, end };
    return { kind: 'other', value: js, start, end, unread: { kind: 'alias', name: node.source, target: isSeq(target) ? 'list' : 'mapping' } };
  }
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const style = styleOf(node.type);
      const own = typeof value === 'string' ? ownCopy(value) : value;
      const source = style === 'plain' ? text.slice(start, end) : String(own ?? '');
      // `!!str 2026` is the text "2026", which yaml has already resolved into `value`.
      return { kind: 'scalar', value: own, source, style, start: node.tag ? tagStart(text, start) : start, end };
    }
  }
  if (isSeq(node) && !SPECIAL_COLLECTIONS.has(node.tag ?? '')) {
    const items = node.items.map((item) => toOutline(doc, item as Node, text, targets));
    return { kind: 'seq', flow: Boolean(node.flow), items, start, end: blockEnd(node.flow, end, items.at(-1)?.end) };
  }
  if (isMap(node) && !SPECIAL_COLLECTIONS.has(node.tag ?? '')) {
    const pairs: OutlinePair[] = [];
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      // A missing or null key is the empty text, as yaml's toJS names it (`[?]`, `: a`).
      const keyText = key === null || (isScalar(key) && key.value === null) ? '' : isScalar(key) ? String(key.value) : String(key);
      const keyStart = key?.range?.[0] ?? start;
      const value = pair.value as Node | null;
      const valueNode: OutlineNode = value
        ? toOutline(doc, value, text, targets)
        : { kind: 'scalar', value: null, source: '', style: 'plain', start: key?.range?.[1] ?? keyStart, end: key?.range?.[1] ?? keyStart };
      pairs.push({ key: keyText, keyStart, value: valueNode });
    }
    return { kind: 'map', flow: Boolean(node.flow), pairs, start, end: blockEnd(node.flow, end, pairs.at(-1)?.value.end) };
  }
  const tag = (node.tag ?? '').replace(CORE, '!!');
  return { kind: 'other', value: node.toJS(doc), start, end, unread: { kind: 'tag', tag } };
}

/**
 * Where the tag written just before a value starts, so that an edit replacing the value replaces
 * `!!int 12` whole rather than leaving a tag that no longer fits. When an anchor or anything else
 * stands between them, the value's own start.
 */
function tagStart(text: string, start: number): number {
  let i = start;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > 0 && !isBlank(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 91 /* [ */ && text.charCodeAt(j - 1) !== 123 /* { */) j--;
  return j < i && text.charCodeAt(j) === 33 /* ! */ ? j : start;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * A block collection ends where its last value ends: yaml's own range also covers a trailing
 * comment, which the fast reader (rightly) leaves out. Flow collections end at their bracket.
 */
function blockEnd(flow: boolean | undefined, end: number, lastChildEnd: number | undefined): number {
  return flow || lastChildEnd === undefined ? end : lastChildEnd;
}

function styleOf(type: string | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}

/** Backs up over trailing spaces and line breaks, so every node ends at its last visible character. */
export function trimBack(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 32 || c === 10 || c === 13 || c === 9) end--;
    else break;
  }
  return end;
}

function syntaxProblem(text: string, error: YAMLError, severity: 'error' | 'warning'): SyntaxProblem {
  let [start, end] = error.pos;
  const quote = /Missing closing (["'])/.exec(error.message)?.[1];
  if (quote) {
    // yaml points at where it gave up (often the end of the file); the opening quote is what to fix.
    const opening = text.lastIndexOf(`: ${quote}`, start);
    if (opening !== -1) [start, end] = [opening + 2, lineEnd(text, opening)];
  }
  return { start, end: Math.max(start, Math.min(end, text.length)), severity, message: plainMessage(text, error) };
}

const TAB_MESSAGE = 'This line is indented with a tab; YAML only allows spaces for indentation.';

/** yaml's messages are written for parser authors; these say what to do about it. */
function plainMessage(text: string, error: YAMLError): string {
  const original = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const at = text.slice(error.pos[0], error.pos[1]);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return TAB_MESSAGE;
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim();
      return `The key \`${key || at}\` appears twice in the same mapping; keep only one of them.`;
    }
    case 'MISSING_CHAR':
      if (/closing "/.test(original)) return 'This double-quoted text has no closing `"`; add it at the end of the value.';
      if (/closing '/.test(original)) return "This single-quoted text has no closing `'`; add it at the end of the value.";
      if (/without - indicator/.test(original)) return 'This line is not indented like the lines around it; align it with the other keys of its entry.';
      if (/followed by map values/.test(original)) return 'This line has no `key: value` form; add the missing `:` or fix its indentation.';
      return `Something is missing here: ${lowerFirst(original)}.`;
    case 'BAD_INDENT':
      if (/Flow sequence|Flow mapping/.test(original)) return 'This `[` or `{` list is never closed; add the closing bracket on the same line.';
      // yaml names a tab after spaces (`  \ttitle:`) a wrong indentation; the tab is what to fix.
      if (/^[ ]*\t/.test(text.slice(lineStart(text, error.pos[0]), lineEnd(text, error.pos[0])))) return TAB_MESSAGE;
      return 'This line is not indented like the lines around it; keys of one mapping must start in the same column.';
    case 'BLOCK_IN_FLOW':
      if (at.startsWith('-')) return 'Inside `[...]` or `{...}`, a `-` cannot stand alone or before a space, as YAML reads it as a `- ` list; put the value in quotes, such as `"-"`.';
      return `This is not valid YAML: ${lowerFirst(original)}.`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'This value contains `: `, which YAML reads as another key; put the whole value in quotes.';
    case 'BAD_DQ_ESCAPE':
      return `\`${at || '\\'}\` is not a valid escape in double quotes; write \`\\\\\` for a backslash, or use single quotes.`;
    case 'BAD_SCALAR_START':
      return `A value cannot start with \`${at}\`; put the value in quotes.`;
    case 'MULTIPLE_DOCS':
      return 'This file holds more than one YAML document (separated by `---`); keep all entries in one document.';
    case 'RESOURCE_EXHAUSTION':
      return 'This file uses YAML aliases (`*name`) that would expand to far too much data, so it was not read.';
    case 'KEY_OVER_1024_CHARS':
      return 'This key is longer than 1024 characters, which YAML does not allow.';
    case 'TAG_RESOLVE_FAILED':
      if (at.startsWith('!!') || at.startsWith('!<')) return `This value is not a valid \`${at}\`, so the tag is ignored; remove it or correct the value.`;
      return `Growth Log does not know the tag \`${at}\` and reads the value as it is written; remove the tag.`;
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `This alias is not valid YAML: ${lowerFirst(original)}.`;
    case 'UNEXPECTED_TOKEN':
      return `YAML did not expect \`${at.trim() || 'this'}\` here; check the indentation and quoting of this line.`;
    default:
      return `This is not valid YAML: ${lowerFirst(original)}.`;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}
