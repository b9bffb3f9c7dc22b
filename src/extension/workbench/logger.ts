import * as vscode from 'vscode';

/** What the extension logs through; the output channel is created once, in activate. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, error) => channel.error(message, ...(error === undefined ? [] : [error instanceof Error ? (error.stack ?? error.message) : String(error)])),
  };
}
