// A reader for the block YAML that entry files are made of in practice, several times faster than
// the yaml Document API. It is deliberately narrow: an entry holding anything it is not certain
// about (anchors, tags, multi-line plain values, nested mappings, tabs, odd indentation...) is read
// from its own lines by the Document API, and anything else unusual makes it give up on the file,
// so it never has to be right about unusual YAML. A hand-written file has a few such entries among
// hundreds; reading the whole file with the Document API for them made it 8 to 10 times slower.
import { readDocumentOutline, trimBack } from './documentReader';
import { ownCopy, ownText } from './ownText';
import { shiftOutline, type OutlineMap, type OutlineNode, type OutlinePair, type OutlineScalar, type OutlineSeq } from './outline';

export interface FastOutline {
  /** Undefined for a file of only comments and blank lines. */
  readonly root: OutlineMap | undefined;
}

/** Characters that make YAML behave in ways the fast reader does not handle; tabs are left to each line. */
const UNSUPPORTED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]|\r(?!\n)/;
/** Put before an entry's own lines to read them as a document of their own. */
const ENTRY_PREFIX = 'entries:\n';
const MAX_KEY_LENGTH = 1000;

class GiveUp {}
const GIVE_UP = new GiveUp();

/** The outline of `text`, or undefined when only the Document API can read it faithfully. */
export function readFastOutline(text: string): FastOutline | undefined {
  // A byte order mark that editors on Windows write is not part of the YAML; anywhere else it is.
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (UNSUPPORTED.test(from === 0 ? text : text.slice(from))) return undefined;
  try {
    return { root: new FastReader(text).readRoot(from) };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class FastReader {
  // The line last scanned: where it starts, its indentation, where its content starts and ends
  // (before any `\r`), and where the next line starts.
  private ls = 0;
  private ind = 0;
  private cs = 0;
  private ce = 0;
  private nx = 0;
  /** Start of the next content line after the node just read (or the text's length). */
  private next = 0;
  /** The first tab at or after the line last scanned (or the text's length); a line with one is the Document API's. */
  private tab: number;
  private readonly len: number;

  constructor(private readonly text: string) {
    this.len = text.length;
    this.tab = text.indexOf('\t');
    if (this.tab === -1) this.tab = this.len;
  }

  readRoot(from: number): OutlineMap | undefined {
    const first = this.skipTrivia(from);
    if (first >= this.len) return undefined;
    this.scanLine(first);
    if (this.ind !== 0) throw GIVE_UP;
    if (this.isDocumentStart()) {
      this.scanLine(this.skipTrivia(this.nx));
      if (this.ls >= this.len || this.ind !== 0) throw GIVE_UP;
    }
    const c = this.text.charCodeAt(this.cs);
    if (c === 45 /* - */ || c === 46 /* . */) throw GIVE_UP;
    const map = this.readMap(0, this.cs, false);
    if (this.next < this.len) throw GIVE_UP;
    return map;
  }

  /** A `---` line, which may start the one document of a file. */
  private isDocumentStart(): boolean {
    const text = this.text;
    if (!text.startsWith('---', this.cs)) return false;
    for (let i = this.cs + 3; i < this.ce; i++) if (text.charCodeAt(i) !== 32) return false;
    return true;
  }

  private scanLine(start: number): void {
    const text = this.text;
    let end = text.indexOf('\n', start);
    this.nx = end === -1 ? this.len : end + 1;
    if (end === -1) end = this.len;
    if (this.tab < this.nx) {
      if (this.tab < start) {
        this.tab = text.indexOf('\t', start);
        if (this.tab === -1) this.tab = this.len;
      }
      if (this.tab < this.nx) throw GIVE_UP;
    }
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    this.ls = start;
    this.ind = i - start;
    this.cs = i;
    this.ce = end;
  }

  /** From a line start, the start of the next line that is neither blank nor a comment. */
  private skipTrivia(start: number): number {
    let p = start;
    while (p < this.len) {
      this.scanLine(p);
      if (this.cs < this.ce && this.text.charCodeAt(this.cs) !== 35 /* # */) return p;
      p = this.nx;
    }
    return this.len;
  }

  /** Reads a block mapping whose first key starts at `keyStart` on the current line. */
  private readMap(indent: number, keyStart: number, inSeqItem: boolean): OutlineMap {
    const pairs: OutlinePair[] = [];
    let pos = keyStart;
    for (;;) {
      const pair = this.readPair(indent, pos, !inSeqItem && indent === 0);
      for (const other of pairs) if (other.key === pair.key) throw GIVE_UP;
      pairs.push(pair);
      const q = this.next;
      if (q >= this.len) break;
      this.scanLine(q);
      if (this.ind < indent) break;
      if (this.ind > indent || this.isDash(this.cs)) throw GIVE_UP;
      pos = this.cs;
    }
    const last = pairs[pairs.length - 1].value;
    return { kind: 'map', flow: false, pairs, start: keyStart, end: last.end };
  }

  private isDash(i: number): boolean {
    if (this.text.charCodeAt(i) !== 45) return false;
    return i + 1 === this.ce || this.text.charCodeAt(i + 1) === 32;
  }

  /** The key ending at `:` on the current line, or -1 when the line does not start with one. */
  private keyEnd(start: number): number {
    const text = this.text;
    let i = start;
    const first = text.charCodeAt(i);
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return -1;
    for (i++; i < this.ce; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45) continue;
      break;
    }
    if (text.charCodeAt(i) !== 58 /* : */ || (i + 1 < this.ce && text.charCodeAt(i + 1) !== 32)) return -1;
    if (i - start > MAX_KEY_LENGTH) return -1;
    return i;
  }

  private readPair(indent: number, keyStart: number, isRoot: boolean): OutlinePair {
    const text = this.text;
    const colon = this.keyEnd(keyStart);
    if (colon === -1) throw GIVE_UP;
    const key = text.slice(keyStart, colon);
    const ce = this.ce;
    const nx = this.nx;
    let i = colon + 1;
    while (i < ce && text.charCodeAt(i) === 32) i++;
    if (i === ce || text.charCodeAt(i) === 35) {
      const value = this.readValueBelow(indent, colon + 1, nx, isRoot && key === 'entries');
      return { key, keyStart, value };
    }
    const c = text.charCodeAt(i);
    let value: OutlineNode;
    if (c === 124 /* | */ || c === 62 /* > */) value = this.readBlockScalar(indent, i);
    else {
      value = c === 91 /* [ */ ? this.readFlowSeq(i) : this.readInlineScalar(i);
      this.next = this.skipTrivia(nx);
    }
    return { key, keyStart, value };
  }

  /** The value of `key:` with nothing after it: a block sequence or mapping on the next lines, or null. */
  private readValueBelow(indent: number, colonEnd: number, nx: number, entries: boolean): OutlineNode {
    const q = this.skipTrivia(nx);
    this.next = q;
    if (q < this.len) {
      this.scanLine(q);
      if (this.ind >= indent && this.isDash(this.cs)) return this.readSeq(this.ind, indent, entries);
      if (this.ind > indent) {
        if (entries || this.keyEnd(this.cs) === -1) throw GIVE_UP;
        return this.readMap(this.ind, this.cs, false);
      }
    }
    return { kind: 'scalar', value: null, source: '', style: 'plain', start: colonEnd, end: colonEnd };
  }

  /** A block sequence starting on the current line; items are entries (mappings) or scalars. */
  private readSeq(seqIndent: number, parentIndent: number, entries: boolean): OutlineSeq {
    const text = this.text;
    const items: OutlineNode[] = [];
    const start = this.cs;
    for (;;) {
      if (entries) {
        items.push(this.readEntry(seqIndent));
      } else {
        const dash = this.cs;
        if (dash + 1 === this.ce) throw GIVE_UP;
        let i = dash + 1;
        while (i < this.ce && text.charCodeAt(i) === 32) i++;
        if (i === this.ce || text.charCodeAt(i) === 35) throw GIVE_UP;
        const c = text.charCodeAt(i);
        if (c === 91 || c === 124 || c === 62 || this.keyEnd(i) !== -1) throw GIVE_UP;
        items.push(this.readInlineScalar(i));
        this.next = this.skipTrivia(this.nx);
      }
      const q = this.next;
      if (q >= this.len) break;
      this.scanLine(q);
      if (this.ind === seqIndent && this.isDash(this.cs)) continue;
      if (this.ind < seqIndent || (this.ind === seqIndent && seqIndent === parentIndent)) break;
      throw GIVE_UP;
    }
    return { kind: 'seq', flow: false, items, start, end: items[items.length - 1].end };
  }

  /** The item of `entries` whose `-` starts the current line. */
  private readEntry(seqIndent: number): OutlineNode {
    const text = this.text;
    const lineStart = this.ls;
    try {
      const dash = this.cs;
      if (dash + 1 === this.ce) throw GIVE_UP;
      let i = dash + 1;
      while (i < this.ce && text.charCodeAt(i) === 32) i++;
      if (i === this.ce || this.keyEnd(i) === -1) throw GIVE_UP;
      return this.readMap(i - this.ls, i, true);
    } catch (error) {
      if (error !== GIVE_UP) throw error;
      return this.readEntryLines(lineStart, seqIndent);
    }
  }

  /**
   * The item starting at `start`, read by the Document API from its own lines: those up to the
   * next line indented no deeper than its `-`. It is read alone only when it is valid alone with
   * no warning; otherwise (an alias to another entry's anchor, a syntax error) the file is given
   * up, so a mistake is reported where it is in the whole file, as the whole file is read.
   */
  private readEntryLines(start: number, seqIndent: number): OutlineNode {
    const text = this.text;
    let end = this.len;
    for (let p = text.indexOf('\n', start) + 1; p > 0 && p < this.len; p = text.indexOf('\n', p) + 1) {
      let i = p;
      while (text.charCodeAt(i) === 32) i++;
      const c = text.charCodeAt(i);
      const blank = i === this.len || c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10);
      if (!blank && i - p <= seqIndent) {
        end = p;
        break;
      }
    }
    const outline = readDocumentOutline(ENTRY_PREFIX + text.slice(start, end));
    const root = outline.root;
    const seq = root?.kind === 'map' && root.pairs.length === 1 ? root.pairs[0].value : undefined;
    if (outline.syntax.length > 0 || seq?.kind !== 'seq' || seq.flow || seq.items.length !== 1) throw GIVE_UP;
    this.next = this.skipTrivia(end);
    return shiftOutline(seq.items[0], start - ENTRY_PREFIX.length);
  }

  /** A plain or quoted scalar on one line, followed by nothing but an optional comment. */
  private readInlineScalar(start: number): OutlineScalar {
    const c = this.text.charCodeAt(start);
    if (c === 34 /* " */) return this.readDoubleQuoted(start, false);
    if (c === 39 /* ' */) return this.readSingleQuoted(start, false);
    return this.readPlain(start);
  }

  private readPlain(start: number): OutlineScalar {
    const text = this.text;
    if (!plainMayStartWith(text, start, this.ce, false)) throw GIVE_UP;
    const ce = this.ce;
    let end = ce;
    for (let i = start + 1; i < ce; i++) {
      const c = text.charCodeAt(i);
      if (c === 35 && text.charCodeAt(i - 1) === 32) {
        end = i;
        break;
      }
      if (c === 58 && (i + 1 === ce || text.charCodeAt(i + 1) === 32)) throw GIVE_UP;
    }
    if (text.charCodeAt(start) === 58 && start + 1 === ce) throw GIVE_UP;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    const source = ownText(text, start, end);
    return { kind: 'scalar', value: resolvePlain(source), source, style: 'plain', start, end };
  }

  /** After a quoted scalar or flow list: only spaces and a comment may follow on the line. */
  private expectLineEnd(i: number): void {
    const text = this.text;
    let j = i;
    while (j < this.ce && text.charCodeAt(j) === 32) j++;
    if (j === this.ce) return;
    if (text.charCodeAt(j) === 35 && j > i) return;
    throw GIVE_UP;
  }

  private readDoubleQuoted(start: number, inFlow: boolean): OutlineScalar {
    const text = this.text;
    const ce = this.ce;
    let value = '';
    let run = start + 1;
    let i = run;
    for (;;) {
      if (i >= ce) throw GIVE_UP;
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c !== 92) {
        i++;
        continue;
      }
      value += text.slice(run, i);
      const e = text.charAt(i + 1);
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (e === 'x' || e === 'u') {
        const width = e === 'x' ? 2 : 4;
        const hex = text.slice(i + 2, i + 2 + width);
        if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
        value += String.fromCharCode(parseInt(hex, 16));
        i += 2 + width;
      } else throw GIVE_UP;
      run = i;
    }
    value = run === start + 1 ? ownText(text, run, i) : ownCopy(value + text.slice(run, i));
    if (!inFlow) this.expectLineEnd(i + 1);
    return { kind: 'scalar', value, source: value, style: 'double', start, end: i + 1 };
  }

  private readSingleQuoted(start: number, inFlow: boolean): OutlineScalar {
    const text = this.text;
    const ce = this.ce;
    let value = '';
    let run = start + 1;
    let i = run;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close === -1 || close >= ce) throw GIVE_UP;
      if (text.charCodeAt(close + 1) === 39 && close + 1 < ce) {
        value += text.slice(run, close + 1);
        i = run = close + 2;
        continue;
      }
      value = run === start + 1 ? ownText(text, run, close) : ownCopy(value + text.slice(run, close));
      i = close;
      break;
    }
    if (!inFlow) this.expectLineEnd(i + 1);
    return { kind: 'scalar', value, source: value, style: 'single', start, end: i + 1 };
  }

  /** `[a, "b c", d]` on one line. */
  private readFlowSeq(start: number): OutlineSeq {
    const text = this.text;
    const ce = this.ce;
    const items: OutlineScalar[] = [];
    let i = start + 1;
    for (;;) {
      while (i < ce && text.charCodeAt(i) === 32) i++;
      if (i >= ce) throw GIVE_UP;
      let c = text.charCodeAt(i);
      if (c === 93 /* ] */ && items.length === 0) break;
      let item: OutlineScalar;
      if (c === 34 || c === 39) {
        item = c === 34 ? this.readDoubleQuoted(i, true) : this.readSingleQuoted(i, true);
        i = item.end;
      } else {
        if (!plainMayStartWith(text, i, ce, true)) throw GIVE_UP;
        const itemStart = i;
        while (i < ce) {
          c = text.charCodeAt(i);
          if (c === 44 || c === 93) break;
          if (c === 91 || c === 123 || c === 125 || c === 35) throw GIVE_UP;
          if (c === 58 && (i + 1 === ce || [32, 44, 93].includes(text.charCodeAt(i + 1)))) throw GIVE_UP;
          i++;
        }
        let end = i;
        while (end > itemStart && text.charCodeAt(end - 1) === 32) end--;
        if (end === itemStart) throw GIVE_UP;
        const source = ownText(text, itemStart, end);
        item = { kind: 'scalar', value: resolvePlain(source), source, style: 'plain', start: itemStart, end };
      }
      items.push(item);
      while (i < ce && text.charCodeAt(i) === 32) i++;
      c = text.charCodeAt(i);
      if (i >= ce) throw GIVE_UP;
      if (c === 93) break;
      if (c !== 44) throw GIVE_UP;
      i++;
      while (i < ce && text.charCodeAt(i) === 32) i++;
      if (text.charCodeAt(i) === 93) throw GIVE_UP;
    }
    this.expectLineEnd(i + 1);
    return { kind: 'seq', flow: true, items, start, end: i + 1 };
  }

  /** `|` or `>`, maybe with `-` or `+`, followed by lines indented deeper than the key. */
  private readBlockScalar(parentIndent: number, start: number): OutlineScalar {
    const text = this.text;
    const folded = text.charCodeAt(start) === 62;
    let i = start + 1;
    const chomp = text.charCodeAt(i);
    const strip = chomp === 45; /* - */
    const keep = chomp === 43; /* + */
    if (strip || keep) i++;
    if (i !== this.ce) throw GIVE_UP;
    const lines: string[] = [];
    let contentIndent = -1;
    let longestBlank = 0;
    let lastContentEnd = -1;
    let pendingBlank = 0;
    let p = this.nx;
    while (p < this.len) {
      this.scanLine(p);
      if (this.cs === this.ce) {
        const width = this.ce - this.ls;
        if (contentIndent === -1) longestBlank = Math.max(longestBlank, width);
        else if (width > contentIndent) throw GIVE_UP;
        pendingBlank++;
        p = this.nx;
        continue;
      }
      if (this.ind <= parentIndent) break;
      if (contentIndent === -1) {
        if (longestBlank > this.ind) throw GIVE_UP;
        contentIndent = this.ind;
      } else if (this.ind < contentIndent) throw GIVE_UP;
      for (; pendingBlank > 0; pendingBlank--) lines.push('');
      lines.push(text.slice(this.ls + contentIndent, this.ce));
      lastContentEnd = this.ce;
      p = this.nx;
    }
    if (contentIndent === -1) throw GIVE_UP;
    this.next = this.skipTrivia(p);
    let value: string;
    if (folded) {
      if (lines[0] === '') throw GIVE_UP;
      value = lines[0];
      let breaks = 0;
      let wasIndented = false;
      for (let k = 1; k < lines.length; k++) {
        const line = lines[k];
        if (line === '') breaks++;
        else {
          // Only a line break between two lines at the block's indentation folds into a space:
          // the lines of a more-indented part (a list, code) stay lines.
          const indented = line.charCodeAt(0) === 32;
          if (indented || wasIndented) value += '\n'.repeat(breaks + 1);
          else value += breaks === 0 ? ' ' : '\n'.repeat(breaks);
          value += line;
          breaks = 0;
          wasIndented = indented;
        }
      }
      value = ownCopy(strip ? value : keep ? `${value}\n${'\n'.repeat(pendingBlank)}` : `${value}\n`);
    } else {
      // The final line breaks as more joined lines, so the value is one string, not several.
      if (!strip) lines.push('');
      if (keep) for (; pendingBlank > 0; pendingBlank--) lines.push('');
      value = lines.join('\n');
    }
    return { kind: 'scalar', value, source: value, style: folded ? 'folded' : 'literal', start, end: trimBack(text, start, lastContentEnd) };
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
  f: '\f',
  ' ': ' ',
};

/**
 * Plain scalars may not start with YAML's indicator characters; quotes are read elsewhere. A `-`
 * may start one when a "safe" character follows: not a space and, inside `[...]`, not a flow
 * indicator either, so `[a, -]` is a block list where none is allowed, which YAML refuses.
 */
function plainMayStartWith(text: string, i: number, ce: number, inFlow: boolean): boolean {
  const c = text.charCodeAt(i);
  switch (c) {
    case 38: // &
    case 42: // *
    case 33: // !
    case 37: // %
    case 64: // @
    case 96: // `
    case 123: // {
    case 125: // }
    case 91: // [
    case 93: // ]
    case 44: // ,
    case 124: // |
    case 62: // >
    case 34: // "
    case 39: // '
    case 35: // #
    case 63: // ?
    case 58: // :
      return false;
    case 45: {
      // -
      if (i + 1 >= ce) return false;
      const next = text.charCodeAt(i + 1);
      if (next === 32) return false;
      return !inFlow || (next !== 44 && next !== 91 && next !== 93 && next !== 123 && next !== 125);
    }
    default:
      return true;
  }
}

/** YAML 1.2 core schema, as `yaml` resolves plain scalars; exotic numbers are left to it. */
function resolvePlain(source: string): string | number | boolean | null {
  const c = source.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    // Only null, true and false start with a letter, and none is longer than five characters.
    if (source.length > 5) return source;
    if (/^(?:[Nn]ull|NULL)$/.test(source)) return null;
    if (/^(?:[Tt]rue|TRUE)$/.test(source)) return true;
    if (/^(?:[Ff]alse|FALSE)$/.test(source)) return false;
    return source;
  }
  if (c === 126) return source.length === 1 ? null : source;
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  // A date like 2026-11-20 is the common case: a dash after digits is never a number.
  if (!numeric) return source;
  if (/^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) throw GIVE_UP;
  if (/[^0-9eE.+-]|[0-9]-/.test(source)) return source;
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) {
    return parseFloat(source);
  }
  return source;
}
