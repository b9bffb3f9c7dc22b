// Quick Add: one line such as `Shipped the importer #infra #speed` becomes a title and tags, and
// `#private` marks the entry private rather than tagging it.
import { normalizeTag } from '../model/entry';

export interface QuickAddLine {
  readonly title: string;
  readonly tags: readonly string[];
  /** Set (true) only when the line says `#private`, so other callers' entries stay as they were. */
  readonly private?: true;
}

/** The word that makes a Quick Add entry private instead of a tag. */
export const PRIVATE_WORD = 'private';

const TAG = /(^|\s)#([^\s#]+)/g;

/** Splits `#tags` out of the line; the rest, with spaces tidied, is the title. */
export function parseQuickAdd(line: string): QuickAddLine {
  const tags: string[] = [];
  let isPrivate = false;
  const title = line
    .replace(TAG, (_match, lead: string, tag: string) => {
      const normalized = normalizeTag(tag);
      if (normalized === PRIVATE_WORD) isPrivate = true;
      else if (normalized && !tags.includes(normalized)) tags.push(normalized);
      return lead;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return isPrivate ? { title, tags, private: true } : { title, tags };
}
