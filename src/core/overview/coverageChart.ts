// The coverage chart: the target level's criteria (rows) by quarter (columns), each cell showing
// whether the quarter holds evidence you marked, only suggested evidence, or none; criteria with
// fewer than two pieces of evidence (the packet's gaps) are highlighted.
import { MIN_EVIDENCE } from '../packet/evidence';
import type { Coverage, CoverageRow } from './overview';
import { COLORS, escapeXml, legend, num, svgDocument, truncate } from './svg';

const WIDTH = 760;
const LABEL_WIDTH = 210;
const TOTAL_WIDTH = 130;
const RIGHT = 12;
const ROW = 26;
const HEADER = 40;

const CELL_FILLS = { explicit: COLORS.explicit, suggested: COLORS.suggested, none: COLORS.none } as const;

export function coverageSvg(coverage: Coverage, id = 'gl-coverage'): string {
  const quarters = coverage.quarters;
  const cellWidth = quarters.length > 0 ? Math.min(72, (WIDTH - LABEL_WIDTH - TOTAL_WIDTH - RIGHT) / quarters.length) : 0;
  const gridRight = LABEL_WIDTH + cellWidth * quarters.length;
  const top = HEADER;
  const body: string[] = ['<g class="gl-header">'];
  let year = '';
  quarters.forEach((quarter, i) => {
    const cx = LABEL_WIDTH + cellWidth * i + cellWidth / 2;
    body.push(`<text class="gl-text gl-muted" x="${num(cx)}" y="${top - 8}" text-anchor="middle" fill="${COLORS.muted}">${escapeXml(quarter.key.slice(5))}</text>`);
    if (quarter.key.slice(0, 4) !== year) {
      year = quarter.key.slice(0, 4);
      body.push(`<text class="gl-text" x="${num(cx)}" y="${top - 22}" text-anchor="middle" fill="${COLORS.text}">${year}</text>`);
    }
  });
  body.push(`<text class="gl-text gl-muted" x="${num(gridRight + 10)}" y="${top - 8}" fill="${COLORS.muted}">evidence</text>`, '</g>', '<g class="gl-rows">');

  coverage.rows.forEach((row, r) => {
    const y = top + ROW * r;
    body.push(`<g class="gl-criterion${row.isGap ? ' gl-is-gap' : ''}" data-criterion="${escapeXml(row.id)}">`, `<title>${escapeXml(rowTitle(row))}</title>`);
    if (row.isGap) body.push(`<rect class="gl-gap" x="0" y="${y}" width="${WIDTH}" height="${ROW}" fill="${COLORS.gap}"/>`);
    body.push(`<text class="gl-text" x="8" y="${y + 17}" fill="${COLORS.text}">${escapeXml(truncate(row.title, 32))}</text>`);
    row.cells.forEach((cell, c) => {
      const x = LABEL_WIDTH + cellWidth * c;
      body.push(`<rect class="gl-cov-${cell.state}" x="${num(x + 2)}" y="${y + 3}" width="${num(cellWidth - 4)}" height="${ROW - 6}" rx="3" fill="${CELL_FILLS[cell.state]}"${cell.state === 'none' ? ` stroke="${COLORS.grid}"` : ''}/>`);
      const count = cell.explicit + cell.suggested;
      if (count > 0) {
        const fill = cell.state === 'explicit' ? COLORS.background : COLORS.text;
        body.push(`<text class="gl-cell-text gl-cell-${cell.state}" x="${num(x + cellWidth / 2)}" y="${y + 17}" text-anchor="middle" fill="${fill}">${count}</text>`);
      }
    });
    const total = row.explicit + row.suggested;
    body.push(`<text class="gl-text" x="${num(gridRight + 10)}" y="${y + 17}" fill="${COLORS.text}">${total}${row.suggested > 0 ? ` (${row.suggested} sugg.)` : ''}</text>`);
    if (row.isGap) body.push(`<text class="gl-gap-text" x="${WIDTH - RIGHT}" y="${y + 17}" text-anchor="end" font-weight="bold" fill="${COLORS.gapText}">gap</text>`);
    body.push('</g>');
  });
  body.push('</g>');

  const bottom = top + ROW * coverage.rows.length;
  const key = legend(
    [
      { className: 'gl-cov-explicit', label: 'evidence you marked', fill: COLORS.explicit },
      { className: 'gl-cov-suggested', label: 'suggested only', fill: COLORS.suggested },
      { className: 'gl-cov-none', label: 'none', fill: COLORS.none, stroke: COLORS.grid },
      { className: 'gl-gap', label: `gap: fewer than ${MIN_EVIDENCE} pieces of evidence`, fill: COLORS.gap, stroke: COLORS.gapText },
    ],
    8,
    bottom + 22,
    WIDTH - 16,
  );
  body.push(...key.lines);

  const gaps = coverage.rows.filter((row) => row.isGap);
  const marked = coverage.rows.filter((row) => row.explicit > 0);
  const first = quarters[0]?.label;
  const last = quarters[quarters.length - 1]?.label;
  const desc =
    `${coverage.rows.length} criteria of ${coverage.levelLabel}${first ? ` by quarter, ${first} to ${last}` : ''}: ` +
    `${marked.length} with evidence you marked; ` +
    (gaps.length === 0 ? 'no gaps.' : `${gaps.length} ${gaps.length === 1 ? 'gap' : 'gaps'}: ${gaps.map((g) => g.title).join(', ')}.`);
  return svgDocument({ id, width: WIDTH, height: bottom + 22 + key.height, title: `Coverage of ${coverage.levelLabel} by quarter`, desc, body });
}

function rowTitle(row: CoverageRow): string {
  const quarters = row.cells.filter((c) => c.state !== 'none').map((c) => `${c.quarter}: ${c.explicit} marked, ${c.suggested} suggested`);
  return `${row.title}: ${row.explicit} marked, ${row.suggested} suggested${row.isGap ? ' (a gap)' : ''}${quarters.length ? `. ${quarters.join('; ')}` : ''}`;
}
