// The habit loop's notifications. They are VS Code's own; this seam tells listeners when one is
// shown and lets them answer it, the way QuickInputs lets the integration tests type into inputs.
import * as vscode from 'vscode';

export interface ShownNotification {
  readonly message: string;
  readonly actions: readonly string[];
  /** Answers as if the user clicked the action (undefined: closed). */
  answer(action: string | undefined): void;
}

export class Notifications implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<ShownNotification>();
  readonly onDidShow = this.shown.event;

  /** Shows an information message with buttons; resolves with the clicked one, or undefined. */
  ask(message: string, actions: readonly string[]): Promise<string | undefined> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (action: string | undefined) => {
        if (settled) return;
        settled = true;
        resolve(action);
      };
      vscode.window.showInformationMessage(message, ...actions).then(settle, () => settle(undefined));
      this.shown.fire({ message, actions, answer: settle });
    });
  }

  dispose(): void {
    this.shown.dispose();
  }
}
