import * as assert from 'node:assert/strict';
import { detectDelimiter, parseDelimited } from '../../../../src/core/ladders/delimitedText';

const texts = (text: string, delimiter: ',' | '\t' | ';' = ',') => parseDelimited(text, delimiter, 'm.csv').map((row) => row.map((c) => c.text));

describe('Delimited text (RFC 4180)', () => {
  it('reads quoted cells with doubled quotes, delimiters and line breaks inside', () => {
    assert.deepEqual(texts('a,"b, ""c""",d\r\n"two\r\nlines",,x\r\n'), [
      ['a', 'b, "c"', 'd'],
      ['two\nlines', '', 'x'],
    ]);
  });

  it('keeps blank cells, and a last line without a line break', () => {
    assert.deepEqual(texts(',,\nx,,y'), [
      ['', '', ''],
      ['x', '', 'y'],
    ]);
  });

  it('skips a byte-order mark and reads tabs', () => {
    assert.deepEqual(texts('\uFEFFLevel\tSkill\nL1\t"- a\n- b"\n', '\t'), [
      ['Level', 'Skill'],
      ['L1', '- a\n- b'],
    ]);
  });

  it('says where a quoted cell is never closed', () => {
    assert.throws(() => parseDelimited('a,b\nc,"open\nstill open', ',', 'ladder.csv'), /^LogError: ladder\.csv:2:3: this quoted cell is never closed/);
  });

  it('gives each cell its line and column, counting line breaks inside quotes', () => {
    const rows = parseDelimited('"x\ny",z\nw', ',', 'm.csv');
    assert.deepEqual(rows.map((row) => row.map((c) => [c.line, c.column])), [[[0, 0], [1, 3]], [[2, 0]]]);
  });

  it('detects the delimiter from the extension or the first line, ignoring quoted commas', () => {
    assert.equal(detectDelimiter('a,b', 'ladder.tsv'), '\t');
    assert.equal(detectDelimiter('"a, b, c"\tx\ty\n', 'm.csv'), '\t');
    assert.equal(detectDelimiter('Level;Skill;Scope\n'), ';');
    assert.equal(detectDelimiter('Level,Skill\n'), ',');
    assert.equal(detectDelimiter('Level\n'), ',');
  });
});
