import * as assert from 'node:assert/strict';
import { setLadderLevel } from '../../../../src/core/ladders/ladderEdits';
import { LADDER_TEMPLATES } from '../../../../src/core/ladders/ladderTemplates';
import { parseLadder } from '../../../../src/core/packet/ladder';

const HAND_WRITTEN = `# Acme's ladder, typed in from the wiki.
name: 'Acme engineering'   # quoted on purpose
current: "E3"              # since April

levels:
  - {id: E3, title: Senior}
  - id: E4
    title: Staff
    criteria: []
`;

describe('Ladder edits', () => {
  it('changes only the value of `current`, keeping its comment and everything else', () => {
    assert.equal(setLadderLevel(HAND_WRITTEN, 'current', 'E4'), HAND_WRITTEN.replace('current: "E3"', 'current: E4'));
  });

  it('adds `target` on its own line above `levels:` when the file has none', () => {
    const after = setLadderLevel(HAND_WRITTEN, 'target', 'E4');
    assert.equal(after, HAND_WRITTEN.replace('\nlevels:\n', '\ntarget: E4\nlevels:\n'));
    assert.equal(parseLadder(after, 'ladder.yaml').ladder?.target, 'E4');
  });

  it('fills `current:` left empty, and keeps CRLF line endings', () => {
    assert.equal(setLadderLevel('current:\r\nlevels: [{id: a, title: A}]\r\n', 'current', 'a'), 'current: a\r\nlevels: [{id: a, title: A}]\r\n');
    assert.equal(setLadderLevel('name: x\r\nlevels: [{id: a, title: A}]\r\n', 'target', 'a'), 'name: x\r\ntarget: a\r\nlevels: [{id: a, title: A}]\r\n');
  });

  it('turns a template’s commented placeholder into the setting, keeping its explanation', () => {
    for (const template of LADDER_TEMPLATES) {
      const text = template.text();
      const level = parseLadder(text, 'ladder.yaml').ladder!.levels[0].id;
      const after = setLadderLevel(text, 'current', level);
      assert.equal(after.split('\n').length, text.split('\n').length, `${template.id}: no line added`);
      assert.match(after, new RegExp(`^current: ${level} +# the level you hold now`, 'm'));
      assert.equal(parseLadder(after, 'ladder.yaml').ladder?.current, level);
    }
  });

  it('quotes a level id that YAML would read as a number', () => {
    const after = setLadderLevel('levels:\n  - id: "3"\n    title: Three\n', 'current', '3');
    assert.equal(after, 'current: "3"\nlevels:\n  - id: "3"\n    title: Three\n');
  });

  it('refuses a file that does not parse, with its place, and writes nothing', () => {
    assert.throws(() => setLadderLevel('name: x\nlevels: [\n', 'current', 'a', 'brag/ladder.yaml'), /^LogError: brag\/ladder\.yaml:\d+:\d+: .*fix it before Growth Log changes the file\.$/);
    assert.throws(() => setLadderLevel('- a\n- b\n', 'current', 'a', 'brag/ladder.yaml'), /brag\/ladder\.yaml:1:1: a ladder file must be a mapping/);
  });
});
