import * as vscode from 'vscode';

/**
 * Creates the QuickPicks and InputBoxes of every flow, and tells listeners when one is shown.
 * The integration tests listen, so they can type into and accept the real widgets.
 */
export class QuickInputs implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<vscode.QuickInput>();
  readonly onDidShow = this.shown.event;

  createInputBox(): vscode.InputBox {
    return vscode.window.createInputBox();
  }

  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
    return vscode.window.createQuickPick<T>();
  }

  show(input: vscode.QuickInput): void {
    input.show();
    this.shown.fire(input);
  }

  dispose(): void {
    this.shown.dispose();
  }
}
