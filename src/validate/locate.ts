// locate.ts: a field path → the line and column of its node in the rendered YAML (the `yaml` package's ranges).
// A missing field points at its parent (the deepest node that exists); unknown fields point at their key.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter } from 'yaml';
import type { Document, Node } from 'yaml';
import { MapKey, type PathSeg } from './finding.js';
import { scalarSource } from './load.js';

/** Position is 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** locate finds segs under root (segs relative to the document) and returns its position. */
export function locate(doc: Document, lineCounter: LineCounter, segs: readonly PathSeg[], atKey = false): Position {
  let node = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < segs.length && node; i++) {
    if (isAlias(node)) node = node.resolve(doc) as Node | null;
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    if (typeof seg === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      if (!isMap(node)) break;
      const key = seg instanceof MapKey ? seg.key : seg;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && scalarSource(p.key) === key);
      if (!pair) break;
      const k = pair.key as Node;
      const v = pair.value as Node | null;
      if ((last && atKey) || !v || !v.range) {
        offset = k.range?.[0] ?? offset;
        node = v;
        if (last && atKey) break;
        continue;
      }
      node = v;
      // A collection value is shown at its key (`resources:`), a scalar at the value itself.
      offset = isMap(v) || isSeq(v) ? (k.range?.[0] ?? v.range[0]) : v.range[0];
    }
  }
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/** nodeAt returns the node at segs, or undefined when the path does not exist in the document. */
export function nodeAt(doc: Document, segs: readonly PathSeg[]): Node | undefined {
  let node = doc.contents as Node | null;
  for (const seg of segs) {
    if (!node) return undefined;
    if (isAlias(node)) node = node.resolve(doc) as Node | null;
    if (typeof seg === 'number') {
      if (!isSeq(node)) return undefined;
      node = (node.items[seg] as Node | undefined) ?? null;
    } else {
      if (!isMap(node)) return undefined;
      const key = seg instanceof MapKey ? seg.key : seg;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && scalarSource(p.key) === key);
      if (!pair) return undefined;
      node = pair.value as Node | null;
    }
  }
  return node ?? undefined;
}
