import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ownCopy, ownText } from '../../../../src/core/readers/ownText';

describe('ownText', () => {
  it('gives back the same text as slice, short or long, in any script', () => {
    assert.equal(ownText('Led the billing migration', 4, 25), 'the billing migration');
    assert.equal(ownText('short', 1, 3), 'ho');
    assert.equal(ownCopy('Ünïcödé 😀 title of some length'), 'Ünïcödé 😀 title of some length');
    const cut = fc.tuple(fc.string({ unit: 'binary' }), fc.nat(), fc.nat()).map(([text, a, b]) => {
      const start = Math.min(a, b) % (text.length + 1);
      return { text, start, end: Math.max(start, Math.max(a, b) % (text.length + 1)) };
    });
    fc.assert(
      fc.property(cut, ({ text, start, end }) => {
        assert.equal(ownText(text, start, end), text.slice(start, end));
        assert.equal(ownCopy(text + text), text + text);
      }),
    );
  });
});
