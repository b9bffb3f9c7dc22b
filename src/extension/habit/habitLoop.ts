// The habit loop in a window: the weekly nudge, the daily question about a due follow-up, and
// the view's badge. At activation it only reads the shared timestamps and sets a timer; the log is
// read when something is due. Every window shares the timestamps (global state), and only the
// focused one asks, so two windows never nag twice.
import * as vscode from 'vscode';
import { decideFollowUpNotice, followUpQuestion } from '../../core/habit/followUps';
import { lastEntryDate } from '../../core/habit/status';
import { decideReminder, DEFAULT_REMINDER, isWeekday, markShown, parseTime, reminderMessage, snoozeUntilMonday, type ReminderSettings, type ReminderState } from '../../core/habit/weeklyReminder';
import type { EntriesTreeProvider, TreeNode } from '../tree/entriesTree';
import type { WorkspaceLogs } from '../log/workspaceLogs';
import type { Logger } from '../workbench/logger';
import { systemClock, todayOf, type Clock } from './clock';
import { answerFollowUp, FOLLOW_UP_ACTIONS, type FollowUpDeps } from './followUpCommands';
import type { Notifications } from './notifications';

/** The key in global state, shared by every window. */
export const HABIT_STATE_KEY = 'growthLog.habit';

export interface HabitState extends ReminderState {
  /** When a window last looked for a due follow-up to ask about. */
  readonly followUpAskedAt?: number;
}

/** Whether the window has focus, and when it gains it. A seam like the clock, for the tests. */
export interface WindowFocus {
  focused(): boolean;
  readonly onDidFocus: vscode.Event<void>;
}

export const LOG_FROM_GIT = 'Log from Git';
export const QUICK_ADD = 'Quick Add';
export const SNOOZE = 'Snooze Until Monday';
export const TURN_OFF = 'Turn Off';

/** A little after activation, so a window opening on a due Friday is not greeted by a toast. */
const STARTUP_GRACE_MS = 20_000;
/** Timers wake at least hourly: a machine that slept would otherwise miss its moment by hours. */
const MAX_WAIT_MS = 3_600_000;

export interface HabitLoopDeps extends FollowUpDeps {
  readonly logs: WorkspaceLogs;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly notifications: Notifications;
  readonly logger: Logger;
  readonly globalState: vscode.Memento;
  /** Whether this extension host has Log from Git (the browser's web worker has no git). */
  readonly gitCapture: boolean;
}

const systemFocus: WindowFocus = {
  focused: () => vscode.window.state.focused,
  onDidFocus: (listener, thisArg, disposables) => vscode.window.onDidChangeWindowState((state) => state.focused && listener.call(thisArg), undefined, disposables),
};

export function reminderSettings(): ReminderSettings {
  const config = vscode.workspace.getConfiguration('growthLog.reminder');
  const day = config.get<string>('day');
  return {
    enabled: config.get<boolean>('enabled', DEFAULT_REMINDER.enabled),
    day: isWeekday(day) ? day : DEFAULT_REMINDER.day,
    time: config.get<string>('time', DEFAULT_REMINDER.time),
  };
}

export class HabitLoop implements vscode.Disposable {
  private clockInUse: Clock = systemClock;
  private focus: WindowFocus = systemFocus;
  private timer: vscode.Disposable | undefined;
  private focusSubscription: vscode.Disposable | undefined;
  private checking: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: Omit<HabitLoopDeps, 'clock'>) {
    this.setFocus(systemFocus);
    this.disposables.push(
      deps.logs.onDidChange(() => this.updateBadge()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('growthLog.reminder') && this.schedule(0)),
    );
  }

  get clock(): Clock {
    return this.clockInUse;
  }

  /** Reads the shared timestamps and sets the timer: all that runs at activation. */
  start(): void {
    this.schedule(STARTUP_GRACE_MS);
  }

  /** The tests' seam: another clock (and focus), then a fresh look at what is due. */
  use(clock: Clock, focus?: WindowFocus): void {
    this.clockInUse = clock;
    if (focus) this.setFocus(focus);
    this.deps.tree.refresh();
    this.updateBadge();
    this.schedule(0);
  }

  /** Forgets the shared timestamps, as on a fresh install (for the tests, which share one profile). */
  async forget(): Promise<void> {
    await this.setState({});
    this.schedule(0);
  }

  private setFocus(focus: WindowFocus): void {
    this.focusSubscription?.dispose();
    this.focus = focus;
    this.focusSubscription = focus.onDidFocus(() => void this.check());
  }

  private get state(): HabitState {
    return this.deps.globalState.get<HabitState>(HABIT_STATE_KEY) ?? {};
  }

  private async setState(state: HabitState): Promise<void> {
    await this.deps.globalState.update(HABIT_STATE_KEY, state);
  }

  /** The newest entry's date across the logs read so far (none before the log is read). */
  private lastEntryDate(): string | undefined {
    const today = todayOf(this.clock);
    return this.deps.logs.logs.map((log) => lastEntryDate(log.store.entries, today)).reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined);
  }

  /**
   * When to look next, from the timestamps and, once the log is read, its last entry. Before it
   * is read this may be early (an entry this week only makes the nudge wait), never late.
   */
  private nextCheck(): number {
    const now = this.clock.now();
    const zone = this.clock.zone();
    const settings = reminderSettings();
    const state = this.state;
    const reminder = decideReminder({ now, zone, settings, state, lastEntryDate: this.lastEntryDate() });
    const { hour, minute } = parseTime(settings.time);
    const followUp = decideFollowUpNotice({ now, zone, hour, minute, lastAskedAt: state.followUpAskedAt });
    const times = [reminder.kind === 'wait' ? reminder.until : reminder.kind === 'show' ? now : Infinity, followUp.kind === 'wait' ? followUp.until : now];
    return Math.min(...times);
  }

  private schedule(atLeastMs: number): void {
    this.timer?.dispose();
    const wait = Math.min(MAX_WAIT_MS, Math.max(atLeastMs, this.nextCheck() - this.clock.now()));
    this.timer = this.clock.setTimer(wait, () => void this.check());
  }

  /** Looks at what is due now and asks in this window when it has focus; then sets the next timer. */
  check(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    let waitForFocus = false;
    try {
      this.updateBadge();
      if (this.nextCheck() > this.clock.now()) return;
      // An unfocused window waits for focus; the focused one asks, and the others read its stamp.
      if (!this.focus.focused()) {
        waitForFocus = true;
        return;
      }
      await this.deps.logs.ready();
      this.deps.tree.refresh();
      this.updateBadge();
      if (await this.remindIfDue()) return;
      await this.askAboutFollowUpIfDue();
    } catch (error) {
      this.deps.logger.error('The habit loop could not check what is due', error);
    } finally {
      this.schedule(waitForFocus ? MAX_WAIT_MS : 0);
    }
  }

  private async remindIfDue(): Promise<boolean> {
    const now = this.clock.now();
    const zone = this.clock.zone();
    const today = todayOf(this.clock);
    const last = this.lastEntryDate();
    const settings = reminderSettings();
    if (decideReminder({ now, zone, settings, state: this.state, lastEntryDate: last }).kind !== 'show') return false;
    // Written before the toast shows: another window reading it now stays quiet. A follow-up
    // question waits for another day: one notification a day is the most the loop asks for.
    await this.setState({ ...markShown(this.state, now), followUpAskedAt: now });
    const actions = [...(this.deps.gitCapture && gitCaptureAvailable() ? [LOG_FROM_GIT] : []), QUICK_ADD, SNOOZE, TURN_OFF];
    void this.deps.notifications.ask(reminderMessage(last, today), actions).then((action) => this.onReminderAnswer(action));
    return true;
  }

  private async onReminderAnswer(action: string | undefined): Promise<void> {
    try {
      if (action === LOG_FROM_GIT) await vscode.commands.executeCommand('growthLog.logFromGit');
      else if (action === QUICK_ADD) await vscode.commands.executeCommand('growthLog.quickAdd');
      else if (action === SNOOZE) {
        await this.setState({ ...this.state, ...snoozeUntilMonday(this.state, this.clock.now(), this.clock.zone(), reminderSettings()) });
        this.schedule(0);
      } else if (action === TURN_OFF) {
        await vscode.workspace.getConfiguration('growthLog.reminder').update('enabled', false, vscode.ConfigurationTarget.Global);
      }
    } catch (error) {
      this.deps.logger.error(`The weekly reminder could not ${action ?? 'close'}`, error);
      void vscode.window.showErrorMessage(`Growth Log: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async askAboutFollowUpIfDue(): Promise<void> {
    const now = this.clock.now();
    const { hour, minute } = parseTime(reminderSettings().time);
    if (decideFollowUpNotice({ now, zone: this.clock.zone(), hour, minute, lastAskedAt: this.state.followUpAskedAt }).kind !== 'ask') return;
    await this.setState({ ...this.state, followUpAskedAt: now });
    const [first] = this.deps.tree.followUpsDue();
    if (!first) return;
    void this.deps.notifications.ask(followUpQuestion(first.entry), FOLLOW_UP_ACTIONS).then(async (action) => {
      try {
        await answerFollowUp({ ...this.deps, clock: () => this.clock }, first, action);
      } catch (error) {
        this.deps.logger.error(`Could not ${action ?? 'answer'} the follow-up of ${first.entry.id}`, error);
        void vscode.window.showErrorMessage(`Growth Log: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** The view's badge and the tree's row: the follow-ups due, once the log is read. */
  private updateBadge(): void {
    const count = this.deps.tree.followUpsDue().length;
    // A new day can make follow-ups due with no change to the log.
    if (count !== (this.deps.treeView.badge?.value ?? 0)) this.deps.tree.refresh();
    this.deps.treeView.badge = count > 0 ? { value: count, tooltip: `${count} ${count === 1 ? 'follow-up' : 'follow-ups'} due` } : undefined;
  }

  dispose(): void {
    this.timer?.dispose();
    this.focusSubscription?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** Log from Git needs VS Code's Git extension, turned on. */
function gitCaptureAvailable(): boolean {
  return vscode.extensions.getExtension('vscode.git') !== undefined && vscode.workspace.getConfiguration('git').get<boolean>('enabled', true);
}
