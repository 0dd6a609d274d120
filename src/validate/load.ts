// load.ts: YAML text → documents whose values are typed as PyYAML's safe_load types them (see pyyaml.ts),
// keeping the `yaml` package's Document for positions (locate.ts).
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar } from 'yaml';
import type { Node } from 'yaml';
import { constructPlain, Dict, pyKeyString } from './pyyaml.js';

/** LoadedDoc is one YAML document: its PyYAML-typed value and the parsed Document for positions. */
export interface LoadedDoc {
  value: unknown;
  doc: Document.Parsed;
  /** errors are YAML syntax errors: message and 1-based position. */
  errors: { message: string; line: number; column: number }[];
}

/** Loaded is a whole file: its documents and a line counter for offsets. */
export interface Loaded {
  docs: LoadedDoc[];
  lineCounter: LineCounter;
}

/** MAX_NODES bounds the nodes built from one file, aliases included (alias bombs). */
export const MAX_NODES = 200_000;
/** MAX_DEPTH bounds nesting. */
export const MAX_DEPTH = 200;

/** LoadError is thrown when a file exceeds MAX_NODES or MAX_DEPTH. */
export class LoadError extends Error {}

/** loadYaml parses every document of text. */
export function loadYaml(text: string): Loaded {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, version: '1.1' });
  const list = Array.isArray(parsed) ? parsed : [parsed as unknown as Document.Parsed];
  const budget = { nodes: 0 };
  const docs: LoadedDoc[] = [];
  for (const doc of list) {
    const errors = doc.errors.map((e) => {
      const p = lineCounter.linePos(e.pos[0]);
      const message = /call stack/i.test(e.message) ? `YAML nesting deeper than ${MAX_DEPTH}` : e.message.split('\n')[0]!;
      return { message, line: p.line, column: p.col };
    });
    let value: unknown = null;
    if (errors.length === 0) value = toPy(doc.contents as Node | null, doc, budget, 0);
    docs.push({ value, doc, errors });
  }
  return { docs, lineCounter };
}

/** toPy converts a node the way PyYAML's SafeConstructor would; maps are null-prototype objects. */
function toPy(node: Node | Alias | null | undefined, doc: Document, budget: { nodes: number }, depth: number): unknown {
  if (++budget.nodes > MAX_NODES) throw new LoadError(`YAML document too large (more than ${MAX_NODES} nodes)`);
  if (depth > MAX_DEPTH) throw new LoadError(`YAML nesting deeper than ${MAX_DEPTH}`);
  if (node == null) return null;
  if (isAlias(node)) return toPy(node.resolve(doc) as Node | undefined, doc, budget, depth + 1);
  if (isScalar(node)) return scalarValue(node);
  if (isMap(node)) {
    const out = new Dict();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as Node | null;
      const key = isScalar(k) ? keyString(k) : String(toPy(k, doc, budget, depth + 1));
      if (key === '<<' && isScalar(k) && k.type === 'PLAIN') {
        // YAML 1.1 merge key: earlier keys win over merged ones (PyYAML flatten_mapping).
        const src = toPy(pair.value as Node, doc, budget, depth + 1);
        for (const m of Array.isArray(src) ? src : [src]) {
          if (m && typeof m === 'object') for (const [mk, mv] of Object.entries(m)) if (!(mk in out)) out[mk] = mv;
        }
        continue;
      }
      out[key] = toPy(pair.value as Node | null, doc, budget, depth + 1);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((it) => toPy(it as Node, doc, budget, depth + 1));
  return null;
}

/** scalarSource is a scalar's text as written (plain scalars), else its value. */
export function scalarSource(s: Scalar): string {
  const src = (s as Scalar & { source?: string }).source;
  return typeof src === 'string' ? src : String(s.value);
}

/** isPlain tells whether a scalar is unquoted and not a block scalar (so resolvers apply). */
export function isPlain(s: Scalar): boolean {
  return s.type === 'PLAIN' && !s.tag;
}

function scalarValue(s: Scalar): unknown {
  if (s.tag) {
    // Explicit tags: `!!str 1` etc. Keep the common ones, else the yaml package's value.
    if (s.tag.endsWith(':str')) return scalarSource(s);
    return s.value;
  }
  if (isPlain(s)) return constructPlain(scalarSource(s));
  return typeof s.value === 'string' ? s.value : String(s.value ?? '');
}

function keyString(k: Scalar): string {
  return pyKeyString(scalarValue(k));
}
