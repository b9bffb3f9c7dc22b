import type { Position, SourceRange } from '../model/entry';

/** Turns offsets into zero-based line/column positions, built once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /**
   * Editors hide a leading byte order mark, so columns on the first line are counted after it:
   * a file with one then gets the same positions as the file without it.
   */
  private readonly bom: boolean;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    if (low === 0 && this.bom && offset > 0) return { line: 0, column: offset - 1 };
    return { line: low, column: offset - starts[low] };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }
}
