// Text -> entries. Two readers produce the same outline: a fast one for the block YAML that entry
// files are made of, and the yaml Document API for everything else and for exact error places.
// Validation then turns the outline into entries and problems. The fast outline is only returned
// for a file yaml reads without an error or a warning, so what validation says about it (a date
// that is no day, an unknown type) is said the same about the Document API's outline.
import { readDocumentOutline } from './documentReader';
import { readFastOutline } from './fastReader';
import { LineIndex } from './lineIndex';
import type { Problem } from '../model/problem';
import { validateOutline, type ParsedFile, type ValidatedFile } from './validation';

export type { ParsedFile } from './validation';

/** Larger files are refused: a brag document of 5 MB is ten thousand pages. */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

export type ReaderChoice = 'auto' | 'document';

export function parseEntryFile(text: string, file: string, reader: ReaderChoice = 'auto'): ParsedFile {
  const { entries, problems, isEntryFile } = readEntryFile(text, file, reader);
  return { file, isEntryFile, entries, problems };
}

/** Like parseEntryFile, with each entry's outline node, which the editing functions need. */
export function readEntryFile(text: string, file: string, reader: ReaderChoice = 'auto'): ValidatedFile & { readonly syntaxOk: boolean } {
  const lines = new LineIndex(text);
  if (text.length > MAX_FILE_SIZE) {
    const problem: Problem = {
      file,
      range: lines.range(0, 0),
      severity: 'error',
      message: `This file is larger than ${MAX_FILE_SIZE / 1024 / 1024} MB, so Growth Log does not read it; split it into several files.`,
    };
    return { file, isEntryFile: true, entries: [], problems: [problem], nodes: [], entriesNode: undefined, syntaxOk: false };
  }
  // A YAML file that never mentions `entries` (the ladder, other notes) is not ours to judge.
  if (!text.includes('entries')) {
    return { file, isEntryFile: false, entries: [], problems: [], nodes: [], entriesNode: undefined, syntaxOk: true };
  }
  if (reader === 'auto') {
    const fast = readFastOutline(text);
    if (fast) return { ...validateOutline(fast.root, file, lines, []), syntaxOk: true };
  }
  const outline = readDocumentOutline(text);
  const problems: Problem[] = outline.syntax.map((s) => ({ file, range: lines.range(s.start, s.end), severity: s.severity, message: s.message }));
  const syntaxOk = !outline.syntax.some((s) => s.severity === 'error');
  const validated = validateOutline(outline.root, file, lines, syntaxOk ? problems : []);
  const isEntryFile = validated.isEntryFile || (!syntaxOk && /^\ufeff?["']?entries["']?[ \t]*:/m.test(text));
  if (!isEntryFile) return { ...validated, problems: [], syntaxOk };
  // YAML's error recovery guesses; entries read from a guess would mislead, and so would problems
  // about them, and so would the errors after the first: one tab or missing quote makes yaml
  // misread every line below it, and each misreading is reported. Only the first error is real
  // for sure; once it is fixed the file is read again and the next one, if any, shows.
  if (!syntaxOk) return { file, isEntryFile, entries: [], problems: firstError(problems), nodes: [], entriesNode: undefined, syntaxOk };
  return { ...validated, syntaxOk };
}

/** The error that starts first in the file, as a list of one. */
function firstError(problems: readonly Problem[]): Problem[] {
  const errors = problems.filter((p) => p.severity === 'error');
  const before = (a: Problem, b: Problem) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;
  return errors.length === 0 ? [] : [errors.reduce((first, p) => (before(p, first) < 0 ? p : first))];
}
