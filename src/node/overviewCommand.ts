// `growth-log overview`: the log at a glance in the terminal, and its charts as SVG files.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isValidDate, today as todayDate } from '../core/model/entry';
import { reportProblems } from './folderLog';
import { chartFiles } from '../core/overview/chartFiles';
import { buildOverview, type Overview } from '../core/overview/overview';
import { findLevel, LADDER_FILE_NAME } from '../core/packet/ladder';
import { defaultTargetLevel } from '../core/packet/packet';
import { loadPacketSources } from './packetCommand';
import { writeFileAtomic } from './nodeFolderAccess';

export const OVERVIEW_USAGE = `Usage: growth-log overview [options]

Prints the log at a glance: entries per month, coverage of the target level's criteria,
readiness and the top tags. With --svg, also writes the timeline and coverage charts the
extension's overview and the packet show.

Options:
  --svg DIR          write DIR/overview-timeline.svg and DIR/overview-coverage.svg
                     (replacing them; DIR is created when missing)
  --since DATE       first day, YYYY-MM-DD (default: the first day of the month 23 months
                     before --until's)
  --until DATE       last day, YYYY-MM-DD (default: today)
  --target LEVEL     the level whose criteria coverage shows (default: the ladder's \`target\`,
                     else the level after the current one: the ladder's \`current\`, else
                     the level of the latest promotion in the log)
  --today DATE       treat DATE as today, for reproducible output
  --include-private  count private entries (private: true) too; without it they are left
                     out, and their number is printed on stderr
  --dir DIR          the log folder (default: brag); its ladder.yaml is used when present
  -h, --help         show this help
`;

type Write = (text: string) => void;

export async function runOverviewCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        svg: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        target: { type: 'string' },
        today: { type: 'string' },
        'include-private': { type: 'boolean', default: false },
        dir: { type: 'string', default: 'brag' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), err);
  }
  if (values.help) {
    out(OVERVIEW_USAGE);
    return 0;
  }
  for (const option of ['since', 'until', 'today'] as const) {
    const value = values[option];
    if (value !== undefined && !isValidDate(value)) return usageError(`--${option} \`${value}\` is not a date in YYYY-MM-DD form.`, err);
  }
  const today = values.today ?? todayDate();
  const until = values.until ?? today;
  if (values.since !== undefined && values.since > until) return usageError(`the period starts on ${values.since}, after it ends on ${until}.`, err);

  const dir = path.resolve(values.dir ?? 'brag');
  const sources = await loadPacketSources(dir);
  reportProblems(sources.problems, err);
  const { ladder } = sources;
  if (values.target !== undefined && ladder && !findLevel(ladder, values.target)) {
    err(`growth-log overview: the ladder has no level \`${values.target}\`; its levels are ${ladder.levels.map((l) => `\`${l.id}\``).join(', ')}.\n`);
    return 2;
  }
  if (!ladder) err(`growth-log overview: ${path.relative(process.cwd(), path.join(dir, LADDER_FILE_NAME))} cannot be used as a ladder, so there is no coverage.\n`);
  const target = values.target ?? (ladder ? defaultTargetLevel(ladder, sources.entries, today) : undefined);
  // The charts are files that may be shared: private entries stay out of them unless asked for.
  const entries = values['include-private'] ? sources.entries : sources.entries.filter((entry) => !entry.private);
  const leftOut = sources.entries.length - entries.length;
  if (leftOut > 0) err(`growth-log overview: ${leftOut} private ${leftOut === 1 ? 'entry was' : 'entries were'} left out; pass --include-private to count ${leftOut === 1 ? 'it' : 'them'}.\n`);
  const overview = buildOverview({ entries, ladder, targetLevel: target, today, since: values.since, until });

  out(overviewText(overview, path.relative(process.cwd(), dir) || '.'));
  if (values.svg !== undefined) {
    const folder = path.resolve(values.svg);
    await fs.mkdir(folder, { recursive: true });
    for (const chart of chartFiles(overview, 'overview')) {
      const file = path.join(folder, chart.name);
      await writeFileAtomic(file, new TextEncoder().encode(chart.svg));
      out(`Wrote ${path.relative(process.cwd(), file) || file}\n`);
    }
  }
  return 0;
}

/** The overview as lines for a terminal. */
export function overviewText(overview: Overview, source: string): string {
  const { timeline, coverage } = overview;
  const lines = [`Overview of ${source}, ${overview.start} to ${overview.end}`, ''];
  const busy = timeline.months.filter((m) => m.total > 0);
  lines.push(`Entries: ${timeline.total} in ${busy.length} of ${timeline.months.length} months`);
  for (const month of [...busy].reverse()) {
    const moves = month.moves.map((m) => ` [${m.direction ?? 'move'} move: ${m.title}]`).join('');
    lines.push(`  ${month.month}  ${String(month.total).padStart(3)}  ${month.byType.map((t) => `${t.count} ${t.type}`).join(', ')}${moves}`);
  }
  lines.push('');
  if (coverage) {
    lines.push(`Coverage of ${coverage.levelLabel} (marked + suggested):`);
    const width = Math.max(...coverage.rows.map((r) => r.title.length), 0);
    for (const row of coverage.rows) lines.push(`  ${row.title.padEnd(width)}  ${String(row.explicit).padStart(3)} + ${String(row.suggested).padEnd(3)}${row.isGap ? '  gap' : ''}`);
  } else {
    lines.push(`Coverage: ${overview.coverageMissing ?? 'none'}`);
  }
  lines.push('', 'Readiness:');
  for (const row of overview.readiness) lines.push(`  ${row.label}: ${row.value}${row.detail ? `. ${row.detail}` : ''}`);
  lines.push('', `Top tags: ${overview.topTags.length === 0 ? 'none' : overview.topTags.map((t) => `${t.tag} (${t.count})`).join(', ')}`, '');
  return lines.join('\n');
}

function usageError(message: string, err: Write): number {
  err(`growth-log overview: ${message}\n\n${OVERVIEW_USAGE}`);
  return 2;
}
