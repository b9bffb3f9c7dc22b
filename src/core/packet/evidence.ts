// Which entries support which criteria. An entry is explicit evidence for the criteria it names
// under `competencies`; other links are only suggestions (by entry type or by keyword), always
// shown as such, because the user did not make them.
import type { Entry, EntryType } from '../model/entry';
import type { Criterion, Ladder, Level } from './ladder';

export type SuggestionReason = { readonly kind: 'type'; readonly type: EntryType } | { readonly kind: 'keyword'; readonly keyword: string };

export interface Suggestion {
  readonly criterionId: string;
  readonly reason: SuggestionReason;
}

/** A criterion with fewer pieces of evidence than this (explicit and suggested together) is a gap. */
export const MIN_EVIDENCE = 2;

/**
 * - `missing`: no evidence at all; `thin`: one piece; both are gaps.
 * - `unconfirmed`: enough evidence, but all of it suggested; not a gap, yet worth confirming.
 * - `supported`: enough evidence, at least one piece of it explicit.
 */
export type EvidenceStatus = 'missing' | 'thin' | 'unconfirmed' | 'supported';

export interface CriterionEvidence {
  readonly criterion: Criterion;
  /** Entries that name the criterion in `competencies`: impact first, then newest first. */
  readonly explicit: readonly Entry[];
  /** Entries suggested by type or keyword and not explicit, in the same order. */
  readonly suggested: readonly Entry[];
  /** Why each suggested entry was suggested. */
  readonly reasons: ReadonlyMap<Entry, SuggestionReason>;
  readonly isGap: boolean;
  readonly status: EvidenceStatus;
}

interface TypeRule {
  /** Criterion ids of the default ladder and common alternatives, in order of preference. */
  readonly ids: readonly string[];
  /** Fragments looked for in a custom criterion's id and title when none of `ids` is there. */
  readonly fragments: readonly string[];
}

// Types that say nothing about a dimension by themselves (project, recognition, move) are left
// to keywords and to the user's own `competencies`.
const TYPE_RULES: Partial<Record<EntryType, TypeRule>> = {
  mentoring: { ids: ['mentoring', 'people', 'mentorship'], fragments: ['mentor', 'people', 'coach'] },
  leadership: { ids: ['leadership', 'ownership'], fragments: ['lead', 'owner'] },
  skill: { ids: ['technical-skill', 'technical-skills', 'skills', 'craft'], fragments: ['skill', 'craft', 'expertise'] },
  learning: { ids: ['technical-skill', 'technical-skills', 'skills', 'craft'], fragments: ['skill', 'craft', 'expertise', 'learn'] },
  collaboration: { ids: ['communication', 'collaboration'], fragments: ['collaborat', 'communicat', 'teamwork'] },
  network: { ids: ['communication', 'collaboration', 'influence'], fragments: ['communicat', 'collaborat', 'influence', 'network'] },
  responsibility: { ids: ['technical-scope', 'scope', 'ownership'], fragments: ['scope', 'responsib', 'owner'] },
};

/** The criterion an entry of this type suggests, if the criteria have one that fits. */
export function criterionForType(type: EntryType, criteria: readonly Criterion[]): Criterion | undefined {
  const rule = TYPE_RULES[type];
  if (!rule) return undefined;
  for (const id of rule.ids) {
    const match = criteria.find((c) => c.id.toLowerCase() === id);
    if (match) return match;
  }
  return criteria.find((c) => rule.fragments.some((f) => `${c.id} ${c.title}`.toLowerCase().includes(f)));
}

/** True when the entry names the criterion under `competencies` (ids compare case-insensitively). */
export function namesCriterion(entry: Entry, criterion: Criterion): boolean {
  return namedCriteria(entry).has(criterion.id.toLowerCase());
}

/** The criterion ids an entry names, as they are compared. */
function namedCriteria(entry: Entry): Set<string> {
  return new Set(entry.competencies.map((c) => c.trim().toLowerCase()));
}

/**
 * Builds a suggester for one set of criteria, compiling keyword patterns once so the tree and
 * the packet can run it over thousands of entries.
 */
export function createSuggester(criteria: readonly Criterion[]): (entry: Entry, named?: ReadonlySet<string>) => Suggestion[] {
  const ids = criteria.map((criterion) => criterion.id.toLowerCase());
  const index = keywordIndex(criteria);
  const byType = new Map<EntryType, Criterion | undefined>();
  const best: number[] = criteria.map(() => Infinity);
  return (entry, named = namedCriteria(entry)) => {
    if (!byType.has(entry.type)) byType.set(entry.type, criterionForType(entry.type, criteria));
    const typeCriterion = byType.get(entry.type);
    index(entry, best);
    const suggestions: Suggestion[] = [];
    criteria.forEach((criterion, i) => {
      if (named.has(ids[i])) return;
      if (criterion === typeCriterion) {
        suggestions.push({ criterionId: criterion.id, reason: { kind: 'type', type: entry.type } });
        return;
      }
      if (best[i] !== Infinity) suggestions.push({ criterionId: criterion.id, reason: { kind: 'keyword', keyword: criterion.keywords[best[i]] } });
    });
    return suggestions;
  };
}

/** Criteria the entry may support without naming them, each with the reason. */
export function suggestionsFor(entry: Entry, criteria: readonly Criterion[]): Suggestion[] {
  return createSuggester(criteria)(entry);
}

/** `keyword “migration”` or `type mentoring`, the words the packet and the tree show. */
export function describeReason(reason: SuggestionReason): string {
  return reason.kind === 'type' ? `type ${reason.type}` : `keyword “${reason.keyword}”`;
}

/**
 * The evidence for each criterion of a level, in the level's order. The packet's case and gaps
 * and the tree's readiness view both come from this one function, so they never disagree.
 */
export function criterionEvidence(entries: readonly Entry[], level: Level): CriterionEvidence[] {
  const suggest = createSuggester(level.criteria);
  const explicit = new Map<Criterion, Entry[]>(level.criteria.map((c) => [c, []]));
  const suggested = new Map<Criterion, Entry[]>(level.criteria.map((c) => [c, []]));
  const reasons = new Map<Criterion, Map<Entry, SuggestionReason>>(level.criteria.map((c) => [c, new Map()]));
  const ids = level.criteria.map((c) => c.id.toLowerCase());
  // A suggestion lands on the criterion its id names, and with ids repeated in a level that is the last one.
  const byId = new Map(level.criteria.map((c) => [c.id, c]));
  // Sorted once, so every criterion's lists come out in byStrength order as they are filled.
  for (const entry of sortByStrength(entries)) {
    const named = namedCriteria(entry);
    level.criteria.forEach((criterion, i) => {
      if (named.has(ids[i])) explicit.get(criterion)?.push(entry);
    });
    for (const suggestion of suggest(entry, named)) {
      const criterion = byId.get(suggestion.criterionId);
      if (!criterion) continue;
      suggested.get(criterion)?.push(entry);
      reasons.get(criterion)?.set(entry, suggestion.reason);
    }
  }
  return level.criteria.map((criterion) => {
    const confirmed = explicit.get(criterion) ?? [];
    const guessed = suggested.get(criterion) ?? [];
    return {
      criterion,
      explicit: confirmed,
      suggested: guessed,
      reasons: reasons.get(criterion) ?? new Map(),
      isGap: confirmed.length + guessed.length < MIN_EVIDENCE,
      status: evidenceStatus(confirmed.length, guessed.length),
    };
  });
}

/** What `explicit` confirmed and `suggested` pieces of evidence make of a criterion. */
export function evidenceStatus(explicit: number, suggested: number): EvidenceStatus {
  const count = explicit + suggested;
  return count === 0 ? 'missing' : count < MIN_EVIDENCE ? 'thin' : explicit === 0 ? 'unconfirmed' : 'supported';
}

export interface CriterionEvidenceCount {
  readonly criterion: Criterion;
  /** Confirmed pieces of evidence by `bucket` (a quarter, say). */
  readonly explicit: ReadonlyMap<string, number>;
  readonly suggested: ReadonlyMap<string, number>;
  readonly explicitTotal: number;
  readonly suggestedTotal: number;
  readonly isGap: boolean;
  readonly status: EvidenceStatus;
}

/**
 * `criterionEvidence` counted rather than listed, by a bucket of each entry: the same rules (the
 * same suggester, the same status), without ordering thousands of entries that only need counting.
 * Why a second walk: through criterionEvidence the overview's numbers and SVG for the bench's
 * 10,000 entries took 0.58 of a cold load, over the 0.5 target; counting takes about half the
 * time of listing (docs/performance.md). A unit test keeps both in agreement.
 */
export function criterionEvidenceCounts(entries: readonly Entry[], level: Level, bucket: (entry: Entry) => string): CriterionEvidenceCount[] {
  const suggest = createSuggester(level.criteria);
  const ids = level.criteria.map((c) => c.id.toLowerCase());
  // As in criterionEvidence, a suggestion lands on the last criterion with the suggested id.
  const indexById = new Map(level.criteria.map((c, i) => [c.id, i]));
  // Counts in arrays by bucket number: one map lookup per entry rather than one per count.
  const buckets = new Map<string, number>();
  const explicit: number[][] = level.criteria.map(() => []);
  const suggested: number[][] = level.criteria.map(() => []);
  for (const entry of entries) {
    const key = bucket(entry);
    let b = buckets.get(key);
    if (b === undefined) {
      b = buckets.size;
      buckets.set(key, b);
    }
    const named = entry.competencies.length > 0 ? namedCriteria(entry) : NONE_NAMED;
    if (named !== NONE_NAMED) for (let i = 0; i < ids.length; i++) if (named.has(ids[i])) explicit[i][b] = (explicit[i][b] ?? 0) + 1;
    for (const suggestion of suggest(entry, named)) {
      const i = indexById.get(suggestion.criterionId);
      if (i !== undefined) suggested[i][b] = (suggested[i][b] ?? 0) + 1;
    }
  }
  const byBucket = (counts: number[]) => {
    const map = new Map<string, number>();
    for (const [key, b] of buckets) if (counts[b]) map.set(key, counts[b]);
    return map;
  };
  const total = (counts: number[]) => counts.reduce((n, v) => n + (v ?? 0), 0);
  return level.criteria.map((criterion, i) => {
    const explicitTotal = total(explicit[i]);
    const suggestedTotal = total(suggested[i]);
    return {
      criterion,
      explicit: byBucket(explicit[i]),
      suggested: byBucket(suggested[i]),
      explicitTotal,
      suggestedTotal,
      isGap: explicitTotal + suggestedTotal < MIN_EVIDENCE,
      status: evidenceStatus(explicitTotal, suggestedTotal),
    };
  });
}

const NONE_NAMED: ReadonlySet<string> = new Set();

/** Entries with a stated impact first (they make the case), then newest first; ties by id. */
export function byStrength(a: Entry, b: Entry): number {
  const impact = Number(Boolean(b.impact?.trim())) - Number(Boolean(a.impact?.trim()));
  if (impact !== 0) return impact;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  // Not by file: the CLI keys files by path and VS Code by URI, and both must order alike.
  return compareText(a.id, b.id) || compareText(a.title, b.title);
}

/** `byStrength` order, computing each entry's impact test once rather than per comparison. */
function sortByStrength(entries: readonly Entry[]): Entry[] {
  const keyed = entries.map((entry) => ({ entry, key: strengthKey(entry) }));
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.entry.id, b.entry.id) || compareText(a.entry.title, b.entry.title));
  return keyed.map((k) => k.entry);
}

/** Impact first, then newest first, as one string: digits of the date are inverted (9 - d). */
function strengthKey(entry: Entry): string {
  let key = entry.impact?.trim() ? '0' : '1';
  for (let i = 0; i < entry.date.length; i++) {
    const c = entry.date.charCodeAt(i);
    key += c >= 48 && c <= 57 ? String.fromCharCode(105 - c) : entry.date[i];
  }
  return key;
}

// Code-unit order, not localeCompare: the packet must be byte-identical on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function searchableText(entry: Entry): string {
  // Tags are stored with `-` for spaces; the spaced form lets `code quality` match `code-quality`.
  const tags = entry.tags.flatMap((tag) => [tag, tag.replace(/-/g, ' ')]);
  return [entry.title, entry.impact ?? '', entry.details ?? '', ...tags].join('\n');
}

/** Lower case with every run of white space as one space: what keywords are looked for in. */
function searchForm(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

const NON_WORD = /[^\p{L}\p{N}_]+/u;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function isWordCharacter(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHARACTER.test(text[index]);
}

/**
 * How many code units the word character at `index` takes (1, or 2 for a surrogate pair), or 0
 * when there is none: letters, digits and `_` in full Unicode, judged per code point exactly as
 * NON_WORD splits text, so a lone surrogate is not a word character.
 */
export function wordCharacterLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return WORD_CHARACTER.test(text.slice(index, index + 2)) ? 2 : 0;
  }
  return WORD_CHARACTER.test(text[index]) ? 1 : 0;
}

/** One node of the keyword trie, keyed by UTF-16 code unit of the search form. */
interface TrieNode {
  /** Children by ASCII code unit (the common case, an array index), then by any other. */
  readonly ascii: (TrieNode | undefined)[];
  readonly next: Map<number, TrieNode>;
  /** Criteria (and the keyword's place in their list) for which the word ending here is a keyword. */
  hits?: { criterion: number; order: number }[];
  /** Phrases with the word ending here, each with the bit that stands for the word in the phrase's `words`. */
  phraseWords?: { phrase: number; bit: number }[];
}

/**
 * For each criterion, the first of its keywords (in their order) found in a text as a whole
 * word or phrase, in any case and with any white space between a phrase's words. One-word
 * keywords are found word by word in one trie for all criteria, walking the entry's fields in
 * place, so the cost grows with the text, not with the number of keywords, and no text is
 * joined, lower-cased or split for an entry written in ASCII. A phrase is looked for (with
 * indexOf and a boundary check, in the entry's search form) only when each of its words is in the
 * text as a whole word, which every match of the phrase implies.
 * Writes the keyword's place in its criterion's list into `best` (Infinity for none).
 *
 * Why a trie and not the plain way (join the fields, lower-case, split into words, look each up):
 * with the plain way a packet over the bench's 10,000 entries took 264 ms, over its 250 ms target;
 * with this one 212 ms (one bench run each on the 2-core CI machine).
 */
function keywordIndex(criteria: readonly Criterion[]): (entry: Entry, best: number[]) => void {
  const newNode = (): TrieNode => ({ ascii: new Array<TrieNode | undefined>(0x80).fill(undefined), next: new Map() });
  const root = newNode();
  const nodeFor = (word: string): TrieNode => {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = code < 0x80 ? node.ascii[code] : node.next.get(code);
      if (!child) {
        child = newNode();
        if (code < 0x80) node.ascii[code] = child;
        else node.next.set(code, child);
      }
      node = child;
    }
    return node;
  };
  const phrases: { criterion: number; order: number; needle: string; words: number }[] = [];
  criteria.forEach((criterion, c) => {
    criterion.keywords.forEach((keyword, order) => {
      const needle = searchForm(keyword.trim());
      const parts = needle.split(NON_WORD).filter(Boolean);
      if (parts.length === 0) return;
      const node = nodeFor(parts[0]);
      if (parts.length === 1 && parts[0] === needle) {
        (node.hits ??= []).push({ criterion: c, order });
      } else {
        // One bit per distinct word; past 31 words a phrase needs only its first 31 seen.
        const distinct = [...new Set(parts)].slice(0, 31);
        distinct.forEach((part, k) => (nodeFor(part).phraseWords ??= []).push({ phrase: phrases.length, bit: 1 << k }));
        phrases.push({ criterion: c, order, needle, words: distinct.length === 31 ? 0x7fffffff : (1 << distinct.length) - 1 });
      }
    });
  });
  // The words of each phrase seen so far in the entry, as bits.
  const seen = new Uint32Array(phrases.length);
  let anyCandidate = false;
  let best: number[] = [];

  const reached = (node: TrieNode) => {
    if (node.hits) for (const hit of node.hits) if (hit.order < best[hit.criterion]) best[hit.criterion] = hit.order;
    if (node.phraseWords) {
      for (const { phrase, bit } of node.phraseWords) seen[phrase] |= bit;
      anyCandidate = true;
    }
  };

  // Lower-cases as it goes, which is exact only for ASCII; returns false at the first other
  // code unit, leaving that field to `scanLowered`.
  const scanAscii = (text: string): boolean => {
    let node: TrieNode | undefined = root;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0x80) return false;
      if (code >= 65 && code <= 90) code += 32;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95) {
        if (node) node = node.ascii[code];
      } else {
        if (node && node !== root) reached(node);
        node = root;
      }
    }
    if (node && node !== root) reached(node);
    return true;
  };

  const scanLowered = (lower: string) => {
    let node: TrieNode | undefined = root;
    for (let i = 0; i < lower.length; ) {
      const code = lower.charCodeAt(i);
      // A phrase's boundary check looks at single code units, so next to a surrogate pair it can
      // match where the first word is not a whole word; such text gets every phrase tried.
      if (code >= 0xd800 && code <= 0xdfff && phrases.length > 0) {
        for (let p = 0; p < phrases.length; p++) seen[p] = phrases[p].words;
        anyCandidate = true;
      }
      const size = wordCharacterLength(lower, i);
      if (size === 0) {
        if (node && node !== root) reached(node);
        node = root;
        i++;
        continue;
      }
      for (let k = 0; k < size && node; k++) {
        const unit = lower.charCodeAt(i + k);
        node = unit < 0x80 ? node.ascii[unit] : node.next.get(unit);
      }
      i += size;
    }
    if (node && node !== root) reached(node);
  };

  // Fields are lower-cased one by one: `\n` between them in the joined text is neither cased nor
  // case-ignorable, so even context-dependent mappings (final sigma) come out the same.
  const scan = (field: string) => {
    // An ASCII prefix already reached its words; reaching them again changes nothing.
    if (!scanAscii(field)) scanLowered(field.toLowerCase());
  };

  return (entry, out) => {
    best = out;
    best.fill(Infinity);
    anyCandidate = false;
    scan(entry.title);
    if (entry.impact !== undefined) scan(entry.impact);
    if (entry.details !== undefined) scan(entry.details);
    // A tag's spaced form (`code quality` for `code-quality`) has the same words as the tag.
    for (const tag of entry.tags) scan(tag);
    if (!anyCandidate) return;
    // Phrases are rare in text; white space is folded only for entries that may hold one.
    let text: string | undefined;
    for (let p = 0; p < phrases.length; p++) {
      const found = seen[p];
      if (found === 0) continue;
      seen[p] = 0;
      const phrase = phrases[p];
      if (found !== phrase.words) continue;
      if (phrase.order >= best[phrase.criterion]) continue;
      text ??= searchForm(searchableText(entry));
      for (let at = text.indexOf(phrase.needle); at !== -1; at = text.indexOf(phrase.needle, at + 1)) {
        if (!isWordCharacter(text, at - 1) && !isWordCharacter(text, at + phrase.needle.length)) {
          best[phrase.criterion] = phrase.order;
          break;
        }
      }
    }
  };
}

/** The ids an entry lists under `competencies` that no level of the ladder defines (likely typos). */
export function unknownCompetencies(entry: Entry, ladder: Ladder): string[] {
  const known = new Set(ladder.levels.flatMap((level) => level.criteria.map((c) => c.id.toLowerCase())));
  return entry.competencies.filter((id) => !known.has(id.trim().toLowerCase()));
}
