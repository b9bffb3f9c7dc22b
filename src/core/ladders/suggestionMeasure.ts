// How often a suggestion is right: the suggestions a ladder's criteria make for a set of entries,
// scored against a careful reader's verdicts. Keywords are tuned with it, so a change that makes
// more suggestions must also say whether a person would accept them.
import type { Entry } from '../model/entry';
import { describeReason, suggestionsFor } from '../packet/evidence';
import type { Criterion } from '../packet/ladder';

export type Verdict = 'accept' | 'reject';

export interface SuggestionVerdict {
  /** `2026-11-20 Led the billing service migration`: the entry's date and title. */
  readonly entry: string;
  readonly criterion: string;
  readonly verdict: Verdict;
}

export interface MeasuredSuggestion {
  readonly entry: string;
  readonly criterion: string;
  /** `keyword “led”` or `type mentoring`. */
  readonly reason: string;
  readonly kind: 'keyword' | 'type';
  readonly verdict?: Verdict;
}

export interface SuggestionMeasure {
  readonly suggestions: readonly MeasuredSuggestion[];
  readonly accepted: number;
  readonly rejected: number;
  /** Suggestions nobody judged yet: a measure with any is incomplete. */
  readonly unjudged: readonly MeasuredSuggestion[];
  /** Accepted of judged, 0 to 1; keyword suggestions alone in `keywordPrecision`. */
  readonly precision: number;
  readonly keywordPrecision: number;
}

export function entryKey(entry: Pick<Entry, 'date' | 'title'>): string {
  return `${entry.date} ${entry.title}`;
}

/** Every suggestion for the entries (each entry once, by date and title), with its verdict. */
export function measureSuggestions(entries: readonly Entry[], criteria: readonly Criterion[], verdicts: readonly SuggestionVerdict[]): SuggestionMeasure {
  const judged = new Map(verdicts.map((v) => [`${v.entry}\n${v.criterion}`, v.verdict]));
  const seen = new Set<string>();
  const suggestions: MeasuredSuggestion[] = [];
  for (const entry of entries) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const s of suggestionsFor(entry, criteria)) {
      suggestions.push({ entry: key, criterion: s.criterionId, reason: describeReason(s.reason), kind: s.reason.kind, verdict: judged.get(`${key}\n${s.criterionId}`) });
    }
  }
  const ratio = (list: readonly MeasuredSuggestion[]) => {
    const done = list.filter((s) => s.verdict !== undefined);
    return done.length === 0 ? 0 : done.filter((s) => s.verdict === 'accept').length / done.length;
  };
  return {
    suggestions,
    accepted: suggestions.filter((s) => s.verdict === 'accept').length,
    rejected: suggestions.filter((s) => s.verdict === 'reject').length,
    unjudged: suggestions.filter((s) => s.verdict === undefined),
    precision: ratio(suggestions),
    keywordPrecision: ratio(suggestions.filter((s) => s.kind === 'keyword')),
  };
}
