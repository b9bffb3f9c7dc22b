// `growth-log due` and `growth-log status`: the habit loop for a terminal, a shell prompt or cron.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { habitStatus } from '../core/habit/status';
import { agoText } from '../core/habit/weeklyReminder';
import { dateProblem, today as todayDate, type Entry } from '../core/model/entry';
import { reportProblems } from './folderLog';
import { loadPacketSources } from './packetCommand';

type Write = (text: string) => void;

export const DUE_USAGE = `Usage: growth-log due [--today YYYY-MM-DD] [--json] [--dir DIR]

Lists the entries whose follow-up day has come (their \`followUp\`), the longest waiting first.
Prints nothing when none is due. Exit 0 either way.
`;

export const STATUS_USAGE = `Usage: growth-log status [--today YYYY-MM-DD] [--dir DIR]

Prints the current level and the time in it, the entries this month and this year, the date of
the last entry and the number of follow-ups due.
`;

const OPTIONS = {
  dir: { type: 'string', default: 'brag' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readToday(value: string | undefined, command: string, usage: string, err: Write): string | number {
  if (value === undefined) return todayDate();
  const problem = dateProblem(value);
  if (problem === undefined) return value;
  err(`growth-log ${command}: --today ${problem}\n\n${usage}`);
  return 2;
}

/** Problems go to stderr, so a prompt or a pipe reads only the answer. */
export async function runDueCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values } = parseArgs({ args: [...args], strict: true, options: { ...OPTIONS, json: { type: 'boolean', default: false } } });
  if (values.help) {
    out(DUE_USAGE);
    return 0;
  }
  const today = readToday(values.today, 'due', DUE_USAGE, err);
  if (typeof today === 'number') return today;
  const sources = await loadPacketSources(path.resolve(values.dir));
  reportProblems(sources.problems, err);
  const due = habitStatus(sources.entries, sources.ladder, today).followUpsDue;
  if (values.json) {
    out(`${JSON.stringify(due.map(dueRow), null, 2)}\n`);
    return 0;
  }
  for (const entry of due) out(`${entry.followUp}  ${entry.title}  (${entry.date}, ${path.relative(process.cwd(), entry.file)}:${entry.range.start.line + 1})\n`);
  return 0;
}

function dueRow(entry: Entry): Record<string, unknown> {
  return { id: entry.id, followUp: entry.followUp, date: entry.date, title: entry.title, file: path.relative(process.cwd(), entry.file), line: entry.range.start.line + 1 };
}

export async function runStatusCommand(args: readonly string[], out: Write, err: Write): Promise<number> {
  const { values } = parseArgs({ args: [...args], strict: true, options: OPTIONS });
  if (values.help) {
    out(STATUS_USAGE);
    return 0;
  }
  const today = readToday(values.today, 'status', STATUS_USAGE, err);
  if (typeof today === 'number') return today;
  const sources = await loadPacketSources(path.resolve(values.dir));
  reportProblems(sources.problems, err);
  const status = habitStatus(sources.entries, sources.ladder, today, sources.ladder?.current);
  const due = status.followUpsDue.length;
  out(
    [
      `Level: ${status.levelText ?? 'not set (give your latest promotion a `level:`, or set `current` in ladder.yaml)'}`,
      `Entries: ${status.entriesThisMonth} this month, ${status.entriesThisYear} this year`,
      `Last entry: ${status.lastEntryDate === undefined ? 'none yet' : `${status.lastEntryDate} (${agoText(status.lastEntryDate, today)})`}`,
      `Follow-ups due: ${due}${due > 0 ? ' (growth-log due lists them)' : ''}`,
    ].join('\n') + '\n',
  );
  return 0;
}
