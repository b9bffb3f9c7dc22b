// Lossless edits to `ladder.yaml`: setting `current` or `target` changes only that value (or adds
// one line), so the user's comments, quoting and layout stay byte for byte as they were.
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { LogError } from '../model/problem';
import { yamlScalar } from './ladderText';

export type LadderLevelKey = 'current' | 'target';

function unparsable(file: string, text: string, pos: number, message: string): LogError {
  const lines = new LineCounter();
  parseDocument(text, { lineCounter: lines });
  const { line, col } = lines.linePos(pos);
  return new LogError('invalid', `${file}:${line}:${col}: ${message}; fix it before Growth Log changes the file.`);
}

/** The text with `key: levelId`, changed in place, uncommented from a `# key:` line, or added above `levels:`. */
export function setLadderLevel(text: string, key: LadderLevelKey, levelId: string, file = 'ladder.yaml'): string {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw unparsable(file, text, doc.errors[0].pos[0], doc.errors[0].message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  const root = doc.contents;
  if (!isMap(root)) throw unparsable(file, text, 0, 'a ladder file must be a mapping with a `levels:` list');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const value = yamlScalar(levelId);
  const pair = (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key);
  let result: string;
  if (pair) {
    const node = pair.value;
    if (node && !isScalar(node)) throw unparsable(file, text, (node as { range?: [number, number] }).range?.[0] ?? 0, `\`${key}\` is not a single level id`);
    const keyEnd = (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
    const [start, end] = node && isScalar(node) && node.range && node.range[1] > node.range[0] ? [node.range[0], node.range[1]] : [undefined, undefined];
    if (start !== undefined && end !== undefined) {
      result = text.slice(0, start) + value + text.slice(end);
    } else {
      // `current:` with nothing after it: the value goes right after the colon.
      const colon = text.indexOf(':', keyEnd);
      result = `${text.slice(0, colon + 1)} ${value}${text.slice(colon + 1)}`;
    }
  } else {
    // A template's `# current: …` placeholder becomes the real line, so the file reads as before.
    const placeholder = new RegExp(`^# ?${key}:[ \\t]*[^\\s#]*`, 'm').exec(text);
    const levels = (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'levels');
    const levelsStart = (levels?.key as { range?: [number, number] } | undefined)?.range?.[0];
    if (placeholder && (levelsStart === undefined || placeholder.index < levelsStart)) {
      const rest = text.slice(placeholder.index + placeholder[0].length);
      result = `${text.slice(0, placeholder.index)}${key}: ${value}${rest.startsWith('#') ? ' ' : ''}${rest}`;
    } else if (levelsStart !== undefined) {
      const lineStart = text.lastIndexOf('\n', levelsStart - 1) + 1;
      result = `${text.slice(0, lineStart)}${key}: ${value}${eol}${text.slice(lineStart)}`;
    } else {
      const tail = text === '' || text.endsWith('\n') ? '' : eol;
      result = `${text}${tail}${key}: ${value}${eol}`;
    }
  }
  const check = parseDocument(result, { uniqueKeys: true });
  const written = isMap(check.contents) ? check.contents.get(key) : undefined;
  if (check.errors.length > 0 || String(written) !== levelId) {
    throw new LogError('invalid', `${file}: Growth Log could not set \`${key}\` without changing more than that line; set it by hand.`);
  }
  return result;
}
