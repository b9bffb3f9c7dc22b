// The habit loop in a real VS Code on a test clock: the weekly nudge and due follow-ups are
// answered through their notifications' actions, and each answer is an edit of the log's file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrowthLogApi } from '../../src/extension';
import type { Clock } from '../../src/extension/habit/clock';
import type { ShownNotification } from '../../src/extension/habit/notifications';
import { followUpDate } from '../../src/core/habit/followUps';
import { today } from '../../src/core/model/entry';
import { parseEntryFile } from '../../src/core/readers/yamlCodec';
import { activateExtension, asQuickPick, asInputBox, escape, eventually, nextInput, pickAndAccept, readText, startCommand, treeRows, typeAndAccept, workspaceUri, writeText } from './driver';

const file = workspaceUri('brag', '2026.yaml');

/** A clock that stands still until a test moves it; its timers never fire by themselves. */
function testClock(iso: string): Clock & { set(iso: string): void } {
  let now = Date.parse(iso);
  return {
    now: () => now,
    zone: () => 'Europe/Berlin',
    setTimer: () => ({ dispose() {} }),
    set(next: string) {
      now = Date.parse(next);
    },
  };
}

function focus(focused = true) {
  const emitter = new vscode.EventEmitter<void>();
  const state = { focused };
  return { focused: () => state.focused, onDidFocus: emitter.event, gain: () => ((state.focused = true), emitter.fire()) };
}

/** Resolves with the next notification the habit loop shows, or undefined when none comes. */
function nextNotification(api: GrowthLogApi, timeoutMs = 5_000): Promise<ShownNotification | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(undefined);
    }, timeoutMs);
    const subscription = api.notifications.onDidShow((shown) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(shown);
    });
  });
}

async function checkAt(api: GrowthLogApi, clock: ReturnType<typeof testClock>, iso: string, timeoutMs = 5_000): Promise<ShownNotification | undefined> {
  clock.set(iso);
  const shown = nextNotification(api, timeoutMs);
  await api.habit.check();
  return shown;
}

const GAME_DAY = ['  - id: 2026-10-05-game-day', '    date: 2026-10-05', '    title: Ran the payments game day', '    followUp: 2026-11-25   # ask me then', ''].join('\n');

describe('Habit loop', () => {
  let original: string;
  let api: GrowthLogApi;
  let clock: ReturnType<typeof testClock>;
  let originalCount: number;

  /** Puts the file back and waits until the log has read it, so the next suite starts clean. */
  async function restore(): Promise<void> {
    await writeText(file, original);
    await eventually(() => {
      const entries = api.logs.logs[0].store.entries.filter((e) => e.file === file.toString());
      assert.equal(entries.length, originalCount);
      assert.ok(entries.every((e) => e.followUp === undefined && e.level === undefined));
    });
  }

  before(async () => {
    api = await activateExtension();
    original = await readText(file);
    originalCount = parseEntryFile(original, 'f').entries.length;
    clock = testClock('2026-11-26T15:30:00Z');
    await api.habit.forget();
    api.habit.use(clock, focus());
  });

  after(async () => {
    await restore();
    await vscode.workspace.getConfiguration('growthLog.reminder').update('enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows a due follow-up as a row and a badge, and Add Impact from its notification changes only that entry’s lines', async () => {
    await writeText(file, `${original}\n${GAME_DAY}`);
    await eventually(async () => assert.equal((await treeRows(api))[0]?.label, 'Follow-ups due (1)'));
    assert.equal(api.treeView.badge?.value, 1);
    assert.equal(api.treeView.badge?.tooltip, '1 follow-up due');
    const rows = await treeRows(api);
    assert.deepEqual([rows[1].label, rows[1].description, rows[1].node.contextValue], ['Ran the payments game day', 'due 2026-11-25 · 2026-10-05', 'entry.followUp']);

    // Thursday 16:30 in Berlin: past the reminder's time of day, and the weekly nudge is Friday's.
    const shown = await checkAt(api, clock, '2026-11-26T15:30:00Z');
    assert.ok(shown, 'a notification is shown');
    assert.equal(shown.message, 'How did “Ran the payments game day” turn out?');
    assert.deepEqual(shown.actions, ['Add Impact', 'In 2 Weeks', 'Dismiss']);
    const box = nextInput(api);
    shown.answer('Add Impact');
    const input = asInputBox(await box);
    assert.equal(input.title, 'How did “Ran the payments game day” turn out?');
    await typeAndAccept(api, input, 'Failover takes 4 minutes, down from 25');
    const expected = `${original}\n${['  - id: 2026-10-05-game-day', '    date: 2026-10-05', '    title: Ran the payments game day', '    impact: Failover takes 4 minutes, down from 25', ''].join('\n')}`;
    await eventually(async () => assert.equal(await readText(file), expected));
    await eventually(async () => assert.notEqual((await treeRows(api))[0]?.label, 'Follow-ups due (1)'));
    assert.equal(api.treeView.badge, undefined);
    // Asked once today, across windows: a second look the same day shows nothing.
    assert.equal(await checkAt(api, clock, '2026-11-26T18:00:00Z', 500), undefined);
  });

  it('keeps the follow-ups row while a follow-up is due, so a change to another year redraws that year alone', async () => {
    await writeText(file, `${original}\n${GAME_DAY}`);
    await eventually(async () => assert.equal((await treeRows(api))[0]?.label, 'Follow-ups due (1)'));
    const other = workspaceUri('brag', '2025.yaml');
    const before = await readText(other);
    const top = await api.tree.getChildren();
    const y2025 = top.find((node) => node.label === '2025');
    assert.ok(y2025);
    const redrawn: unknown[] = [];
    const listening = api.tree.onDidChangeTreeData((nodes) => redrawn.push(nodes));
    try {
      await writeText(other, `${before}\n  - date: 2025-03-14\n    title: Gave the team's first talk on tracing\n    type: leadership\n`);
      await eventually(() => assert.equal(redrawn.length, 1));
      assert.deepEqual(redrawn[0], [y2025], 'the 2025 row alone, not the whole tree');
      assert.equal((await api.tree.getChildren())[0], top[0], 'the view keeps the follow-ups row it has');
      // A change to the due entry's own file redraws the follow-ups row with it.
      redrawn.length = 0;
      await writeText(file, `${original}\n${GAME_DAY.replace('title: Ran the payments game day', 'title: Ran the payments game day again')}`);
      await eventually(() => assert.equal(redrawn.length, 1));
      assert.ok(Array.isArray(redrawn[0]) && (redrawn[0] as unknown[]).includes(top[0]), 'the follow-ups row is redrawn');
      const due = await api.tree.getChildren(top[0]);
      assert.deepEqual(due.map((node) => node.label), ['Ran the payments game day again']);
    } finally {
      listening.dispose();
      await writeText(other, before);
      await restore();
    }
  });

  it('In 2 Weeks moves the follow-up and Dismiss removes it, a day at most once', async () => {
    await writeText(file, `${original}\n${GAME_DAY}`);
    await eventually(async () => assert.equal((await treeRows(api))[0]?.label, 'Follow-ups due (1)'));
    const first = await checkAt(api, clock, '2026-11-27T15:10:00Z');
    // Friday: the weekly nudge comes first, and the follow-up waits for another day.
    assert.match(first?.message ?? '', /^Time to log this week’s wins\?/);
    first?.answer(undefined);
    const shown = await checkAt(api, clock, '2026-11-28T15:10:00Z');
    assert.equal(shown?.message, 'How did “Ran the payments game day” turn out?');
    shown?.answer('In 2 Weeks');
    await eventually(async () => assert.equal(await readText(file), `${original}\n${GAME_DAY.replace('followUp: 2026-11-25', 'followUp: 2026-12-12')}`));
    await eventually(async () => assert.equal(api.treeView.badge, undefined));
    assert.equal(await checkAt(api, clock, '2026-12-01T15:10:00Z', 500), undefined, 'nothing is due until then');

    const again = await checkAt(api, clock, '2026-12-14T15:10:00Z');
    assert.equal(again?.message, 'How did “Ran the payments game day” turn out?');
    assert.equal(api.treeView.badge?.value, 1, 'the day came with no change to the file, and the badge counts it');
    again?.answer('Dismiss');
    await eventually(async () => assert.equal(await readText(file), `${original}\n${GAME_DAY.split('\n').filter((l) => !l.includes('followUp')).join('\n')}`));
    await restore();
  });

  it('nudges once a week in the focused window, says when the last entry was, and snoozes until Monday', async () => {
    await api.habit.forget();
    await eventually(async () => assert.equal(await readText(file), original));
    const unfocused = focus(false);
    api.habit.use(clock, unfocused);
    // Friday 2030-12-06, 16:05 in Berlin (a year no test writes entries in), the window in the background: nothing.
    assert.equal(await checkAt(api, clock, '2030-12-06T15:05:00Z', 500), undefined);
    const shown = nextNotification(api);
    unfocused.gain();
    const nudge = await shown;
    assert.ok(nudge, 'the window asks once it has focus');
    assert.match(nudge.message, /^Time to log this week’s wins\? Your last entry is from 20\d\d-\d\d-\d\d \(\d+ months ago\)\.$/);
    assert.deepEqual(nudge.actions.filter((a) => a !== 'Log from Git'), ['Quick Add', 'Snooze Until Monday', 'Turn Off']);
    nudge.answer('Snooze Until Monday');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await checkAt(api, clock, '2030-12-07T10:00:00Z', 500), undefined, 'not on Saturday');
    assert.equal(await checkAt(api, clock, '2030-12-09T14:59:00Z', 500), undefined, 'not before Monday 16:00');
    const monday = await checkAt(api, clock, '2030-12-09T15:00:00Z');
    assert.match(monday?.message ?? '', /^Time to log this week’s wins\?/);

    // Quick Add from the nudge opens Quick Add; Escape writes nothing.
    const quick = nextInput(api);
    monday?.answer('Quick Add');
    assert.match((await quick).title ?? '', /Quick Add/);
    await escape();
    assert.equal(await checkAt(api, clock, '2030-12-13T15:00:00Z', 500), undefined, 'Friday of a week nudged on Monday stays quiet');
  });

  it('Turn Off sets the setting, and a turned-off nudge stays quiet', async () => {
    const shown = await checkAt(api, clock, '2030-12-20T15:00:00Z');
    assert.match(shown?.message ?? '', /^Time to log this week’s wins\?/);
    shown?.answer('Turn Off');
    await eventually(() => assert.equal(vscode.workspace.getConfiguration('growthLog.reminder').get('enabled'), false));
    assert.equal(await checkAt(api, clock, '2030-12-27T15:00:00Z', 500), undefined);
    await vscode.workspace.getConfiguration('growthLog.reminder').update('enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Set Follow-Up… writes the day picked, from the clock’s today', async () => {
    clock.set('2026-11-26T10:00:00Z');
    const { input, done } = await startCommand(api, 'growthLog.setFollowUp');
    // From the palette: the entry is picked first.
    const next = await pickAndAccept(api, input, ['Mentored Ana through her first on-call rotation']);
    await pickAndAccept(api, next!, ['In 1 month']);
    await done;
    await eventually(async () => assert.match(await readText(file), /title: Mentored Ana through her first on-call rotation\n    type: mentoring\n    followUp: 2026-12-26\n    tags: \[mentoring, oncall\]\n/));
    const after = await readText(file);
    assert.equal(after.replace('    followUp: 2026-12-26\n', ''), original);
    await restore();
  });

  it('Add Entry with the impact left empty ends by asking when to follow up, and writes the day', async () => {
    const { input, done } = await startCommand<string>(api, 'growthLog.addEntry');
    let step = await typeAndAccept(api, input, 'Started the caching RFC');
    step = await pickAndAccept(api, step!, ['project']);
    step = await typeAndAccept(api, step!, '2026-11-02');
    step = await typeAndAccept(api, step!, '');
    step = await pickAndAccept(api, step!, []);
    step = await pickAndAccept(api, step!, []);
    const last = asQuickPick(step!);
    assert.deepEqual([last.step, last.totalSteps, last.placeholder], [7, 7, 'Remind me to add the outcome:']);
    assert.deepEqual(last.items.map((i) => i.label), ['In 2 weeks', 'In 1 month', 'In 3 months', 'No']);
    await pickAndAccept(api, last, ['In 2 weeks']);
    const id = await done;
    await eventually(async () => assert.equal((await readText(file)).slice(original.length), `\n  - id: ${id}\n    date: 2026-11-02\n    title: Started the caching RFC\n    type: project\n    followUp: ${followUpDate(today(), '2-weeks')}\n`));
    await restore();
  });

  it('takes the current level from the latest promotion: the packet’s pickers and the competency header show it', async () => {
    clock.set('2026-11-26T10:00:00Z');
    const promotion = ['  - id: 2026-05-30-promoted', '    date: 2026-05-30', '    title: Promoted to Software Engineer II', '    type: move', '    direction: vertical', '    level: L2', ''].join('\n');
    await writeText(file, `${original}\n${promotion}`);
    await eventually(async () => assert.ok((await treeRows(api)).some((r) => r.label === 'Promoted to Software Engineer II')));
    const { input, done } = await startCommand(api, 'growthLog.generatePacket');
    const levels = asQuickPick(input);
    assert.equal(levels.items.find((i) => i.label === 'Software Engineer II')?.description, 'L2 · current');
    const periods = asQuickPick((await pickAndAccept(api, levels, ['Senior Software Engineer']))!);
    assert.deepEqual(periods.activeItems.map((i) => i.label), ['Since the last promotion'], 'the period starts on the time since the promotion');
    // The days after the promotion, to today.
    assert.match(periods.items.find((i) => i.label === 'Since the last promotion')?.description ?? '', /^2026-05-31 to \d{4}-\d\d-\d\d$/);
    await escape();
    assert.equal(await done, undefined);

    await vscode.commands.executeCommand('growthLog.groupBy', 'competency');
    try {
      const header = (await treeRows(api)).find((r) => r.label.startsWith('Target: '));
      assert.equal(header?.label, 'Target: Senior Software Engineer (L3)');
      assert.match(header?.description ?? '', /^now Software Engineer II \(L2\) since 2026-05-30, \d+ months? · counts the whole log$/);
    } finally {
      await vscode.commands.executeCommand('growthLog.groupBy', 'period');
      await restore();
    }
  });

  it('warns in the Problems panel about a promotion to a level the ladder does not have, at the level', async () => {
    const promotion = ['  - id: 2026-05-30-promoted', '    date: 2026-05-30', '    title: Promoted', '    type: move', '    direction: vertical', '    level: L9', ''].join('\n');
    await writeText(file, `${original}\n${promotion}`);
    try {
      const line = `${original}\n${promotion}`.split('\n').indexOf('    level: L9');
      const diagnostic = await eventually(() => {
        const found = vscode.languages.getDiagnostics(file).find((d) => d.message.startsWith('`L9` is not a level'));
        assert.ok(found, 'a diagnostic for the level');
        return found;
      });
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [line, 11, 13]);
      assert.match(diagnostic.message, /its levels are `L1`, `L2`, `L3`, `L4`, `L5`, `L6`/);
    } finally {
      await writeText(file, original);
      await eventually(() => assert.ok(!vscode.languages.getDiagnostics(file).some((d) => d.message.startsWith('`L9`'))));
    }
  });
});
