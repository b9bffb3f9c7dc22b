// What Growth Log will read and write: files up to a size in bytes, as valid UTF-8. Both readers
// (Node's fs, VS Code's workspace.fs) decode bad bytes as U+FFFD, so that character in a file's
// text marks bytes that writing the text back would destroy.
import { LineIndex } from '../readers/lineIndex';
import { LogError, type Problem } from '../model/problem';

/** Larger files are refused: a brag document of 5 MB is ten thousand pages. Counted in bytes. */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The size of `text` encoded as UTF-8 (the native encoder is several times faster than counting in a loop). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function tooLargeMessage(bytes: number): string {
  return `This file is ${megabytes(bytes)} MB, larger than the ${MAX_FILE_SIZE / 1024 / 1024} MB Growth Log reads; split it into several files (by year, quarter or project).`;
}

export const NOT_UTF8_MESSAGE =
  'This file is not valid UTF-8 here (a byte shown as \uFFFD), so Growth Log reads it but does not change it; save the file as UTF-8 and check this character.';

/** An error at the first U+FFFD of the text, where the bytes that were not UTF-8 are. */
export function encodingProblem(text: string, file: string): Problem | undefined {
  const at = text.indexOf(REPLACEMENT_CHARACTER);
  if (at === -1) return undefined;
  return { file, range: new LineIndex(text).range(at, at + 1), severity: 'error', message: NOT_UTF8_MESSAGE };
}

/**
 * Refuses a write that would lose bytes or push the file past what Growth Log reads back.
 * `name` is how the user knows the file (a relative path).
 */
export function checkWritable(name: string, before: string | undefined, after: string): void {
  const bad = before?.indexOf(REPLACEMENT_CHARACTER) ?? -1;
  if (before !== undefined && bad !== -1) {
    const { line, column } = new LineIndex(before).position(bad);
    throw new LogError('unreadable', `${name}:${line + 1}:${column + 1}: this file is not valid UTF-8, so Growth Log does not change it; nothing was written. Save it as UTF-8 first.`);
  }
  // Cheap first: a UTF-16 length under a third of the limit cannot be over it in bytes.
  if (after.length * 3 <= MAX_FILE_SIZE) return;
  const bytes = utf8Length(after);
  if (bytes > MAX_FILE_SIZE) {
    throw new LogError(
      'too-large',
      `${name} would grow to ${megabytes(bytes)} MB, past the ${MAX_FILE_SIZE / 1024 / 1024} MB Growth Log reads, and its entries would disappear from the log; nothing was written. Split it into several files (say ${name.replace(/(\.ya?ml)$/i, '-2$1')}) and try again.`,
    );
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
