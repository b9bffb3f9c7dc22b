// One log folder on disk as the CLI's commands and the MCP server use it: read it, and add an
// entry the one way every Node writer does, under the folder's lock.
import * as path from 'node:path';
import type { NewEntry } from '../core/model/entry';
import { formatProblem, type Problem } from '../core/model/problem';
import type { AgentLog } from '../core/agents/agentTools';
import { ladderFromFile } from '../core/packet/defaultLadder';
import { LADDER_FILE_NAME } from '../core/packet/ladder';
import { EntryStore } from '../core/store/store';
import { nodeFolderAccess, withNodeLogLock, writeFileAtomic } from './nodeFolderAccess';

export async function loadStore(dir: string): Promise<EntryStore> {
  const store = new EntryStore(nodeFolderAccess(dir));
  await store.loadAll();
  return store;
}

/**
 * Adds the entry to `<dir>/<year>.yaml`. Reading the log (for its ids), planning and writing are
 * one step under the folder's lock, so an add racing another add, a tag or the extension never
 * replaces their change.
 */
export async function addEntryToFolder(dir: string, entry: NewEntry): Promise<{ id: string; file: string; otherErrors: boolean }> {
  return withNodeLogLock(dir, async () => {
    const store = await loadStore(dir);
    const plan = await store.planAdd(entry);
    await writeFileAtomic(plan.file, plan.after);
    return { id: plan.id, file: plan.file, otherErrors: store.problems.some((p) => p.severity === 'error') };
  });
}

/** The log in `dir` as the agent tools see it, read now; files are named relative to `cwd`. */
export async function folderAgentLog(dir: string, today: string, cwd = process.cwd()): Promise<AgentLog> {
  const access = nodeFolderAccess(dir);
  const store = new EntryStore(access);
  const ladderFile = access.fileKey(LADDER_FILE_NAME);
  const [, ladderText] = await Promise.all([store.loadAll(), access.readFile(ladderFile)]);
  const shown = (file: string) => path.relative(cwd, file) || file;
  return {
    entries: store.entries,
    problems: store.problems.map((problem) => ({ ...problem, file: shown(problem.file) })),
    ladder: ladderFromFile(ladderText, shown(ladderFile)),
    today,
    fileFor: (entry) => shown(access.fileKey(`${entry.date.slice(0, 4)}.yaml`)),
    add: async (entry) => {
      const added = await addEntryToFolder(dir, entry);
      return { id: added.id, file: shown(added.file) };
    },
  };
}

/**
 * Prints each problem once as `file:line:col: severity: message`, its file relative to the current
 * folder (a broken ladder.yaml is also a YAML file of the folder, so it can come twice).
 */
export function reportProblems(problems: readonly Problem[], err: (text: string) => void): void {
  const shown = new Set<string>();
  for (const problem of problems) {
    const line = formatProblem({ ...problem, file: path.relative(process.cwd(), problem.file) || problem.file });
    if (!shown.has(line)) err(`${line}\n`);
    shown.add(line);
  }
}
