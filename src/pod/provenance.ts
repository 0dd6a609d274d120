/**
 * provenance: which part of the pod template wrote a given position of the rendered pod.
 *
 * The pod template is rendered by the chart's ConfigMap as `tpl .Values.podTemplate . | nindent 4`
 * and read back by extract.ts. renderWorkerPodTraced runs the render with tpl tracing on
 * (functions/helm.ts traceTpl): each `tpl` execution reports the output range of every action it
 * printed. A position in the pod YAML then maps back in four steps:
 *
 *   pod YAML line  ──(nindent 4 + the block scalar's dedent keep lines one-to-one; checked)──► tpl output offset
 *   tpl output offset ──(innermost action whose range covers it; else the TextNode it was copied from)──► template position
 *   template position ──(where the podTemplate sits in the user's file: source.ts locatePath)──► file:line:column
 *
 * Nothing here runs unless asked: a plain render never traces.
 */
import { traceTpl, type TplTrace, type TracedAction } from '../functions/helm.js';
import type { Node, TextNode } from '../template/node.js';
import type { Finding, FindingTemplate } from '../validate/finding.js';
import { builtinTemplateFile } from './builtin.js';
import { type PodRenderOptions, type PodRenderResult, renderWorkerPod } from './render.js';
import { type InputFile, type PodSource, getPath, locatePath, platformHelmPath, readYamlMap } from './source.js';

/** TemplatePosition is a 1-based line and column (UTF-16 units) in a text. */
interface TemplatePosition {
  line: number;
  column: number;
}

/** Span is a traced action with its range in the final tpl output (after `<no value>` removal). */
interface Span {
  action: TracedAction;
  start: number;
  end: number;
}

/** maxActionSource bounds the action text shown in a finding. */
const maxActionSource = 60;

/** Provenance maps positions of a rendered pod YAML back to the template text and the user's file. */
export class Provenance {
  private fileMap: FileMap | undefined | null = null; // null: not computed yet
  private textNodes: TextNode[] | undefined;

  constructor(
    /** The traced execution of the pod template. */
    readonly trace: TplTrace,
    /** The tpl output (after `<no value>` removal). */
    readonly output: string,
    /** Offsets in output of each output line's start. */
    private readonly lineStarts: number[],
    /** The pod YAML line (0-based) holding the output's first line. */
    private readonly firstLine: number,
    private readonly spans: Span[],
    private readonly fileMapOf: () => FileMap | undefined,
  ) {}

  /** locate returns where the pod YAML position (1-based line, column) came from, or undefined when not from the template. */
  locate(line: number, column: number): FindingTemplate | undefined {
    const ol = line - 1 - this.firstLine;
    if (ol < 0 || ol >= this.lineStarts.length) return undefined;
    const lineStart = this.lineStarts[ol]!;
    const lineEnd = ol + 1 < this.lineStarts.length ? this.lineStarts[ol + 1]! - 1 : this.output.length;
    // A position past the end of its line (an empty value) counts as the line's last character.
    const off = Math.max(lineStart, Math.min(lineStart + column - 1, Math.max(lineStart, lineEnd - 1)));
    const span = this.innermost(off);
    if (span) return this.fromAction(span);
    return this.fromText(off);
  }

  /** annotate returns findings with `template` set where their position maps to the template. */
  annotate(findings: readonly Finding[]): Finding[] {
    return findings.map((f) => {
      const t = this.locate(f.line, f.column);
      return t ? { ...f, template: t } : f;
    });
  }

  private innermost(off: number): Span | undefined {
    let best: Span | undefined;
    for (const s of this.spans) {
      if (s.start <= off && off < s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    return best;
  }

  private fromAction(span: Span): FindingTemplate {
    const node = span.action.node;
    const text = node.tr.text;
    // node.pos is the pipeline's start; point at the action's `{{`.
    const open = text.lastIndexOf('{{', node.pos);
    const at = open >= 0 ? open : node.pos;
    const src = actionSource(text, at, node.pos);
    if (text !== this.trace.text) {
      // An action of a named template run by {{template}}: point into that template.
      const p = positionOf(text, at);
      return { file: node.tr.parseName, line: p.line, column: p.column, templateLine: p.line, templateColumn: p.column, kind: 'action', action: src };
    }
    return { ...this.toFile(positionOf(text, at)), kind: 'action', action: src };
  }

  /** fromText finds the TextNode the literal output at off was copied from: the one sharing the longest run of characters around it. */
  private fromText(off: number): FindingTemplate | undefined {
    const out = this.output;
    if (off >= out.length) return undefined;
    // The literal region holding off: between the neighbouring actions' output.
    let gs = 0;
    let ge = out.length;
    let prev: Span | undefined;
    for (const s of this.spans) {
      if (s.end <= off && s.end > gs) {
        gs = s.end;
        prev = s;
      }
      if (s.start > off && s.start < ge) ge = s.start;
    }
    const ch = out[off]!;
    const reach = 200;
    let best: { node: TextNode; i: number; score: number } | undefined;
    const after = prev && prev.action.node.tr === this.trace.tree ? prev.action.node.pos : -1;
    for (const tn of this.textNodesOf()) {
      const t = tn.text;
      for (let i = t.indexOf(ch); i >= 0; i = t.indexOf(ch, i + 1)) {
        let l = 1;
        while (l <= reach && off - l >= gs && i - l >= 0 && t[i - l] === out[off - l]) l++;
        let r = 1;
        while (r <= reach && off + r < ge && i + r < t.length && t[i + r] === out[off + r]) r++;
        const score = l + r - 1;
        // Ties: the first text after the preceding action (document order), else the first.
        const better =
          !best ||
          score > best.score ||
          (score === best.score && after >= 0 && best.node.pos + best.i < after && tn.pos + i >= after);
        if (better) best = { node: tn, i, score };
      }
    }
    if (!best) return undefined;
    const p = positionOf(this.trace.text, best.node.pos + best.i);
    return { ...this.toFile(p), kind: 'text' };
  }

  private textNodesOf(): TextNode[] {
    if (this.textNodes) return this.textNodes;
    const found: TextNode[] = [];
    const root = this.trace.tree?.root;
    const stack: Node[] = root ? [root] : [];
    // Iterative walk: template nesting cannot overflow the JS stack here.
    while (stack.length && found.length < 100_000) {
      const n = stack.pop()!;
      if (n.type === 'Text') {
        if (n.tr.text.startsWith(n.text, n.pos)) found.push(n);
      } else if (n.type === 'List') {
        for (let i = n.nodes.length - 1; i >= 0; i--) stack.push(n.nodes[i]!);
      } else if (n.type === 'If' || n.type === 'Range' || n.type === 'With') {
        if (n.elseList) stack.push(n.elseList);
        stack.push(n.list);
      }
    }
    this.textNodes = found;
    return found;
  }

  /** toFile maps a template position to the user's file when the podTemplate's place there allows it. */
  private toFile(p: TemplatePosition): Omit<FindingTemplate, 'kind'> {
    if (this.fileMap === null) this.fileMap = this.fileMapOf();
    const base = { templateLine: p.line, templateColumn: p.column };
    const fm = this.fileMap;
    if (!fm) return { line: p.line, column: p.column, ...base };
    if (fm.kind === 'identity') return { file: fm.file, line: p.line, column: p.column, ...base };
    if (fm.kind === 'block') return { file: fm.file, line: fm.line + p.line - 1, column: fm.indent + p.column, ...base };
    if (fm.kind === 'inline' && p.line === 1) return { file: fm.file, line: fm.line, column: fm.column + p.column - 1, ...base };
    return { line: p.line, column: p.column, ...base, ...(fm.kind === 'none' ? { where: fm.where } : {}) };
  }
}

/**
 * FileMap says how template positions become positions in the user's file: the whole file is the
 * template ('identity'), a `|` block scalar (template line n is file line line+n-1, indented by
 * indent), a one-line scalar ('inline': first line only), or no exact mapping ('none': folded or
 * multi-line quoted scalars, whose lines do not correspond).
 */
type FileMap =
  | { kind: 'identity'; file: string }
  | { kind: 'block'; file: string; line: number; indent: number }
  | { kind: 'inline'; file: string; line: number; column: number }
  | { kind: 'none'; where: string };

/** actionSource is the action as written, `{{ .Values.uid }}`, shortened for messages. */
function actionSource(text: string, open: number, pipeStart: number): string {
  const close = findClose(text, pipeStart);
  let s = close < 0 ? text.slice(open, pipeStart + maxActionSource) : text.slice(open, close);
  s = s.replace(/\s+/g, ' ');
  return s.length > maxActionSource ? s.slice(0, maxActionSource - 1) + '…' : s;
}

/** findClose returns the index just past the `}}` ending the action whose pipeline starts at i (skipping quoted strings), or -1. */
function findClose(text: string, i: number): number {
  const limit = Math.min(text.length, i + 10_000);
  while (i < limit) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < limit && text[i] !== c; i++) if (text[i] === '\\') i++;
      i++;
    } else if (c === '`') {
      const e = text.indexOf('`', i + 1);
      if (e < 0) return -1;
      i = e + 1;
    } else if (c === '}' && text[i + 1] === '}') return i + 2;
    else i++;
  }
  return -1;
}

/** positionOf converts a UTF-16 offset in text into a 1-based line and column. */
function positionOf(text: string, off: number): TemplatePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < off; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: off - lineStart + 1 };
}

/** lineStartsOf returns the offset of each line's start. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const noValue = '<no value>';

/**
 * removeNoValue gives the final tpl output and maps raw offsets into it: Helm's tpl deletes every
 * `<no value>` (strings.ReplaceAll: non-overlapping, left to right) after executing.
 */
export function removeNoValue(raw: string): { output: string; map: (off: number) => number } {
  const hits: number[] = [];
  for (let i = raw.indexOf(noValue); i >= 0; i = raw.indexOf(noValue, i + noValue.length)) hits.push(i);
  if (hits.length === 0) return { output: raw, map: (off) => off };
  const output = raw.replaceAll(noValue, '');
  return {
    output,
    map: (off) => {
      // Binary search: the hits starting before off.
      let lo = 0;
      let hi = hits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hits[mid]! < off) lo = mid + 1;
        else hi = mid;
      }
      let removed = lo * noValue.length;
      const last = lo > 0 ? hits[lo - 1]! : -1;
      // An offset inside a removed `<no value>` falls to its start.
      if (last >= 0 && off < last + noValue.length) removed -= last + noValue.length - off;
      return off - removed;
    },
  };
}

/**
 * outputLine finds the pod YAML line holding the tpl output's first line: the ConfigMap indents
 * every output line by `nindent 4` and the block scalar's decoding removes exactly that, so lines
 * correspond one to one (whitespace-only lines may lose their spaces; trailing empty lines are
 * chomped). Usually 0; another offset when a chart writes more around the template; undefined when
 * the lines do not correspond.
 */
export function outputLine(output: string, podYaml: string): number | undefined {
  const o = output.split('\n');
  while (o.length > 1 && o[o.length - 1]!.trim() === '') o.pop();
  const p = podYaml.split('\n');
  const same = (a: string, b: string): boolean => a === b || (a.trim() === '' && b.trim() === '');
  const matchesAt = (k: number): boolean => {
    if (k + o.length > p.length) return false;
    for (let i = 0; i < o.length; i++) if (!same(o[i]!, p[k + i]!)) return false;
    return true;
  };
  if (matchesAt(0)) return 0;
  // Bounded search for an embedded template (a chart adding lines before it).
  if (p.length * o.length > 4_000_000) return undefined;
  for (let k = 1; k + o.length <= p.length; k++) if (matchesAt(k)) return k;
  return undefined;
}

/** provenanceOf builds the Provenance of podYaml from the traced tpl executions, or undefined when none produced it. */
export function provenanceOf(traces: readonly TplTrace[], podYaml: string, fileMapOf: (trace: TplTrace) => FileMap | undefined): Provenance | undefined {
  // The execution whose output holds the most of the pod (other tpl calls may write short or empty text).
  let best: { t: TplTrace; output: string; map: (off: number) => number; first: number } | undefined;
  for (const t of traces) {
    if (t.rawOutput === undefined || t.tree === null) continue;
    const { output, map } = removeNoValue(t.rawOutput);
    if (output.trim() === '' || (best && output.length <= best.output.length)) continue;
    const first = outputLine(output, podYaml);
    if (first !== undefined) best = { t, output, map, first };
  }
  if (!best) return undefined;
  const spans: Span[] = [];
  for (const a of best.t.actions) {
    const start = best.map(a.start);
    const end = best.map(a.end);
    if (end > start) spans.push({ action: a, start, end });
  }
  const t = best.t;
  return new Provenance(t, best.output, lineStartsOf(best.output), best.first, spans, () => fileMapOf(t));
}

// ---------------------------------------------------------------------------- the user's files

/** inputOf finds the file the render took the pod template from. */
function inputOf(o: PodRenderOptions, source: PodSource): { file: InputFile; keyPath?: readonly string[] } | undefined {
  switch (source.kind) {
    case 'template-file':
      return o.template ? { file: o.template } : undefined;
    case 'platform-config':
      return o.platformConfig ? { file: o.platformConfig, keyPath: [...platformHelmPath, 'airflow', 'podTemplate'] } : undefined;
    case 'chart-values':
      return o.chartValues ? { file: o.chartValues, keyPath: ['airflow', 'podTemplate'] } : undefined;
    case 'values': {
      const keyPath = (source.path ?? 'airflow.podTemplate').split('.');
      const files = (o.valuesFiles ?? []).filter((f) => f.name === source.file);
      const f = files[files.length - 1];
      return f ? { file: f, keyPath } : undefined;
    }
    default:
      return undefined;
  }
}

/** fileMapFor says where trace's text sits in the user's input (checked: the text there must be the traced text). */
function fileMapFor(o: PodRenderOptions, r: PodRenderResult, trace: TplTrace): FileMap | undefined {
  const where = r.source.description;
  if (r.source.kind === 'chart-default') {
    const builtin = o.chart === undefined || (typeof o.chart !== 'string' && o.chart.builtin);
    return builtin && r.source.file === builtinTemplateFile ? { kind: 'identity', file: builtinTemplateFile } : { kind: 'none', where };
  }
  if (r.source.kind === 'set') return { kind: 'none', where };
  let input = inputOf(o, r.source);
  if (input && input.keyPath && r.source.kind === 'values') {
    // Several -f files may share a name: take the last whose value is the traced text.
    const candidates = (o.valuesFiles ?? []).filter((f) => f.name === r.source.file);
    for (let i = candidates.length - 1; i >= 0; i--) {
      if (valueAt(candidates[i]!, input.keyPath) === trace.text) {
        input = { file: candidates[i]!, keyPath: input.keyPath };
        break;
      }
    }
  }
  if (!input) return { kind: 'none', where };
  const { file, keyPath } = input;
  if (!keyPath) return file.text === trace.text ? { kind: 'identity', file: file.name } : { kind: 'none', where };
  if (valueAt(file, keyPath) !== trace.text) return { kind: 'none', where };
  const loc = locatePath(file.text, keyPath);
  if (!loc) return { kind: 'none', where };
  const lineText = file.text.split('\n')[loc.line - 1] ?? '';
  const indicator = lineText[loc.column - 1];
  if (indicator === '|') {
    // An explicit indentation indicator (`|2`) could differ from the first line's indentation: no exact mapping then.
    const header = lineText.slice(loc.column - 1).trim();
    if (/\d/.test(header) || loc.contentLine === undefined || loc.contentIndent === undefined) return { kind: 'none', where };
    return { kind: 'block', file: file.name, line: loc.contentLine, indent: loc.contentIndent };
  }
  if (indicator === '>' || loc.contentLine === undefined || loc.contentIndent === undefined) return { kind: 'none', where };
  // A one-line scalar: exact when the line holds the value verbatim (no escapes, no folding onto more lines).
  const quoted = indicator === '"' || indicator === "'" ? 1 : 0;
  if (trace.text.includes('\n') || !lineText.slice(loc.column - 1 + quoted).startsWith(trace.text)) return { kind: 'none', where };
  return { kind: 'inline', file: file.name, line: loc.contentLine, column: loc.contentIndent + 1 };
}

function valueAt(f: InputFile, keyPath: readonly string[]): unknown {
  try {
    return getPath(readYamlMap(f, 'the file'), keyPath);
  } catch {
    return undefined;
  }
}

/** TracedRender is a render and the provenance of its pod YAML (undefined when the pod did not come from a traceable tpl). */
export interface TracedRender {
  result: PodRenderResult;
  provenance: Provenance | undefined;
}

/**
 * renderWorkerPodTraced is renderWorkerPod with tpl tracing on, for `--validate`: findings on the
 * result's podYaml can then be annotated with the template position that produced them.
 */
export function renderWorkerPodTraced(o: PodRenderOptions = {}): TracedRender {
  const { value: result, traces } = traceTpl(() => renderWorkerPod(o));
  return { result, provenance: provenanceOf(traces, result.podYaml, (t) => fileMapFor(o, result, t)) };
}

/** annotateFindings adds template positions to findings on a traced render's pod (unchanged without provenance). */
export function annotateFindings(findings: readonly Finding[], r: TracedRender): Finding[] {
  return r.provenance ? r.provenance.annotate(findings) : [...findings];
}
