/**
 * files is the `.Files` object of a chart: Helm's `engine.files` (a map[string][]byte named
 * type) with its methods Get, GetBytes, Glob, Lines, AsConfig and AsSecrets. Only the
 * chart's own files are reachable: names are looked up in the map, never on disk.
 * Helm: pkg/engine/files.go; Glob uses gobwas/glob with '/' as separator.
 */
import { def } from '../functions/def.js';
import { helmToYaml } from '../yaml/emit.js';
import {
  type GoFunc,
  GoFuncError,
  GoSlice,
  type GoValue,
  TypedMap,
  fromGoBytes,
  goByteSlice,
  goBytes,
} from '../template/value.js';
import type { ChartFile } from './metadata.js';

/** FilesGoType is the Go type name `typeOf .Files` prints. */
export const FilesGoType = 'engine.files';

/** newFiles builds a `.Files` object from chart files (later entries with the same name win). */
export function newFiles(files: readonly ChartFile[]): TypedMap {
  const raw = new Map<string, Uint8Array>();
  for (const f of files) raw.set(f.name, f.data);
  return filesFromRaw(raw);
}

/**
 * FilesMap is `.Files` (engine.files, a map[string][]byte). Its []byte values are made only
 * when a template reads them as a map: a []byte is one Go value per byte, and charts carry
 * hundreds of kilobytes of files that templates rarely touch except through Get.
 */
class FilesMap extends TypedMap {
  private readonly raw: Map<string, Uint8Array>;
  private readonly made = new Map<string, GoValue>();

  constructor(raw: Map<string, Uint8Array>, methods: Map<string, GoFunc>) {
    super(FilesGoType, 'map[string][]uint8', '[]uint8', undefined, methods);
    this.raw = raw;
  }

  private bytesOf(k: string): GoValue {
    let v = this.made.get(k);
    if (v === undefined) {
      const data = this.raw.get(k);
      if (data === undefined) return undefined;
      v = goByteSlice(data);
      this.made.set(k, v);
    }
    return v;
  }

  override get(k: string): GoValue {
    return this.bytesOf(k);
  }
  override has(k: string): boolean {
    return this.raw.has(k);
  }
  override get size(): number {
    return this.raw.size;
  }
  override keys(): MapIterator<string> {
    return this.raw.keys();
  }
  override *values(): MapIterator<GoValue> {
    for (const k of this.raw.keys()) yield this.bytesOf(k);
  }
  override *entries(): MapIterator<[string, GoValue]> {
    for (const k of this.raw.keys()) yield [k, this.bytesOf(k)];
  }
  override [Symbol.iterator](): MapIterator<[string, GoValue]> {
    return this.entries();
  }
  override forEach(cb: (value: GoValue, key: string, map: Map<string, GoValue>) => void, thisArg?: unknown): void {
    for (const k of this.raw.keys()) cb.call(thisArg, this.bytesOf(k), k, this);
  }
}

function filesFromRaw(raw: Map<string, Uint8Array>): TypedMap {
  const methods = new Map<string, GoFunc>();
  const m = new FilesMap(raw, methods);
  const getBytes = (name: string): Uint8Array => raw.get(name) ?? new Uint8Array(0);
  methods.set('GetBytes', def('GetBytes', ['string'], '[]uint8', ([n]) => goByteSlice(getBytes(n as string))));
  methods.set('Get', def('Get', ['string'], 'string', ([n]) => fromGoBytes(getBytes(n as string))));
  methods.set(
    'Glob',
    def('Glob', ['string'], FilesGoType, ([p]) => {
      const g = compileGlob(p as string) ?? compileGlob('**')!;
      const out = new Map<string, Uint8Array>();
      for (const [name, data] of raw) if (g.test(name)) out.set(name, data);
      return filesFromRaw(out);
    }),
  );
  methods.set(
    'Lines',
    def('Lines', ['string'], '[]string', ([n]) => {
      const data = raw.get(n as string);
      if (data === undefined) return new GoSlice('string', []);
      // Helm: s[len(s)-1] on an empty file panics (index out of range [-1]).
      if (data.length === 0) throw new GoFuncError('runtime error: index out of range [-1]');
      let s = fromGoBytes(data);
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return new GoSlice('string', s.split('\n'));
    }),
  );
  methods.set('AsConfig', def('AsConfig', [], 'string', () => asMapYaml(raw, (d) => fromGoBytes(d))));
  methods.set('AsSecrets', def('AsSecrets', [], 'string', () => asMapYaml(raw, (d) => Buffer.from(d).toString('base64'))));
  return m;
}

function pathBase(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}

function asMapYaml(raw: Map<string, Uint8Array>, conv: (d: Uint8Array) => string): string {
  const m = new TypedMap('map[string]string', 'map[string]string', 'string');
  const names = [...raw.keys()].sort();
  for (const n of names) m.set(pathBase(n), conv(raw.get(n)!));
  return helmToYaml(m);
}

/** fileText returns a chart file's content as a Go string. */
export function fileText(f: ChartFile): string {
  return fromGoBytes(f.data);
}

/** fileFromText makes a ChartFile from a Go string. */
export function fileFromText(name: string, text: string): ChartFile {
  return { name, data: goBytes(text) };
}

// ---- gobwas/glob (separator '/') ----

/**
 * compileGlob compiles a gobwas/glob pattern with '/' as the separator into a RegExp, or
 * returns null when the pattern does not compile (Helm then falls back to "**").
 * Syntax: * (no separator), ** (anything), ? (one non-separator), [abc] [!abc] [a-z],
 * {a,b} alternatives (nestable), \ escapes.
 */
export function compileGlob(pattern: string): RegExp | null {
  let i = 0;
  const n = pattern.length;
  const esc = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const parse = (inAlt: number): string | null => {
    let out = '';
    while (i < n) {
      const c = pattern[i]!;
      if (inAlt > 0 && (c === ',' || c === '}')) return out;
      i++;
      switch (c) {
        case '\\':
          if (i >= n) return null;
          out += esc(pattern[i]!);
          i++;
          break;
        case '*':
          if (pattern[i] === '*') {
            while (pattern[i] === '*') i++;
            out += '[\\s\\S]*';
          } else out += '[^/]*';
          break;
        case '?':
          out += '[^/]';
          break;
        case '[': {
          let neg = false;
          if (pattern[i] === '!') {
            neg = true;
            i++;
          }
          let cls = '';
          let closed = false;
          while (i < n) {
            const d = pattern[i]!;
            if (d === ']') {
              closed = true;
              i++;
              break;
            }
            if (d === '\\') {
              i++;
              if (i >= n) return null;
            }
            const lo = pattern[i]!;
            i++;
            if (pattern[i] === '-' && i + 1 < n && pattern[i + 1] !== ']') {
              const hi = pattern[i + 1]!;
              i += 2;
              if (hi < lo) return null;
              cls += esc(lo) + '-' + esc(hi);
            } else cls += esc(lo);
          }
          if (!closed || cls === '') return null;
          out += neg ? `[^${cls}]` : `[${cls}]`;
          break;
        }
        case '{': {
          const alts: string[] = [];
          for (;;) {
            const a = parse(inAlt + 1);
            if (a === null) return null;
            alts.push(a);
            if (i >= n) return null;
            const d = pattern[i]!;
            i++;
            if (d === '}') break;
          }
          out += '(?:' + alts.join('|') + ')';
          break;
        }
        default:
          out += esc(c);
      }
    }
    return inAlt > 0 ? null : out;
  };
  const body = parse(0);
  if (body === null) return null;
  try {
    return new RegExp('^' + body + '$');
  } catch {
    return null;
  }
}
