// Every problem in the log's files, in the Problems panel on its exact range.
import * as vscode from 'vscode';
import { levelProblems } from '../../core/habit/timeInLevel';
import type { Problem } from '../../core/model/problem';
import type { WorkspaceLogs } from './workspaceLogs';

export function registerDiagnostics(context: vscode.ExtensionContext, logs: WorkspaceLogs): void {
  const collection = vscode.languages.createDiagnosticCollection('growthLog');
  const update = () => {
    collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const log of logs.logs) {
      for (const problem of [...log.store.problems, ...log.ladder.problems, ...levelProblems(log.store.entries, log.ladder.ladder)]) {
        const list = byFile.get(problem.file) ?? [];
        list.push(toDiagnostic(problem));
        byFile.set(problem.file, list);
      }
    }
    collection.set([...byFile].map(([file, diagnostics]) => [vscode.Uri.parse(file), diagnostics]));
  };
  context.subscriptions.push(collection, logs.onDidChange(update));
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const { start, end } = problem.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.column, end.line, end.column),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Growth Log';
  return diagnostic;
}
