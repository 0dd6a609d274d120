/**
 * load reads a chart directory or a .tgz archive into a Chart with Helm 3.14's loader rules
 * (Helm: pkg/chart/loader/{load,directory,archive}.go): which files are metadata, values,
 * schema, templates, subcharts (charts/<dir>/ and charts/*.tgz) and plain `.Files`;
 * .helmignore (top-level directory only) plus the built-in `templates/.?*` rule; UTF-8 BOMs
 * stripped; symbolic links followed; requirements.yaml/.lock for apiVersion v1 charts.
 *
 * Resources are bounded: total bytes, file count, archive nesting and symlink depth.
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lazyRequire } from '../functions/lazy-require.js';
import { type GoValue, TypedMap } from '../template/value.js';
import { loadValuesYaml, yamlUnmarshal } from '../yaml/load.js';
import { IgnoreFileName, Rules } from './ignore.js';
import { Chart, type ChartFile, decodeMetadataInto, emptyMetadata, validateMetadata } from './metadata.js';
import { fromGoBytes } from '../template/value.js';

/** node:zlib, loaded for .tgz archives only (a directory chart, or the built-in one, never needs it). */
const zlib = lazyRequire<typeof import('node:zlib')>('node:zlib');

/** LoadError is a chart loading failure with Helm's message. */
export class LoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

/** LoadLimits bound what a chart may hold. */
export interface LoadLimits {
  /** Total bytes of all files (decompressed). Default 100 MiB (Helm ≥3.17's MaxDecompressedChartSize). */
  maxTotalBytes: number;
  /** Number of files. Default 20,000. */
  maxFiles: number;
  /** Nesting of charts/ subcharts. Default 20. */
  maxDepth: number;
}

const defaultLimits: LoadLimits = { maxTotalBytes: 100 * 1024 * 1024, maxFiles: 20000, maxDepth: 20 };

/** LoadOptions configure loadChart. */
export interface LoadOptions {
  /** Receives the warnings Helm would log (symlinks, requirements.yaml in v2 charts). */
  warn?: (msg: string) => void;
  limits?: Partial<LoadLimits>;
}

/** BufferedFile is one file of a chart before classification. */
export interface BufferedFile {
  name: string;
  data: Uint8Array;
}

class Budget {
  bytes = 0;
  files = 0;
  constructor(readonly limits: LoadLimits) {}
  add(size: number): void {
    this.bytes += size;
    this.files++;
    if (this.bytes > this.limits.maxTotalBytes) {
      throw new LoadError(`chart exceeds the maximum size of ${this.limits.maxTotalBytes} bytes`);
    }
    if (this.files > this.limits.maxFiles) throw new LoadError(`chart has more than ${this.limits.maxFiles} files`);
  }
}

const bom = [0xef, 0xbb, 0xbf];

function trimBom(b: Uint8Array): Uint8Array {
  return b.length >= 3 && b[0] === bom[0] && b[1] === bom[1] && b[2] === bom[2] ? b.subarray(3) : b;
}

/** loadChart loads a chart directory or archive (Helm: loader.Load). */
export function loadChart(path: string, opts: LoadOptions = {}): Chart {
  const limits = { ...defaultLimits, ...(opts.limits ?? {}) };
  const budget = new Budget(limits);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new LoadError(`path ${JSON.stringify(path)} not found`);
  }
  if (st.isDirectory()) return loadDir(path, opts, budget);
  return loadFile(path, opts, budget);
}

/** loadFile loads a .tgz chart archive from disk (Helm: loader.LoadFile). */
export function loadFile(name: string, opts: LoadOptions = {}, budget = new Budget({ ...defaultLimits, ...(opts.limits ?? {}) })): Chart {
  const st = statSync(name);
  if (st.size > budget.limits.maxTotalBytes) throw new LoadError(`chart exceeds the maximum size of ${budget.limits.maxTotalBytes} bytes`);
  const data = new Uint8Array(readFileSync(name));
  const head = data.subarray(0, 512);
  if (!(head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08)) {
    if (name.endsWith('.yml') || name.endsWith('.yaml')) {
      throw new LoadError(`file '${name}' seems to be a YAML file, but expected a gzipped archive`);
    }
    throw new LoadError(`file '${name}' does not appear to be a gzipped archive; got '${detectContentType(head)}'`);
  }
  return loadArchive(data, opts, budget, 0);
}

/** detectContentType is a small part of Go's http.DetectContentType (enough for the loader's message). */
function detectContentType(b: Uint8Array): string {
  const s = Buffer.from(b).toString('latin1');
  if (s.startsWith('PK\x03\x04')) return 'application/zip';
  if (s.startsWith('%PDF-')) return 'application/pdf';
  if (s.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png';
  if (s.startsWith('BZh')) return 'application/x-bzip2';
  if (s.startsWith('\xfe\xff')) return 'text/plain; charset=utf-16be';
  if (s.startsWith('\xff\xfe')) return 'text/plain; charset=utf-16le';
  if (s.startsWith('\xef\xbb\xbf')) return 'text/plain; charset=utf-8';
  for (const c of b) {
    if (c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f)) return 'application/octet-stream';
  }
  return 'text/plain; charset=utf-8';
}

/** loadDir loads a chart directory, honouring its .helmignore (Helm: loader.LoadDir). */
export function loadDir(dir: string, opts: LoadOptions = {}, budget = new Budget({ ...defaultLimits, ...(opts.limits ?? {}) })): Chart {
  const top = resolve(dir);
  let rules = new Rules();
  const ifile = join(top, IgnoreFileName);
  let hasIgnore = false;
  try {
    hasIgnore = statSync(ifile).isFile() || true;
  } catch {
    hasIgnore = false;
  }
  if (hasIgnore) {
    try {
      rules = Rules.parse(readFileSync(ifile, 'utf8'));
    } catch (e) {
      throw new LoadError((e as Error).message);
    }
  }
  rules.addDefaults();
  const files: BufferedFile[] = [];
  const prefix = top + '/';
  const visit = (full: string, isDir: boolean, isFile: boolean): boolean => {
    const rel = full.startsWith(prefix) ? full.slice(prefix.length) : '';
    if (rel === '' || full === top) return false;
    if (isDir) return rules.ignore(rel, true);
    if (rules.ignore(rel, false)) return false;
    if (!isFile) throw new LoadError(`cannot load irregular file ${full} as it has file mode type bits set`);
    let data: Uint8Array;
    try {
      data = new Uint8Array(readFileSync(full));
    } catch (e) {
      throw new LoadError(`error reading ${rel}: ${(e as Error).message}`);
    }
    budget.add(data.length);
    files.push({ name: rel, data: trimBom(data) });
    return false;
  };
  walk(top, visit, opts.warn, 0);
  return loadFiles(files, opts, budget, 0);
}

/** walk visits p and, for directories, their entries in lexical order, following symlinks (Helm: sympath.Walk). */
function walk(p: string, visit: (full: string, isDir: boolean, isFile: boolean) => boolean, warn: ((m: string) => void) | undefined, depth: number): void {
  if (depth > 64) throw new LoadError(`too many levels of directories or symbolic links at ${p}`);
  const l = lstatSync(p);
  let isDir = l.isDirectory();
  let isFile = l.isFile();
  if (l.isSymbolicLink()) {
    let resolved: string;
    try {
      resolved = realpathSync(p);
    } catch (e) {
      throw new LoadError(`error evaluating symlink ${p}: ${(e as Error).message}`);
    }
    warn?.(`found symbolic link in path: ${p} resolves to ${resolved}. Contents of linked file included and used`);
    const r = statSync(resolved);
    isDir = r.isDirectory();
    isFile = r.isFile();
  }
  const skip = visit(p, isDir, isFile);
  if (skip || !isDir) return;
  const names = readdirSync(p).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) walk(join(p, n), visit, warn, depth + 1);
}

// ---- .tgz ----

/** archiveFiles reads the files of a gzipped tar chart archive, dropping each path's top directory (Helm: loader.LoadArchiveFiles). */
export function archiveFiles(gz: Uint8Array, budget: Budget): BufferedFile[] {
  let tar: Uint8Array;
  try {
    tar = new Uint8Array(zlib().gunzipSync(gz, { maxOutputLength: budget.limits.maxTotalBytes + 1 }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test((e as Error).message)) {
      throw new LoadError(`chart exceeds the maximum size of ${budget.limits.maxTotalBytes} bytes`);
    }
    if (code === 'Z_DATA_ERROR' && gz[0] === 0x1f && gz[1] === 0x8b) throw new LoadError('unexpected EOF');
    if (code === 'Z_BUF_ERROR') throw new LoadError('unexpected EOF');
    throw new LoadError('gzip: invalid header');
  }
  if (tar.length > budget.limits.maxTotalBytes) throw new LoadError(`chart exceeds the maximum size of ${budget.limits.maxTotalBytes} bytes`);
  const files: BufferedFile[] = [];
  for (const e of readTar(tar)) {
    if (e.isDir || e.type === 'x' || e.type === 'g') continue;
    const sep = e.name.includes('\\') ? '\\' : '/';
    const parts = e.name.split(sep);
    let n = parts.slice(1).join(sep).split(sep).join('/');
    if (n.startsWith('/')) throw new LoadError('chart illegally contains absolute paths');
    n = cleanPath(n);
    if (n === '.') throw new LoadError(`chart illegally contains content outside the base directory: ${JSON.stringify(e.name)}`);
    if (n.startsWith('..')) throw new LoadError('chart illegally references parent directory');
    if (/^[a-zA-Z]:\//.test(n)) throw new LoadError('chart contains illegally named files');
    if (parts[0] === 'Chart.yaml') throw new LoadError('chart yaml not in base directory');
    budget.add(e.data.length);
    files.push({ name: n, data: trimBom(e.data) });
  }
  if (files.length === 0) throw new LoadError('no files in chart archive');
  return files;
}

/** cleanPath is Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? (rooted ? '/' : '.') : s;
}

interface TarEntry {
  name: string;
  type: string;
  isDir: boolean;
  data: Uint8Array;
}

function tarString(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return fromGoBytes(b.subarray(off, end));
}

function tarNumber(b: Uint8Array, off: number, len: number): number {
  if ((b[off]! & 0x80) !== 0) {
    // base-256
    let n = 0n;
    for (let i = 0; i < len; i++) n = (n << 8n) | BigInt(i === 0 ? b[off]! & 0x7f : b[off + i]!);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new LoadError('archive/tar: invalid tar header');
    return Number(n);
  }
  const s = Buffer.from(b.subarray(off, off + len)).toString('latin1').replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new LoadError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const s = Buffer.from(data).toString('utf8');
  let i = 0;
  while (i < s.length) {
    const sp = s.indexOf(' ', i);
    if (sp < 0) break;
    const len = parseInt(s.slice(i, sp), 10);
    if (!(len > 0)) break;
    const rec = s.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

/** readTar iterates the entries of a tar stream (ustar, GNU long names, PAX path). */
function* readTar(b: Uint8Array): Generator<TarEntry> {
  let off = 0;
  let longName: string | null = null;
  let paxPath: string | null = null;
  while (off + 512 <= b.length) {
    const h = b.subarray(off, off + 512);
    if (h.every((x) => x === 0)) return;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (tarNumber(h, 148, 8) !== sum) throw new LoadError('archive/tar: invalid tar header');
    const size = tarNumber(h, 124, 12);
    const type = String.fromCharCode(h[156]!) === '\0' ? '0' : String.fromCharCode(h[156]!);
    const magic = tarString(h, 257, 6);
    let name = tarString(h, 0, 100);
    if (magic === 'ustar') {
      const prefix = tarString(h, 345, 155);
      if (prefix) name = prefix + '/' + name;
    }
    const start = off + 512;
    const end = start + size;
    if (end > b.length) throw new LoadError('unexpected EOF');
    const data = b.subarray(start, end);
    off = start + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = tarString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      paxPath = parsePax(data).get('path') ?? null;
      continue;
    }
    if (type === 'g') continue;
    if (longName !== null) name = longName;
    if (paxPath !== null) name = paxPath;
    longName = null;
    paxPath = null;
    const mode = tarNumber(h, 100, 8);
    const isDir = type === '5' || ((type === '0' || type === '7') && name.endsWith('/')) || (mode & 0o170000) === 0o040000;
    const regular = type === '0' || type === '7';
    yield { name, type, isDir, data: regular ? data : new Uint8Array(0) };
  }
}

/** loadArchive loads a chart from gzipped tar bytes (Helm: loader.LoadArchive). */
export function loadArchive(data: Uint8Array, opts: LoadOptions = {}, budget = new Budget({ ...defaultLimits, ...(opts.limits ?? {}) }), depth = 0): Chart {
  return loadFiles(archiveFiles(data, budget), opts, budget, depth);
}

// ---- classification ----

function parseYamlDoc(data: Uint8Array, file: string): GoValue {
  return yamlUnmarshal(fromGoBytes(data), 'interface', file);
}

/** valuesMapFrom checks that a values document is a map (nil for an empty document). */
function valuesMapFrom(v: GoValue): Map<string, GoValue> {
  if (v === null || v === undefined) return new Map();
  if (v instanceof Map && !(v instanceof TypedMap)) return v;
  const kind = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
  throw new Error(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
  );
}

/** loadFiles classifies chart files and loads subcharts recursively (Helm: loader.LoadFiles). */
export function loadFiles(files: BufferedFile[], opts: LoadOptions = {}, budget = new Budget({ ...defaultLimits, ...(opts.limits ?? {}) }), depth = 0): Chart {
  if (depth > budget.limits.maxDepth) throw new LoadError(`subcharts nested deeper than ${budget.limits.maxDepth} levels`);
  const warn = opts.warn;
  let md: ReturnType<typeof emptyMetadata> | null = null;
  const c = new Chart(emptyMetadata());
  const subFiles = new Map<string, BufferedFile[]>();
  const wrap = (what: string, e: unknown): LoadError => new LoadError(`cannot load ${what}: ${(e as Error).message}`);

  for (const f of files) {
    if (f.name !== 'Chart.yaml') continue;
    if (md === null) md = emptyMetadata();
    try {
      decodeMetadataInto(parseYamlDoc(f.data, 'Chart.yaml'), md);
    } catch (e) {
      throw wrap('Chart.yaml', e);
    }
    if (md.apiVersion === '') md.apiVersion = 'v1';
  }
  for (const f of files) {
    const name = f.name;
    if (name === 'Chart.yaml') continue;
    if (name === 'Chart.lock' || name === 'requirements.lock') {
      try {
        c.lock = parseYamlDoc(f.data, name);
      } catch (e) {
        throw wrap(name, e);
      }
      if (name === 'requirements.lock') {
        if (md === null) md = emptyMetadata();
        if (md.apiVersion === 'v1') c.files.push({ name, data: f.data });
      }
    } else if (name === 'values.yaml') {
      try {
        c.values = valuesMapFrom(loadValuesYaml(fromGoBytes(f.data), name));
      } catch (e) {
        throw wrap('values.yaml', e);
      }
    } else if (name === 'values.schema.json') {
      c.schema = f.data;
    } else if (name === 'requirements.yaml') {
      if (md === null) md = emptyMetadata();
      if (md.apiVersion !== 'v1') {
        warn?.('Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.');
      }
      try {
        decodeMetadataInto(parseYamlDoc(f.data, name), md);
      } catch (e) {
        throw wrap('requirements.yaml', e);
      }
      if (md.apiVersion === 'v1') c.files.push({ name, data: f.data });
    } else if (name.startsWith('templates/')) {
      c.templates.push({ name, data: f.data });
    } else if (name.startsWith('charts/')) {
      if (extName(name) === '.prov') {
        c.files.push({ name, data: f.data });
        continue;
      }
      const rest = name.slice('charts/'.length);
      const slash = rest.indexOf('/');
      const sub = slash >= 0 ? rest.slice(0, slash) : rest;
      let list = subFiles.get(sub);
      if (!list) subFiles.set(sub, (list = []));
      list.push({ name: rest, data: f.data });
    } else {
      c.files.push({ name, data: f.data });
    }
  }
  if (md === null) throw new LoadError('Chart.yaml file is missing');
  c.metadata = md;
  try {
    validateMetadata(md);
  } catch (e) {
    throw new LoadError((e as Error).message);
  }
  // Helm iterates a Go map here (unspecified order); like the oracle we keep first appearance.
  for (const [n, fs] of subFiles) {
    if (n.startsWith('_') || n.startsWith('.')) continue;
    let sc: Chart;
    try {
      if (extName(n) === '.tgz') {
        if (fs[0]!.name !== n) throw new LoadError(`error unpacking tar in ${c.name()}: expected ${n}, got ${fs[0]!.name}`);
        sc = loadArchive(fs[0]!.data, opts, budget, depth + 1);
      } else {
        const inner: BufferedFile[] = [];
        for (const f of fs) {
          const i = f.name.indexOf('/');
          if (i < 0) continue;
          inner.push({ name: f.name.slice(i + 1), data: f.data });
        }
        sc = loadFiles(inner, opts, budget, depth + 1);
      }
    } catch (e) {
      if (e instanceof LoadError && e.message.startsWith('error unpacking tar in ')) throw e;
      throw new LoadError(`error unpacking ${n} in ${c.name()}: ${(e as Error).message}`);
    }
    c.addDependency(sc);
  }
  return c;
}

function extName(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const i = base.lastIndexOf('.');
  return i >= 0 ? base.slice(i) : '';
}

/** chartFilesOf lists a chart's `.Files` entries (exported for tests and the CLI). */
export function chartFilesOf(c: Chart): readonly ChartFile[] {
  return c.files;
}
