// Every export format over a realistic log (private entries, STAR keys, custom keys, and titles
// that try to be code in each format), against golden files; then each read back as its reader
// would: the CSV by a real CSV parser, the JSON by its schema and by an import into an empty log.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { addEntry } from '../../../../src/core/edits/entryEdits';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR } from '../../../../src/core/export/csvExport';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from '../../../../src/core/export/exportFormats';
import { selectForExport, type ExportInput } from '../../../../src/core/export/exportSelection';
import { readJsonExport } from '../../../../src/core/export/jsonExport';
import type { Entry } from '../../../../src/core/model/entry';
import { lastMonths } from '../../../../src/core/packet/period';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';
import { EntryStore } from '../../../../src/core/store/store';
import { nodeFolderAccess } from '../../../../src/node/nodeFolderAccess';

// Compiled tests run from out/test/unit/core/export; the fixtures stay in the source tree.
const root = path.resolve(__dirname, '../../../../..');
const fixture = path.join(root, 'test/fixtures/export');
const dir = path.join(fixture, 'brag');
const TODAY = '2026-11-26';
const STAR_PICKS = ['2026-02-11-ledger-design', '2026-11-03-click-me-javascript-alert-1-then', '2026-10-14-partnered-with-finance-on-the-reconciliation'];

async function loadEntries(): Promise<readonly Entry[]> {
  const store = new EntryStore(nodeFolderAccess(dir));
  await store.loadAll();
  assert.deepEqual(store.problems, [], 'the fixture log is valid');
  return store.entries;
}

async function exportInput(format: ExportFormat, includePrivate = false): Promise<ExportInput> {
  const all = await loadEntries();
  const period = lastMonths(TODAY, 12);
  const { entries } = selectForExport(all, { period, includePrivate });
  const picked = format.picksEntries ? entries.filter((e) => STAR_PICKS.includes(e.id)) : entries;
  return { period, includePrivate, entries: picked, today: TODAY, fileLabel: (file) => path.relative(dir, file) };
}

async function render(id: string, includePrivate = false): Promise<string> {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  assert.ok(format);
  return format.render(await exportInput(format, includePrivate));
}

const HOSTILE_TITLES = ["<script>alert('brag')</script> fixed the XSS in the admin panel", '[Click me](javascript:alert(1)), then -2+3 and @everyone'];

describe('export formats', () => {
  for (const format of EXPORT_FORMATS) {
    it(`writes the expected ${format.label} for the fixture log, byte for byte (UPDATE_GOLDEN=1 rewrites it)`, async () => {
      const text = format.render(await exportInput(format));
      const golden = path.join(fixture, 'expected', exportFileName(format, TODAY));
      if (process.env.UPDATE_GOLDEN === '1') {
        await fs.mkdir(path.dirname(golden), { recursive: true });
        await fs.writeFile(golden, text, 'utf8');
      }
      assert.equal(text, await fs.readFile(golden, 'utf8'));
    });
  }

  it('the selection holds the period, newest first, whatever order the entries arrive in', async () => {
    const all = await loadEntries();
    const period = lastMonths(TODAY, 12);
    const forward = selectForExport(all, { period });
    const backward = selectForExport([...all].reverse(), { period });
    assert.deepEqual(backward, forward);
    assert.ok(forward.entries.every((e, i, list) => i === 0 || list[i - 1].date >= e.date));
    assert.ok(forward.entries.every((e) => e.date >= '2025-11-27' && e.date <= TODAY));
    assert.deepEqual(selectForExport(all, { period, tag: 'On Call' }).entries.map((e) => e.title), ['Partnered with Finance on the reconciliation roadmap', 'Mentored Priya through her first on-call rotation']);
  });

  it('leaves private entries out of every format by default, counts them, and includes them when asked', async () => {
    const all = await loadEntries();
    const privateTitles = all.filter((e) => e.private).map((e) => e.title);
    assert.equal(privateTitles.length, 2);
    assert.equal(selectForExport(all, { period: lastMonths(TODAY, 12) }).privateLeftOut, 2);
    for (const format of EXPORT_FORMATS.filter((f) => !f.picksEntries)) {
      const text = await render(format.id);
      for (const title of privateTitles) assert.ok(!text.includes(title), `${format.id} holds ${title}`);
      assert.ok(!text.includes('15% raise'), format.id);
      const included = await render(format.id, true);
      for (const title of privateTitles) assert.ok(included.includes(title), `${format.id} with private entries lacks ${title}`);
    }
  });

  it('keeps hostile titles, impacts, links and details inert in every format', async () => {
    const md = await render('md');
    const star = await render('star');
    for (const text of [md, star]) {
      // Only escaped (`\]`, `\<`), which Markdown shows as the characters.
      assert.ok(!/(?<!\\)\]\(javascript:/i.test(text), 'no Markdown link to javascript:');
      assert.ok(!/(?<!\\)<(script|img)/i.test(text), 'no raw HTML');
      assert.ok(!/^#+ Not a heading/m.test(text), 'details cannot add a heading');
    }
    assert.match(md, /### \\<script\\>alert\('brag'\)\\<\/script\\> fixed the XSS in the admin panel/);
    assert.match(md, /^- javascript:alert\(1\)$/m, 'a javascript: link is shown as text');

    const html = await render('html');
    assert.ok(!/<script/i.test(html) && !/<img/i.test(html), 'no element from the log');
    assert.ok(!/href="(?!https?:|mailto:)/i.test(html), 'only web and mail links');
    assert.ok(!/<[a-z][^>]*\ssrc=/i.test(html), 'no element loads anything');
    assert.ok(!/@import|url\(/i.test(/<style>[^]*<\/style>/.exec(html)?.[0] ?? ''), 'the style loads nothing');
    assert.match(html, /<h3>&#60;script&#62;alert\(&#39;brag&#39;\)&#60;\/script&#62; fixed the XSS in the admin panel<\/h3>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);

    const rows = parseCsv(await render('csv'), { bom: true, columns: true }) as Record<string, string>[];
    for (const row of rows) for (const cell of Object.values(row)) assert.ok(!/^[=+\-@\t\r]/.test(cell), `a formula cell: ${cell}`);
    const hostile = rows.find((row) => row.title.includes('Click me'));
    assert.equal(hostile?.title, "'[Click me](javascript:alert(1)), then -2+3 and @everyone".slice(1));
    assert.equal(rows.find((row) => row.title.startsWith('<script>'))?.impact, `'=HYPERLINK("https://evil.example", "click")`);
    assert.equal(hostile?.situation, "'=1+1");

    const json = JSON.parse(await render('json')) as { entries: { title: string }[] };
    for (const title of HOSTILE_TITLES) assert.ok(json.entries.some((e) => e.title === title), title);
  });

  it('the CSV read back by a CSV parser gives every entry and field of the export', async () => {
    const input = await exportInput(EXPORT_FORMATS.find((f) => f.id === 'csv') as ExportFormat);
    const text = await render('csv');
    assert.ok(text.split('\r\n').length > input.entries.length, 'records end with CRLF');
    const records = parseCsv(text, { bom: true }) as string[][];
    assert.deepEqual(records[0], [...CSV_COLUMNS]);
    const unneutralize = (cell: string) => (/^''*[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    const list = (cell: string) => (cell === '' ? [] : cell.split(CSV_LIST_SEPARATOR));
    const read = records.slice(1).map((record) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, unneutralize(record[i])])));
    assert.equal(read.length, input.entries.length);
    read.forEach((row, i) => {
      const entry = input.entries[i];
      assert.deepEqual(
        [row.id, row.date, row.title, row.type, row.direction, row.private, row.impact, list(row.tags), list(row.competencies), list(row.links), row.details, row.situation, row.task, row.action, row.result, row.file, Number(row.line)],
        [entry.id, entry.date, entry.title, entry.type, entry.direction ?? '', String(entry.private), entry.impact ?? '', entry.tags, entry.competencies, entry.links, entry.details ?? '', entry.situation ?? '', entry.task ?? '', entry.action ?? '', entry.result ?? '', path.relative(dir, entry.file), entry.range.start.line + 1],
      );
    });
  });

  it('the JSON is valid against schemas/export.schema.json, and imported into an empty log gives the same entries', async () => {
    const schema = JSON.parse(await fs.readFile(path.join(root, 'schemas/export.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    for (const includePrivate of [false, true]) {
      const text = await render('json', includePrivate);
      assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
      const exported = (await exportInput(EXPORT_FORMATS.find((f) => f.id === 'json') as ExportFormat, includePrivate)).entries;
      let log: string | undefined;
      const taken = new Set<string>();
      for (const entry of readJsonExport(text, 'export.json')) {
        const added = addEntry(log, entry, taken);
        log = added.text;
        taken.add(added.id);
      }
      const parsed = parseEntryFile(log ?? '', 'imported.yaml');
      assert.deepEqual(parsed.problems, []);
      const comparable = (e: Entry) => ({ ...e, file: undefined, range: undefined, idRange: undefined, levelRange: undefined, idGenerated: undefined });
      assert.deepEqual(parsed.entries.map(comparable), exported.map(comparable));
    }
    const invalid = JSON.parse(await render('json')) as { entries: Record<string, unknown>[] };
    invalid.entries[0].private = 'yes';
    assert.ok(!validate(invalid), 'the schema refuses a private that is not a boolean');
  });
});
