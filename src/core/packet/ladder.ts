// Ladders: the formal criteria a promotion is judged against, read from `ladder.yaml` or built in.
// Parsing never throws on bad input: every mistake becomes a Problem at the exact place to fix.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SourceRange } from '../model/entry';
import type { Problem, Severity } from '../model/problem';

export interface Criterion {
  /** Stable kebab-case id, the value entries list under `competencies`. */
  readonly id: string;
  readonly title: string;
  /** What evidence at this level looks like; the packet quotes it and uses it to describe gaps. */
  readonly description: string;
  readonly keywords: readonly string[];
}

export interface Level {
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly Criterion[];
}

export interface Ladder {
  readonly name: string;
  /** Lowest level first; `levelAfter` relies on this order. */
  readonly levels: readonly Level[];
  readonly current?: string;
  readonly target?: string;
  /** True for the ladder written by this project, used when the folder has no `ladder.yaml`. */
  readonly isDefault: boolean;
}

export interface ParsedLadder {
  /** Undefined when the file cannot be used at all (a syntax error, or no usable level). */
  readonly ladder?: Ladder;
  readonly problems: readonly Problem[];
}

export const LADDER_FILE_NAME = 'ladder.yaml';

export function findLevel(ladder: Ladder, levelId: string): Level | undefined {
  return ladder.levels.find((level) => level.id === levelId);
}

/** The next level up, or undefined at the top of the ladder (or for an unknown id). */
export function levelAfter(ladder: Ladder, levelId: string): Level | undefined {
  const index = ladder.levels.findIndex((level) => level.id === levelId);
  return index === -1 ? undefined : ladder.levels[index + 1];
}

/** `Senior Engineer (L4)`, or just the id when the ladder does not know it. */
export function levelLabel(ladder: Ladder, levelId: string): string {
  const level = findLevel(ladder, levelId);
  return level && level.title !== level.id ? `${level.title} (${level.id})` : levelId;
}

const ROOT_KEYS = ['name', 'current', 'target', 'levels'];
const LEVEL_KEYS = ['id', 'title', 'criteria'];
const CRITERION_KEYS = ['id', 'title', 'description', 'keywords'];

export function parseLadder(text: string, file: string): ParsedLadder {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const rangeOf = (start: number, end: number): SourceRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    return { start: { line: a.line - 1, column: a.col - 1 }, end: { line: b.line - 1, column: b.col - 1 } };
  };
  const report = (node: Node | undefined, message: string, severity: Severity = 'error') => {
    // A node's own text, without the comments and blank lines that may trail it.
    const [start, end] = node?.range ?? [0, 0];
    problems.push({ file, range: rangeOf(start, end), severity, message });
  };

  for (const error of doc.errors) {
    problems.push({ file, range: rangeOf(error.pos[0], error.pos[1]), severity: 'error', message: error.message.split('\n')[0] });
  }
  // A half-parsed ladder would silently judge the user against criteria they did not write.
  if (doc.errors.length > 0) return { problems };

  const root = doc.contents;
  if (!isMap(root)) {
    report(root ?? undefined, 'A ladder file must be a mapping with a `levels:` list.');
    return { problems };
  }
  warnUnknownKeys(root, ROOT_KEYS, 'at the top of a ladder', report);

  const levelsNode = root.get('levels', true);
  if (!levelsNode || (isScalar(levelsNode) && levelsNode.value === null)) {
    report(root, 'The ladder has no `levels:` list.');
    return { problems };
  }
  if (!isSeq(levelsNode)) {
    report(levelsNode, '`levels` must be a list of levels, each with an `id`, a `title` and `criteria`.');
    return { problems };
  }

  const levels: Level[] = [];
  for (const item of levelsNode.items) {
    const level = readLevel(item as Node, report);
    if (!level) continue;
    if (levels.some((l) => l.id === level.value.id)) {
      report(level.idNode, `Level \`${level.value.id}\` is defined twice; only the first one is used.`);
      continue;
    }
    levels.push(level.value);
  }
  if (levels.length === 0) {
    report(levelsNode, 'The ladder has no usable level.');
    return { problems };
  }

  const name = readString(root, 'name', report) ?? 'Custom ladder';
  const ladder: Ladder = {
    name,
    levels,
    current: readLevelRef(root, 'current', levels, report),
    target: readLevelRef(root, 'target', levels, report),
    isDefault: false,
  };
  checkTargetAboveCurrent(root, ladder, report);
  return { ladder, problems };
}


type Report = (node: Node | undefined, message: string, severity?: Severity) => void;

function readLevel(node: Node, report: Report): { value: Level; idNode: Node } | undefined {
  if (!isMap(node)) {
    report(node, 'A level must be a mapping with an `id`, a `title` and `criteria`.');
    return undefined;
  }
  warnUnknownKeys(node, LEVEL_KEYS, 'in a level', report);
  const id = readString(node, 'id', report);
  const idNode = node.get('id', true);
  if (id === undefined || !idNode) {
    report(node, 'This level has no `id`.');
    return undefined;
  }
  let title = readString(node, 'title', report);
  if (title === undefined) {
    report(idNode, `Level \`${id}\` has no \`title\`; its id is used instead.`, 'warning');
    title = id;
  }
  const criteriaNode = node.get('criteria', true);
  const criteria: Criterion[] = [];
  // Levels that only name where the user stands (not the target) need no criteria.
  if (criteriaNode && !(isScalar(criteriaNode) && criteriaNode.value === null)) {
    if (!isSeq(criteriaNode)) {
      report(criteriaNode, `The \`criteria\` of level \`${id}\` must be a list.`);
    } else {
      for (const item of criteriaNode.items) {
        const criterion = readCriterion(item as Node, id, report);
        if (!criterion) continue;
        if (criteria.some((c) => c.id.toLowerCase() === criterion.value.id.toLowerCase())) {
          report(criterion.idNode, `Criterion \`${criterion.value.id}\` appears twice in level \`${id}\`; only the first one is used.`);
          continue;
        }
        criteria.push(criterion.value);
      }
    }
  }
  return { value: { id, title, criteria }, idNode };
}

function readCriterion(node: Node, levelId: string, report: Report): { value: Criterion; idNode: Node } | undefined {
  if (!isMap(node)) {
    report(node, 'A criterion must be a mapping with an `id`, a `title`, a `description` and `keywords`.');
    return undefined;
  }
  warnUnknownKeys(node, CRITERION_KEYS, 'in a criterion', report);
  const id = readString(node, 'id', report);
  const idNode = node.get('id', true);
  const title = readString(node, 'title', report);
  if (id === undefined || !idNode) {
    report(node, `This criterion of level \`${levelId}\` has no \`id\`.`);
    return undefined;
  }
  if (title === undefined) {
    report(node, `Criterion \`${id}\` of level \`${levelId}\` has no \`title\`.`);
    return undefined;
  }
  let description = readString(node, 'description', report);
  if (description === undefined) {
    report(idNode, `Criterion \`${id}\` has no \`description\`; the packet uses it to say what evidence would close a gap.`, 'warning');
    description = '';
  }
  return { value: { id, title, description: description.trim(), keywords: readKeywords(node, id, report) }, idNode };
}

function readKeywords(node: YAMLMap, criterionId: string, report: Report): string[] {
  const value = node.get('keywords', true);
  if (!value || (isScalar(value) && value.value === null)) return [];
  if (!isSeq(value)) {
    report(value, `The \`keywords\` of criterion \`${criterionId}\` must be a list of words, like \`[design, migration]\`.`);
    return [];
  }
  const keywords: string[] = [];
  for (const item of value.items) {
    const word = isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') ? String(item.value).trim() : undefined;
    if (word === undefined) {
      report(item as Node, `Each keyword of criterion \`${criterionId}\` must be a word or a phrase.`);
    } else if (word === '') {
      report(item as Node, `An empty keyword of criterion \`${criterionId}\` is ignored.`, 'warning');
    } else if (!keywords.some((k) => k.toLowerCase() === word.toLowerCase())) {
      keywords.push(word);
    }
  }
  return keywords;
}

/** A string-valued key; numbers count (a level may be called `3`), anything else is reported. */
function readString(map: YAMLMap, key: string, report: Report): string | undefined {
  const value = map.get(key, true);
  if (!value || (isScalar(value) && value.value === null)) return undefined;
  if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
    const text = String(value.value).trim();
    return text === '' ? undefined : text;
  }
  report(value, `\`${key}\` must be a single line of text.`);
  return undefined;
}

function readLevelRef(root: YAMLMap, key: 'current' | 'target', levels: readonly Level[], report: Report): string | undefined {
  const id = readString(root, key, report);
  if (id === undefined) return undefined;
  if (!levels.some((level) => level.id === id)) {
    const known = levels.map((level) => `\`${level.id}\``).join(', ');
    report(root.get(key, true), `\`${key}\` names level \`${id}\`, which is not in this ladder (its levels are ${known}).`);
    return undefined;
  }
  return id;
}

function checkTargetAboveCurrent(root: YAMLMap, ladder: Ladder, report: Report): void {
  if (ladder.target === undefined) return;
  const rank = (id: string) => ladder.levels.findIndex((level) => level.id === id);
  const targetNode = root.get('target', true);
  if (ladder.current !== undefined && rank(ladder.target) <= rank(ladder.current)) {
    report(targetNode, `\`target\` (\`${ladder.target}\`) is not above \`current\` (\`${ladder.current}\`); levels are listed lowest first.`, 'warning');
  }
  const target = ladder.levels[rank(ladder.target)];
  if (target.criteria.length === 0) {
    report(targetNode, `The target level \`${target.id}\` has no criteria, so a packet for it has nothing to argue.`, 'warning');
  }
}

function warnUnknownKeys(map: YAMLMap, known: readonly string[], where: string, report: Report): void {
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && known.includes(key)) continue;
    const expected = known.map((k) => `\`${k}\``).join(', ');
    report(pair.key, `\`${key ?? '?'}\` is not a ladder key ${where}; expected ${expected}.`, 'warning');
  }
}
