// Quick Add: one line such as `Shipped the importer #infra #speed` becomes a title and tags.
import { normalizeTag } from '../model/entry';

export interface QuickAddLine {
  readonly title: string;
  readonly tags: readonly string[];
}

const TAG = /(^|\s)#([^\s#]+)/g;

/** Splits `#tags` out of the line; the rest, with spaces tidied, is the title. */
export function parseQuickAdd(line: string): QuickAddLine {
  const tags: string[] = [];
  const title = line
    .replace(TAG, (_match, lead: string, tag: string) => {
      const normalized = normalizeTag(tag);
      if (normalized && !tags.includes(normalized)) tags.push(normalized);
      return lead;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { title, tags };
}
