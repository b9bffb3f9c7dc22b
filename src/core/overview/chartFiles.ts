// The overview's charts as files: what `growth-log overview --svg` writes, and the pictures a
// packet draft shows next to it (the same SVG, for the packet's period and target level).
import type { Entry } from '../model/entry';
import type { PacketInput } from '../packet/packet';
import { coverageSvg } from './coverageChart';
import { buildOverview, type Overview } from './overview';
import { timelineSvg } from './timelineChart';

export interface ChartFile {
  /** A file name, no folder: `packet-L4-2026-11-26-timeline.svg`. */
  readonly name: string;
  readonly svg: string;
  /** The image's text alternative in Markdown. */
  readonly alt: string;
}

/** The timeline and, when there is a target level, the coverage chart, named `<base>-timeline.svg` and `<base>-coverage.svg`. */
export function chartFiles(overview: Overview, base: string): ChartFile[] {
  const files: ChartFile[] = [{ name: `${base}-timeline.svg`, svg: timelineSvg(overview.timeline), alt: 'Entries per month, stacked by type' }];
  if (overview.coverage) files.push({ name: `${base}-coverage.svg`, svg: coverageSvg(overview.coverage), alt: `Coverage of ${overview.coverage.levelLabel} by quarter` });
  return files;
}

/** The overview of a packet's period and levels; an open start begins at the first entry. */
export function packetOverview(input: Omit<PacketInput, 'charts'>): Overview {
  const { period } = input;
  // The pictures go where the draft goes: private entries stay out of them as out of its text.
  const entries = input.includePrivate ? input.entries : input.entries.filter((entry) => !entry.private);
  return buildOverview({
    entries,
    ladder: input.ladder,
    targetLevel: input.targetLevel,
    currentLevel: input.currentLevel,
    today: input.today,
    since: period.start ?? firstDate(entries, period.end),
    until: period.end,
  });
}

function firstDate(entries: readonly Entry[], end: string): string {
  let first = end;
  for (const entry of entries) if (entry.date < first) first = entry.date;
  return first;
}

/** The base name charts take from a draft's file name: `packet-L4-2026-11-26` for `packet-L4-2026-11-26.md`. */
export function chartBaseName(fileName: string): string {
  return fileName.replace(/\.(md|markdown)$/i, '');
}
