// The part of VS Code's built-in Git extension API (`vscode.git`, getAPI(1)) that Log from Git
// uses, as declared in microsoft/vscode's extensions/git/src/api/git.d.ts. Only the members read
// here are listed; the extension's own exports are richer.
import type * as vscode from 'vscode';

export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitAPI;
}

export interface GitAPI {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly Repository[];
  openRepository(root: vscode.Uri): Promise<Repository | null>;
}

export interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly remotes: readonly Remote[] };
  getConfig(key: string): Promise<string>;
  log(options?: LogOptions): Promise<Commit[]>;
}

export interface Remote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}

export interface LogOptions {
  /** Max number of log entries to retrieve; `git log -n`. */
  readonly maxEntries?: number;
  /** `git log --skip`: how many to pass over, for reading page by page. */
  readonly skip?: number;
  /** `git log --author`, a regular expression. */
  readonly author?: string;
  /** `--shortstat`: each commit's files, insertions and deletions. */
  readonly shortStats?: boolean;
}

export interface Commit {
  readonly hash: string;
  readonly message: string;
  readonly parents: readonly string[];
  readonly authorDate?: Date;
  readonly authorEmail?: string;
  readonly commitDate?: Date;
  readonly shortStat?: { readonly files: number; readonly insertions: number; readonly deletions: number };
}
