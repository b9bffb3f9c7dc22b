// CSV and TSV as RFC 4180 writes them (quoted fields with doubled quotes, line breaks inside
// quotes, CRLF or LF), the way spreadsheets export a ladder matrix. Written here rather than
// taken from a library: it is fifty lines, it must run in the browser bundle too, and its errors
// must carry the line and column a person can find.
import { LogError } from '../model/problem';

export interface DelimitedCell {
  readonly text: string;
  /** Zero-based line and column where the cell starts, for messages that point at it. */
  readonly line: number;
  readonly column: number;
}

export type Delimiter = ',' | '\t' | ';';

/** The delimiter of a file: a tab for `.tsv`, else whichever of tab, comma or semicolon its first line uses most outside quotes. */
export function detectDelimiter(text: string, fileName = ''): Delimiter {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ',';
}

/** Rows of cells. A byte-order mark is skipped; a quote left open is an error at its place. */
export function parseDelimited(text: string, delimiter: Delimiter, file = 'The file'): DelimitedCell[][] {
  const rows: DelimitedCell[][] = [];
  let row: DelimitedCell[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let lineStart = i;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  for (;;) {
    const startLine = line;
    const startColumn = i - lineStart;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new LogError('invalid', `${file}:${startLine + 1}:${startColumn + 1}: this quoted cell is never closed; a cell that starts with " ends with ".`);
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
          line++;
          lineStart = i + 1;
        }
        value += ch;
        i++;
      }
      // Spreadsheets never write text after a closing quote; be lenient and keep it.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    row.push({ text: value.replace(/\r\n?/g, '\n'), line: startLine, column: startColumn });
    if (i >= text.length) {
      // A final line break does not start another row.
      if (!(row.length === 1 && row[0].text === '' && rows.length > 0)) endRow();
      return rows;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    lineStart = i;
    endRow();
    if (i >= text.length) return rows;
  }
}
