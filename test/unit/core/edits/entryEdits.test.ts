import * as assert from 'node:assert/strict';
import { addEntry, deleteEntry, ensureId, updateEntry } from '../../../../src/core/edits/entryEdits';
import { LogError } from '../../../../src/core/model/problem';
import { parseEntryFile } from '../../../../src/core/readers/yamlCodec';

const log = `# Growth Log 2026
entries:
  - id: 2026-11-20-billing
    date: 2026-11-20
    title: "Led the billing migration"   # proud of this
    tags: [infra, leadership]
    links:
      - https://example.com/pull/812
    details: |
      Planned the cut-over.

      Ran it with two teams.
    hours: 40

  # mentoring counts too
  - date: 2026-10-02
    title: Mentored two new hires
    type: mentoring
    # ask them for feedback in December

  - id: 2026-09-01-talk
    date: 2026-09-01
    title: 'Gave the on-call talk'
    tags:
      - speaking
# end of log
`;

/** The text with `from` replaced by `to`, which must occur exactly once. */
function edited(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function throwsReason(fn: () => unknown, reason: LogError['reason']): void {
  assert.throws(fn, (error: unknown) => error instanceof LogError && error.reason === reason);
}

describe('entry edits', () => {
  describe('updateEntry', () => {
    it('changes a title in place, keeping its double quotes and trailing comment', () => {
      const after = updateEntry(log, '2026-11-20-billing', { title: 'Led the billing migration to Postgres 16' });
      assert.equal(after, edited(log, '"Led the billing migration"', '"Led the billing migration to Postgres 16"'));
    });

    it('keeps single quotes and quotes a plain value only when YAML needs it', () => {
      assert.equal(updateEntry(log, '2026-09-01-talk', { title: 'Gave the talk' }), edited(log, "'Gave the on-call talk'", "'Gave the talk'"));
      const after = updateEntry(log, '2026-11-20-billing', { impact: 'Saved: 12k USD' });
      assert.equal(after, edited(log, '    tags: [infra, leadership]\n', '    impact: "Saved: 12k USD"\n    tags: [infra, leadership]\n'));
      assert.equal(parseEntryFile(after, 'f').entries[0].impact, 'Saved: 12k USD');
    });

    it('keeps a flow list flow and a block list block', () => {
      const flow = updateEntry(log, '2026-11-20-billing', { tags: ['infra', 'postgres'] });
      assert.equal(flow, edited(log, '[infra, leadership]', '[infra, postgres]'));
      const block = updateEntry(log, '2026-09-01-talk', { tags: ['speaking', 'on call'] });
      assert.equal(block, edited(log, '      - speaking\n', '      - speaking\n      - on call\n'));
    });

    it('rewrites a block scalar in place at the same indentation', () => {
      const after = updateEntry(log, '2026-11-20-billing', { details: 'One paragraph now.\nTwo lines.\n' });
      assert.equal(after, edited(log, '      Planned the cut-over.\n\n      Ran it with two teams.\n', '      One paragraph now.\n      Two lines.\n'));
    });

    it('inserts a new key after the keys that usually come before it', () => {
      const after = updateEntry(log, '2026-09-01-talk', { type: 'recognition', impact: '200 people came' });
      assert.equal(after, edited(log, "    title: 'Gave the on-call talk'\n", "    title: 'Gave the on-call talk'\n    type: recognition\n    impact: 200 people came\n"));
    });

    it('removes a key when it is set to undefined, with its whole block', () => {
      const after = updateEntry(log, '2026-11-20-billing', { links: undefined, details: undefined });
      assert.equal(after, edited(log, '    links:\n      - https://example.com/pull/812\n    details: |\n      Planned the cut-over.\n\n      Ran it with two teams.\n', ''));
    });

    it('writes the generated id first when an entry without one is edited, so the id survives a new title', () => {
      const after = updateEntry(log, '2026-10-02-mentored-two-new-hires', { title: 'Mentored three new hires' });
      assert.equal(
        after,
        edited(log, '  - date: 2026-10-02\n    title: Mentored two new hires\n', '  - id: 2026-10-02-mentored-two-new-hires\n    date: 2026-10-02\n    title: Mentored three new hires\n'),
      );
      assert.ok(parseEntryFile(after, 'f').entries.some((e) => e.id === '2026-10-02-mentored-two-new-hires' && !e.idGenerated));
    });

    it('keeps CRLF line endings', () => {
      const crlf = log.replace(/\n/g, '\r\n');
      const after = updateEntry(crlf, '2026-09-01-talk', { impact: 'Big', tags: ['a', 'b'] });
      assert.ok(!/[^\r]\n/.test(after), 'every line ends with CRLF');
      assert.equal(parseEntryFile(after, 'f').entries.find((e) => e.id === '2026-09-01-talk')?.impact, 'Big');
    });

    it('refuses to remove the date or title, and to edit an entry that is not there', () => {
      throwsReason(() => updateEntry(log, '2026-09-01-talk', { title: undefined }), 'invalid');
      throwsReason(() => updateEntry(log, 'nope', { title: 'x' }), 'not-found');
    });
  });

  describe('ensureId', () => {
    it('writes a generated id and leaves a written one alone', () => {
      assert.equal(ensureId(log, '2026-11-20-billing'), log);
      assert.equal(ensureId(log, '2026-10-02-mentored-two-new-hires'), edited(log, '  - date: 2026-10-02\n', '  - id: 2026-10-02-mentored-two-new-hires\n    date: 2026-10-02\n'));
    });
  });

  describe('deleteEntry', () => {
    it('removes the entry with the comment directly above it and its own indented comments', () => {
      const after = deleteEntry(log, '2026-10-02-mentored-two-new-hires');
      assert.equal(after, edited(log, '  # mentoring counts too\n  - date: 2026-10-02\n    title: Mentored two new hires\n    type: mentoring\n    # ask them for feedback in December\n\n', ''));
    });

    it('keeps a file-level comment after the last entry', () => {
      const after = deleteEntry(log, '2026-09-01-talk');
      assert.ok(after.endsWith('    # ask them for feedback in December\n# end of log\n'), after);
      assert.ok(after.startsWith(log.slice(0, log.indexOf('\n  - id: 2026-09-01-talk'))));
    });

    it('leaves an empty but valid entries list when the last entry goes', () => {
      const after = deleteEntry('entries:\n  - date: 2026-01-01\n    title: Only\n', '2026-01-01-only');
      assert.equal(after, 'entries:\n');
      assert.equal(parseEntryFile(after, 'f').isEntryFile, true);
    });
  });

  describe('addEntry', () => {
    const entry = { date: '2026-12-01', title: 'Shipped the importer', tags: ['infra'] };
    const rendered = '  - id: 2026-12-01-shipped-the-importer\n    date: 2026-12-01\n    title: Shipped the importer\n    tags: [infra]\n';

    it('adds after the last entry, before a file-level comment, spaced like the others', () => {
      const { text } = addEntry(log, entry, new Set());
      assert.equal(text, edited(log, '# end of log\n', `\n${rendered}# end of log\n`));
    });

    it('starts the list in an empty flow list, a null list and a list with only a comment', () => {
      assert.equal(addEntry('entries: []\n', entry, new Set()).text, `entries:\n${rendered}`);
      assert.equal(addEntry('# mine\nentries:\n', entry, new Set()).text, `# mine\nentries:\n${rendered}`);
      assert.equal(addEntry('entries: ~ # nothing yet\n# bottom\n', entry, new Set()).text, `entries: # nothing yet\n${rendered}# bottom\n`);
    });

    it('leaves the blank lines that end a keep-chomped block (|+) in its value', () => {
      const keep = 'entries:\n  - id: a\n    date: 2026-01-01\n    title: A\n    details: |+\n      line\n\n\n';
      const { text } = addEntry(keep, entry, new Set());
      assert.equal(text, `${keep}${rendered}`);
      assert.equal(parseEntryFile(text, 'f').entries.find((e) => e.id === 'a')?.details, 'line\n\n\n');
      const impact = 'entries:\n  - id: a\n    date: 2026-01-01\n    title: A\n    impact: |+\n      big\n\n';
      const tagged = updateEntry(impact, 'a', { tags: ['x'] });
      assert.equal(tagged, `${impact}    tags: [x]\n`);
      assert.equal(parseEntryFile(tagged, 'f').entries[0].impact, 'big\n\n');
    });

    it('handles a file without a trailing newline and a CRLF file', () => {
      const noNewline = 'entries:\n  - date: 2026-01-01\n    title: A';
      assert.equal(addEntry(noNewline, entry, new Set()).text, `${noNewline}\n${rendered}`);
      const crlf = 'entries:\r\n  - date: 2026-01-01\r\n    title: A\r\n';
      assert.equal(addEntry(crlf, entry, new Set()).text, crlf + rendered.replace(/\n/g, '\r\n'));
    });

    it('adds an entries list to a YAML file that has none, and refuses one whose top level is not a mapping', () => {
      assert.equal(addEntry('owner: me\n', entry, new Set()).text, `owner: me\nentries:\n${rendered}`);
      throwsReason(() => addEntry('- a\n- b\n', entry, new Set()), 'invalid');
    });

    it('writes commits as a block list after links and before details, quoting a hash that reads as a number', () => {
      const captured = { date: '2026-12-01', title: 'Add retries', links: ['https://example.com/pull/812'], commits: ['3f1c2a9e8b7d', '1234567'], details: 'Why.' };
      const { text } = addEntry(undefined, captured, new Set());
      assert.ok(text.endsWith('    links:\n      - https://example.com/pull/812\n    commits:\n      - 3f1c2a9e8b7d\n      - "1234567"\n    details: Why.\n'), text);
      assert.deepEqual(parseEntryFile(text, 'f').entries[0].commits, ['3f1c2a9e8b7d', '1234567']);
      const patched = updateEntry('entries:\n  - id: a\n    date: 2026-01-01\n    title: A\n    links: [x]\n    details: d\n', 'a', { commits: ['abcdef1'] });
      assert.equal(patched, 'entries:\n  - id: a\n    date: 2026-01-01\n    title: A\n    links: [x]\n    commits:\n      - abcdef1\n    details: d\n');
    });

    it('writes private: true after the type and the STAR parts after details, and setting private false removes the key', () => {
      const story = { date: '2026-12-01', title: 'Secret', type: 'project' as const, private: true, details: 'Why.', situation: 'S', task: 'T', action: 'A', result: 'R' };
      const { text } = addEntry(undefined, story, new Set());
      assert.ok(text.endsWith('    type: project\n    private: true\n    details: Why.\n    situation: S\n    task: T\n    action: A\n    result: R\n'), text);
      const [read] = parseEntryFile(text, 'f').entries;
      assert.deepEqual([read.private, read.situation, read.task, read.action, read.result], [true, 'S', 'T', 'A', 'R']);
      const base = 'entries:\n  - id: a\n    date: 2026-01-01\n    title: A\n    tags: [x]\n';
      const made = updateEntry(base, 'a', { private: true });
      assert.equal(made, 'entries:\n  - id: a\n    date: 2026-01-01\n    title: A\n    private: true\n    tags: [x]\n');
      assert.equal(updateEntry(made, 'a', { private: false }), base);
      assert.equal(updateEntry('entries:\n  - {id: a, date: 2026-01-01, title: A}\n', 'a', { private: true }), 'entries:\n  - {id: a, date: 2026-01-01, title: A, private: true}\n');
    });

    it('writes a promotion’s level after its direction and a follow-up as a plain date after the impact', () => {
      const { text } = addEntry(undefined, { date: '2026-05-30', title: 'Promoted', type: 'move', direction: 'vertical', level: 'L3', impact: 'Leads the payments team', followUp: '2026-12-01' }, new Set());
      assert.ok(text.endsWith('    type: move\n    direction: vertical\n    level: L3\n    impact: Leads the payments team\n    followUp: 2026-12-01\n'), text);
      const [read] = parseEntryFile(text, 'f').entries;
      assert.deepEqual([read.level, read.followUp], ['L3', '2026-12-01']);
    });

    it('answers a follow-up in one edit: the impact in after the title, the follow-up and its comment out, the rest untouched', () => {
      const before = 'entries:\n  - id: a   # kept\n    date: 2026-01-01\n    title: A\n    followUp: 2026-02-01   # ask then\n    tags: [x]\n\n  # next\n  - id: b\n    date: 2026-01-02\n    title: B\n';
      const after = updateEntry(before, 'a', { impact: 'Halved the build', followUp: undefined });
      assert.equal(after, 'entries:\n  - id: a   # kept\n    date: 2026-01-01\n    title: A\n    impact: Halved the build\n    tags: [x]\n\n  # next\n  - id: b\n    date: 2026-01-02\n    title: B\n');
      assert.equal(updateEntry(before, 'a', { followUp: '2026-02-15' }), before.replace('followUp: 2026-02-01', 'followUp: 2026-02-15'));
    });

    it('picks an id not taken in other files', () => {
      assert.equal(addEntry(undefined, entry, new Set(['2026-12-01-shipped-the-importer'])).id, '2026-12-01-shipped-the-importer-2');
    });
  });

  describe('an entry written as a flow mapping', () => {
    const flowLog = 'entries:\n  # a one-liner\n  - {date: 2026-03-02, title: Shipped it, tags: [infra]}   # short\n  - date: 2026-03-03\n    title: Block one\n';
    const id = '2026-03-02-shipped-it';

    it('changes values in place, adds keys after the one they follow, and stays one flow mapping', () => {
      const after = updateEntry(flowLog, id, { title: 'Shipped it, fast', impact: 'p99 down 40%', tags: ['infra', 'speed'] });
      assert.equal(
        after,
        edited(flowLog, '{date: 2026-03-02, title: Shipped it, tags: [infra]}', '{id: 2026-03-02-shipped-it, date: 2026-03-02, title: "Shipped it, fast", impact: p99 down 40%, tags: [infra, speed]}'),
      );
      const entry = parseEntryFile(after, 'f').entries[0];
      assert.equal(entry.title, 'Shipped it, fast');
      assert.deepEqual(entry.tags, ['infra', 'speed']);
    });

    it('removes a key with its comma, in the middle or last, and quotes text over several lines', () => {
      const written = 'entries:\n  - {id: x, date: 2026-03-02, title: Shipped it, impact: fast, tags: [infra]}\n';
      assert.equal(updateEntry(written, 'x', { impact: undefined }), 'entries:\n  - {id: x, date: 2026-03-02, title: Shipped it, tags: [infra]}\n');
      assert.equal(updateEntry(written, 'x', { tags: [] }), 'entries:\n  - {id: x, date: 2026-03-02, title: Shipped it, impact: fast}\n');
      const details = updateEntry(written, 'x', { details: 'Two\nlines' });
      assert.equal(details, 'entries:\n  - {id: x, date: 2026-03-02, title: Shipped it, impact: fast, tags: [infra], details: "Two\\nlines"}\n');
      assert.equal(parseEntryFile(details, 'f').entries[0].details, 'Two\nlines');
    });

    it('writes its generated id, and is deleted with the comment above it', () => {
      assert.equal(ensureId(flowLog, id), edited(flowLog, '{date: 2026-03-02,', '{id: 2026-03-02-shipped-it, date: 2026-03-02,'));
      assert.equal(deleteEntry(flowLog, id), 'entries:\n  - date: 2026-03-03\n    title: Block one\n');
    });

    it('refuses an entry inside a flow list, saying why', () => {
      assert.throws(
        () => updateEntry('entries: [{date: 2026-03-02, title: A}]\n', '2026-03-02-a', { title: 'B' }),
        (error: unknown) => error instanceof LogError && error.reason === 'invalid' && /inside a flow list/.test(error.message),
      );
    });
  });

  it('never edits a file that does not parse, and names the place', () => {
    const broken = edited(log, "'Gave the on-call talk'", "'Gave the on-call talk");
    for (const edit of [
      () => updateEntry(broken, '2026-11-20-billing', { title: 'x' }),
      () => deleteEntry(broken, '2026-11-20-billing'),
      () => ensureId(broken, '2026-10-02-mentored-two-new-hires'),
      () => addEntry(broken, { date: '2026-01-01', title: 'x' }, new Set()),
    ]) {
      assert.throws(edit, (error: unknown) => error instanceof LogError && error.reason === 'unparsable' && /^brag|^This file:\d+:\d+: /.test(error.message));
    }
  });
});
