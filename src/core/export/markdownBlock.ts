// Free Markdown the user wrote (details, STAR parts) placed inside a generated document: its line
// breaks, lists, emphasis and code stay, but nothing in it can become raw HTML, a link (so no
// `javascript:` link), or a heading that breaks the document's own structure.

/** The text as Markdown lines; blank lines inside it kept, trailing ones dropped. */
export function markdownBlock(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  return lines.map((line) => (line.trim() === '' ? '' : defuse(line)));
}

function defuse(line: string): string {
  const escaped = line.replace(/[\\<>&[\]]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`));
  // A heading or a setext underline in the user's text would become a section of the document.
  return escaped.replace(/^(\s*)(#{1,6})(?=\s|$)/, '$1\\$2').replace(/^(\s*)(=+|-{3,})\s*$/, (_m, lead: string, run: string) => `${lead}\\${run}`);
}

