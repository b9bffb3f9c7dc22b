// One self-contained, print-friendly HTML page: styles inline (with print rules), no script and no
// outside resource (a Content Security Policy says so too), every text of the log escaped, links
// only for web and mail addresses. Printing it to PDF from a browser gives a clean document.
import type { Entry } from '../model/entry';
import { typeLabel } from '../packet/packet';
import { BRAG_SECTIONS, bragSection } from './bragDocument';
import { scopeText, type ExportInput } from './exportSelection';

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.2em; }
.scope, .facts { color: #59636e; }
.facts { margin: 0 0 0.4em; font-size: 0.92em; }
.impact { margin: 0.3em 0; }
.details { white-space: pre-wrap; margin: 0.3em 0; }
ul.links { margin: 0.3em 0; padding-left: 1.2em; }
a { color: #0550ae; overflow-wrap: anywhere; }
article { break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #59636e; }
}
`;

export function htmlExport(input: ExportInput): string {
  const body: string[] = [];
  body.push('<header>', '<h1>Brag document</h1>', `<p class="scope">Period: ${escapeHtml(scopeText(input))}. Written by Growth Log on ${escapeHtml(input.today)}.</p>`, '</header>');
  if (input.entries.length === 0) body.push('<p><em>No entries in this period.</em></p>');
  for (const section of BRAG_SECTIONS) {
    const entries = input.entries.filter((entry) => bragSection(entry) === section);
    if (entries.length === 0) continue;
    body.push('<section>', `<h2>${escapeHtml(section.title)}</h2>`);
    for (const entry of entries) body.push(...htmlEntry(entry));
    body.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Brag document: ${escapeHtml(scopeText(input))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function htmlEntry(entry: Entry): string[] {
  const facts = [entry.date, typeLabel(entry), ...(entry.tags.length > 0 ? [entry.tags.join(', ')] : [])];
  const lines = ['<article>', `<h3>${escapeHtml(entry.title)}</h3>`, `<p class="facts">${facts.map(escapeHtml).join(' · ')}</p>`];
  if (entry.impact?.trim()) lines.push(`<p class="impact"><strong>Impact:</strong> ${escapeHtml(entry.impact.trim())}</p>`);
  if (entry.details?.trim()) lines.push(`<p class="details">${escapeHtml(entry.details.replace(/\s+$/, ''))}</p>`);
  if (entry.links.length > 0) lines.push('<ul class="links">', ...entry.links.map((url) => `<li>${htmlLink(url)}</li>`), '</ul>');
  lines.push('</article>');
  return lines;
}

/** A link for a web or mail address; anything else (`javascript:…`) is shown as text. */
function htmlLink(url: string): string {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)\S+$/i.test(trimmed)) return escapeHtml(trimmed);
  return `<a href="${escapeHtml(trimmed)}">${escapeHtml(trimmed.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, ''))}</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
