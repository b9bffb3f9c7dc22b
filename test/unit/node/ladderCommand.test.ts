import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importLadderMatrix } from '../../../src/core/ladders/matrixImport';
import { parseLadder } from '../../../src/core/packet/ladder';
import { runCli } from '../helpers/runCli';

const matrix = path.resolve(__dirname, '../../../../test/fixtures/ladders/engineering-matrix.csv');

describe('growth-log ladder', () => {
  let temp: string;

  beforeEach(async () => {
    temp = await fs.mkdtemp(path.join(os.tmpdir(), 'growth-log-ladder-'));
  });

  afterEach(async () => {
    await fs.rm(temp, { recursive: true, force: true });
  });

  it('imports a matrix to stdout, with what to review on stderr', async () => {
    const { code, out, err } = await runCli(['ladder', 'import', matrix], temp);
    assert.equal(code, 0);
    assert.equal(out, importLadderMatrix(await fs.readFile(matrix, 'utf8'), matrix, { ladderFile: 'ladder.yaml' }).text);
    assert.deepEqual(parseLadder(out, 'ladder.yaml').problems, []);
    assert.match(err, /^Review:\n {2}- 4 blank or “same as” cells became no criteria/);
  });

  it('writes ladder.yaml with -o, creating its folder, and refuses to replace it without --force', async () => {
    let result = await runCli(['ladder', 'import', matrix, '-o', 'brag/ladder.yaml'], temp);
    assert.equal(result.code, 0);
    assert.match(result.out, /^Wrote brag\/ladder\.yaml: 4 levels, 21 criteria\.\n$/);
    const written = await fs.readFile(path.join(temp, 'brag', 'ladder.yaml'), 'utf8');
    result = await runCli(['ladder', 'import', matrix, '-o', 'brag/ladder.yaml', '--name', 'Other'], temp);
    assert.equal(result.code, 1);
    assert.match(result.err, /brag\/ladder\.yaml already exists; pass --force to replace it/);
    assert.equal(await fs.readFile(path.join(temp, 'brag', 'ladder.yaml'), 'utf8'), written);
    result = await runCli(['ladder', 'import', matrix, '-o', 'brag/ladder.yaml', '--name', 'Other', '--force'], temp);
    assert.equal(result.code, 0);
    assert.match(await fs.readFile(path.join(temp, 'brag', 'ladder.yaml'), 'utf8'), /^name: Other$/m);
  });

  it('exits 1 with the place of a quote left open, writing nothing', async () => {
    await fs.writeFile(path.join(temp, 'bad.csv'), 'Level,Delivery\nL1,"never closed\n');
    const { code, err } = await runCli(['ladder', 'import', 'bad.csv', '-o', 'ladder.yaml'], temp);
    assert.equal(code, 1);
    assert.equal(err, 'growth-log ladder: bad.csv:2:4: this quoted cell is never closed; a cell that starts with " ends with ".\n');
    await assert.rejects(fs.stat(path.join(temp, 'ladder.yaml')));
  });

  it('lists the levels of the built-in ladder when the folder has no ladder.yaml', async () => {
    const { code, out } = await runCli(['ladder', 'levels', '--dir', temp], temp);
    assert.equal(code, 0);
    assert.equal(out.split('\n')[0], 'Growth Log default ladder for software engineers (built in; no ladder.yaml)');
    assert.equal(out.split('\n')[3], 'L3  Senior Software Engineer  7 criteria');
  });

  it('marks the current and target levels of ladder.yaml, also as JSON', async () => {
    await fs.writeFile(path.join(temp, 'ladder.yaml'), 'name: Acme\ncurrent: E3\nlevels:\n  - {id: E3, title: Senior}\n  - id: E4\n    title: Staff\n    criteria:\n      - {id: scope, title: Scope, description: Wide.}\n');
    let result = await runCli(['ladder', 'levels', '--dir', '.'], temp);
    assert.equal(result.out, 'Acme\nE3  Senior  0 criteria    current\nE4  Staff   1 criterion   target\n');
    result = await runCli(['ladder', 'levels', '--dir', '.', '--json'], temp);
    assert.deepEqual(JSON.parse(result.out).levels[1], { id: 'E4', title: 'Staff', criteria: 1, current: false, target: true });
  });

  it('exits 1 when ladder.yaml cannot be used, with its problems', async () => {
    await fs.writeFile(path.join(temp, 'ladder.yaml'), 'name: x\n');
    const { code, err } = await runCli(['ladder', 'levels', '--dir', '.'], temp);
    assert.equal(code, 1);
    assert.match(err, /^ladder\.yaml:1:1: error: The ladder has no `levels:` list\.\n/);
  });
});
