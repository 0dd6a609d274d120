// Helm: pkg/engine/funcs.go and engine.go — Helm's own template functions on top of Sprig.
import { sprintf } from '../template/fmt.js';
import { ParseError } from '../template/parse.js';
import type { ActionNode } from '../template/node.js';
import type { Tree } from '../template/parse.js';
import { quote } from '../template/strconv.js';
import type { Template } from '../template/template.js';
import { GoFuncError, type GoFunc, type GoValue } from '../template/value.js';
import { helmFromJson, helmFromJsonArray, toJson } from '../yaml/json.js';
import { helmToYaml, toYaml } from '../yaml/emit.js';
import { helmFromToml, helmToToml, mustToToml } from '../yaml/toml.js';
import { toYamlPretty } from '../yaml/yaml3.js';
import { fromYaml as helmFromYaml, fromYamlArray as helmFromYamlArray } from '../yaml/load.js';
import { def } from './def.js';
import { sprigFuncMap, type FuncMap } from './index.js';

/** maxIncludeNesting is Helm's limit on recursive include of one name. */
export const maxIncludeNesting = 1000;

/** Helm marks errors from required/fail so that its engine can print them cleanly. */
export const warnStart = 'HELM_ERR_START';
export const warnEnd = 'HELM_ERR_END';

/** HelmFuncSet picks Helm 3.14's function set, or that plus later additions ("extended"). */
export type HelmFuncSet = 'extended' | '3.14';

/**
 * helmFuncMap is Sprig's map without env/expandenv plus Helm's data functions
 * (Helm: funcMap). include, tpl, required and fail are bound per template set: see bindEngineFuncs.
 */
export function helmFuncMap(set: HelmFuncSet): FuncMap {
  const f = sprigFuncMap(false);
  const add = (fn: GoFunc): void => {
    f.set(fn.name, fn);
  };
  add(def('toYaml', ['interface {}'], 'string', ([v]) => helmToYaml(v)));
  add(def('fromYaml', ['string'], 'map[string]interface {}', ([s]) => helmFromYaml(s as string)));
  add(def('fromYamlArray', ['string'], '[]interface {}', ([s]) => helmFromYamlArray(s as string)));
  add(def('toJson', ['interface {}'], 'string', ([v]) => jsonOrEmpty(v)));
  add(def('fromJson', ['string'], 'map[string]interface {}', ([s]) => helmFromJson(s as string)));
  add(def('fromJsonArray', ['string'], '[]interface {}', ([s]) => helmFromJsonArray(s as string)));
  add(def('toToml', ['interface {}'], 'string', ([v]) => helmToToml(v)));
  add(def('lookup', ['string', 'string', 'string', 'string'], 'map[string]interface {}', () => new Map(), { err: true }));
  // Helm: without --enable-dns, getHostByName answers "" (podtpl never touches the network).
  add(def('getHostByName', ['string'], 'string', () => ''));
  if (set === 'extended') {
    add(def('mustToYaml', ['interface {}'], 'string', ([v]) => mustYaml(v)));
    add(def('mustToJson', ['interface {}'], 'string', ([v]) => mustJson(v)));
    add(def('mustToToml', ['interface {}'], 'string', ([v]) => mustToToml(v)));
    add(def('fromToml', ['string'], 'map[string]interface {}', ([s]) => helmFromToml(s as string)));
    add(def('toYamlPretty', ['interface {}'], 'string', ([v]) => toYamlPretty(v)));
  }
  return f;
}

function jsonOrEmpty(v: GoValue): string {
  try {
    return toJson(v);
  } catch {
    return '';
  }
}

function mustJson(v: GoValue): string {
  try {
    return toJson(v);
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
}

function mustYaml(v: GoValue): string {
  try {
    return toYaml(v).replace(/\n$/, '');
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
}

/** wrapWarn marks msg as a user-facing error (Helm: warnWrap). */
function wrapWarn(msg: string): string {
  return warnStart + msg + warnEnd;
}

/** requiredFunc fails with msg when val is nil or "" (Helm: required; msg is used as a printf format). */
export const requiredFunc = def(
  'required',
  ['string', 'interface {}'],
  'interface {}',
  ([msg, val]) => {
    if (val === null || val === undefined || val === '') {
      // Helm: fmt.Errorf(warnWrap(msg)) — the message is a format string.
      throw new GoFuncError(sprintf(wrapWarn(msg as string), []));
    }
    return val;
  },
  { err: true },
);

/** failFunc always fails with msg (Helm: fail). */
export const failFunc = def(
  'fail',
  ['string'],
  'string',
  ([msg]) => {
    throw new GoFuncError(wrapWarn(msg as string));
  },
  { err: true },
);

/**
 * bindEngineFuncs installs include and tpl bound to the template set t, sharing the
 * include depth counters (Helm: includeFun, tplFun).
 */
export function bindEngineFuncs(t: Template, depth: Map<string, number>, missingKeyOption: string): void {
  t.funcs([
    ['include', includeFunc(t, depth)],
    ['tpl', tplFunc(t, depth, missingKeyOption)],
  ]);
}

function includeFunc(t: Template, depth: Map<string, number>): GoFunc {
  return def(
    'include',
    ['string', 'interface {}'],
    'string',
    ([name, data]) => {
      const n = name as string;
      const d = depth.get(n) ?? 0;
      if (d > maxIncludeNesting) {
        throw new GoFuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
      }
      depth.set(n, d + 1);
      try {
        return t.executeTemplate(n, data);
      } finally {
        depth.set(n, (depth.get(n) ?? 1) - 1);
      }
    },
    { err: true },
  );
}

function tplFunc(parent: Template, depth: Map<string, number>, missingKeyOption: string): GoFunc {
  return def(
    'tpl',
    ['string', 'interface {}'],
    'string',
    ([text, data]) => {
      const c = parent.clone();
      c.option(missingKeyOption);
      bindEngineFuncs(c, depth, missingKeyOption);
      let nt: Template;
      try {
        nt = c.new(parent.name).parse(text as string);
      } catch (e) {
        if (e instanceof ParseError) throw new GoFuncError(`cannot parse template ${quote(text as string)}: ${e.message}`);
        throw e;
      }
      // Tracing (off unless traceTpl is running): record which action wrote which output.
      const rec = tplTraces !== undefined ? newTplTrace(text as string, nt.tree) : undefined;
      if (rec) tplTraces!.push(rec);
      let out: string;
      try {
        out = rec ? nt.execute(data, (node, start, end) => recordAction(rec, node, start, end)) : nt.execute(data);
      } catch (e) {
        if (e instanceof Error && !(e instanceof RangeError) && !(e instanceof TypeError)) {
          throw new GoFuncError(`error during tpl function execution for ${quote(text as string)}: ${e.message}`);
        }
        throw e;
      }
      if (rec) {
        rec.rawOutput = out;
        if (tplTraces && tplTraces.length > maxTplTraces) evictSmallest(tplTraces);
      }
      return out.replaceAll('<no value>', '');
    },
    { err: true },
  );
}

// ---- tracing tpl executions (podtpl, not Helm): see src/pod/provenance.ts ----

/** TracedAction is one {{action}} of a traced tpl execution and the output range it wrote (UTF-16 offsets, before `<no value>` removal). */
export interface TracedAction {
  node: ActionNode;
  start: number;
  end: number;
}

/** TplTrace records one `tpl` execution made while traceTpl runs: its text, parse tree, raw output and printed actions. */
export interface TplTrace {
  text: string;
  /** The parsed template (its TextNodes locate literal output). */
  tree: Tree | null;
  /** The execution's output before tpl removes `<no value>`; undefined when the execution failed. */
  rawOutput?: string;
  actions: TracedAction[];
  /** Whether actions stopped being recorded at maxTracedActions. */
  truncated: boolean;
}

/** maxTplTraces bounds how many tpl executions one traceTpl keeps: beyond it, the finished one with the shortest
 *  output is dropped (charts call tpl for many short config values; the pod template's output is long). */
export const maxTplTraces = 16;
/** maxTracedActions bounds the actions recorded per execution (a range over a huge list must not grow memory unbounded). */
export const maxTracedActions = 100_000;

/** The executions being recorded: undefined (the default) means tracing is off and tpl costs nothing extra. */
let tplTraces: TplTrace[] | undefined;

function newTplTrace(text: string, tree: Tree | null): TplTrace {
  return { text, tree, actions: [], truncated: false };
}

function evictSmallest(traces: TplTrace[]): void {
  let at = -1;
  for (let i = 0; i < traces.length; i++) {
    const len = traces[i]!.rawOutput?.length;
    if (len !== undefined && (at < 0 || len < traces[at]!.rawOutput!.length)) at = i;
  }
  if (at >= 0) traces.splice(at, 1);
}

function recordAction(rec: TplTrace, node: ActionNode, start: number, end: number): void {
  if (end <= start) return; // printed nothing: covers no position
  if (rec.actions.length >= maxTracedActions) {
    rec.truncated = true;
    return;
  }
  rec.actions.push({ node, start, end });
}

/**
 * traceTpl runs fn with tpl tracing on: every `tpl` call made meanwhile is recorded with the output
 * range of each action it printed (the maxTplTraces longest outputs are kept, failed ones too). Synchronous and re-entrant: an
 * outer traceTpl's recording resumes when an inner one returns.
 */
export function traceTpl<T>(fn: () => T): { value: T; traces: TplTrace[] } {
  const prev = tplTraces;
  const traces: TplTrace[] = [];
  tplTraces = traces;
  try {
    return { value: fn(), traces };
  } finally {
    tplTraces = prev;
  }
}
