import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ENTRY_KEYS, ENTRY_TYPES, isValidDate, MOVE_DIRECTIONS } from '../../src/core/model/entry';
import { parseEntryFile } from '../../src/core/readers/yamlCodec';

const ROOT = path.resolve(__dirname, '../../..');

interface PropertySchema {
  type?: string | string[];
  enum?: string[];
  pattern?: string;
  description?: string;
  items?: { type: string };
}

interface EntrySchema {
  required: string[];
  properties: Record<string, PropertySchema>;
}

function loadSchema(): { entry: EntrySchema; root: { properties: Record<string, PropertySchema> } } {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/entries.schema.json'), 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  return { entry: schema.definitions.entry, root: schema };
}

/** The few checks of JSON Schema the entry schema uses, enough to run it over the fixtures. */
function schemaErrors(entry: EntrySchema, value: Record<string, unknown>): string[] {
  const errors = entry.required.filter((key) => !(key in value)).map((key) => `missing ${key}`);
  for (const [key, rule] of Object.entries(entry.properties)) {
    if (!(key in value)) continue;
    const v = value[key];
    if (rule.type === 'string' && typeof v !== 'string') errors.push(`${key} is not a string`);
    if (rule.type === 'boolean' && typeof v !== 'boolean') errors.push(`${key} is not a boolean`);
    if (rule.enum && !rule.enum.includes(v as string)) errors.push(`${key} not in enum`);
    if (rule.pattern && !new RegExp(rule.pattern).test(String(v))) errors.push(`${key} does not match`);
    if (rule.type === 'array' && (!Array.isArray(v) || v.some((i) => typeof i !== 'string'))) errors.push(`${key} is not a list of strings`);
  }
  return errors;
}

describe('entries.schema.json', () => {
  const { entry, root } = loadSchema();

  it('lists exactly the keys the model reads, each with a description', () => {
    assert.deepEqual(Object.keys(entry.properties).sort(), [...ENTRY_KEYS].sort());
    for (const [key, rule] of Object.entries(entry.properties)) assert.ok(rule.description && rule.description.length > 20, key);
    assert.ok(root.properties.entries.description);
  });

  it('requires date and title, like the validator', () => {
    assert.deepEqual(entry.required, ['date', 'title']);
    assert.deepEqual(parseEntryFile('entries:\n  - date: 2026-01-01\n', 'f').entries, []);
    assert.deepEqual(parseEntryFile('entries:\n  - title: x\n', 'f').entries, []);
  });

  it('has the entry types and move directions of the model', () => {
    assert.deepEqual(entry.properties.type.enum, [...ENTRY_TYPES]);
    assert.deepEqual(entry.properties.direction.enum, [...MOVE_DIRECTIONS]);
  });

  it('has a date pattern that agrees with the validator on real and impossible dates', () => {
    const pattern = new RegExp(entry.properties.date.pattern ?? '');
    for (const date of ['2026-11-20', '2024-02-29', '2026-12-31']) assert.ok(pattern.test(date) && isValidDate(date), date);
    for (const date of ['2026-13-01', '2026-00-10', '26-01-01', 'next tuesday', '2026-1-1']) assert.ok(!pattern.test(date) && !isValidDate(date), date);
  });

  it('accepts every entry of the valid fixtures, private entries and STAR parts included', () => {
    const privateOnes: unknown[] = [];
    for (const dir of [path.join(ROOT, 'test/fixtures/logs/valid'), path.join(ROOT, 'test/fixtures/export/brag')]) {
      for (const name of fs.readdirSync(dir).filter((n) => n !== 'ladder.yaml')) {
        const doc = parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { entries: Record<string, unknown>[] };
        for (const item of doc.entries) assert.deepEqual(schemaErrors(entry, item), [], `${name}: ${JSON.stringify(item)}`);
        privateOnes.push(...doc.entries.filter((item) => item.private === true));
      }
    }
    assert.ok(privateOnes.length > 0, 'the fixtures hold private entries');
    assert.deepEqual(schemaErrors(entry, { date: '2026-01-01', title: 'A', private: 'yes' }), ['private is not a boolean']);
  });

  it('has a followUp pattern that agrees with the validator on the form of a date', () => {
    const pattern = new RegExp(entry.properties.followUp.pattern ?? '');
    for (const date of ['2026-11-20', '2024-02-29']) assert.ok(pattern.test(date) && parseEntryFile(`entries:\n  - date: 2026-01-01\n    title: A\n    followUp: ${date}\n`, 'f').entries[0].followUp === date, date);
    for (const date of ['2026-13-01', 'in two weeks', '2026-1-1']) assert.ok(!pattern.test(date) && parseEntryFile(`entries:\n  - date: 2026-01-01\n    title: A\n    followUp: ${date}\n`, 'f').entries[0].followUp === undefined, date);
  });
});
