// The Markdown brag document: the period's entries in sections by kind of work, in the spirit of
// the well-known brag document template (projects; collaboration and mentoring; design and
// documentation; learning; recognition; moves), each entry with its date, impact, details and links.
import { normalizeTag, type Entry, type EntryType } from '../model/entry';
import { inline, link, sentence, typeLabel } from '../packet/packet';
import { scopeText, type ExportInput } from './exportSelection';
import { markdownBlock } from './markdownBlock';

export interface BragSection {
  readonly title: string;
  /** The entry types that go here (design and documentation is chosen by tags). */
  readonly types: readonly EntryType[];
}

export const BRAG_SECTIONS: readonly BragSection[] = [
  { title: 'Projects', types: ['project'] },
  { title: 'Collaboration and mentoring', types: ['collaboration', 'mentoring', 'leadership', 'network'] },
  { title: 'Design and documentation', types: [] },
  { title: 'Learning', types: ['skill', 'learning'] },
  { title: 'Recognition', types: ['recognition'] },
  { title: 'Moves and responsibilities', types: ['move', 'responsibility'] },
];

/** Tags that put an entry under design and documentation, whatever its type (but a move stays a move). */
export const DESIGN_TAGS: ReadonlySet<string> = new Set(['design', 'documentation', 'docs', 'rfc', 'architecture', 'writing', 'design-doc']);

/** The section an entry goes in: design and documentation by its tags, else by its type. */
export function bragSection(entry: Entry): BragSection {
  const byType = BRAG_SECTIONS.find((section) => section.types.includes(entry.type)) ?? BRAG_SECTIONS[0];
  if (entry.type !== 'move' && entry.type !== 'recognition' && entry.tags.some((tag) => DESIGN_TAGS.has(normalizeTag(tag)))) return BRAG_SECTIONS[2];
  return byType;
}

export function bragDocument(input: ExportInput): string {
  const lines: string[] = ['# Brag document', '', `_Period: ${inline(scopeText(input))}. Written by Growth Log on ${input.today} from the log; every line is yours to edit._`, ''];
  if (input.entries.length === 0) lines.push('_No entries in this period._', '');
  for (const section of BRAG_SECTIONS) {
    const entries = input.entries.filter((entry) => bragSection(entry) === section);
    if (entries.length === 0) continue;
    lines.push(`## ${section.title}`, '');
    for (const entry of entries) lines.push(...bragEntry(entry), '');
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

function bragEntry(entry: Entry): string[] {
  const facts = [entry.date, typeLabel(entry), ...(entry.tags.length > 0 ? [entry.tags.map(inline).join(', ')] : [])];
  const lines = [`### ${inline(entry.title)}`, '', `_${facts.join(' · ')}_`, ''];
  if (entry.impact?.trim()) lines.push(`**Impact:** ${inline(sentence(entry.impact))}`, '');
  if (entry.details?.trim()) lines.push(...markdownBlock(entry.details), '');
  if (entry.links.length > 0) lines.push(...entry.links.map((url) => `- ${link(url)}`), '');
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
