import * as vscode from 'vscode';

/** The context keys the manifest's `when` clauses read. */
export interface ContextKeyValues {
  'growthLog.groupBy': string;
  'growthLog.filtered': boolean;
  /** `empty`: no entries and no problems; `problemsOnly`: files, but no valid entry; `entries`. */
  'growthLog.state': 'empty' | 'problemsOnly' | 'entries';
  /** The extension runs in the browser's web worker host, where git capture cannot. */
  'growthLog.webWorker': boolean;
}

/** Sets context keys through one typed door, skipping values that did not change. */
export class ContextKeys {
  private readonly values = new Map<string, unknown>();

  set<K extends keyof ContextKeyValues>(key: K, value: ContextKeyValues[K]): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
