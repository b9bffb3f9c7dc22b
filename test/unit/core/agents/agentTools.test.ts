import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeNewEntry, entryToAdd, runTool } from '../../../../src/core/agents/agentTools';
import { TOOLS } from '../../../../src/core/agents/toolCatalog';
import { folderAgentLog } from '../../../../src/node/folderLog';
import { runPacketCommand } from '../../../../src/node/packetCommand';
import { item, logFile, snapshot, tempFolder } from '../../helpers/logText';

const TODAY = '2026-11-26';

const LADDER = `name: Acme ladder
current: E4
target: E5
levels:
  - id: E4
    title: Senior Engineer
  - id: E5
    title: Staff Engineer
    criteria:
      - id: architecture
        title: Architecture
        description: Designs systems that span several services.
        keywords: [migration, design]
      - id: delivery
        title: Delivery
        description: Ships multi-quarter projects on time.
      - id: mentoring
        title: Mentoring
        description: Grows other engineers.
`;

const LOG_2026 = logFile(
  item('id: 2026-11-20-billing', 'date: 2026-11-20', 'title: Led the billing migration to Postgres 16', 'impact: p99 latency down 40%', 'tags: [infra, leadership]', 'competencies: [architecture]'),
  '  # private notes stay out of what agents see\n',
  item('id: 2026-10-02-salary', 'date: 2026-10-02', 'title: Negotiated the retention bonus', 'type: recognition', 'private: true'),
  item('id: 2026-06-15-oncall', 'date: 2026-06-15', 'title: Took over the on-call rotation', 'type: responsibility', 'tags: [on-call]', 'competencies: [delivery, architecture]'),
  item('id: 2026-03-01-course', 'date: 2026-03-01', 'title: Finished the distributed systems course', 'type: learning'),
);
const LOG_2025 = logFile(item('id: 2025-05-05-talk', 'date: 2025-05-05', 'title: Gave a talk on the design of idempotency keys', 'type: network', 'tags: [infra]'));

async function call(dir: string, name: string, input: unknown): Promise<{ text: string; isError: boolean }> {
  return runTool(name, input, await folderAgentLog(dir, TODAY, dir));
}

describe('agent tools (core)', () => {
  let folder: { dir: string; remove(): void };
  beforeEach(() => (folder = tempFolder({ '2026.yaml': LOG_2026, '2025.yaml': LOG_2025, 'ladder.yaml': LADDER })));
  afterEach(() => folder.remove());

  describe('growthLog_findEntries', () => {
    it('lists every entry but the private one, newest first, one line each with its id', async () => {
      const { text, isError } = await call(folder.dir, 'growthLog_findEntries', {});
      assert.equal(isError, false);
      assert.equal(
        text,
        [
          '4 entries, newest first:',
          '- 2026-11-20 · project · Led the billing migration to Postgres 16 · impact: p99 latency down 40% · tags: infra, leadership · id: 2026-11-20-billing',
          '- 2026-06-15 · responsibility · Took over the on-call rotation · tags: on-call · id: 2026-06-15-oncall',
          '- 2026-03-01 · learning · Finished the distributed systems course · id: 2026-03-01-course',
          '- 2025-05-05 · network · Gave a talk on the design of idempotency keys · tags: infra · id: 2025-05-05-talk',
        ].join('\n'),
      );
    });

    it('shows a private entry only when the request asks for private entries, and marks it', async () => {
      const { text } = await call(folder.dir, 'growthLog_findEntries', { text: 'bonus', includePrivate: true });
      assert.equal(text, '1 entry containing “bonus”, newest first:\n- 2026-10-02 · recognition · Negotiated the retention bonus · private · id: 2026-10-02-salary');
      assert.equal((await call(folder.dir, 'growthLog_findEntries', { text: 'bonus' })).text, 'No entries containing “bonus”.');
    });

    it('combines words, tags, type and period', async () => {
      assert.match((await call(folder.dir, 'growthLog_findEntries', { tags: ['Infra'] })).text, /^2 entries tagged infra, newest first:\n- 2026-11-20 .*\n- 2025-05-05 /);
      assert.match((await call(folder.dir, 'growthLog_findEntries', { tags: ['infra'], period: 'this-year' })).text, /^1 entry tagged infra, in 2026 so far \(2026-01-01 to 2026-11-26\), newest first:\n- 2026-11-20 /);
      assert.match((await call(folder.dir, 'growthLog_findEntries', { type: 'learning' })).text, /^1 entry of type learning, .*\n- 2026-03-01 /);
      assert.match((await call(folder.dir, 'growthLog_findEntries', { text: 'POSTGRES billing', since: '2026-11-01' })).text, /^1 entry containing “POSTGRES billing”, in 2026-11-01 to 2026-11-26,/);
      assert.match((await call(folder.dir, 'growthLog_findEntries', { until: '2025-12-31' })).text, /^1 entry in up to 2025-12-31, newest first:\n- 2025-05-05 /);
    });

    it('lists at most `limit` entries and says how many more match', async () => {
      const { text } = await call(folder.dir, 'growthLog_findEntries', { limit: 1 });
      const lines = text.split('\n');
      assert.equal(lines.length, 3);
      assert.equal(lines[0], '4 entries, newest first:');
      assert.match(lines[1], /^- 2026-11-20 /);
      assert.equal(lines[2], '…and 3 more; narrow the search or raise limit to see them.');
    });

    it('says when errors in the log files may hide entries, with the place of the first', async () => {
      fs.writeFileSync(path.join(folder.dir, '2024.yaml'), logFile(item('date: 2024-02-30', 'title: A day that never was')));
      const { text } = await call(folder.dir, 'growthLog_findEntries', { type: 'network' });
      assert.match(text, /\n\nNote: the log files have an error, so some entries may be missing; the first is 2024\.yaml:3:11: error: .*February 2024 has 29 days/);
    });

    it('refuses input a model gets wrong, saying what to send instead', async () => {
      const cases: [unknown, RegExp][] = [
        [{ query: 'billing' }, /^growthLog_findEntries has no property `query`; its properties are text, tags, type, period, since, until, limit, includePrivate\.$/],
        [{ type: 'win' }, /^`win` is not an entry type; use one of project, skill, learning, /],
        [{ period: 'last-year' }, /^`last-year` is not a period; use one of last-12-months, /],
        [{ since: '2026-13-01' }, /^`since`: `2026-13-01` is not a calendar date: there is no month 13\.$/],
        [{ period: 'this-year', since: '2026-01-01' }, /^Give either a named period or since\/until dates, not both\.$/],
        [{ since: '2026-05-01', until: '2026-04-01' }, /^The period starts on 2026-05-01, after it ends on 2026-04-01\.$/],
        [{ limit: 0 }, /^`limit` must be a whole number from 1 to 200\.$/],
        [{ tags: [1, 2] }, /^`tags` must be a list of text/],
        [{ includePrivate: 'yes' }, /^`includePrivate` must be true or false, not the string "yes"\.$/],
        ['billing', /^The input of growthLog_findEntries must be an object/],
      ];
      for (const [input, message] of cases) {
        const result = await call(folder.dir, 'growthLog_findEntries', input);
        assert.equal(result.isError, true, JSON.stringify(input));
        assert.match(result.text, message);
      }
    });
  });

  describe('growthLog_addEntry', () => {
    it('adds the entry to its year’s file with every field, leaving the rest of the file as it was', async () => {
      const { text, isError } = await call(folder.dir, 'growthLog_addEntry', {
        title: 'Shipped the importer retry queue',
        date: '2026-11-25',
        type: 'project',
        impact: 'Import failures down from 3% to 0.1%',
        tags: ['Data Pipeline', 'infra'],
        competencies: ['Delivery'],
        details: 'Paired with Sam.\nSee the design doc.',
      });
      assert.equal(isError, false, text);
      assert.equal(text, 'Added “Shipped the importer retry queue” (2026-11-25) to 2026.yaml with the id 2026-11-25-shipped-the-importer-retry-queue.');
      const written = fs.readFileSync(path.join(folder.dir, '2026.yaml'), 'utf8');
      assert.ok(written.startsWith(LOG_2026), 'the entries and comments before it are unchanged');
      const log = await folderAgentLog(folder.dir, TODAY);
      const added = log.entries.find((e) => e.id === '2026-11-25-shipped-the-importer-retry-queue');
      assert.deepEqual(
        { title: added?.title, type: added?.type, impact: added?.impact, tags: added?.tags, competencies: added?.competencies, details: added?.details },
        { title: 'Shipped the importer retry queue', type: 'project', impact: 'Import failures down from 3% to 0.1%', tags: ['data-pipeline', 'infra'], competencies: ['delivery'], details: 'Paired with Sam.\nSee the design doc.' },
      );
      assert.equal(log.problems.length, 0);
    });

    it('dates an entry today when no date is given, in a new file for a new year', async () => {
      const { text } = await runTool('growthLog_addEntry', { title: 'Planned the 2027 roadmap' }, await folderAgentLog(folder.dir, '2027-01-04', folder.dir));
      assert.equal(text, 'Added “Planned the 2027 roadmap” (2027-01-04) to 2027.yaml with the id 2027-01-04-planned-the-2027-roadmap.');
      assert.match(fs.readFileSync(path.join(folder.dir, '2027.yaml'), 'utf8'), /- id: 2027-01-04-planned-the-2027-roadmap\n {4}date: 2027-01-04\n {4}title: Planned the 2027 roadmap\n/);
    });

    it('refuses an impossible date, an unknown type or competency, or a misnamed key, and writes nothing', async () => {
      const before = snapshot(folder.dir);
      const cases: [unknown, RegExp][] = [
        [{ title: 'Fixed the leap day bug', date: '2026-02-29' }, /^`date`: `2026-02-29` is not a calendar date: February 2026 has 28 days\.$/],
        [{ title: 'Fixed it', date: 'yesterday' }, /^`date`: `yesterday` is not a calendar date; write the date as YYYY-MM-DD/],
        [{ title: 'Won an award', type: 'award' }, /^`award` is not an entry type; use one of project, skill, learning, responsibility, leadership, mentoring, collaboration, network, recognition, move\.$/],
        [{ title: 'Designed the ledger', competencies: ['system-design'] }, /^The ladder has no criterion `system-design`; its criterion ids are architecture, delivery, mentoring\. Leave competencies out when unsure\.$/],
        [{ title: 'Shipped it', description: 'more' }, /^growthLog_addEntry has no property `description`; its properties are title, date, type, impact, tags, competencies, direction, details\.$/],
        [{ date: '2026-11-01' }, /^`title` is required\.$/],
        [{ title: '   ' }, /^`title` is required: one line saying what the user did\.$/],
        [{ title: 'Line one\nLine two' }, /^`title` must be one line; put the rest in `details`\.$/],
        [{ title: 'Moved teams', direction: 'vertical' }, /^`direction` applies only to entries of type move\.$/],
      ];
      for (const [input, message] of cases) {
        const result = await call(folder.dir, 'growthLog_addEntry', input);
        assert.equal(result.isError, true, JSON.stringify(input));
        assert.match(result.text, message);
      }
      assert.deepEqual(snapshot(folder.dir), before);
    });

    it('shows the user every field and the file before anything is written, with Markdown in the text shown as typed', () => {
      const entry = entryToAdd({ title: 'Fixed *nix paths in `growth-log`', type: 'move', direction: 'horizontal', impact: 'Unblocked [3] teams', tags: ['cli'], competencies: ['delivery'], details: 'Line one\n# not a heading' }, { ladder: { problems: [], ladder: undefined }, today: TODAY });
      assert.equal(
        describeNewEntry(entry, 'brag/2026.yaml'),
        [
          '**Fixed \\*nix paths in \\`growth-log\\`**',
          '',
          '- Date: 2026-11-26',
          '- Type: move (horizontal)',
          '- Impact: Unblocked \\[3\\] teams',
          '- Tags: cli',
          '- Competencies: delivery',
          '- Details:',
          '',
          '  > Line one',
          '  > \\# not a heading',
          '',
          'Growth Log adds it to `brag/2026.yaml`.',
        ].join('\n'),
      );
    });
  });

  describe('growthLog_readiness', () => {
    it('gives each criterion of the target level its explicit and suggested evidence, and the gaps', async () => {
      const { text, isError } = await call(folder.dir, 'growthLog_readiness', {});
      assert.equal(isError, false);
      assert.equal(
        text,
        [
          'Readiness for Staff Engineer (E5) from ladder.yaml (Acme ladder), over the whole log (4 entries).',
          'Explicit evidence lists the criterion id under competencies; suggested evidence was matched by type or keyword and is not yet confirmed. A criterion with fewer than 2 pieces is a gap.',
          '',
          '- architecture · Architecture: 3 (2 explicit, 1 suggested) · supported',
          '  explicit: 2026-11-20-billing, 2026-06-15-oncall',
          '  suggested: 2025-05-05-talk (keyword “design”)',
          '- delivery · Delivery: 1 (1 explicit, 0 suggested) · GAP (one piece of evidence)',
          '  explicit: 2026-06-15-oncall',
          '  evidence at this level looks like: Ships multi-quarter projects on time.',
          '- mentoring · Mentoring: 0 (0 explicit, 0 suggested) · GAP (no evidence)',
          '  evidence at this level looks like: Grows other engineers.',
          '',
          'Gaps: 2 of 3 (delivery, mentoring).',
        ].join('\n'),
      );
    });

    it('measures a named level over a period, and names the levels when asked for one that does not exist', async () => {
      assert.match((await call(folder.dir, 'growthLog_readiness', { level: 'E5', period: 'last-6-months' })).text, /over the last 6 months \(2026-05-27 to 2026-11-26\) \(2 entries\)/);
      const wrong = await call(folder.dir, 'growthLog_readiness', { level: 'L9' });
      assert.deepEqual(wrong, { isError: true, text: 'The ladder has no level `L9`; its levels are `E4`, `E5`.' });
    });

    it('counts a private entry only when asked for private entries', async () => {
      fs.writeFileSync(path.join(folder.dir, '2026.yaml'), LOG_2026.replace('type: recognition', 'type: recognition\n    competencies: [mentoring]'));
      assert.match((await call(folder.dir, 'growthLog_readiness', {})).text, /- mentoring · Mentoring: 0 /);
      assert.match((await call(folder.dir, 'growthLog_readiness', { includePrivate: true })).text, /- mentoring · Mentoring: 1 \(1 explicit, 0 suggested\) · GAP \(one piece of evidence\)\n {2}explicit: 2026-10-02-salary/);
    });

    it('uses the built-in ladder when the folder has none, and names the place of a broken ladder.yaml', async () => {
      fs.rmSync(path.join(folder.dir, 'ladder.yaml'));
      assert.match((await call(folder.dir, 'growthLog_readiness', { level: 'L4' })).text, /^Readiness for Staff Engineer \(L4\) from the built-in ladder, over the whole log/);
      fs.writeFileSync(path.join(folder.dir, 'ladder.yaml'), 'levels: [\n');
      const broken = await call(folder.dir, 'growthLog_readiness', {});
      assert.equal(broken.isError, true);
      assert.match(broken.text, /^The log's ladder\.yaml cannot be used as a ladder: ladder\.yaml:\d+:\d+: error: /);
    });
  });

  describe('growthLog_draftPacket', () => {
    it('gives the Markdown growth-log packet writes for the same level and period, and writes no file', async () => {
      const before = snapshot(folder.dir);
      const { text, isError } = await call(folder.dir, 'growthLog_draftPacket', { level: 'E5', period: 'this-year' });
      assert.equal(isError, false);
      assert.ok(!text.includes('Negotiated the retention bonus'), 'the private entry is left out');
      assert.deepEqual(snapshot(folder.dir), before);
      // The same log without its private entry, as the CLI drafts it.
      fs.writeFileSync(path.join(folder.dir, '2026.yaml'), LOG_2026.replace(/ {2}- id: 2026-10-02-salary[^]*?private: true\n/, ''));
      let cli = '';
      const code = await runPacketCommand(['--dir', folder.dir, '--target', 'E5', '--period', 'this-year', '--today', TODAY], (s) => (cli += s), () => undefined);
      assert.equal(code, 0);
      assert.equal(text, cli);
    });

    it('argues for the target level over the last 12 months by default', async () => {
      const { text } = await call(folder.dir, 'growthLog_draftPacket', {});
      assert.match(text, /^# Promotion packet: Staff Engineer \(E5\)\n/);
      assert.match(text, /- \*\*Period:\*\* the last 12 months \(2025-11-27 to 2026-11-26\)/);
      assert.match(text, /- \*\*Current level:\*\* Senior Engineer \(E4\)/);
    });

    it('includes a private entry only when asked for private entries', async () => {
      const { text } = await call(folder.dir, 'growthLog_draftPacket', { includePrivate: true });
      assert.ok(text.includes('Negotiated the retention bonus'));
    });

    it('refuses a period since the last promotion when the log records none', async () => {
      assert.deepEqual(await call(folder.dir, 'growthLog_draftPacket', { period: 'since-promotion' }), {
        isError: true,
        text: 'The log records no promotion (a `move` entry with `direction: vertical`), so there is no period since the last one.',
      });
    });
  });

  it('answers an unknown tool with an error result', async () => {
    assert.deepEqual(await call(folder.dir, 'growthLog_deleteEverything', {}), { isError: true, text: 'Growth Log has no tool `growthLog_deleteEverything`.' });
  });

  it('describes every tool and every input property for a model reading them cold', () => {
    for (const tool of TOOLS) {
      assert.ok(tool.modelDescription.length > 200 && tool.modelDescription.length < 1500, `${tool.name}: a model needs when, what and what not, in a paragraph`);
      assert.match(tool.name, /^growthLog_[a-zA-Z]+$/);
      for (const [key, schema] of Object.entries(tool.inputSchema.properties)) assert.ok((schema as { description?: string }).description, `${tool.name}.${key} has a description`);
    }
  });
});

