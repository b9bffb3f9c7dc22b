// What both overview charts share: escaping, number formatting, the palette and the frame.
// Colours are presentation attributes, not a <style> element: a webview whose policy forbids
// inline styles overrides them by class with `--vscode-*` colours, and a packet's SVG file keeps
// them as they are (on its own white background, so it reads in a light and a dark preview).
import type { EntryType } from '../model/entry';

/** Text made safe inside SVG or HTML text and attribute values; characters XML forbids are dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A coordinate with at most two decimals and no trailing zeros, the same on every machine. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Text longer than `max` characters cut with an ellipsis (the full text goes in a <title>). */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif';

export const COLORS = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  grid: '#d1d9e0',
  explicit: '#1a7f37',
  suggested: '#d4a72c',
  none: '#eff2f5',
  gap: '#ffebe9',
  gapText: '#cf222e',
  moveVertical: '#1f2328',
  moveHorizontal: '#8250df',
} as const;

/** One colour per entry type (a colour-blind-friendly set); the webview maps each class to a theme colour. */
export const TYPE_COLORS: Record<EntryType, string> = {
  project: '#4e79a7',
  skill: '#59a14f',
  learning: '#8cd17d',
  responsibility: '#f28e2b',
  leadership: '#b07aa1',
  mentoring: '#d4a6c8',
  collaboration: '#edc948',
  network: '#9c755f',
  recognition: '#e15759',
  move: '#76b7b2',
};

/** About how wide `text` is at `size` px in a sans-serif font: enough to lay out legends. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.58;
}

/**
 * The `<svg>` root with its accessible name and description: `role="img"` makes a screen reader
 * read the title and description rather than every shape.
 */
export function svgDocument(options: { id: string; width: number; height: number; title: string; desc: string; body: readonly string[] }): string {
  const { id, width, height } = options;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="gl-chart" id="${escapeXml(id)}" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc" font-family="${FONT_FAMILY}" font-size="11">`,
    `<title id="${escapeXml(id)}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${escapeXml(id)}-desc">${escapeXml(options.desc)}</desc>`,
    `<rect class="gl-bg" x="0" y="0" width="${num(width)}" height="${num(height)}" fill="${COLORS.background}"/>`,
    ...options.body,
    '</svg>',
    '',
  ].join('\n');
}

export interface LegendItem {
  readonly className: string;
  readonly label: string;
  /** The swatch's path centred on (x, y): a square by default. */
  readonly marker?: (x: number, y: number) => string;
  readonly fill: string;
  /** An outline, for a swatch as light as the background. */
  readonly stroke?: string;
}

/** A legend in one or more rows starting at (x, y), wrapping before `maxWidth`; returns its lines and height. */
export function legend(items: readonly LegendItem[], x: number, y: number, maxWidth: number): { lines: string[]; height: number } {
  const lines = ['<g class="gl-legend">'];
  let cx = x;
  let cy = y;
  for (const item of items) {
    const width = 14 + textWidth(item.label, 11) + 14;
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      cy += 18;
    }
    const shape = item.marker
      ? `<path class="${item.className}" d="${item.marker(cx + 5, cy - 4)}" fill="${item.fill}"/>`
      : `<rect class="${item.className}" x="${num(cx)}" y="${num(cy - 9)}" width="10" height="10" rx="2" fill="${item.fill}"${item.stroke ? ` stroke="${item.stroke}"` : ''}/>`;
    lines.push(shape, `<text class="gl-text" x="${num(cx + 14)}" y="${num(cy)}" fill="${COLORS.text}">${escapeXml(item.label)}</text>`);
    cx += width;
  }
  lines.push('</g>');
  return { lines, height: cy - y + 18 };
}
