// Helm: pkg/engine/funcs.go and engine.go — Helm's own template functions on top of Sprig.
import { sprintf } from '../template/fmt.js';
import { ParseError } from '../template/parse.js';
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
      let out: string;
      try {
        out = nt.execute(data);
      } catch (e) {
        if (e instanceof Error && !(e instanceof RangeError) && !(e instanceof TypeError)) {
          throw new GoFuncError(`error during tpl function execution for ${quote(text as string)}: ${e.message}`);
        }
        throw e;
      }
      return out.replaceAll('<no value>', '');
    },
    { err: true },
  );
}
