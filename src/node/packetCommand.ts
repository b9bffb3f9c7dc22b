// `growth-log packet`: the promotion packet from a log folder, to stdout or a file.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isValidDate, today as todayDate, type Entry } from '../core/model/entry';
import { ladderFromFile } from '../core/packet/defaultLadder';
import { LADDER_FILE_NAME, type Ladder } from '../core/packet/ladder';
import { privateLeftOutNote } from '../core/export/exportSelection';
import { generatePacket, packetBytes, planPacket, privateLeftOutOfPacket, type PacketInput, type PacketRequest } from '../core/packet/packet';
import { NAMED_PERIODS, type NamedPeriodKind } from '../core/packet/period';
import { LogError, type Problem } from '../core/model/problem';
import { reportProblems } from './folderLog';
import { EntryStore } from '../core/store/store';
import { chartBaseName, chartFiles, packetOverview } from '../core/overview/chartFiles';
import { nodeFolderAccess, pathExists, writeFileAtomic } from './nodeFolderAccess';

export const PACKET_USAGE = `Usage: growth-log packet [options]

Writes a promotion-packet draft in Markdown: the case for the target level, criterion by
criterion, with evidence quoted from the log; the advancement story; and the gaps.

Options:
  --target LEVEL     the level to argue for (default: the ladder's \`target\`, else the level
                     after the current one)
  --current LEVEL    the level you hold now (default: the ladder's \`current\`)
  --period NAME      last-6-months, last-12-months (default), this-year or since-promotion
  --since DATE       start of a custom period, YYYY-MM-DD (inclusive)
  --until DATE       end of a custom period, YYYY-MM-DD (inclusive, default: today)
  --today DATE       treat DATE as today, for a reproducible draft
  --title TEXT       the packet's heading (default: "Promotion packet: <target level>")
  --include-private  quote private entries (private: true) too; without it they are left
                     out, and their number is printed on stderr
  -o, --output FILE  write to FILE instead of stdout, with the overview's timeline and
                     coverage charts as FILE's name plus -timeline.svg and -coverage.svg
                     next to it, shown in the draft; refuses to replace FILE without --force
  --force            replace FILE when it exists
  --dir DIR          the log folder (default: brag); its ladder.yaml is used when present
  -h, --help         show this help
`;


type Write = (text: string) => void;

export async function runPacketCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: 'string' },
        current: { type: 'string' },
        period: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        today: { type: 'string' },
        title: { type: 'string' },
        'include-private': { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        dir: { type: 'string', default: 'brag' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), err);
  }
  if (values.help) {
    out(PACKET_USAGE);
    return 0;
  }
  for (const option of ['since', 'until', 'today'] as const) {
    const value = values[option];
    if (value !== undefined && !isValidDate(value)) return usageError(`--${option} \`${value}\` is not a date in YYYY-MM-DD form.`, err);
  }
  const period = values.period;
  if (period !== undefined && !isNamedPeriod(period)) {
    return usageError(`--period \`${period}\` is not one of ${NAMED_PERIODS.map((p) => p.kind).join(', ')}.`, err);
  }

  const dir = path.resolve(values.dir ?? 'brag');
  const sources = await loadPacketSources(dir);
  reportProblems(sources.problems, err);
  if (!sources.ladder) {
    err(`growth-log packet: ${path.relative(process.cwd(), path.join(dir, LADDER_FILE_NAME))} cannot be used as a ladder; fix the problems above.\n`);
    return 1;
  }

  const request: PacketRequest = {
    ladder: sources.ladder,
    entries: sources.entries,
    today: values.today ?? todayDate(),
    current: values.current,
    target: values.target,
    period,
    since: values.since,
    until: values.until,
  };
  let input: PacketInput;
  try {
    input = { ...planPacket(request), entries: request.entries, ladder: request.ladder, today: request.today, title: values.title, includePrivate: values['include-private'] };
  } catch (error) {
    // The arguments (or the ladder's `current`/`target`) ask for something the log cannot give.
    if (error instanceof LogError) {
      err(`growth-log packet: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const note = privateLeftOutNote(privateLeftOutOfPacket(input));
  if (note) err(`growth-log packet: ${note} Pass --include-private to quote them.\n`);

  if (values.output === undefined) {
    out(generatePacket(input));
    return 0;
  }
  const file = path.resolve(values.output);
  if (!values.force && (await pathExists(file))) {
    err(`growth-log packet: ${values.output} already exists; pass --force to replace it.\n`);
    return 1;
  }
  const charts = chartFiles(packetOverview(input), chartBaseName(path.basename(file)));
  await writeFileAtomic(file, packetBytes({ ...input, charts }));
  for (const chart of charts) await writeFileAtomic(path.join(path.dirname(file), chart.name), new TextEncoder().encode(chart.svg));
  out(`Wrote ${path.relative(process.cwd(), file) || file} and ${charts.map((c) => c.name).join(' and ')}\n`);
  return 0;
}

export interface PacketSources {
  readonly entries: readonly Entry[];
  /** Undefined when `ladder.yaml` exists but cannot be used. */
  readonly ladder?: Ladder;
  /** The entry files' problems, then the ladder's. */
  readonly problems: readonly Problem[];
}

/** Everything a packet is made from, read from one log folder. */
export async function loadPacketSources(dir: string): Promise<PacketSources> {
  const access = nodeFolderAccess(dir);
  const store = new EntryStore(access);
  await store.loadAll();
  const ladderFile = access.fileKey(LADDER_FILE_NAME);
  const parsed = ladderFromFile(await access.readFile(ladderFile), ladderFile);
  return { entries: store.entries, ladder: parsed.ladder, problems: [...store.problems, ...parsed.problems] };
}

function isNamedPeriod(value: string): value is NamedPeriodKind {
  return NAMED_PERIODS.some((p) => p.kind === value);
}

function usageError(message: string, err: Write): number {
  err(`growth-log packet: ${message}\n\n${PACKET_USAGE}`);
  return 2;
}
