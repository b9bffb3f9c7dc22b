import type { SourceRange } from './entry';

export type Severity = 'error' | 'warning';

/** Something wrong in a log file, with the exact place a person should look. */
export interface Problem {
  readonly file: string;
  readonly range: SourceRange;
  readonly severity: Severity;
  readonly message: string;
}

/** `file:line:col: severity: message`, one-based, the shape compilers and editors understand. */
export function formatProblem(problem: Problem): string {
  const { line, column } = problem.range.start;
  return `${problem.file}:${line + 1}:${column + 1}: ${problem.severity}: ${problem.message}`;
}

/** Why an operation on the log was refused; `message` is one sentence for the user. */
export class LogError extends Error {
  constructor(
    readonly reason: 'unparsable' | 'not-found' | 'invalid' | 'io' | 'busy' | 'unreadable' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'LogError';
  }
}
