// The overview as the HTML the webview shows: each chart with a table of the same numbers beside
// it (what a screen reader reads, and what a keyboard reaches), readiness and top tags. Every
// control is a <button> with a name; what it asks for is in `data-action`/`data-value`, which the
// webview's script posts to the extension, where the real commands run. Built here, pure and
// escaped, so the page is unit-tested and the webview's script stays a few lines.
import { coverageSvg } from './coverageChart';
import { monthLabel, type Overview } from './overview';
import { escapeXml as esc } from './svg';
import { moveText, timelineSvg } from './timelineChart';

export type OverviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'filterMonth'; readonly value: string }
  | { readonly type: 'revealCriterion'; readonly value: string }
  | { readonly type: 'filterTag'; readonly value: string }
  | { readonly type: 'listWithoutImpact' }
  | { readonly type: 'generatePacket' };

/** A message from the webview, checked: the page is not trusted to send only what it should. */
export function parseOverviewMessage(message: unknown): OverviewMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, value } = message as { type?: unknown; value?: unknown };
  switch (type) {
    case 'ready':
    case 'listWithoutImpact':
    case 'generatePacket':
      return { type };
    case 'filterMonth':
      return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? { type, value } : undefined;
    case 'revealCriterion':
    case 'filterTag':
      return typeof value === 'string' && value.length > 0 && value.length < 200 ? { type, value } : undefined;
    default:
      return undefined;
  }
}

export interface OverviewPageContext {
  /** Which log: the workspace folder's name and the log folder, `my-repo · brag/`. */
  readonly source: string;
}

export function overviewPageHtml(overview: Overview, context: OverviewPageContext): string {
  const { timeline, coverage } = overview;
  const parts: string[] = [];
  parts.push(
    '<header>',
    '<h1>Growth Log overview</h1>',
    `<p class="subtitle">${esc(context.source)} · ${esc(overview.start)} to ${esc(overview.end)}${coverage ? ` · target ${esc(coverage.levelLabel)}` : ''}</p>`,
    '<div class="actions"><button type="button" data-action="generatePacket">Generate Promotion Packet…</button></div>',
    '</header>',
  );

  parts.push('<section aria-labelledby="timeline-heading">', '<h2 id="timeline-heading">Timeline</h2>');
  parts.push('<p class="hint">Click a month, or its name in the table, to show only its entries in the Entries view.</p>');
  parts.push('<div class="chart-row">', `<div class="chart">${timelineSvg(timeline, 'gl-timeline')}</div>`);
  const months = timeline.months.filter((m) => m.total > 0).reverse();
  parts.push('<div class="table-scroll" tabindex="0" role="region" aria-label="Entries per month, as a table">', '<table>', '<caption>Entries per month, newest first</caption>');
  parts.push('<thead><tr><th scope="col">Month</th><th scope="col">Entries</th><th scope="col">By type</th></tr></thead><tbody>');
  if (months.length === 0) parts.push('<tr><td colspan="3">No entries in this period.</td></tr>');
  for (const month of months) {
    const moves = month.moves.map((move) => `<br><span class="move">${esc(moveText(move))}</span>`).join('');
    parts.push(
      '<tr>',
      `<th scope="row"><button type="button" class="link" data-action="filterMonth" data-value="${esc(month.month)}" aria-label="Show the ${month.total} ${month.total === 1 ? 'entry' : 'entries'} of ${esc(monthLabel(month.month))} in the Entries view">${esc(month.label)}</button></th>`,
      `<td class="number">${month.total}</td>`,
      `<td>${esc(month.byType.map((t) => `${t.count} ${t.type}`).join(', '))}${moves}</td>`,
      '</tr>',
    );
  }
  parts.push('</tbody></table></div></div></section>');

  parts.push('<section aria-labelledby="coverage-heading">', '<h2 id="coverage-heading">Coverage</h2>');
  if (!coverage) {
    parts.push(`<p>${esc(overview.coverageMissing ?? 'No coverage.')}</p>`);
  } else {
    parts.push('<p class="hint">Click a criterion to see its evidence in the Entries view, grouped by competency.</p>');
    parts.push('<div class="chart-row">', `<div class="chart">${coverageSvg(coverage, 'gl-coverage')}</div>`);
    parts.push('<div class="table-scroll" tabindex="0" role="region" aria-label="Coverage of each criterion, as a table">', '<table>', `<caption>Evidence for each criterion of ${esc(coverage.levelLabel)}</caption>`);
    parts.push('<thead><tr><th scope="col">Criterion</th><th scope="col">Marked</th><th scope="col">Suggested</th><th scope="col">Quarters with evidence</th><th scope="col">Status</th></tr></thead><tbody>');
    for (const row of coverage.rows) {
      const quarters = row.cells.filter((c) => c.state !== 'none').map((c) => `${c.quarter.replace('-', ' ')}${c.state === 'suggested' ? ' (suggested)' : ''}`);
      parts.push(
        `<tr${row.isGap ? ' class="gap"' : ''}>`,
        `<th scope="row"><button type="button" class="link" data-action="revealCriterion" data-value="${esc(row.id)}" aria-label="Show the evidence for ${esc(row.title)} in the Entries view">${esc(row.title)}</button></th>`,
        `<td class="number">${row.explicit}</td>`,
        `<td class="number">${row.suggested}</td>`,
        `<td>${esc(quarters.join(', ') || 'none')}</td>`,
        `<td>${row.isGap ? '<strong class="gap-label">gap</strong>' : esc(row.status === 'unconfirmed' ? 'suggested only' : 'supported')}</td>`,
        '</tr>',
      );
    }
    parts.push('</tbody></table></div></div>');
  }
  parts.push('</section>');

  parts.push('<div class="columns">');
  parts.push('<section aria-labelledby="readiness-heading">', '<h2 id="readiness-heading">Readiness</h2>', '<dl class="readiness">');
  for (const row of overview.readiness) {
    parts.push(
      `<div class="readiness-row tone-${row.tone}" data-row="${esc(row.id)}">`,
      `<dt>${esc(row.label)}</dt>`,
      `<dd><span class="value">${esc(row.value)}</span>${row.detail ? ` <span class="detail">${esc(row.detail)}</span>` : ''}`,
      row.action ? ` <button type="button" data-action="${esc(row.action.kind)}">${esc(row.action.label)}</button>` : '',
      '</dd></div>',
    );
  }
  parts.push('</dl></section>');

  parts.push('<section aria-labelledby="tags-heading">', '<h2 id="tags-heading">Top tags</h2>');
  if (overview.topTags.length === 0) parts.push('<p>No entry in this period has tags.</p>');
  else {
    parts.push('<ol class="tags">');
    for (const { tag, count } of overview.topTags) {
      parts.push(
        `<li><button type="button" class="link" data-action="filterTag" data-value="${esc(tag)}" aria-label="Show the entries tagged ${esc(tag)} in the Entries view (${count} in this period)">${esc(tag)}</button> <span class="count">${count}</span></li>`,
      );
    }
    parts.push('</ol>');
  }
  parts.push('</section>', '</div>');
  return parts.join('\n');
}
