// STAR stories for an interview loop: Situation, Task, Action, Result for each picked entry, from
// the entry's own `situation`, `task`, `action` and `result` when written, else the action from
// `details` and the result from `impact`; whatever is still missing is marked for the user to fill in.
import type { Entry, StarKey } from '../model/entry';
import { inline } from '../packet/packet';
import { scopeText, type ExportInput } from './exportSelection';
import { markdownBlock } from './markdownBlock';

export const TO_FILL_IN = '(to fill in)';

const PARTS: readonly { readonly key: StarKey; readonly title: string; readonly fallback?: 'details' | 'impact' }[] = [
  { key: 'situation', title: 'Situation' },
  { key: 'task', title: 'Task' },
  { key: 'action', title: 'Action', fallback: 'details' },
  { key: 'result', title: 'Result', fallback: 'impact' },
];

/** Each STAR part of an entry, and which parts are still to be written. */
export function starParts(entry: Entry): { title: string; text: string | undefined }[] {
  return PARTS.map(({ key, title, fallback }) => {
    const own = entry[key]?.trim();
    const text = own || (fallback ? entry[fallback]?.trim() : undefined) || undefined;
    return { title, text };
  });
}

export function starStories(input: ExportInput): string {
  const lines = ['# STAR stories', '', `_Period: ${inline(scopeText(input))}. Written by Growth Log on ${input.today}; parts marked ${TO_FILL_IN} are yours to write._`, ''];
  if (input.entries.length === 0) lines.push('_No entries picked._', '');
  for (const entry of input.entries) {
    lines.push(`## ${inline(entry.title)}`, '', `_${entry.date}_`, '');
    for (const part of starParts(entry)) {
      if (part.text === undefined) lines.push(`**${part.title}:** ${TO_FILL_IN}`, '');
      else {
        const [first, ...rest] = markdownBlock(part.text);
        lines.push(`**${part.title}:** ${first}`, ...rest, '');
      }
    }
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
