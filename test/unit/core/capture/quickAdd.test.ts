import * as assert from 'node:assert/strict';
import { parseQuickAdd } from '../../../../src/core/capture/quickAdd';

describe('parseQuickAdd', () => {
  it('takes #tags out of the line and keeps the rest as the title', () => {
    assert.deepEqual(parseQuickAdd('Shipped the importer #infra #speed'), { title: 'Shipped the importer', tags: ['infra', 'speed'] });
  });

  it('normalizes tags, drops repeats and tidies the spaces they leave', () => {
    assert.deepEqual(parseQuickAdd('#Infra Fixed   the  flaky deploy #infra #On-Call'), { title: 'Fixed the flaky deploy', tags: ['infra', 'on-call'] });
  });

  it('keeps a # that is part of a word, such as C# or issue#12', () => {
    assert.deepEqual(parseQuickAdd('Taught C# basics, see issue#12 #teaching'), { title: 'Taught C# basics, see issue#12', tags: ['teaching'] });
  });

  it('reads #private as making the entry private, not as a tag', () => {
    assert.deepEqual(parseQuickAdd('Salary talk with my manager #private #career'), { title: 'Salary talk with my manager', tags: ['career'], private: true });
    assert.deepEqual(parseQuickAdd('#Private Health leave'), { title: 'Health leave', tags: [], private: true });
    assert.deepEqual(parseQuickAdd('Wrote the privacy policy #privacy'), { title: 'Wrote the privacy policy', tags: ['privacy'] });
  });
});
