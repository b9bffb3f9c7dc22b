// What each agent tool does, over one folder's log: the VS Code tools and the MCP server call
// `runTool` with the log as they see it, so both answer with the same text. Results are compact
// text for a model to read: one line per entry or criterion, ids included so it can refer back.
import { type Entry, type NewEntry } from '../model/entry';
import { filterEntries } from '../model/entryQuery';
import { formatProblem, LogError, type Problem } from '../model/problem';
import { describeReason, criterionEvidence, MIN_EVIDENCE, type CriterionEvidence } from '../packet/evidence';
import { findLevel, levelLabel, type Ladder, type ParsedLadder } from '../packet/ladder';
import { generatePacket, planPacket } from '../packet/packet';
import { customPeriod, entriesInPeriod, periodRange, requiredNamedPeriod, type Period } from '../packet/period';
import { toolDefinition, type ToolDefinition, type ToolName } from './toolCatalog';
import { parseAddInput, parseFindInput, parseLevelInput, type PeriodInput } from './toolInput';

/** One folder's log as a tool sees it; the caller reads the files (and takes the lock to add). */
export interface AgentLog {
  /** Every valid entry, newest first, private ones included (the tools leave them out). */
  readonly entries: readonly Entry[];
  /** Problems of the entry files, mentioned so a model knows the log it read is incomplete. */
  readonly problems: readonly Problem[];
  readonly ladder: ParsedLadder;
  /** The level argued for when a request names none (VS Code's setting); else the ladder's. */
  readonly targetLevel?: string;
  readonly today: string;
  /** Where a new entry of that date goes, as the user knows the file (`brag/2026.yaml`). */
  fileFor(entry: NewEntry): string;
  /** Adds the entry under the log's lock; returns its id and file as the user knows it. */
  add(entry: NewEntry): Promise<{ readonly id: string; readonly file: string }>;
}

export interface ToolResult {
  readonly text: string;
  readonly isError: boolean;
}

/**
 * True for an entry the user keeps out of packets, exports and agents' answers (`private: true`).
 * The one place the tools decide it. Until the model reads `private` as a field of its own the key
 * is one of the entry's `extra` keys; either way the answer is the same.
 */
function visible(entries: readonly Entry[], includePrivate: boolean): readonly Entry[] {
  return includePrivate ? entries : entries.filter((entry) => !entry.private);
}

function tool(name: ToolName): ToolDefinition {
  const definition = toolDefinition(name);
  if (!definition) throw new Error(`Unknown tool ${name}`);
  return definition;
}

/** Runs a tool. Bad input, a broken ladder or an unknown level is an error result, never a throw. */
export async function runTool(name: string, input: unknown, log: AgentLog): Promise<ToolResult> {
  try {
    switch (name) {
      case 'growthLog_addEntry':
        return ok(await addEntry(input, log));
      case 'growthLog_findEntries':
        return ok(findEntries(input, log));
      case 'growthLog_readiness':
        return ok(readiness(input, log));
      case 'growthLog_draftPacket':
        return ok(draftPacket(input, log));
      default:
        return { text: `Growth Log has no tool \`${name}\`.`, isError: true };
    }
  } catch (error) {
    if (error instanceof LogError) return { text: error.message, isError: true };
    throw error;
  }
}

function ok(text: string): ToolResult {
  return { text, isError: false };
}

/** Every criterion id of the ladder, which is what an entry may list under `competencies`. */
function competencyIds(ladder: Ladder | undefined): string[] | undefined {
  if (!ladder) return undefined;
  return [...new Set(ladder.levels.flatMap((level) => level.criteria.map((c) => c.id)))];
}

/** The entry an add would write, checked; throws a LogError saying what is wrong. */
export function entryToAdd(input: unknown, log: Pick<AgentLog, 'ladder' | 'today'>): NewEntry {
  return parseAddInput(input, tool('growthLog_addEntry'), log.today, competencyIds(log.ladder.ladder));
}

/** What the user is asked to confirm before an agent adds an entry: every field, and the file. */
export function describeNewEntry(entry: NewEntry, file: string): string {
  const lines = [`**${markdownText(entry.title)}**`, '', `- Date: ${entry.date}`, `- Type: ${entry.type ?? 'project'}${entry.direction ? ` (${entry.direction})` : ''}`];
  if (entry.impact) lines.push(`- Impact: ${markdownText(entry.impact)}`);
  if (entry.tags?.length) lines.push(`- Tags: ${entry.tags.map(markdownText).join(', ')}`);
  if (entry.competencies?.length) lines.push(`- Competencies: ${entry.competencies.map(markdownText).join(', ')}`);
  if (entry.details) lines.push('- Details:', '', ...entry.details.split('\n').map((line) => `  > ${markdownText(line)}`));
  lines.push('', `Growth Log adds it to \`${file.replace(/`/g, "'")}\`.`);
  return lines.join('\n');
}

/** Text shown in Markdown as written: characters that would format are escaped. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#&$]/g, '\\$&');
}

async function addEntry(input: unknown, log: AgentLog): Promise<string> {
  const entry = entryToAdd(input, log);
  const { id, file } = await log.add(entry);
  return `Added “${entry.title}” (${entry.date}) to ${file} with the id ${id}.`;
}

/** The period a request names, or undefined for the whole log. */
function requestedPeriod(request: PeriodInput, entries: readonly Entry[], today: string): Period | undefined {
  if (request.since !== undefined || request.until !== undefined) return customPeriod(request.since, request.until ?? today);
  return request.period === undefined ? undefined : requiredNamedPeriod(request.period, entries, today);
}

function periodText(period: Period | undefined): string {
  if (!period) return 'the whole log';
  return period.kind === 'custom' ? periodRange(period) : `${period.label} (${periodRange(period)})`;
}

/** `2026-11-20 · project · Led the billing migration · impact: p99 down 40% · tags: infra · id: 2026-11-20-led-…` */
export function entryLine(entry: Entry): string {
  const parts = [entry.date, entry.type, oneLine(entry.title)];
  if (entry.impact?.trim()) parts.push(`impact: ${oneLine(entry.impact)}`);
  if (entry.tags.length > 0) parts.push(`tags: ${entry.tags.join(', ')}`);
  if (entry.private) parts.push('private');
  parts.push(`id: ${entry.id}`);
  return parts.join(' · ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function problemNote(problems: readonly Problem[]): string[] {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return [];
  return ['', `Note: the log files have ${errors.length === 1 ? 'an error' : `${errors.length} errors`}, so some entries may be missing; the first is ${formatProblem(errors[0])}`];
}

function findEntries(input: unknown, log: AgentLog): string {
  const request = parseFindInput(input, tool('growthLog_findEntries'));
  const period = requestedPeriod(request, log.entries, log.today);
  let entries = visible(log.entries, request.includePrivate);
  if (period) entries = entriesInPeriod(entries, period);
  if (request.type) entries = entries.filter((entry) => entry.type === request.type);
  entries = filterEntries(entries, { text: request.text, tags: request.tags });
  const asked = [
    request.text ? `containing “${request.text}”` : '',
    request.tags.length > 0 ? `tagged ${request.tags.join(', ')}` : '',
    request.type ? `of type ${request.type}` : '',
    period ? `in ${periodText(period)}` : '',
  ].filter(Boolean);
  const what = asked.length > 0 ? ` ${asked.join(', ')}` : '';
  if (entries.length === 0) return [`No entries${what}.`, ...problemNote(log.problems)].join('\n');
  const shown = entries.slice(0, request.limit);
  const lines = [`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${what}, newest first:`, ...shown.map((entry) => `- ${entryLine(entry)}`)];
  if (entries.length > shown.length) lines.push(`…and ${entries.length - shown.length} more; narrow the search or raise limit to see them.`);
  return [...lines, ...problemNote(log.problems)].join('\n');
}

/** The ladder a packet or readiness uses, or a LogError naming the first mistake in ladder.yaml. */
function usableLadder(log: AgentLog): Ladder {
  const ladder = log.ladder.ladder;
  if (ladder) return ladder;
  const first = log.ladder.problems[0];
  throw new LogError('invalid', `The log's ladder.yaml cannot be used as a ladder${first ? `: ${formatProblem(first)}` : ''}.`);
}

/** Ids of at most `max` entries, then how many more. */
function idList(entries: readonly Entry[], max: number, note?: (entry: Entry) => string): string {
  const shown = entries.slice(0, max).map((entry) => `${entry.id}${note ? note(entry) : ''}`);
  return entries.length > max ? `${shown.join(', ')} and ${entries.length - max} more` : shown.join(', ');
}

function criterionLines(item: CriterionEvidence): string[] {
  const { criterion, explicit, suggested } = item;
  const total = explicit.length + suggested.length;
  const status = item.isGap ? `GAP (${item.status === 'missing' ? 'no evidence' : 'one piece of evidence'})` : item.status === 'unconfirmed' ? 'covered only by suggestions' : 'supported';
  const lines = [`- ${criterion.id} · ${oneLine(criterion.title)}: ${total} (${explicit.length} explicit, ${suggested.length} suggested) · ${status}`];
  if (explicit.length > 0) lines.push(`  explicit: ${idList(explicit, 5)}`);
  if (suggested.length > 0) {
    lines.push(`  suggested: ${idList(suggested, 5, (entry) => {
      const reason = item.reasons.get(entry);
      return reason ? ` (${describeReason(reason)})` : '';
    })}`);
  }
  if (item.isGap && criterion.description) lines.push(`  evidence at this level looks like: ${oneLine(criterion.description)}`);
  return lines;
}

function readiness(input: unknown, log: AgentLog): string {
  const request = parseLevelInput(input, tool('growthLog_readiness'));
  const ladder = usableLadder(log);
  const entries = visible(log.entries, request.includePrivate);
  // The same choice of level as the packet's, so "readiness for my target" and the packet agree.
  const { targetLevel } = planPacket({ ladder, entries, today: log.today, target: request.level ?? log.targetLevel });
  const level = findLevel(ladder, targetLevel);
  if (!level) throw new LogError('invalid', `The ladder has no level \`${targetLevel}\`.`);
  const period = requestedPeriod(request, entries, log.today);
  const inPeriod = period ? entriesInPeriod(entries, period) : entries;
  const evidence = criterionEvidence(inPeriod, level);
  const gaps = evidence.filter((item) => item.isGap);
  const source = ladder.isDefault ? 'the built-in ladder' : `ladder.yaml${ladder.name ? ` (${ladder.name})` : ''}`;
  const lines = [
    `Readiness for ${levelLabel(ladder, level.id)} from ${source}, over ${periodText(period)} (${inPeriod.length} ${inPeriod.length === 1 ? 'entry' : 'entries'}).`,
    `Explicit evidence lists the criterion id under competencies; suggested evidence was matched by type or keyword and is not yet confirmed. A criterion with fewer than ${MIN_EVIDENCE} pieces is a gap.`,
  ];
  if (level.criteria.length === 0) lines.push('', 'The ladder lists no criteria for this level.');
  else lines.push('', ...evidence.flatMap(criterionLines), '', gaps.length === 0 ? 'Gaps: none.' : `Gaps: ${gaps.length} of ${evidence.length} (${gaps.map((g) => g.criterion.id).join(', ')}).`);
  return [...lines, ...problemNote(log.problems)].join('\n');
}

function draftPacket(input: unknown, log: AgentLog): string {
  const request = parseLevelInput(input, tool('growthLog_draftPacket'));
  const ladder = usableLadder(log);
  const entries = visible(log.entries, request.includePrivate);
  // As Generate Promotion Packet asks for it: the ladder's current level, the chosen target and period.
  const plan = planPacket({ ladder, entries, today: log.today, current: ladder.current, target: request.level ?? log.targetLevel, period: request.period, since: request.since, until: request.until });
  // The entries are already the visible ones; the flag tells a packet that leaves private entries
  // out by itself to keep those the request asked for.
  const packet = { ...plan, entries, ladder, today: log.today, includePrivate: request.includePrivate };
  return generatePacket(packet);
}
