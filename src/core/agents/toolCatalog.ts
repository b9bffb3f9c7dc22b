// The four tools Growth Log gives coding agents, described once: VS Code's language-model tools
// (package.json's `languageModelTools`, kept equal to this by a unit test) and the MCP server
// both publish these names, descriptions and input schemas.
import { ENTRY_TYPES, MOVE_DIRECTIONS } from '../model/entry';
import { NAMED_PERIODS } from '../packet/period';

export type ToolName = 'growthLog_addEntry' | 'growthLog_findEntries' | 'growthLog_readiness' | 'growthLog_draftPacket';

export interface ToolDefinition {
  readonly name: ToolName;
  /** What a user types after `#` in chat to hand the tool to the model. */
  readonly toolReferenceName: string;
  readonly displayName: string;
  /** One line for people (VS Code's tool picker). */
  readonly userDescription: string;
  /** What a model reads, cold, to decide whether and how to call the tool. */
  readonly modelDescription: string;
  readonly inputSchema: JsonSchemaObject;
  /** False only for the tool that writes to the log. */
  readonly readOnly: boolean;
}

export interface JsonSchemaObject {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, object>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const PERIOD_PROPERTIES = {
  period: {
    type: 'string',
    enum: NAMED_PERIODS.map((p) => p.kind),
    description:
      'A named review period ending today: last-6-months, last-12-months, this-year, or since-promotion (the days after the latest `move` entry with direction vertical). Give either this or since/until, not both.',
  },
  since: { ...DATE, description: 'First day of a custom period, YYYY-MM-DD, included.' },
  until: { ...DATE, description: 'Last day of a custom period, YYYY-MM-DD, included. Defaults to today when since is given.' },
} as const;

const INCLUDE_PRIVATE = {
  includePrivate: {
    type: 'boolean',
    description: 'Also use entries the user marked `private: true`. Leave it out unless the user asked for their private entries in this request.',
  },
} as const;

export const TOOLS: readonly ToolDefinition[] = [
  {
    name: 'growthLog_addEntry',
    toolReferenceName: 'growthLogAdd',
    displayName: 'Add to Growth Log',
    userDescription: 'Adds an entry to your growth log (brag document) after you confirm it.',
    modelDescription:
      "Adds one entry to the user's growth log (a brag document kept as YAML files in the workspace, used later for performance reviews and promotion packets). " +
      'Use it when the user asks to log, record or remember something they did: shipped work, a skill learned, a course, praise received, mentoring, a new responsibility. ' +
      'Write the title as one line in the past tense saying what the user did ("Led the migration of billing to Postgres 16"), not what the code does. ' +
      'Fill impact only with outcomes the user or the conversation stated (numbers where known); never invent impact, dates or competencies. ' +
      'The date defaults to today. The user may be shown the entry and asked to confirm it first (VS Code always asks). A refusal or a validation error (an impossible date, an unknown type or competency) comes back as an error that says why, and nothing is written. ' +
      'Returns the new entry\'s id and file. Call growthLog_findEntries first if the work may already be logged.',
    inputSchema: {
      type: 'object',
      properties: {
        title: { type: 'string', description: 'What the user did: one line, past tense, specific. Required.' },
        date: { ...DATE, description: 'The day it happened, YYYY-MM-DD (a real calendar day). Omit for today.' },
        type: {
          type: 'string',
          enum: [...ENTRY_TYPES],
          description:
            'Kind of evidence: project (built, shipped or fixed something; the default), skill, learning (course, certification, degree), responsibility (now owns something), leadership, mentoring, collaboration (across teams), network (talk, community, connection), recognition (praise, award, feedback), move (a role change; give direction).',
        },
        impact: { type: 'string', description: 'What changed because of it, with numbers where the user gave them ("p99 latency down 40%"). Omit when unknown.' },
        tags: { type: 'array', items: { type: 'string' }, description: 'Short topic tags such as "infra" or "on-call"; stored lower case with spaces as "-".' },
        competencies: {
          type: 'array',
          items: { type: 'string' },
          description: "Ids of ladder criteria this entry shows (growthLog_readiness lists them, e.g. \"technical-scope\"). Only ids the ladder defines; omit when unsure.",
        },
        direction: { type: 'string', enum: [...MOVE_DIRECTIONS], description: 'For type move only: vertical (a promotion) or horizontal (another team or discipline).' },
        details: { type: 'string', description: 'Optional Markdown: context, what the user did, who they worked with, links to PRs or docs.' },
      },
      required: ['title'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'growthLog_findEntries',
    toolReferenceName: 'growthLogFind',
    displayName: 'Find in Growth Log',
    userDescription: 'Finds entries in your growth log by words, tags, type and period.',
    modelDescription:
      "Searches the user's growth log (their record of shipped work, skills, learning, mentoring, recognition and role changes) and returns matching entries, newest first, one line each: date, type, title, impact, tags and id. " +
      'Use it to answer what the user did in a period or on a topic, to check whether something is already logged before adding it, or to find entry ids. ' +
      'All filters are optional and combine: text (every word must appear in the title, impact, details, tags or links; any case), tags (entries must have all of them), type, and a period; without any, it lists the whole log. ' +
      'Read-only. Entries the user marked private are left out unless includePrivate is true.',
    inputSchema: {
      type: 'object',
      properties: {
        text: { type: 'string', description: 'Words that must all appear in an entry (title, impact, details, tags or links), any case.' },
        tags: { type: 'array', items: { type: 'string' }, description: 'Tags an entry must all have.' },
        type: { type: 'string', enum: [...ENTRY_TYPES], description: 'Only entries of this type.' },
        ...PERIOD_PROPERTIES,
        limit: { type: 'integer', minimum: 1, maximum: 200, description: 'Most entries to list (default 50); the total is always given.' },
        ...INCLUDE_PRIVATE,
      },
      additionalProperties: false,
    },
    readOnly: true,
  },
  {
    name: 'growthLog_readiness',
    toolReferenceName: 'growthLogReadiness',
    displayName: 'Growth Log Readiness',
    userDescription: 'Shows the evidence for each criterion of your target level, and the gaps.',
    modelDescription:
      "Measures the user's readiness for a level of their career ladder (their company's `ladder.yaml`, or Growth Log's built-in software-engineer ladder with levels L1 to L6). " +
      'For each criterion of the level it gives the criterion id and title, the number of entries that support it explicitly (the entry lists the criterion id under competencies) and by suggestion (matched by entry type or a keyword; not yet confirmed by the user), the strongest entries, and whether it is a gap (fewer than 2 pieces of evidence). ' +
      'Use it when the user asks how close they are to a promotion, what to work on next, or which competency ids exist. ' +
      "Without level it uses the user's target level; without a period, the whole log. Read-only. Private entries are left out unless includePrivate is true.",
    inputSchema: {
      type: 'object',
      properties: {
        level: { type: 'string', description: 'Level id of the ladder, such as "L4". Omit for the user\'s target level.' },
        ...PERIOD_PROPERTIES,
        ...INCLUDE_PRIVATE,
      },
      additionalProperties: false,
    },
    readOnly: true,
  },
  {
    name: 'growthLog_draftPacket',
    toolReferenceName: 'growthLogPacket',
    displayName: 'Draft Promotion Packet',
    userDescription: 'Drafts the promotion packet for a level and period as Markdown, without writing a file.',
    modelDescription:
      "Drafts the user's promotion packet as Markdown, exactly as Growth Log's Generate Promotion Packet command writes it: a summary, the case for each criterion of the target level with evidence quoted from the log, the advancement story, the gaps, and an appendix of every entry in the period. " +
      'Use it when the user wants their packet, a self-review or a summary for their manager; the answer is long, so quote or adapt the parts needed, and never add evidence the log does not hold. ' +
      "Without level it argues for the user's target level; without a period it covers the last 12 months. Writes no file. Private entries are left out unless includePrivate is true.",
    inputSchema: {
      type: 'object',
      properties: {
        level: { type: 'string', description: 'Level id to argue for, such as "L4". Omit for the user\'s target level.' },
        ...PERIOD_PROPERTIES,
        ...INCLUDE_PRIVATE,
      },
      additionalProperties: false,
    },
    readOnly: true,
  },
];

export function toolDefinition(name: string): ToolDefinition | undefined {
  return TOOLS.find((tool) => tool.name === name);
}
