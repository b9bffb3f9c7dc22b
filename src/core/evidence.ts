// Which entries support which criteria. An entry is explicit evidence for the criteria it names
// under `competencies`; other links are only suggestions (by entry type or by keyword), always
// shown as such, because the user did not make them.
import type { Entry, EntryType } from './entry';
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
  const id = criterion.id.toLowerCase();
  return entry.competencies.some((c) => c.trim().toLowerCase() === id);
}

/**
 * Builds a suggester for one set of criteria, compiling keyword patterns once so the tree and
 * the packet can run it over thousands of entries.
 */
export function createSuggester(criteria: readonly Criterion[]): (entry: Entry) => Suggestion[] {
  const matchers = criteria.map((criterion) => ({ criterion, match: keywordMatcher(criterion.keywords) }));
  const byType = new Map<EntryType, Criterion | undefined>();
  return (entry) => {
    if (!byType.has(entry.type)) byType.set(entry.type, criterionForType(entry.type, criteria));
    const typeCriterion = byType.get(entry.type);
    const text = searchableText(entry);
    const suggestions: Suggestion[] = [];
    for (const { criterion, match } of matchers) {
      if (namesCriterion(entry, criterion)) continue;
      if (criterion === typeCriterion) {
        suggestions.push({ criterionId: criterion.id, reason: { kind: 'type', type: entry.type } });
        continue;
      }
      const keyword = match(text);
      if (keyword !== undefined) suggestions.push({ criterionId: criterion.id, reason: { kind: 'keyword', keyword } });
    }
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
  for (const entry of entries) {
    for (const criterion of level.criteria) {
      if (namesCriterion(entry, criterion)) explicit.get(criterion)?.push(entry);
    }
    for (const suggestion of suggest(entry)) {
      const criterion = level.criteria.find((c) => c.id === suggestion.criterionId);
      if (!criterion) continue;
      suggested.get(criterion)?.push(entry);
      reasons.get(criterion)?.set(entry, suggestion.reason);
    }
  }
  return level.criteria.map((criterion) => {
    const confirmed = [...(explicit.get(criterion) ?? [])].sort(byStrength);
    const guessed = [...(suggested.get(criterion) ?? [])].sort(byStrength);
    const count = confirmed.length + guessed.length;
    const status: EvidenceStatus = count === 0 ? 'missing' : count < MIN_EVIDENCE ? 'thin' : confirmed.length === 0 ? 'unconfirmed' : 'supported';
    return {
      criterion,
      explicit: confirmed,
      suggested: guessed,
      reasons: reasons.get(criterion) ?? new Map(),
      isGap: count < MIN_EVIDENCE,
      status,
    };
  });
}

/** Entries with a stated impact first (they make the case), then newest first; ties by id. */
export function byStrength(a: Entry, b: Entry): number {
  const impact = Number(Boolean(b.impact?.trim())) - Number(Boolean(a.impact?.trim()));
  if (impact !== 0) return impact;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  // Not by file: the CLI keys files by path and VS Code by URI, and both must order alike.
  return compareText(a.id, b.id) || compareText(a.title, b.title);
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

/** Returns the first of `keywords` (in their order) found as a whole word, case-insensitively. */
function keywordMatcher(keywords: readonly string[]): (text: string) => string | undefined {
  if (keywords.length === 0) return () => undefined;
  const source = (keyword: string) =>
    keyword
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
  const whole = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'iu');
  const any = whole(keywords.map(source).join('|'));
  const each = keywords.map((keyword) => ({ keyword, pattern: whole(source(keyword)) }));
  return (text) => {
    if (!any.test(text)) return undefined;
    return each.find(({ pattern }) => pattern.test(text))?.keyword;
  };
}

/** The ids an entry lists under `competencies` that no level of the ladder defines (likely typos). */
export function unknownCompetencies(entry: Entry, ladder: Ladder): string[] {
  const known = new Set(ladder.levels.flatMap((level) => level.criteria.map((c) => c.id.toLowerCase())));
  return entry.competencies.filter((id) => !known.has(id.trim().toLowerCase()));
}
