// A ladder kept as a levels-by-axes matrix (one row per level, one column per axis, cells of
// bullet lines), the way most companies publish theirs, turned into `ladder.yaml`. Everything
// guessed (ids, titles, keywords, what a blank or merged cell meant) is listed for the user to
// review, and the text is read back by the ladder parser before anyone writes it.
import { LogError, type Problem } from '../model/problem';
import { parseLadder, type Criterion, type Ladder, type Level } from '../packet/ladder';
import { detectDelimiter, parseDelimited, type DelimitedCell } from './delimitedText';
import { ladderText } from './ladderText';

export interface MatrixImport {
  /** The text of the new `ladder.yaml`. */
  readonly text: string;
  /** The text read back; undefined only if the generated text does not validate (a bug). */
  readonly ladder?: Ladder;
  readonly problems: readonly Problem[];
  /** Sentences for the user: what was guessed and should be checked. */
  readonly review: readonly string[];
}

export interface MatrixImportOptions {
  /** The ladder's `name`; by default from the file name. */
  readonly name?: string;
  /** The path the result will be written to, for the read-back's problems. */
  readonly ladderFile?: string;
}

const HEADER_WORD = /^(?:(?:career |job )?(?:level|grade|band|rank)s?|role|title|position)\b/i;
const TITLE_HEADER = /^(?:title|name|role|job title|level name|position)$/i;
const BULLET = /^\s*(?:[-*•·◦▪‣–—]|\d{1,2}[.)])\s+/;
const EMPTY_CELL = /^(?:[-–—]|n\/?a|none|tbd)?$/i;
const SAME_AS = /^(?:same as|see|as (?:for|in)|as above)\b/i;
const LEVEL_ID = /^[A-Za-z]{0,4}[-_]?\d{1,2}[A-Za-z]?$/;
const LEVEL_WITH_TITLE = /^([A-Za-z]{0,4}[-_]?\d{1,2}[A-Za-z]?)\s*(?:[-–—:|(]\s*|\s+)(.+?)\)?$/;

/** `Technical skill` → `technical-skill`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Axis {
  readonly column: number;
  readonly title: string;
  readonly id: string;
}

interface LevelRows {
  readonly cell: DelimitedCell;
  readonly id: string;
  readonly title: string;
  readonly rows: DelimitedCell[][];
}

export function importLadderMatrix(text: string, fileName: string, options: MatrixImportOptions = {}): MatrixImport {
  const rows = parseDelimited(text, detectDelimiter(text, fileName), fileName).filter((row) => row.some((cell) => cell.text.trim() !== ''));
  const review: string[] = [];
  const at = (cell: DelimitedCell) => `${fileName}:${cell.line + 1}:${cell.column + 1}`;
  const first = (row: readonly DelimitedCell[]) => row[0]?.text.trim() ?? '';

  // The header is the first row naming the level column (`Level`), else the row above the first
  // level (a blank corner cell); rows above it group its columns (a cell merged across several
  // columns is exported into the first of them only).
  const firstNamed = rows.findIndex((row) => first(row) !== '');
  const headerIndex = firstNamed > 0 && !HEADER_WORD.test(first(rows[firstNamed])) ? firstNamed - 1 : firstNamed;
  if (headerIndex === -1 || headerIndex + 1 >= rows.length) {
    throw new LogError('invalid', `${fileName}:1:1: a ladder matrix needs a header row naming the axes, then one row per level with the level in the first column.`);
  }
  const header = rows[headerIndex];
  const width = Math.max(...rows.map((row) => row.length));
  const groups: string[] = Array.from({ length: width }, () => '');
  for (const row of rows.slice(0, headerIndex)) {
    let current = '';
    for (let c = 1; c < width; c++) {
      const value = oneLine(row[c]?.text ?? '');
      if (value) current = value;
      groups[c] = groups[c] ? `${groups[c]} ${current}`.trim() : current;
    }
  }

  let titleColumn: number | undefined;
  const axes: Axis[] = [];
  for (let c = 1; c < width; c++) {
    const name = oneLine(header[c]?.text ?? '');
    if (titleColumn === undefined && TITLE_HEADER.test(name)) {
      titleColumn = c;
      continue;
    }
    const hasData = rows.slice(headerIndex + 1).some((row) => (row[c]?.text.trim() ?? '') !== '');
    const title = name || groups[c];
    if (!title) {
      if (hasData) review.push(`Column ${c + 1} has no header, so it was left out; give it one and import again to keep it.`);
      continue;
    }
    const taken = new Set(axes.map((a) => a.id));
    let id = slug(title) || `axis-${c + 1}`;
    if (taken.has(id) && groups[c]) id = slug(`${groups[c]} ${title}`);
    for (let n = 2; taken.has(id); n++) id = `${slug(title)}-${n}`;
    axes.push({ column: c, title: title === name && groups[c] && axes.some((a) => a.title === name) ? `${groups[c]}: ${name}` : title, id });
  }
  if (axes.length === 0) throw new LogError('invalid', `${at(header[0])}: the header names no axis; the columns after the level should each name one (Technical skill, Delivery, …).`);

  const levels: LevelRows[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    const cell = row[0];
    if (first(row) === '') {
      // A level cell merged over several rows: those rows add to the level above.
      levels[levels.length - 1]?.rows.push(row);
      continue;
    }
    const named = levelName(oneLine(cell.text), titleColumn === undefined ? undefined : oneLine(row[titleColumn]?.text ?? ''));
    let id = named.id;
    for (let n = 2; levels.some((l) => l.id === id); n++) id = `${named.id}-${n}`;
    if (id !== named.id) review.push(`${at(cell)}: level \`${named.id}\` appears twice; this one became \`${id}\`.`);
    levels.push({ cell, id, title: named.title, rows: [row] });
  }

  const bulletsByLevel = levels.map((level) => axes.map((axis) => level.rows.flatMap((row) => cellText(row[axis.column]))));
  const documentFrequency = wordFrequencies(bulletsByLevel.flat(2));
  const levelNotes = new Map<string, string[]>();
  const note = (level: LevelRows, message: string) => levelNotes.set(level.id, [...(levelNotes.get(level.id) ?? []), message]);

  const result: Level[] = levels.map((level, li) => {
    const criteria: Criterion[] = [];
    axes.forEach((axis, ai) => {
      const bullets = bulletsByLevel[li][ai];
      const sameAs = bullets.length === 1 && SAME_AS.test(bullets[0]) ? bullets[0] : undefined;
      if (bullets.length === 0 || sameAs) {
        note(level, sameAs ? `${axis.title}: the cell says “${sameAs}”; copy those criteria here if this level needs them.` : `${axis.title}: blank (or merged) cell; add criteria if this level needs them.`);
        return;
      }
      bullets.forEach((bullet, bi) => {
        const several = bullets.length > 1;
        criteria.push({
          id: several ? `${axis.id}-${bi + 1}` : axis.id,
          title: several ? `${axis.title} (${bi + 1})` : axis.title,
          description: bullet,
          keywords: suggestKeywords(bullet, documentFrequency),
        });
      });
    });
    return { id: level.id, title: level.title, criteria };
  });

  const blanks = [...levelNotes.values()].flat().length;
  if (blanks > 0) review.push(`${blanks} blank or “same as” cells became no criteria; each is noted in a comment above its level.`);
  review.push('Criterion ids and titles come from the column headers; rename them if you like (entries refer to the ids).');
  review.push('Keywords are suggestions from each bullet’s rarer words; keep those that say an entry is evidence, drop the rest.');
  if (titleColumn === undefined && result.every((l) => l.id === l.title)) review.push('Levels have no titles: add a `title` to each, or a Title column to the matrix.');

  const header0 = [
    `Imported by Growth Log from ${fileName.split(/[\\/]/).pop() ?? fileName}: ${plural(result.length, 'level')}, ${plural(
      result.reduce((n, l) => n + l.criteria.length, 0),
      'criterion',
      'criteria',
    )}.`,
    'Review the ids, titles and keywords, and the notes above the levels.',
    '',
  ];
  const out = ladderText({ name: options.name ?? nameFromFile(fileName), levels: result }, { header: header0, levelNotes });
  const parsed = parseLadder(out, options.ladderFile ?? 'ladder.yaml');
  return { text: out, ladder: parsed.ladder, problems: parsed.problems, review };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `acme-engineering_ladder.csv` → `Acme engineering ladder`. */
function nameFromFile(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return base ? base[0].toUpperCase() + base.slice(1) : 'Imported ladder';
}

/** `L3 - Senior Engineer`, `L3` with a title column, or just `Senior Engineer`. */
function levelName(cell: string, titleCell: string | undefined): { id: string; title: string } {
  if (LEVEL_ID.test(cell)) return { id: cell, title: titleCell || cell };
  const both = LEVEL_WITH_TITLE.exec(cell);
  if (both && !titleCell) return { id: both[1], title: both[2].trim() };
  if (titleCell) return { id: /\s/.test(cell) ? slug(cell) : cell, title: titleCell };
  return { id: slug(cell) || cell, title: cell };
}

/** A cell's bullets: lines starting with a bullet (continued by the lines after them), else each line. */
function cellText(cell: DelimitedCell | undefined): string[] {
  const lines = (cell?.text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0 || (lines.length === 1 && EMPTY_CELL.test(lines[0]))) return [];
  if (!lines.some((line) => BULLET.test(line))) return lines.map(oneLine);
  const bullets: string[] = [];
  for (const line of lines) {
    if (BULLET.test(line) || bullets.length === 0) bullets.push(line.replace(BULLET, ''));
    else bullets[bullets.length - 1] += ` ${line}`;
  }
  return bullets.map(oneLine).filter(Boolean);
}

// Words every ladder uses about every level: they would suggest everything, so they never do.
const STOPWORDS = new Set(
  (
    'a about above across after again all also an and any are as at be been being both but by can could does doing down during each either for from further had has have having how i in into is it its itself just more most much must need needs no nor not of off on once only or other others our out over own same should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with within without would you your ' +
    'able ability across appropriate changes completes contributes demonstrates does ensures gets handles helps issues knows makes participates problems provides runs sets shows takes tasks things understands uses writes  clear clearly consistently effectively engineer engineers engineering especially etc expected expectations good great high independently level levels new often one own peers regularly relevant role several significant strong team teams well work works working'
  ).split(' '),
);

function words(text: string): string[] {
  return (text.toLowerCase().replace(/['’]s\b/g, '').match(/[a-z][a-z'-]*[a-z]/g) ?? []).filter((w) => w.length >= 4 && !STOPWORDS.has(w));
}

function wordFrequencies(bullets: readonly string[]): { readonly count: ReadonlyMap<string, number>; readonly total: number } {
  const count = new Map<string, number>();
  for (const bullet of bullets) for (const word of new Set(words(bullet))) count.set(word, (count.get(word) ?? 0) + 1);
  return { count, total: bullets.length };
}

const IRREGULAR_PAST: Record<string, string> = {
  leads: 'led', builds: 'built', writes: 'wrote', drives: 'drove', takes: 'took', makes: 'made', runs: 'ran', sets: 'set',
  brings: 'brought', debugs: 'debugged', teaches: 'taught', grows: 'grew', speaks: 'spoke', gives: 'gave', finds: 'found', holds: 'held', keeps: 'kept',
};

/** `Designs systems…` → `designed`: entries are written in the past tense, ladders in the present. */
function pastTense(verb: string): string | undefined {
  if (IRREGULAR_PAST[verb]) return IRREGULAR_PAST[verb];
  if (!/[^s]s$/.test(verb)) return undefined;
  const stem = verb.endsWith('ies') ? `${verb.slice(0, -3)}i` : verb.endsWith('es') && /(?:ch|sh|x|ss|z)es$/.test(verb) ? verb.slice(0, -2) : verb.slice(0, -1);
  if (stem.endsWith('e')) return `${stem}d`;
  if (stem.endsWith('i')) return `${stem}ed`;
  // ship → shipped, plan → planned: one syllable ending consonant-vowel-consonant.
  if (/^[^aeiou]+[aeiou][^aeiouwxy]$/.test(stem)) return `${stem}${stem.at(-1)}ed`;
  return `${stem}ed`;
}

/**
 * Up to three words of a bullet that few other bullets of the matrix share (so they say something
 * about this criterion), plus the past tense of its opening verb when that verb is one of them.
 */
export function suggestKeywords(bullet: string, frequency: { readonly count: ReadonlyMap<string, number>; readonly total: number }): string[] {
  const limit = Math.max(2, Math.ceil(frequency.total * 0.15));
  const candidates = [...new Set(words(bullet))].filter((w) => (frequency.count.get(w) ?? 1) <= limit);
  const ranked = candidates
    .map((word, index) => ({ word, index, df: frequency.count.get(word) ?? 1 }))
    .sort((a, b) => a.df - b.df || a.index - b.index)
    .slice(0, 3)
    .sort((a, b) => a.index - b.index)
    .map((c) => c.word);
  const opening = bullet.toLowerCase().match(/^[a-z]+/)?.[0];
  const past = opening && ranked.includes(opening) ? pastTense(opening) : undefined;
  return past && !ranked.includes(past) ? [...ranked, past] : ranked;
}
