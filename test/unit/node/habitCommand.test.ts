import * as assert from 'node:assert/strict';
import { runCli as run } from '../helpers/runCli';
import { item, logFile, snapshot, tempFolder } from '../helpers/logText';
import * as path from 'node:path';

const LOG = logFile(
  item('date: 2026-05-30', 'title: Promoted to Senior Software Engineer', 'type: move', 'direction: vertical', 'level: L3'),
  item('date: 2026-10-01', 'title: Shipped the importer', 'followUp: 2026-11-20'),
  item('date: 2026-09-01', 'title: Ran the game day', 'followUp: 2026-11-27'),
  item('date: 2026-11-02', 'title: Started the RFC', 'followUp: 2026-12-15'),
  item('date: 2026-11-20', 'title: Spoke at the meetup', 'type: network'),
);

describe('growth-log due and status', () => {
  it('due lists the follow-ups that have come, longest waiting first, with their place, and writes nothing', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': LOG });
    try {
      const before = snapshot(path.join(folder.dir, 'brag'));
      const { code, out, err } = await run(['due', '--today', '2026-11-27'], folder.dir);
      assert.deepEqual([code, err], [0, '']);
      assert.equal(out, '2026-11-20  Shipped the importer  (2026-10-01, brag/2026.yaml:9)\n2026-11-27  Ran the game day  (2026-09-01, brag/2026.yaml:13)\n');
      const json = JSON.parse((await run(['due', '--today', '2026-11-27', '--json'], folder.dir)).out) as { id: string; followUp: string; line: number }[];
      assert.deepEqual(json.map((row) => [row.id, row.followUp, row.line]), [['2026-10-01-shipped-the-importer', '2026-11-20', 9], ['2026-09-01-ran-the-game-day', '2026-11-27', 13]]);
      assert.deepEqual(snapshot(path.join(folder.dir, 'brag')), before);
    } finally {
      folder.remove();
    }
  });

  it('due prints nothing and exits 0 when nothing is due, and refuses a bad --today with exit 2', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': LOG });
    try {
      assert.deepEqual(await run(['due', '--today', '2026-11-19'], folder.dir), { code: 0, out: '', err: '' });
      assert.equal((await run(['due', '--today', '2026-11-19', '--json'], folder.dir)).out, '[]\n');
      const bad = await run(['due', '--today', '2026-02-30'], folder.dir);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /^growth-log due: --today `2026-02-30` is not a calendar date: February 2026 has 28 days\./);
    } finally {
      folder.remove();
    }
  });

  it('status prints the level and the time in it, this month and year, the last entry and what is due', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': LOG });
    try {
      const { code, out } = await run(['status', '--today', '2026-11-27'], folder.dir);
      assert.equal(code, 0);
      assert.equal(
        out,
        [
          'Level: Senior Software Engineer (L3) since 2026-05-30, 5 months',
          'Entries: 2 this month, 5 this year',
          'Last entry: 2026-11-20 (7 days ago)',
          'Follow-ups due: 2 (growth-log due lists them)',
          '',
        ].join('\n'),
      );
    } finally {
      folder.remove();
    }
  });

  it('status says the level is not set when nothing names it, and prefers the ladder’s current', async () => {
    const folder = tempFolder({ 'brag/2026.yaml': logFile(item('date: 2026-11-20', 'title: Shipped')) });
    try {
      assert.match((await run(['status', '--today', '2026-11-27'], folder.dir)).out, /^Level: not set \(give your latest promotion a `level:`, or set `current` in ladder\.yaml\)\n.*\nLast entry: 2026-11-20 \(7 days ago\)\nFollow-ups due: 0\n$/);
      const withLadder = tempFolder({ 'brag/2026.yaml': LOG, 'brag/ladder.yaml': 'current: E5\nlevels:\n  - id: L3\n    title: Senior\n  - id: E5\n    title: Staff\n' });
      try {
        assert.match((await run(['status', '--today', '2026-11-27'], withLadder.dir)).out, /^Level: Staff \(E5\)\n/);
      } finally {
        withLadder.remove();
      }
    } finally {
      folder.remove();
    }
  });
});
