// The timeline chart: entries per month, stacked by type, with role changes marked above the
// bars (a triangle for a vertical move, a diamond for a horizontal one). SVG text, deterministic.
import type { EntryType } from '../model/entry';
import type { Timeline, TimelineMonth, TimelineMove } from './overview';
import { COLORS, escapeXml, legend, num, svgDocument, TYPE_COLORS, type LegendItem } from './svg';

const WIDTH = 760;
const LEFT = 40;
const RIGHT = 16;
const PLOT_HEIGHT = 180;
const MARKER = 9;

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const triangle = (x: number, y: number) => `M${num(x - 5)} ${num(y + 4)}L${num(x)} ${num(y - 5)}L${num(x + 5)} ${num(y + 4)}Z`;
export const diamond = (x: number, y: number) => `M${num(x)} ${num(y - 5)}L${num(x + 5)} ${num(y)}L${num(x)} ${num(y + 5)}L${num(x - 5)} ${num(y)}Z`;
const circle = (x: number, y: number) => `M${num(x - 4)} ${num(y)}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z`;

export function timelineSvg(timeline: Timeline, id = 'gl-timeline'): string {
  const months = timeline.months;
  const first = months[0];
  const last = months[months.length - 1];
  const legendItems: LegendItem[] = timeline.types.map((type) => ({ className: `gl-type-${type}`, label: type, fill: TYPE_COLORS[type] }));
  const allMoves = months.flatMap((m) => m.moves);
  if (allMoves.some((m) => m.direction === 'vertical')) legendItems.push({ className: 'gl-move-vertical', label: 'vertical move', fill: COLORS.moveVertical, marker: triangle });
  if (allMoves.some((m) => m.direction === 'horizontal')) legendItems.push({ className: 'gl-move-horizontal', label: 'horizontal move', fill: COLORS.moveHorizontal, marker: diamond });
  if (allMoves.some((m) => m.direction === undefined)) legendItems.push({ className: 'gl-move-other', label: 'move', fill: COLORS.moveVertical, marker: circle });
  const key = legend(legendItems, LEFT, 18, WIDTH - LEFT - RIGHT);
  const maxStack = Math.max(0, ...months.map((m) => m.moves.length));
  const top = 18 + key.height + 6 + maxStack * (MARKER + 2);
  const bottom = top + PLOT_HEIGHT;
  const height = bottom + 40;

  const max = Math.max(1, ...months.map((m) => m.total));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const y = (value: number) => bottom - (value / yMax) * PLOT_HEIGHT;
  const slot = months.length > 0 ? (WIDTH - LEFT - RIGHT) / months.length : 0;
  const barWidth = Math.max(2, slot * 0.7);

  const body: string[] = [...key.lines, '<g class="gl-axis">'];
  for (let value = 0; value <= yMax; value += step) {
    body.push(
      `<line class="gl-grid" x1="${LEFT}" y1="${num(y(value))}" x2="${WIDTH - RIGHT}" y2="${num(y(value))}" stroke="${COLORS.grid}" stroke-width="1"/>`,
      `<text class="gl-text gl-muted" x="${LEFT - 6}" y="${num(y(value) + 4)}" text-anchor="end" fill="${COLORS.muted}">${value}</text>`,
    );
  }
  // With many months, only quarters are named, so labels never overlap.
  const labelEvery = slot >= 24 ? 1 : slot >= 8 ? 3 : 12;
  months.forEach((month, i) => {
    const cx = LEFT + slot * i + slot / 2;
    const monthNumber = Number(month.month.slice(5, 7));
    if ((monthNumber - 1) % labelEvery === 0 || i === 0) {
      body.push(`<text class="gl-text gl-muted" x="${num(cx)}" y="${bottom + 14}" text-anchor="middle" fill="${COLORS.muted}">${SHORT_MONTHS[monthNumber - 1]}</text>`);
    }
    // The first month names its year too, unless a January close by does (the labels would collide).
    if (monthNumber === 1 || (i === 0 && monthNumber <= 10)) {
      body.push(`<text class="gl-text" x="${num(cx)}" y="${bottom + 28}" text-anchor="middle" fill="${COLORS.text}">${month.month.slice(0, 4)}</text>`);
    }
  });
  body.push('</g>', '<g class="gl-bars">');
  months.forEach((month, i) => {
    if (month.total === 0) return;
    const x = LEFT + slot * i + (slot - barWidth) / 2;
    body.push(`<g class="gl-month" data-month="${month.month}">`, `<title>${escapeXml(monthTitle(month))}</title>`);
    // A hit area the height of the plot, so a short bar is as easy to click as a tall one.
    body.push(`<rect class="gl-hit" x="${num(LEFT + slot * i)}" y="${top}" width="${num(slot)}" height="${PLOT_HEIGHT}" fill="transparent"/>`);
    let base = 0;
    for (const { type, count } of month.byType) {
      body.push(`<rect class="gl-type-${type}" x="${num(x)}" y="${num(y(base + count))}" width="${num(barWidth)}" height="${num(y(base) - y(base + count))}" fill="${TYPE_COLORS[type]}"/>`);
      base += count;
    }
    month.moves.forEach((move, k) => {
      const my = y(month.total) - 8 - k * (MARKER + 2);
      const cx = x + barWidth / 2;
      const [className, shape, fill] =
        move.direction === 'vertical' ? ['gl-move-vertical', triangle, COLORS.moveVertical] : move.direction === 'horizontal' ? ['gl-move-horizontal', diamond, COLORS.moveHorizontal] : ['gl-move-other', circle, COLORS.moveVertical];
      body.push(`<path class="${className}" d="${shape(cx, my)}" fill="${fill}"><title>${escapeXml(moveText(move))}</title></path>`);
    });
    body.push('</g>');
  });
  body.push('</g>');

  const busiest = months.reduce<TimelineMonth | undefined>((best, m) => (m.total > (best?.total ?? 0) ? m : best), undefined);
  const desc = [
    first && last ? `${months.length} months from ${first.label} to ${last.label}: ${timeline.total} ${timeline.total === 1 ? 'entry' : 'entries'}.` : 'No months.',
    busiest ? `The busiest month is ${busiest.label} with ${busiest.total}.` : '',
    ...allMoves.map((move) => `${moveText(move)}.`),
  ]
    .filter(Boolean)
    .join(' ');
  return svgDocument({ id, width: WIDTH, height, title: 'Entries per month, stacked by type', desc, body });
}

function monthTitle(month: TimelineMonth): string {
  const types = month.byType.map((t: { type: EntryType; count: number }) => `${t.count} ${t.type}`).join(', ');
  const moves = month.moves.map(moveText).join('; ');
  return `${month.label}: ${month.total} ${month.total === 1 ? 'entry' : 'entries'} (${types})${moves ? `. ${moves}` : ''}`;
}

export function moveText(move: TimelineMove): string {
  const kind = move.direction === 'vertical' ? 'Vertical move' : move.direction === 'horizontal' ? 'Horizontal move' : 'Move';
  return `${kind} on ${move.date}: ${move.title}`;
}

/** 1, 2 or 5 times a power of ten, so about four gridlines cover `max`. */
function niceStep(max: number): number {
  const rough = max / 4;
  if (rough <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}
