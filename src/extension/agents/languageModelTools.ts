// The agent tools in VS Code's chat: registered with vscode.lm.registerTool over the same core
// as `growth-log mcp`. Adding an entry always asks the user first (prepareInvocation's
// confirmation), then goes the way Add Entry goes: under the log's lock, undoable.
import * as vscode from 'vscode';
import { describeNewEntry, entryToAdd, runTool, type AgentLog } from '../../core/agents/agentTools';
import { TOOLS, type ToolName } from '../../core/agents/toolCatalog';
import { today, type NewEntry } from '../../core/model/entry';
import { LogError } from '../../core/model/problem';
import { captureEntry, type CaptureDeps } from '../capture/addEntry';
import type { Logger } from '../workbench/logger';
import type { FolderLog } from '../log/workspaceLogs';

export type AgentTools = ReadonlyMap<ToolName, vscode.LanguageModelTool<unknown>>;

const PROGRESS: Record<ToolName, string> = {
  growthLog_addEntry: 'Adding the entry to the growth log',
  growthLog_findEntries: 'Searching the growth log',
  growthLog_readiness: 'Measuring readiness against the ladder',
  growthLog_draftPacket: 'Drafting the promotion packet',
};

/**
 * The log a tool works on: the one of the active editor's workspace folder, else the first. A
 * tool in the middle of a chat cannot stop to ask which.
 */
async function currentLog(deps: CaptureDeps): Promise<FolderLog> {
  await deps.logs.ready();
  const logs = deps.logs.logs;
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  const log = logs.find((l) => l.workspaceFolder === folder) ?? logs[0];
  if (!log) throw new LogError('not-found', 'No folder is open, so there is no growth log; open a folder first.');
  return log;
}

function relativePath(file: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(file));
}

/** The folder's log as the core's tools see it, now. */
function agentLog(deps: CaptureDeps, log: FolderLog): AgentLog {
  const fileFor = (entry: NewEntry) => relativePath(vscode.Uri.joinPath(log.uri, `${entry.date.slice(0, 4)}.yaml`).toString());
  return {
    entries: log.store.entries,
    problems: log.store.problems.map((problem) => ({ ...problem, file: relativePath(problem.file) })),
    ladder: log.ladder,
    targetLevel: log.targetLevel(),
    today: today(),
    fileFor,
    add: async (entry) => ({ id: await captureEntry(deps, log, entry), file: fileFor(entry) }),
  };
}

function createTool(name: ToolName, deps: CaptureDeps, logger: Logger): vscode.LanguageModelTool<unknown> {
  return {
    async prepareInvocation(options) {
      if (name !== 'growthLog_addEntry') return { invocationMessage: PROGRESS[name] };
      const log = agentLog(deps, await currentLog(deps));
      let entry: NewEntry;
      try {
        entry = entryToAdd(options.input, log);
      } catch (error) {
        // Input that is refused writes nothing: there is nothing to confirm, and invoke says why.
        if (error instanceof LogError) return { invocationMessage: PROGRESS[name] };
        throw error;
      }
      const file = log.fileFor(entry);
      return {
        invocationMessage: `Adding “${entry.title}” to ${file}`,
        confirmationMessages: { title: 'Add this entry to your growth log?', message: new vscode.MarkdownString(describeNewEntry(entry, file)) },
      };
    },
    async invoke(options) {
      const result = await runTool(name, options.input, agentLog(deps, await currentLog(deps)));
      if (result.isError) {
        logger.info(`${name} refused: ${result.text}`);
        // VS Code shows a thrown error as a failed tool call and hands its message to the model.
        throw new Error(result.text);
      }
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
    },
  };
}

export function registerLanguageModelTools(context: vscode.ExtensionContext, deps: CaptureDeps, logger: Logger): AgentTools {
  const tools = new Map<ToolName, vscode.LanguageModelTool<unknown>>();
  // A VS Code without the language-model API (a fork, an old web host) still gets the rest.
  if (typeof vscode.lm?.registerTool !== 'function') return tools;
  for (const definition of TOOLS) {
    const tool = createTool(definition.name, deps, logger);
    tools.set(definition.name, tool);
    context.subscriptions.push(vscode.lm.registerTool(definition.name, tool));
  }
  return tools;
}
