// A multi-step input with Back and step counts, in the shape of vscode-extension-samples'
// quickinput-sample: each step is a function that shows one widget and returns the next step.
import * as vscode from 'vscode';
import type { QuickInputs } from './quickInputs';

export type InputStep = (input: MultiStepInput) => Promise<InputStep | void>;

class InputFlowAction {
  static readonly back = new InputFlowAction();
  static readonly cancel = new InputFlowAction();
}

interface StepOptions {
  readonly title: string;
  /** Left out for a single question, which shows no step count. */
  readonly step?: number;
  readonly totalSteps?: number;
}

export interface InputBoxOptions extends StepOptions {
  readonly value: string;
  readonly prompt: string;
  readonly placeholder?: string;
  /** Returns the reason the value is refused, shown in place, or undefined when it is fine. */
  readonly validate: (value: string) => string | undefined;
}

export interface QuickPickOptions<T extends vscode.QuickPickItem> extends StepOptions {
  readonly items: readonly T[];
  readonly placeholder: string;
  /** Shown under the filter box: room for guidance the placeholder has no width for. */
  readonly prompt?: string;
  readonly canSelectMany?: boolean;
  /**
   * In a many-select list whose filter also takes typed values, Space checks the highlighted item
   * instead of typing a space (VS Code checks with Space only once the list has the focus).
   */
  readonly spaceChecks?: boolean;
  readonly selected?: readonly T[];
  readonly active?: T;
  /** Lets Enter accept typed text that matches no item (a new value) in a single pick. */
  readonly acceptValue?: boolean;
  readonly matchOnDetail?: boolean;
}

export interface QuickPickResult<T extends vscode.QuickPickItem> {
  readonly items: readonly T[];
  readonly value: string;
  /** The highlighted item when Enter was pressed (in a many-select list, checked or not). */
  readonly active: readonly T[];
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private readonly steps: InputStep[] = [];

  private constructor(private readonly inputs: QuickInputs) {}

  /** Runs the steps; resolves true when the flow finished, false when the user escaped. */
  static async run(inputs: QuickInputs, start: InputStep): Promise<boolean> {
    const input = new MultiStepInput(inputs);
    try {
      return await input.stepThrough(start);
    } finally {
      input.current?.dispose();
    }
  }

  private async stepThrough(start: InputStep): Promise<boolean> {
    let step: InputStep | void = start;
    while (step) {
      this.steps.push(step);
      if (this.current) {
        this.current.enabled = false;
        this.current.busy = true;
      }
      try {
        step = await step(this);
      } catch (error) {
        if (error === InputFlowAction.back) {
          this.steps.pop();
          step = this.steps.pop();
        } else if (error === InputFlowAction.cancel) {
          return false;
        } else {
          throw error;
        }
      }
    }
    return true;
  }

  showInputBox(options: InputBoxOptions): Promise<string> {
    const box = this.inputs.createInputBox();
    this.prepare(box, options);
    box.value = options.value;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.validationMessage = undefined;
    return new Promise<string>((resolve, reject) => {
      const disposables: vscode.Disposable[] = [
        box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && reject(InputFlowAction.back)),
        box.onDidAccept(() => {
          const message = options.validate(box.value);
          box.validationMessage = message;
          if (message === undefined) resolve(box.value);
        }),
        box.onDidChangeValue((value) => {
          // Clear a refusal as soon as the user fixes it, but do not nag while they type.
          if (box.validationMessage && options.validate(value) === undefined) box.validationMessage = undefined;
        }),
        box.onDidHide(() => reject(InputFlowAction.cancel)),
      ];
      this.swap(box, disposables);
    });
  }

  /** Resolves with the chosen items and the text left in the filter box (new values, typed). */
  showQuickPick<T extends vscode.QuickPickItem>(options: QuickPickOptions<T>): Promise<QuickPickResult<T>> {
    const pick = this.inputs.createQuickPick<T>();
    this.prepare(pick, options);
    pick.placeholder = options.placeholder;
    pick.prompt = options.prompt;
    pick.canSelectMany = options.canSelectMany ?? false;
    pick.matchOnDescription = true;
    pick.matchOnDetail = options.matchOnDetail ?? false;
    pick.items = options.items;
    if (options.selected) pick.selectedItems = options.selected;
    if (options.active) pick.activeItems = [options.active];
    else if (options.spaceChecks && options.items.length > 0) pick.activeItems = [options.items[0]];
    return new Promise<QuickPickResult<T>>((resolve, reject) => {
      const disposables: vscode.Disposable[] = [
        ...(options.spaceChecks && pick.canSelectMany ? [spaceChecksHighlighted(pick)] : []),
        pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && reject(InputFlowAction.back)),
        pick.onDidAccept(() => {
          const items = pick.canSelectMany ? pick.selectedItems : pick.activeItems.slice(0, 1);
          if (items.length > 0 || pick.canSelectMany || (options.acceptValue && pick.value.trim())) resolve({ items, value: pick.value, active: pick.activeItems });
        }),
        pick.onDidHide(() => reject(InputFlowAction.cancel)),
      ];
      this.swap(pick, disposables);
    });
  }

  private prepare(input: vscode.QuickInput, options: StepOptions): void {
    input.title = options.title;
    input.step = options.step;
    input.totalSteps = options.totalSteps;
    input.ignoreFocusOut = true;
    (input as vscode.InputBox).buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  private swap(input: vscode.QuickInput, disposables: vscode.Disposable[]): void {
    const previous = this.current;
    this.current = input;
    // Disposing the listeners before hiding the previous widget keeps its hide from cancelling.
    input.onDidHide(() => vscode.Disposable.from(...disposables).dispose());
    this.inputs.show(input);
    previous?.dispose();
  }
}

/**
 * A Space typed at the end of the filter checks (or unchecks) the highlighted item and takes the
 * space back out. A filter with no highlighted item (a new value that matches nothing) keeps it.
 */
function spaceChecksHighlighted<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>): vscode.Disposable {
  let previous = pick.value;
  // What the user sees highlighted. The workbench reports a many-select list's active item as
  // gone when the filter changes, sometimes before the change itself, so it is kept here.
  let highlighted: T | undefined = pick.activeItems[0];
  const active = pick.onDidChangeActive((items) => {
    if (items.length > 0) highlighted = items[0];
  });
  const value = pick.onDidChangeValue((value) => {
    const before = previous;
    previous = value;
    if (value === `${before} ` && highlighted) {
      const item = highlighted;
      const checked = pick.selectedItems.includes(item);
      pick.selectedItems = checked ? pick.selectedItems.filter((i) => i !== item) : [...pick.selectedItems, item];
      // The filter found the item; clear it for the next one, but keep new values typed before it.
      previous = before.includes(',') ? before : '';
      pick.value = previous;
      return;
    }
    // A many-select list highlights nothing while the user types; highlight the first match,
    // as a single pick does, so there is something for Space to check.
    const filter = value.trim().toLowerCase();
    highlighted = filter ? pick.items.find((item) => item.label.toLowerCase().includes(filter)) : pick.items[0];
    if (highlighted) pick.activeItems = [highlighted];
  });
  return vscode.Disposable.from(active, value);
}

/** One question in an InputBox; undefined when the user escapes. */
export async function askText(inputs: QuickInputs, options: Omit<InputBoxOptions, 'step' | 'totalSteps'>): Promise<string | undefined> {
  let answer: string | undefined;
  const finished = await MultiStepInput.run(inputs, async (input) => {
    answer = await input.showInputBox(options);
  });
  return finished ? answer : undefined;
}

/** One choice in a QuickPick; undefined when the user escapes. */
export async function askPick<T extends vscode.QuickPickItem>(inputs: QuickInputs, options: Omit<QuickPickOptions<T>, 'step' | 'totalSteps'>): Promise<QuickPickResult<T> | undefined> {
  let answer: QuickPickResult<T> | undefined;
  const finished = await MultiStepInput.run(inputs, async (input) => {
    answer = await input.showQuickPick(options);
  });
  return finished ? answer : undefined;
}

/**
 * A confirmation in the quick input rather than a modal dialog: the question (with what will
 * change) and two choices, so Escape and Cancel both leave everything as it was.
 */
export async function confirmInPick(inputs: QuickInputs, title: string, question: string, action: string): Promise<boolean> {
  const items = [
    { label: `$(check) ${action}`, detail: question, confirmed: true },
    { label: '$(close) Cancel', confirmed: false },
  ];
  const picked = await askPick(inputs, { title, placeholder: question, items, active: items[0] });
  return picked?.items[0]?.confirmed === true;
}
