// The shape of an entry file as both readers see it: nodes with their offsets in the text. The
// fast reader and the yaml Document reader each produce one, and validation and edits work on
// it, so the two readers only have to agree on this small structure.

/** Offsets into the text; `end` is just after the node's last non-blank character. */
interface NodeBase {
  readonly start: number;
  readonly end: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface OutlineScalar extends NodeBase {
  readonly kind: 'scalar';
  /** The value under YAML 1.2's core schema: dates stay text, `12` is a number, `~` is null. */
  readonly value: string | number | boolean | null;
  /** The characters as written, for plain scalars (so `1.50` is not turned into `1.5`). */
  readonly source: string;
  readonly style: ScalarStyle;
}

export interface OutlineSeq extends NodeBase {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly items: readonly OutlineNode[];
}

export interface OutlinePair {
  readonly key: string;
  readonly keyStart: number;
  readonly value: OutlineNode;
}

export interface OutlineMap extends NodeBase {
  readonly kind: 'map';
  readonly flow: boolean;
  readonly pairs: readonly OutlinePair[];
}

/**
 * Valid YAML the model does not read field by field, kept as its JS value: an alias to a list or
 * a mapping (whose items are written elsewhere, so an edit here could not reach them), or a value
 * tagged as a type that is neither text, number, boolean, null, list nor mapping (`!!binary`).
 */
export interface OutlineOther extends NodeBase {
  readonly kind: 'other';
  readonly value: unknown;
  readonly unread: UnreadReason;
}

export type UnreadReason =
  | { readonly kind: 'alias'; readonly name: string; readonly target: 'list' | 'mapping' }
  | { readonly kind: 'tag'; readonly tag: string };

export type OutlineNode = OutlineScalar | OutlineSeq | OutlineMap | OutlineOther;

export function pairOf(map: OutlineMap, key: string): OutlinePair | undefined {
  for (const pair of map.pairs) if (pair.key === key) return pair;
  return undefined;
}

/** The node as it lies in a text where its own text starts `by` characters later. */
export function shiftOutline(node: OutlineNode, by: number): OutlineNode {
  switch (node.kind) {
    case 'scalar':
    case 'other':
      return { ...node, start: node.start + by, end: node.end + by };
    case 'seq':
      return { ...node, start: node.start + by, end: node.end + by, items: node.items.map((item) => shiftOutline(item, by)) };
    case 'map':
      return {
        ...node,
        start: node.start + by,
        end: node.end + by,
        pairs: node.pairs.map((pair) => ({ ...pair, keyStart: pair.keyStart + by, value: shiftOutline(pair.value, by) })),
      };
  }
}

/** The JS value of a node, as `yaml`'s toJS would give it. */
export function outlineToJs(node: OutlineNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(outlineToJs);
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const pair of node.pairs) result[pair.key] = outlineToJs(pair.value);
      return result;
    }
    case 'other':
      return node.value;
  }
}

/** The text a person sees for a scalar: its value, or its source when YAML read it as a number. */
export function scalarText(node: OutlineScalar): string | undefined {
  if (node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source;
}
