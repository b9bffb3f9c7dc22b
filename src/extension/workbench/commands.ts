import * as vscode from 'vscode';
import { LogError } from '../../core/model/problem';
import type { Logger } from './logger';

/** A command as VS Code's built-in extensions shape them: an id and an execute. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/**
 * Registers commands so that a failure is logged with the command's name and shown to the user
 * as one sentence, whichever way the command was started (palette, tree, keybinding).
 */
export function registerCommands(context: vscode.ExtensionContext, logger: Logger, commands: readonly Command[]): void {
  for (const command of commands) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.execute(...args);
        } catch (error) {
          logger.error(`${command.id} failed`, error);
          const message = error instanceof LogError || error instanceof Error ? error.message : String(error);
          void vscode.window.showErrorMessage(message);
          return undefined;
        }
      }),
    );
  }
}
