// What an agent sends a tool, checked before anything is read or written. Models send
// near-misses (a misspelt key, 2026-02-30, a type that does not exist): each is refused with one
// sentence that says what to send instead, so the model can correct itself.
import { dateProblem, ENTRY_TYPES, isEntryType, MOVE_DIRECTIONS, normalizeTag, type EntryType, type MoveDirection, type NewEntry } from '../model/entry';
import { LogError } from '../model/problem';
import { NAMED_PERIODS, type NamedPeriodKind } from '../packet/period';
import type { ToolDefinition } from './toolCatalog';

export interface PeriodInput {
  readonly period?: NamedPeriodKind;
  readonly since?: string;
  readonly until?: string;
}

export interface FindInput extends PeriodInput {
  readonly text?: string;
  readonly tags: readonly string[];
  readonly type?: EntryType;
  readonly limit: number;
  readonly includePrivate: boolean;
}

export interface LevelInput extends PeriodInput {
  readonly level?: string;
  readonly includePrivate: boolean;
}

export const DEFAULT_FIND_LIMIT = 50;
const MAX_FIND_LIMIT = 200;

function invalid(message: string): LogError {
  return new LogError('invalid', message);
}

/** The input as an object whose keys the tool declares; anything else is refused by name. */
function fields(input: unknown, tool: ToolDefinition): Record<string, unknown> {
  const value = input ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`The input of ${tool.name} must be an object with the properties ${Object.keys(tool.inputSchema.properties).join(', ')}.`);
  const record = value as Record<string, unknown>;
  const known = Object.keys(tool.inputSchema.properties);
  const unknown = Object.keys(record).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw invalid(`${tool.name} has no ${unknown.length === 1 ? 'property' : 'properties'} ${unknown.map((k) => `\`${k}\``).join(', ')}; its properties are ${known.join(', ')}.`);
  }
  for (const key of tool.inputSchema.required ?? []) {
    if (record[key] === undefined || record[key] === null) throw invalid(`\`${key}\` is required.`);
  }
  // A model often sends null for "not given".
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
}

function text(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`\`${key}\` must be text, not ${describe(value)}.`);
  return value.trim() || undefined;
}

function list(record: Record<string, unknown>, key: string): string[] {
  const value = record[key];
  if (value === undefined) return [];
  // One tag given as text is what was meant: a list of one.
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) throw invalid(`\`${key}\` must be a list of text, such as ["infra", "on-call"].`);
  return [...new Set((items as string[]).map((item) => item.trim()).filter(Boolean))];
}

function date(record: Record<string, unknown>, key: string): string | undefined {
  const value = text(record, key);
  if (value === undefined) return undefined;
  const problem = dateProblem(value);
  if (problem) throw invalid(`\`${key}\`: ${problem}`);
  return value;
}

function bool(record: Record<string, unknown>, key: string): boolean {
  const value = record[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalid(`\`${key}\` must be true or false, not ${describe(value)}.`);
  return value;
}

function entryType(record: Record<string, unknown>): EntryType | undefined {
  const value = text(record, 'type');
  if (value === undefined) return undefined;
  if (!isEntryType(value)) throw invalid(`\`${value}\` is not an entry type; use one of ${ENTRY_TYPES.join(', ')}.`);
  return value;
}

function period(record: Record<string, unknown>): PeriodInput {
  const named = text(record, 'period');
  if (named !== undefined && !NAMED_PERIODS.some((p) => p.kind === named)) {
    throw invalid(`\`${named}\` is not a period; use one of ${NAMED_PERIODS.map((p) => p.kind).join(', ')}, or since/until dates.`);
  }
  const since = date(record, 'since');
  const until = date(record, 'until');
  if (named !== undefined && (since !== undefined || until !== undefined)) throw invalid('Give either a named period or since/until dates, not both.');
  if (since !== undefined && until !== undefined && since > until) throw invalid(`The period starts on ${since}, after it ends on ${until}.`);
  return { period: named as NamedPeriodKind | undefined, since, until };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/**
 * An entry as Add Entry would write it. `competencies` are checked against `knownCompetencies`
 * (the ladder's criterion ids) when given, since an agent guessing ids would make evidence that
 * counts for nothing.
 */
export function parseAddInput(input: unknown, tool: ToolDefinition, today: string, knownCompetencies?: readonly string[]): NewEntry {
  const record = fields(input, tool);
  const title = text(record, 'title');
  if (!title) throw invalid('`title` is required: one line saying what the user did.');
  if (/[\r\n]/.test(title)) throw invalid('`title` must be one line; put the rest in `details`.');
  const type = entryType(record);
  const directionText = text(record, 'direction');
  if (directionText !== undefined && !(MOVE_DIRECTIONS as readonly string[]).includes(directionText)) {
    throw invalid(`\`${directionText}\` is not a direction; use ${MOVE_DIRECTIONS.join(' or ')}.`);
  }
  if (directionText !== undefined && type !== 'move') throw invalid('`direction` applies only to entries of type move.');
  let competencies = list(record, 'competencies');
  if (knownCompetencies) {
    const known = new Map(knownCompetencies.map((id) => [id.toLowerCase(), id]));
    const unknown = competencies.filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length > 0) {
      throw invalid(`The ladder has no criterion ${unknown.map((id) => `\`${id}\``).join(', ')}; its criterion ids are ${[...new Set(known.values())].join(', ')}. Leave competencies out when unsure.`);
    }
    // Written as the ladder spells them, as Add Entry's pick list does.
    competencies = [...new Set(competencies.map((id) => known.get(id.toLowerCase()) ?? id))];
  }
  const details = record.details;
  if (details !== undefined && typeof details !== 'string') throw invalid(`\`details\` must be text, not ${describe(details)}.`);
  return {
    date: date(record, 'date') ?? today,
    title,
    type,
    impact: text(record, 'impact'),
    tags: [...new Set(list(record, 'tags').map(normalizeTag))],
    competencies,
    direction: directionText as MoveDirection | undefined,
    details: typeof details === 'string' && details.trim() ? details.replace(/\s+$/, '') : undefined,
  };
}

export function parseFindInput(input: unknown, tool: ToolDefinition): FindInput {
  const record = fields(input, tool);
  const limit = record.limit ?? DEFAULT_FIND_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT) {
    throw invalid(`\`limit\` must be a whole number from 1 to ${MAX_FIND_LIMIT}.`);
  }
  return {
    text: text(record, 'text'),
    tags: list(record, 'tags').map(normalizeTag),
    type: entryType(record),
    ...period(record),
    limit,
    includePrivate: bool(record, 'includePrivate'),
  };
}

export function parseLevelInput(input: unknown, tool: ToolDefinition): LevelInput {
  const record = fields(input, tool);
  return { level: text(record, 'level'), ...period(record), includePrivate: bool(record, 'includePrivate') };
}
