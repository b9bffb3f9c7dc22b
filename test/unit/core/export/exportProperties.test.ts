// Whatever text an entry holds, every format keeps it text: generated titles, impacts, details,
// tags and links made of the characters each format treats specially.
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { CSV_COLUMNS } from '../../../../src/core/export/csvExport';
import { EXPORT_FORMATS } from '../../../../src/core/export/exportFormats';
import type { ExportInput } from '../../../../src/core/export/exportSelection';
import type { Entry } from '../../../../src/core/model/entry';
import { customPeriod } from '../../../../src/core/packet/period';
import { anEntry } from '../packet/packetBuilders';

const special = fc.constantFrom('<', '>', '&', '"', "'", '`', '[', ']', '(', ')', '\\', '*', '_', '#', '=', '+', '-', '@', ',', ';', '\n', '\r\n', '\t', ' ', 'javascript:', 'script', 'img onerror=x', '|', '~', '$', '!', ':', 'é', '🙂');
const text = fc.array(fc.oneof(special, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const title = text.filter((t) => t.trim() !== '');

const entryArb = fc.record({ title, impact: fc.option(text, { nil: undefined }), details: fc.option(text, { nil: undefined }), tag: fc.option(text.filter((t) => t.trim() !== ''), { nil: undefined }), link: fc.option(text, { nil: undefined }), action: fc.option(text, { nil: undefined }) });

function inputOf(generated: readonly (typeof entryArb extends fc.Arbitrary<infer T> ? T : never)[]): ExportInput {
  const entries: Entry[] = generated.map((g, i) =>
    anEntry({ id: `e-${i}`, date: '2026-03-01', title: g.title, impact: g.impact, details: g.details, tags: g.tag ? [g.tag] : [], links: g.link ? [g.link] : [], action: g.action, range: { start: { line: i * 5, column: 4 }, end: { line: i * 5 + 4, column: 0 } } }),
  );
  return { period: customPeriod('2026-01-01', '2026-12-31'), entries, today: '2026-12-01', fileLabel: () => 'log.yaml' };
}

const render = (id: string, input: ExportInput) => (EXPORT_FORMATS.find((f) => f.id === id) as (typeof EXPORT_FORMATS)[number]).render(input);

const HTML_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'section', 'article', 'strong', 'em', 'ul', 'li', 'a']);

describe('export formats keep any text inert', () => {
  it('HTML: only the page’s own elements, links only to web and mail addresses', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 4 }), (generated) => {
        const html = render('html', inputOf(generated));
        for (const match of html.matchAll(/<\/?([^\s>/]+)/g)) assert.ok(HTML_TAGS.has(match[1].toLowerCase()), `an element from the log: ${match[0]}`);
        for (const match of html.matchAll(/href="([^"]*)"/g)) assert.match(match[1], /^(https?:\/\/|mailto:)/i);
        assert.ok(!/<[^>]*\son\w+=/i.test(html), 'no event handler attribute');
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown and STAR: no raw HTML and no link but the links the entry lists as web addresses', () => {
    fc.assert(
      fc.property(fc.array(entryArb.map((e) => ({ ...e, link: undefined })), { minLength: 1, maxLength: 4 }), (generated) => {
        for (const id of ['md', 'star']) {
          const markdown = render(id, inputOf(generated));
          assert.ok(!/(?<!\\)(?:\\\\)*<[a-zA-Z/!?]/.test(markdown), `${id}: raw HTML`);
          assert.ok(!/(?<!\\)(?:\\\\)*\]\(/.test(markdown), `${id}: a link`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: read back by a CSV parser, every cell is the entry’s text, with formulas neutralized', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 4 }), (generated) => {
        const input = inputOf(generated);
        const records = parseCsv(render('csv', input), { bom: true }) as string[][];
        assert.equal(records.length, input.entries.length + 1);
        records.slice(1).forEach((record, i) => {
          const entry = input.entries[i];
          for (const cell of record) assert.ok(!/^[=+\-@\t\r]/.test(cell), `a formula: ${JSON.stringify(cell)}`);
          const cell = (column: string) => record[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])].replace(/^'(?='*[=+\-@\t\r])/, '');
          assert.equal(cell('title'), entry.title);
          assert.equal(cell('impact'), entry.impact ?? '');
          assert.equal(cell('details'), entry.details ?? '');
          assert.equal(cell('action'), entry.action ?? '');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('JSON: parses back to the same texts', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 4 }), (generated) => {
        const input = inputOf(generated);
        const json = JSON.parse(render('json', input)) as { entries: { title: string; impact?: string; details?: string; links: string[] }[] };
        assert.deepEqual(
          json.entries.map((e) => [e.title, e.impact, e.details, e.links]),
          input.entries.map((e) => [e.title, e.impact, e.details, e.links]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
