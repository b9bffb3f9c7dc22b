import * as assert from 'node:assert/strict';
import { LADDER_TEMPLATES, ladderTemplate } from '../../../../src/core/ladders/ladderTemplates';
import { yamlScalar } from '../../../../src/core/ladders/ladderText';
import { defaultLadder } from '../../../../src/core/packet/defaultLadder';
import { parseLadder } from '../../../../src/core/packet/ladder';
import { parse } from 'yaml';

describe('Ladder templates', () => {
  it('offers the software-engineer, engineering-manager and blank ladders, each valid without a single problem', () => {
    assert.deepEqual(LADDER_TEMPLATES.map((t) => t.id), ['software-engineer', 'engineering-manager', 'blank']);
    for (const template of LADDER_TEMPLATES) {
      const parsed = parseLadder(template.text(), 'ladder.yaml');
      assert.deepEqual(parsed.problems, [], template.id);
      assert.ok(parsed.ladder && parsed.ladder.levels.length >= 2, template.id);
      assert.match(template.text(), /^# /, `${template.id} starts with a comment that explains the file`);
    }
  });

  it('writes the built-in ladder as it is, criterion for criterion', () => {
    const written = parseLadder(ladderTemplate('software-engineer')!.text(), 'ladder.yaml').ladder!;
    const builtIn = defaultLadder();
    assert.deepEqual(written.levels, builtIn.levels);
  });

  it('gives the engineering-manager ladder five levels whose every criterion has a description and keywords, ids repeating across levels', () => {
    const ladder = parseLadder(ladderTemplate('engineering-manager')!.text(), 'ladder.yaml').ladder!;
    assert.deepEqual(ladder.levels.map((l) => l.id), ['M1', 'M2', 'M3', 'M4', 'M5']);
    for (const level of ladder.levels) {
      for (const criterion of level.criteria) {
        assert.ok(criterion.description.length > 40, `${level.id}/${criterion.id}`);
        assert.ok(criterion.keywords.length >= 5, `${level.id}/${criterion.id}`);
      }
    }
    assert.ok(ladder.levels.every((l) => l.criteria.some((c) => c.id === 'people')));
  });

  it('writes scalars that read back as the same text', () => {
    for (const value of ['L3', '3', '1:1s', 'yes', 'a: b', 'x #y', '- dash', '"quoted"', 'it’s fine', 'on time', '2026-01-01', ' padded ', 'back\\slash']) {
      assert.equal(parse(`v: ${yamlScalar(value)}`).v, value, value);
    }
  });
});
