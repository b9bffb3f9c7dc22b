// `growth-log mcp`: the agent tools over the Model Context Protocol on stdin/stdout, for agents
// outside VS Code (a terminal agent, a desktop assistant). Each call reads the log folder as it
// is then, and adding takes the same path and lock as `growth-log add`. Nothing here opens a
// network connection: the only channel is the stdio of the process that started it.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Readable, Writable } from 'node:stream';
import { runTool } from '../core/agents/agentTools';
import { TOOLS } from '../core/agents/toolCatalog';
import { today } from '../core/model/entry';
import { folderAgentLog } from './folderLog';

/** The package's version, which the server reports; a unit test keeps it equal to package.json's. */
export const SERVER_VERSION = '0.1.0';

export const MCP_USAGE = `Usage: growth-log mcp [--dir DIR]

Serves the log in DIR (default: brag) to an agent over the Model Context Protocol on
stdin/stdout, with four tools: growthLog_addEntry, growthLog_findEntries, growthLog_readiness
and growthLog_draftPacket. An MCP client starts it; it runs until the client closes it.
`;

const INSTRUCTIONS =
  "Growth Log is the user's brag document: evidence of their work and growth (shipped projects, skills, learning, mentoring, recognition, role changes) kept as YAML files they own, " +
  'used for performance reviews and promotion packets against a career ladder. Log what the user did when they ask; never invent impact. ' +
  'Entries marked private are left out unless the user asks for them.';

/** The tools as MCP lists them: the same names, descriptions and schemas as in VS Code. */
export function mcpTools(): Tool[] {
  return TOOLS.map((tool) => ({
    name: tool.name,
    title: tool.displayName,
    description: tool.modelDescription,
    inputSchema: {
      type: 'object',
      properties: { ...tool.inputSchema.properties },
      ...(tool.inputSchema.required ? { required: [...tool.inputSchema.required] } : {}),
      additionalProperties: false,
    },
    annotations: { title: tool.displayName, readOnlyHint: tool.readOnly, destructiveHint: false, idempotentHint: tool.readOnly, openWorldHint: false },
  }));
}

/** A server for the log in `dir`; `clock` gives today's date (YYYY-MM-DD) at each call. */
export function createMcpServer(dir: string, clock: () => string = () => today()): { server: Server; idle(): Promise<void> } {
  const server = new Server({ name: 'growth-log', title: 'Growth Log', version: SERVER_VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const running = new Set<Promise<unknown>>();
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: mcpTools() }));
  server.setRequestHandler(CallToolRequestSchema, (request): Promise<CallToolResult> => {
    const call = (async (): Promise<CallToolResult> => {
      // Read at every call: the user, the extension or a git hook may have changed the log since.
      const log = await folderAgentLog(dir, clock());
      const result = await runTool(request.params.name, request.params.arguments ?? {}, log);
      return { content: [{ type: 'text', text: result.text }], isError: result.isError };
    })();
    running.add(call);
    void call.finally(() => running.delete(call)).catch(() => undefined);
    return call;
  });
  /** Resolves once no call is running, including calls whose request was read but not yet started. */
  const idle = async () => {
    do {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.allSettled([...running]);
    } while (running.size > 0);
  };
  return { server, idle };
}

export async function runMcpCommand(args: readonly string[], out: (s: string) => void, err: (s: string) => void, stdio: { stdin: Readable; stdout: Writable } = process): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...args], strict: true, options: { dir: { type: 'string', default: 'brag' }, help: { type: 'boolean', short: 'h', default: false } } }).values;
  } catch (error) {
    err(`growth-log mcp: ${error instanceof Error ? error.message : String(error)}\n\n${MCP_USAGE}`);
    return 2;
  }
  if (values.help) {
    out(MCP_USAGE);
    return 0;
  }
  const { server, idle } = createMcpServer(path.resolve(values.dir ?? 'brag'));
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  // The client closing our stdin ends the session, once the calls it sent are answered (an add
  // it asked for is finished, not cut off halfway).
  stdio.stdin.once('end', () => void idle().then(() => server.close()));
  await server.connect(new StdioServerTransport(stdio.stdin, stdio.stdout));
  await closed;
  return 0;
}
