// Helm: pkg/engine/engine.go — a set of named templates parsed together in Helm's order and
// executed one by one, with Helm's missingkey option, `<no value>` removal and error wrapping.
import { failFunc, bindEngineFuncs, helmFuncMap, requiredFunc, warnEnd, warnStart, type HelmFuncSet } from '../functions/helm.js';
import { sprigFuncMap } from '../functions/index.js';
import { ExecError } from '../template/errors.js';
import { Template } from '../template/template.js';
import type { GoValue } from '../template/value.js';

/** EngineMode is the function set: Helm's, Sprig's full TxtFuncMap, or Go's builtins only. */
export type EngineMode = 'helm' | 'sprig' | 'go';

/** EngineOptions configure a TemplateSet. */
export interface EngineOptions {
  mode: EngineMode;
  /** "zero" (Helm's default), "default"/"invalid" (Go's default), or "error". */
  missingKey?: string;
  leftDelim?: string;
  rightDelim?: string;
  funcs?: HelmFuncSet;
}

/** TemplateParseError is a parse failure of one named template of a set. */
export class TemplateParseError extends Error {
  constructor(
    readonly templateName: string,
    readonly parseError: Error,
  ) {
    super(parseError.message);
    this.name = 'TemplateParseError';
  }
}

/** helmOrder sorts template names as Helm parses and renders them: deeper paths first, then reverse lexical. */
export function helmOrder(names: Iterable<string>): string[] {
  const depth = (s: string): number => {
    let n = 0;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 47) n++;
    return n;
  };
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return a > b ? -1 : a < b ? 1 : 0;
  });
}

/** isPartial reports whether a template is a partial (its base name starts with `_`), which Helm does not render. */
export function isPartial(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('_');
}

/** basePathFor is `.Template.BasePath`: the name's prefix through `templates`, else `<chart>/templates`. */
export function basePathFor(name: string, chartName: string): string {
  const segs = name.split('/');
  for (let i = 1; i < segs.length - 1; i++) {
    if (segs[i] === 'templates') return segs.slice(0, i + 1).join('/');
  }
  return `${chartName}/templates`;
}

function missingKeyOption(opts: EngineOptions): string {
  const mk = opts.missingKey || (opts.mode === 'helm' ? 'zero' : 'default');
  return 'missingkey=' + mk;
}

/** TemplateSet is templates parsed into one name space rooted at "gotpl", as Helm's engine does. */
export class TemplateSet {
  private constructor(
    readonly opts: EngineOptions,
    private readonly root: Template,
    /** Execution order: Helm's order in helm mode, ascending names otherwise. */
    readonly order: string[],
  ) {}

  /** parse parses every template; throws TemplateParseError naming the first that fails. */
  static parse(opts: EngineOptions, templates: ReadonlyMap<string, string>): TemplateSet {
    const names = [...templates.keys()];
    const order = opts.mode === 'helm' ? helmOrder(names) : names.sort();
    const root = new Template('gotpl');
    const mk = missingKeyOption(opts);
    root.option(mk);
    if (opts.leftDelim || opts.rightDelim) root.delims(opts.leftDelim ?? '', opts.rightDelim ?? '');
    if (opts.mode === 'helm') {
      root.funcs(helmFuncMap(opts.funcs ?? 'extended'));
      bindEngineFuncs(root, new Map(), mk);
      root.funcs([
        ['required', requiredFunc],
        ['fail', failFunc],
      ]);
    } else if (opts.mode === 'sprig') {
      root.funcs(sprigFuncMap(true));
    }
    for (const name of order) {
      try {
        root.new(name).parse(templates.get(name)!);
      } catch (e) {
        throw new TemplateParseError(name, e as Error);
      }
    }
    return new TemplateSet(opts, root, order);
  }

  /** execute renders the named template; in helm mode `<no value>` is removed from the output. */
  execute(name: string, data: GoValue): string {
    const out = this.root.executeTemplate(name, data);
    return this.opts.mode === 'helm' ? out.replaceAll('<no value>', '') : out;
  }
}

/** helmParseError is the message Helm prints for a parse error (Helm: cleanupParseError). */
export function helmParseError(name: string, err: Error): string {
  const parts = err.message.split(': ');
  if (parts.length === 1) return `parse error in (${name}): ${err.message}`;
  return `parse error at (${parts[1]}): ${parts[parts.length - 1]}`;
}

const warnRe = new RegExp(warnStart + '([\\s\\S]*)' + warnEnd);

/** helmExecError is the message Helm prints for an execution error (Helm: cleanupExecError). */
export function helmExecError(name: string, err: Error): string {
  if (!(err instanceof ExecError)) return err.message;
  const msg = err.message;
  const i = msg.indexOf(': ');
  const j = i < 0 ? -1 : msg.indexOf(': ', i + 2);
  if (i < 0 || j < 0) return `execution error in (${name}): ${msg}`;
  const m = warnRe.exec(msg.slice(j + 2));
  if (m !== null) return `execution error at (${msg.slice(i + 2, j)}): ${m[1]}`;
  return msg;
}
