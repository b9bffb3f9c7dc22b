import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { measureSuggestions, type SuggestionVerdict } from '../../../../src/core/ladders/suggestionMeasure';
import type { Entry } from '../../../../src/core/model/entry';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import type { Criterion } from '../../../../src/core/packet/ladder';
import { readEntryFile } from '../../../../src/core/readers/yamlCodec';

const root = path.resolve(__dirname, '../../../../..');
const LOGS = ['sample/brag', 'test/fixtures/workspace/brag', 'test/fixtures/packet/default/brag', 'test/fixtures/packet/custom/brag', 'test/fixtures/logs/valid'];

function entriesOf(folder: string): Entry[] {
  const dir = path.join(root, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && name !== 'ladder.yaml')
    .sort()
    .flatMap((name) => readEntryFile(fs.readFileSync(path.join(dir, name), 'utf8'), path.join(dir, name)).entries);
}

const entries = LOGS.flatMap(entriesOf);
const verdicts = parse(fs.readFileSync(path.join(root, 'test/fixtures/ladders/suggestion-verdicts.yaml'), 'utf8')) as SuggestionVerdict[];
const staff = () => defaultLadder().levels.find((level) => level.id === 'L4')!.criteria;

function withKeywords(criteria: readonly Criterion[], keywords: Record<string, string[]>): Criterion[] {
  return criteria.map((c) => ({ ...c, keywords: keywords[c.id] ?? [] }));
}

describe('Suggestion measure', () => {
  it('judges every suggestion the built-in ladder makes for the sample and fixture logs, and most are right', () => {
    const measure = measureSuggestions(entries, staff(), verdicts);
    assert.deepEqual(measure.unjudged.map((s) => `${s.entry} → ${s.criterion} (${s.reason})`), [], 'add a verdict for each new suggestion');
    // Figures for the README: after the keyword review.
    assert.equal(`${measure.accepted} of ${measure.accepted + measure.rejected}`, '22 of 27');
    assert.ok(measure.precision >= 0.8, `precision ${measure.precision}`);
    const keywords = measure.suggestions.filter((s) => s.kind === 'keyword');
    assert.equal(`${keywords.filter((s) => s.verdict === 'accept').length} of ${keywords.length}`, '10 of 12');
    assert.ok(measure.keywordPrecision >= 0.8, `keyword precision ${measure.keywordPrecision}`);
  });

  it('measured the keywords before the review at fewer than three suggestions in five (keywords alone: 11 of 25)', () => {
    const before = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/ladders/keywords-before.json'), 'utf8')) as Record<string, string[]>;
    const measure = measureSuggestions(entries, withKeywords(staff(), before), verdicts);
    assert.deepEqual(measure.unjudged, []);
    assert.equal(`${measure.accepted} of ${measure.accepted + measure.rejected}`, '23 of 40');
    const keywords = measure.suggestions.filter((s) => s.kind === 'keyword');
    assert.equal(`${keywords.filter((s) => s.verdict === 'accept').length} of ${keywords.length}`, '11 of 25');
  });

  it('no longer suggests the mistakes a new user saw', () => {
    const measure = measureSuggestions(entries, staff(), verdicts);
    const made = (entry: string, criterion: string) => measure.suggestions.some((s) => s.entry.endsWith(entry) && s.criterion === criterion);
    assert.equal(made('Moved from the payments team to the platform team', 'technical-scope'), false);
    assert.equal(made('Finished the Rust for systems engineers course', 'technical-scope'), false);
    assert.equal(made('Mentored Ana through her first on-call rotation', 'execution'), false);
  });

  it('counts an entry kept in several logs once, and a suggestion without a verdict as unjudged', () => {
    const [one] = entries;
    const measure = measureSuggestions([one, { ...one }], staff(), []);
    assert.ok(measure.suggestions.length > 0);
    assert.equal(measure.unjudged.length, measure.suggestions.length);
    assert.equal(measure.precision, 0);
    assert.equal(new Set(measure.suggestions.map((s) => `${s.entry}/${s.criterion}`)).size, measure.suggestions.length);
  });
});
