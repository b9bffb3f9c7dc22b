// A ladder as the text of a new `ladder.yaml`: the shape a person would write by hand, with
// comments that say what each part is for. Only new files are written this way; edits to an
// existing ladder go through ladderEdits.ts, which keeps the user's text.
import type { Criterion, Level } from '../packet/ladder';

export interface LadderDraft {
  readonly name: string;
  readonly current?: string;
  readonly target?: string;
  readonly levels: readonly Level[];
}

export interface LadderTextOptions {
  /** Comment lines (without `#`) put above everything. */
  readonly header?: readonly string[];
  /** Comment lines put above a level, by level id (things to review, for an import). */
  readonly levelNotes?: ReadonlyMap<string, readonly string[]>;
}

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** A scalar as YAML: plain where that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  if (value === '' || RESERVED.test(value)) return JSON.stringify(value);
  if (/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) || /\s$/.test(value) || /: |:$| #|[\n\r\t\\]/.test(value)) return JSON.stringify(value);
  // Numbers, dates and the like would read back as something other than text.
  if (/^[-+.]?\d/.test(value)) return JSON.stringify(value);
  return value;
}

/** In a flow list, commas and brackets end an item too. */
function flowItem(value: string): string {
  const scalar = yamlScalar(value);
  return scalar.startsWith('"') || !/[,[\]{}]/.test(scalar) ? scalar : JSON.stringify(value);
}

function criterionText(criterion: Criterion): string[] {
  const lines = [`      - id: ${yamlScalar(criterion.id)}`, `        title: ${yamlScalar(criterion.title)}`, `        description: ${yamlScalar(criterion.description)}`];
  if (criterion.keywords.length > 0) lines.push(`        keywords: [${criterion.keywords.map(flowItem).join(', ')}]`);
  return lines;
}

export function ladderText(draft: LadderDraft, options: LadderTextOptions = {}): string {
  const lines: string[] = (options.header ?? []).map((line) => (line ? `# ${line}` : '#'));
  lines.push(`name: ${yamlScalar(draft.name)}`);
  lines.push(draft.current !== undefined ? `current: ${yamlScalar(draft.current)}` : '# current:   # the level you hold now (Growth Log: Set Current Level…)');
  lines.push(draft.target !== undefined ? `target: ${yamlScalar(draft.target)}` : '# target:    # the level your packet argues for (Growth Log: Set Target Level…)');
  lines.push('levels:   # lowest first');
  for (const level of draft.levels) {
    for (const note of options.levelNotes?.get(level.id) ?? []) lines.push(`  # ${note}`);
    lines.push(`  - id: ${yamlScalar(level.id)}`, `    title: ${yamlScalar(level.title)}`);
    if (level.criteria.length > 0) {
      lines.push('    criteria:');
      for (const criterion of level.criteria) lines.push(...criterionText(criterion));
    }
  }
  return `${lines.join('\n')}\n`;
}
