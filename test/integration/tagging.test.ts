import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  asQuickPick,
  check,
  eventually,
  pickAndAccept,
  readText,
  startCommand,
  treeRows,
  typeAndAccept,
  typeAndAcceptPick,
  workspaceUri,
  writeText,
} from './driver';

const TALKS = `# Talks and writing, kept apart from the yearly files.
entries:
  # The first public one.
  - id: 2024-05-10-meetup-talk
    date: 2024-05-10
    title: Meetup talk on incident reviews
    type: network
    tags:
      - speaking
      - "infra"   # quoted on purpose
    links: [https://example.com/talks/incident-reviews]
`;

async function rowOf(api: Awaited<ReturnType<typeof activateExtension>>, title: string) {
  const row = (await treeRows(api)).find((r) => r.label === title && r.node.contextValue?.startsWith('entry'));
  assert.ok(row, `no tree row for ${title}`);
  return row.node;
}

describe('Tagging', () => {
  const files = ['2026.yaml', '2025.yaml', 'talks.yaml'];
  let before: Record<string, string>;

  beforeEach(async () => {
    await writeText(workspaceUri('brag', 'talks.yaml'), TALKS);
    const api = await activateExtension();
    // Wait for the store to read this very text, not the previous test's version of the file.
    await eventually(() => assert.deepEqual(api.logs.logs[0].store.entry('2024-05-10-meetup-talk')?.tags, ['speaking', 'infra']));
    before = Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readText(workspaceUri('brag', f))])));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('brag', 'talks.yaml'));
    // The next suite starts from the log without it. A delete this close to the test's last
    // write (Undo's, replacing the file) can reach no watcher: VS Code folds an add followed by
    // a delete into nothing. So the folder is read again.
    const api = await activateExtension();
    await api.logs.reload();
    await eventually(() => assert.equal(api.logs.logs[0].store.entry('2024-05-10-meetup-talk'), undefined));
  });

  it('tags every selected tree item at once with checked and typed tags, normalized, and Undo takes it back', async () => {
    const api = await activateExtension();
    const billing = await rowOf(api, 'Led the billing service migration to Postgres 16');
    const talk = await rowOf(api, 'Meetup talk on incident reviews');
    const { input, done } = await startCommand(api, 'growthLog.tagEntries', billing, [billing, talk]);
    const pick = asQuickPick(input);
    assert.equal(pick.title, 'Tag 2 entries');
    assert.equal(pick.items[0].label, 'infra', 'tags in use come first by count');
    await check(pick, ['leadership']);
    await typeAndAcceptPick(api, pick, 'Q4 Wins, public');
    await done;

    const y2026 = await readText(workspaceUri('brag', '2026.yaml'));
    assert.equal(y2026, before['2026.yaml'].replace('    tags: [infra, leadership]\n', '    tags: [infra, leadership, q4-wins, public]\n'));
    const talks = await readText(workspaceUri('brag', 'talks.yaml'));
    assert.equal(talks, TALKS.replace('      - "infra"   # quoted on purpose\n', '      - "infra"   # quoted on purpose\n      - leadership\n      - q4-wins\n      - public\n'));

    await vscode.commands.executeCommand('growthLog.undoLastChange');
    // Two files changed: the last change is the one for this log, covering both.
    assert.equal(await readText(workspaceUri('brag', '2026.yaml')), before['2026.yaml']);
    assert.equal(await readText(workspaceUri('brag', 'talks.yaml')), TALKS);
  });

  it('says which tags the selected entries already have, with a placeholder that fits beside the count', async () => {
    const api = await activateExtension();
    const billing = await rowOf(api, 'Led the billing service migration to Postgres 16');
    const talk = await rowOf(api, 'Meetup talk on incident reviews');
    const { input, done } = await startCommand(api, 'growthLog.tagEntries', billing, [billing, talk]);
    const pick = asQuickPick(input);
    assert.equal(pick.placeholder, 'Tags to add', 'a placeholder short enough for the "0 Selected" badge');
    assert.match(pick.prompt ?? '', /^Space checks the highlighted tag/);
    const described = Object.fromEntries(pick.items.map((i) => [i.label, i.description]));
    assert.match(described.infra ?? '', /^\d+ entries · already on all 2$/);
    assert.equal(described.speaking, '1 entry · already on 1 of 2');
    assert.match(described.mentoring ?? '', /^\d+ entr(y|ies)$/);

    // Space typed into the filter is a keystroke the extension host cannot send: the end-to-end
    // suite types it. Here: the checked tag is added.
    await check(pick, ['mentoring']);
    await typeAndAcceptPick(api, pick, '');
    await done;
    assert.equal(
      await readText(workspaceUri('brag', '2026.yaml')),
      before['2026.yaml'].replace('    tags: [infra, leadership]\n', '    tags: [infra, leadership, mentoring]\n'),
    );
    await vscode.commands.executeCommand('growthLog.undoLastChange');
  });

  it('says “already on it” for a single entry', async () => {
    const api = await activateExtension();
    const talk = await rowOf(api, 'Meetup talk on incident reviews');
    const { input, done } = await startCommand(api, 'growthLog.tagEntries', talk);
    const described = Object.fromEntries(asQuickPick(input).items.map((i) => [i.label, i.description]));
    assert.equal(described.speaking, '1 entry · already on it');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
  });

  it('removes only tags the selected entries have, picked from the palette', async () => {
    const api = await activateExtension();
    const { input, done } = await startCommand(api, 'growthLog.removeTags');
    const entries = asQuickPick(input);
    assert.equal(entries.canSelectMany, true);
    const tagsStep = await pickAndAccept(api, entries, ['Meetup talk on incident reviews']);
    assert.deepEqual(asQuickPick(tagsStep!).items.map((i) => i.label), ['infra', 'speaking']);
    await pickAndAccept(api, tagsStep!, ['speaking']);
    await done;
    assert.equal(await readText(workspaceUri('brag', 'talks.yaml')), TALKS.replace('      - speaking\n', ''));
  });

  it('renames a tag across three files after a confirmation that counts them, changing nothing but the tags', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.groupBy', 'tag');
    try {
      const infra = (await treeRows(api)).find((r) => r.node.contextValue === 'group.tag' && r.label === 'infra');
      assert.ok(infra);
      const count = Number(infra.description);
      const { input, done } = await startCommand(api, 'growthLog.renameTag', infra.node);
      const confirm = await typeAndAccept(api, input, 'Platform');
      const question = asQuickPick(confirm!);
      assert.equal(question.title, 'Rename #infra to #platform');
      assert.match(question.items[0].detail ?? '', new RegExp(`^${count} entries in 3 files will change`));
      await pickAndAccept(api, question, [question.items[0].label]);
      await done;

      assert.equal(await readText(workspaceUri('brag', '2026.yaml')), before['2026.yaml'].replaceAll('tags: [infra, ', 'tags: [platform, '));
      assert.equal(await readText(workspaceUri('brag', '2025.yaml')), before['2025.yaml'].replaceAll('tags: [infra, ', 'tags: [platform, '));
      assert.equal(await readText(workspaceUri('brag', 'talks.yaml')), TALKS.replace('      - "infra"   # quoted on purpose\n', '      - platform   # quoted on purpose\n'));
      await eventually(async () => {
        const labels = (await treeRows(api)).filter((r) => r.node.contextValue === 'group.tag').map((r) => r.label);
        assert.ok(labels.includes('platform') && !labels.includes('infra'), labels.join(', '));
      });
      await vscode.commands.executeCommand('growthLog.undoLastChange');
      for (const f of files) assert.equal(await readText(workspaceUri('brag', f)), before[f]);
    } finally {
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
    }
  });

  it('merges tags into one, and cancelling the confirmation writes nothing', async () => {
    const api = await activateExtension();
    let { input, done } = await startCommand(api, 'growthLog.mergeTags');
    let into = await pickAndAccept(api, input, ['speaking', 'leadership']);
    let confirm = await typeAndAcceptPick(api, into!, 'Influence');
    await pickAndAccept(api, confirm!, ['$(close) Cancel']);
    await done;
    for (const f of files) assert.equal(await readText(workspaceUri('brag', f)), before[f]);

    ({ input, done } = await startCommand(api, 'growthLog.mergeTags'));
    into = await pickAndAccept(api, input, ['speaking', 'leadership']);
    confirm = await typeAndAcceptPick(api, into!, 'Influence');
    assert.equal(asQuickPick(confirm!).title, 'Merge #leadership, #speaking into #influence');
    await pickAndAccept(api, confirm!, ['$(check) Merge']);
    await done;
    assert.equal(await readText(workspaceUri('brag', '2026.yaml')), before['2026.yaml'].replace('tags: [infra, leadership]', 'tags: [infra, influence]'));
    assert.equal(await readText(workspaceUri('brag', 'talks.yaml')), TALKS.replace('      - speaking\n', '      - influence\n'));
    await vscode.commands.executeCommand('growthLog.undoLastChange');
  });

  it('tags an entry of a file open in the editor as one edit that the editor’s Undo takes back', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('brag', 'talks.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const talk = await rowOf(api, 'Meetup talk on incident reviews');
    const { input, done } = await startCommand(api, 'growthLog.tagEntries', talk, [talk]);
    await typeAndAcceptPick(api, input, 'writing');
    await done;
    assert.match(doc.getText(), /      - writing\n/);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), TALKS);
    await doc.save();
  });

  it('tags the tree’s selection from the keybinding, which passes no tree item', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.entries.focus');
    const talk = await rowOf(api, 'Meetup talk on incident reviews');
    await api.treeView.reveal(talk, { select: true, focus: true });
    const { input, done } = await startCommand(api, 'growthLog.tagEntries', 'fromTreeSelection');
    assert.equal(asQuickPick(input).title, 'Tag “Meetup talk on incident reviews”');
    await typeAndAcceptPick(api, input, 'conference');
    await done;
    assert.match(await readText(workspaceUri('brag', 'talks.yaml')), /      - conference\n/);
  });

  it('filters the tree by a tag chosen in the tag grouping', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('growthLog.groupBy', 'tag');
    try {
      const speaking = (await treeRows(api)).find((r) => r.node.contextValue === 'group.tag' && r.label === 'speaking');
      await vscode.commands.executeCommand('growthLog.filterByTag', speaking!.node);
      const rows = await treeRows(api);
      assert.equal(rows[0].label, 'Filter: #speaking');
      assert.deepEqual(
        rows.filter((r) => r.node.contextValue === 'entry').map((r) => r.label),
        ['Meetup talk on incident reviews', 'Meetup talk on incident reviews'],
        'the one entry, under each of its tags',
      );
      assert.equal(api.treeView.description, 'Filter: #speaking');
    } finally {
      await vscode.commands.executeCommand('growthLog.clearFilter');
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
    }
  });
});
