// A grammar-driven generator of Go text/template sources. It tracks the data the dot and
// each variable point at, so most field chains hit real keys, and mixes in wrong argument
// counts/types and deliberate syntax errors. Everything is drawn from one seeded Rand.
import { IDENT_KEYS, ODD_KEYS, STRINGS, randomFloat } from './data.mjs';
import { GO_BUILTINS, HELM, KINDS, REGEXPS, RET, RISKY, SPRIG, randomFormat } from './funcs.mjs';

const UNKNOWN = Symbol('unknown');
const SIZED = new Set(['repeat', 'until', 'untilStep', 'seq', 'indent', 'nindent', 'wrap', 'wrapWith', 'abbrev', 'abbrevboth', 'trunc', 'substr', 'chunk', 'printf']);
/** HELM_ROOT stands for Helm's top-level dot (.Values, .Release, .Chart, …). */
const HELM_ROOT = Symbol('helmRoot');

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const identRe = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const goQuote = (s) => JSON.stringify(s);

const YAML_TEXTS = ['a: 1', 'a: [1, 2]\nb: yes', '[1, 2, "x"]', '{"a": {"b": 1}}', '- a\n- b', 'a: [1', '', 'null', '~', 'x', '1.5', '{"a": 1e6}', '[{"n": 1}]', 'k: v\n---\nk2: v2', '"s"', 'on: off'];
const SEMVERS = ['1.2.3', 'v1.20.0', '>=1.0.0', '^1.2', '~1.2.3', '1.2 - 1.4.5', '>1.0 <2.0', '1.x', '*', 'bad', '1.2.3-beta.1+b', '>= 1.19-0', ''];
const DATES = ['2024-03-05', '2006-01-02', '1999-12-31', 'bad', ''];
const DEFINE_NAMES = ['fz.name', 'fz.labels', 'fz.block', 'fz.fullname', 'fz-helper', 'fz.x'];
const TEXT_KEYS = ['name', 'port', 'metadata', 'labels', 'image', 'a', 'B', 'fooBar', 'tag', 'value', 'mode', 'data', 'a10', 'host', 'c', 'kind', 'nested', 'level'];

/**
 * TemplateGen writes the templates of one case. mode is go|sprig|helm; data is the JSON the
 * dot (go/sprig) or .Values (helm) will hold; opts.intNumbers says integral numbers are ints.
 */
export class TemplateGen {
  constructor(r, mode, data, opts = {}) {
    this.r = r;
    this.mode = mode;
    this.data = data;
    this.intNumbers = !!opts.intNumbers;
    // clean: avoid constructs that usually fail, so most clean cases render; the others
    // (opts.clean false) draw wrong kinds, arities and risky functions freely.
    this.clean = !!opts.clean;
    this.lastType = 'a';
    this.defines = [];
    this.budget = 0;
    const fns = [...GO_BUILTINS.map(([n, a, w]) => [n, a, w ?? (mode === 'go' ? 3 : 1)])];
    if (mode !== 'go') fns.push(...SPRIG.map(([n, a]) => [n, a, 1]));
    if (mode === 'helm') fns.push(...HELM.map(([n, a]) => [n, a, n === 'toYaml' || n === 'tpl' ? 8 : n === 'include' ? 0 : 2]));
    this.funcs = fns;
    this.funcNames = new Set(fns.map((f) => f[0]));
  }

  // ---- data-aware operands ----------------------------------------------------------------

  rootNode() {
    return this.mode === 'helm' ? HELM_ROOT : this.data;
  }

  /** walk extends a chain from node with field steps; returns [suffix, node]. */
  walk(node, maxSteps) {
    const r = this.r;
    let s = '';
    let cur = node;
    // Helm's root is never printed whole: `%v` of it shows a pointer that changes per run.
    for (let i = 0; i < maxSteps || cur === HELM_ROOT; i++) {
      if (cur === HELM_ROOT) {
        const [t, n] = r.weighted([
          [10, () => ['.Values', this.data]],
          [2, () => [r.pick(['.Release.Name', '.Release.Namespace', '.Release.Service', '.Release.Revision', '.Release.IsInstall']), UNKNOWN]],
          [2, () => [r.pick(['.Chart.Name', '.Chart.Version', '.Chart.AppVersion', '.Chart.IsRoot', '.Chart']), UNKNOWN]],
          [1, () => [r.pick(['.Capabilities.KubeVersion.Version', '.Capabilities.KubeVersion.Minor', '.Capabilities.KubeVersion', '.Template.Name', '.Template.BasePath', '.Capabilities.HelmVersion.Version', '.Files', '.Subcharts', '.Release.Nope']), UNKNOWN]],
        ]);
        s += t;
        cur = n;
        continue;
      }
      if (isObj(cur)) {
        const keys = Object.keys(cur).filter((k) => identRe.test(k));
        if (keys.length && r.chance(0.8)) {
          const k = r.pick(keys);
          s += '.' + k;
          cur = cur[k];
          continue;
        }
        if (r.chance(this.clean ? 0.15 : 0.3)) {
          s += '.' + r.pick(IDENT_KEYS);
          cur = undefined;
          continue;
        }
        break;
      }
      if (cur === undefined || cur === null || cur === UNKNOWN) {
        if (!this.clean && r.chance(0.12)) s += '.' + r.pick(IDENT_KEYS);
        break;
      }
      if (!this.clean && r.chance(0.05)) s += '.' + r.pick(IDENT_KEYS); // field of a scalar/list: exec error
      break;
    }
    return [s, cur];
  }

  /** path returns [text, node] for a field chain rooted at the dot, `$` or a variable. */
  path(scope) {
    const r = this.r;
    const vars = scope.vars.filter((v) => v.name !== '$');
    const root = r.weighted([
      [6, () => ['', scope.dot]],
      [3, () => ['$', scope.root]],
      [vars.length ? 3 : 0, () => {
        const v = r.pick(vars);
        return [v.name, v.node];
      }],
    ]);
    const [suffix, node] = this.walk(root[1], r.range(0, 4));
    let text = root[0] + suffix;
    if (text === '') text = '.';
    this.lastType = this.kindOfNode(node);
    return [text, node];
  }

  /** kindOfNode maps a data node to an argument kind letter. */
  kindOfNode(n) {
    if (typeof n === 'string') return 's';
    if (typeof n === 'boolean') return 'b';
    if (typeof n === 'number') return this.intNumbers && Number.isInteger(n) ? 'i' : 'n';
    if (Array.isArray(n)) return 'l';
    if (isObj(n)) return 'm';
    return 'a';
  }

  /** literal returns a constant of a random type. */
  literal(kind = 'a') {
    const r = this.r;
    const str = () => (r.chance(0.85) ? goQuote(r.pick(STRINGS)) : '`' + r.pick(STRINGS).replace(/`/g, '') + '`');
    const int = () => r.weighted([[8, () => String(r.range(-3, 12))], [2, () => r.pick(['0x1F', '0o17', '017', '1_000', '0b101', '1000000', '-42', '255', '9223372036854775807', '64'])]]);
    const num = () => r.weighted([[5, int], [4, () => String(r.pick([1.5, 0.5, -2.5, 2.0, 1e3, 3.14, 1e6, 1e21, 1e-7, 0.1]))], [1, () => r.pick(['1e3', '1.0', '0x10', "'a'", "'\\n'", '1i', '18446744073709551615', '0x1p4'])]]);
    switch (kind) {
      case 's': return str();
      case 'i': return int();
      case 'n': return num();
      case 'b': return r.chance(0.5) ? 'true' : 'false';
      default:
        return r.weighted([[5, str], [3, int], [2, num], [2, () => (r.chance(0.5) ? 'true' : 'false')], [this.clean ? 0 : 0.3, 'nil']]);
    }
  }

  /** operand returns a single operand: a chain, a literal or a parenthesised pipeline. */
  operand(scope, depth, kind = 'a') {
    const r = this.r;
    return r.weighted([
      [6, () => this.path(scope)[0]],
      [4, () => {
        const t = this.literal(kind);
        this.lastType = /^"|^`/.test(t) ? 's' : t === 'true' || t === 'false' ? 'b' : /^-?\d+$/.test(t) ? 'i' : 'a';
        return t;
      }],
      [depth > 0 ? 2.5 : 0, () => {
        const t = `(${this.call(scope, depth - 1, false)})`;
        return t;
      }],
      [depth > 0 && !this.clean ? 0.4 : 0, () => {
        this.lastType = 'a';
        return `(${this.pipeline(scope, depth - 1, false)})${r.chance(0.3) ? '.' + r.pick(IDENT_KEYS) : ''}`;
      }],
    ]);
  }

  /** pathOf returns a chain whose value is (probably) of the wanted shape. */
  pathWhere(scope, pred, tries = 6) {
    for (let i = 0; i < tries; i++) {
      const [t, n] = this.path(scope);
      if (pred(n)) return t;
    }
    return null;
  }

  /** arg returns one argument of the given kind (see funcs.mjs); ~8% are of a wrong kind. */
  arg(kind, scope, depth) {
    const r = this.r;
    if (!this.clean && r.chance(0.06)) return this.operand(scope, depth);
    const isNum = (n) => typeof n === 'number';
    const isIntNode = (n) => isNum(n) && this.intNumbers && Number.isInteger(n);
    switch (kind) {
      case 's': return r.weighted([[6, () => this.literal('s')], [3, () => this.pathWhere(scope, (n) => typeof n === 'string') ?? this.literal('s')], [depth > 0 ? 1 : 0, () => `(${this.call(scope, depth - 1, false, r.pick(['toString', 'upper', 'trim', 'toYaml', 'quote', 'printf', 'print', 'join', 'default']))})`]]);
      case 'i': return r.weighted([[8, () => this.literal('i')], [1, () => this.pathWhere(scope, isIntNode) ?? this.literal('i')], [1, () => `(len ${this.pathWhere(scope, (n) => typeof n === 'string' || Array.isArray(n) || isObj(n)) ?? '"abc"'})`]]);
      case 'n': return r.weighted([[6, () => this.literal('n')], [3, () => this.pathWhere(scope, isNum) ?? this.literal('n')]]);
      case 'a': return r.weighted([[6, () => this.path(scope)[0]], [3, () => this.literal()], [depth > 0 ? 1 : 0, () => `(${this.call(scope, depth - 1, false)})`]]);
      case 'b': return r.weighted([[3, () => this.literal('b')], [2, () => this.path(scope)[0]], [depth > 0 ? 2 : 0, () => `(${this.call(scope, depth - 1, false, 'eq')})`]]);
      case 'l': return r.weighted([
        [4, () => this.pathWhere(scope, Array.isArray) ?? this.path(scope)[0]],
        [this.mode === 'go' ? 0 : 3, () => `(list ${Array.from({ length: r.range(0, 3) }, () => this.literal()).join(' ')})`],
        [this.mode === 'go' ? 0 : 1, () => `(splitList "," ${goQuote(r.pick(['a,b,c', 'x', '', 'b,a,b']))})`],
      ]);
      case 'm': return r.weighted([
        [4, () => this.pathWhere(scope, isObj) ?? (this.mode === 'helm' ? '(dict)' : this.path(scope)[0])],
        [this.mode === 'go' ? 0 : 2, () => `(dict ${Array.from({ length: r.range(0, 2) }, () => `${goQuote(r.pick(IDENT_KEYS))} ${this.literal()}`).join(' ')})`],
        [this.mode === 'helm' ? 0 : 1, () => r.pick(['.', '$'])],
      ]);
      case 'c': return this.pathWhere(scope, (n) => typeof n === 'string' || Array.isArray(n) || isObj(n)) ?? this.literal('s');
      case 'r': return goQuote(r.pick(REGEXPS));
      case 'f': return r.chance(0.9) ? goQuote(randomFormat(r)) : this.operand(scope, depth);
      case 'k': return goQuote(r.chance(0.8) ? r.pick(IDENT_KEYS) : r.pick(ODD_KEYS));
      case 't': return goQuote(this.tplText(scope));
      case 'T': return goQuote(this.callable().length && (this.clean || r.chance(0.9)) ? r.pick(this.callable()) : r.pick(this.unknownNames()));
      case 'x': return r.chance(0.8) ? goQuote(r.pick(YAML_TEXTS)) : `(toJson ${this.path(scope)[0]})`;
      case 'd': return goQuote(r.pick(DATES));
      case 'v': return goQuote(r.pick(SEMVERS));
      default: return this.operand(scope, depth);
    }
  }

  /** tplText is a small template for `tpl`, rooted at Helm's dot. */
  tplText(scope) {
    const r = this.r;
    return r.weighted([
      [3, () => `{{ ${this.walk(HELM_ROOT, 3)[0]} }}`],
      [2, () => `{{ .Values.${r.pick(IDENT_KEYS)} | default ${goQuote(r.pick(STRINGS))} }}`],
      [1, () => `{{ define "t.in" }}x{{ end }}{{ include "t.in" . }}`],
      [1, () => r.pick(['plain', '{{ .Release.Name }}-{{ .Chart.Name }}', '{{ .x.y }}', '{{ if }}', '{{ fail "from tpl" }}', '{{ .Template.Name }}'])],
    ]);
  }

  /** pickFunc returns a [name, args] entry; `want` forces a name. */
  pickFunc(want, pipedType) {
    if (want) return this.funcs.find((f) => f[0] === want) ?? [want, 'aa'];
    const table = [];
    for (const f of this.funcs) {
      let w = f[0] === 'include' ? (this.callable().length ? 10 : this.clean ? 0 : 0.2) : f[2];
      if (this.clean && RISKY.has(f[0])) w *= 0.06;
      if (pipedType !== undefined && this.clean) {
        const sig = f[1].replace(/\*$/, '');
        const last = sig[sig.length - 1] ?? 'a';
        const ok = last === 'a' || last === pipedType || (last === 'n' && pipedType === 'i') || (last === 'c' && 'slm'.includes(pipedType));
        if (!ok || ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'tpl', 'include'].includes(f[0])) w = 0;
      }
      if (w > 0) table.push([w, f]);
    }
    return table.length ? this.r.weighted(table) : this.funcs.find((f) => f[0] === 'print');
  }

  /** call returns `fn args…`; when piped the last argument comes from the pipe. */
  call(scope, depth, piped, want) {
    const r = this.r;
    const [name, sig] = this.pickFunc(want, piped ? this.lastType : undefined);
    if (this.clean && !piped && ['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(name)) {
      this.lastType = 'b';
      return this.comparison(scope);
    }
    const kinds = [];
    for (let i = 0; i < sig.length; i++) {
      const c = sig[i];
      if (c === '*') {
        const last = sig[i - 1];
        for (let n = r.weighted([[5, 0], [3, 1], [2, 2], [1, 3]]); n > 0; n--) kinds.push(last);
      } else kinds.push(c);
    }
    if (piped) kinds.pop();
    // wrong arity now and then
    if (!this.clean && r.chance(0.05)) kinds.push('a');
    else if (!this.clean && kinds.length && r.chance(0.05)) kinds.pop();
    if (name === 'tpl' && !piped && this.clean) {
      this.lastType = 's';
      return `tpl ${this.arg('t', scope, depth)} $`;
    }
    if (name === 'include' && !piped && (this.clean || r.chance(0.85))) {
      this.lastType = 's';
      return `include ${this.arg('T', scope, depth)} ${this.clean ? '$' : r.pick(['$', '$', '.'])}`;
    }
    if (name === 'keys') {
      this.lastType = 'l';
      return `keys ${kinds.map((k) => this.arg(k, scope, depth)).join(' ')} | sortAlpha`;
    }
    // Sizes stay small: Go happily builds a 9e18-byte string until memory runs out.
    const sized = SIZED.has(name);
    const args = kinds.map((k) => (sized && k === 'i' ? String(r.range(-2, 30)) : this.arg(k, scope, depth)));
    this.lastType = RET[name] ?? 'a';
    return [name, ...args].join(' ');
  }

  /** command is one pipeline stage. */
  command(scope, depth, first) {
    const r = this.r;
    if (!first) return this.clean || r.chance(0.99) ? this.call(scope, depth, true) : this.operand(scope, depth);
    return r.weighted([[5, () => this.operand(scope, depth)], [5, () => this.call(scope, depth, false)]]);
  }

  /** pipeline: command ('|' command)*, with an optional declaration at the top level. */
  pipeline(scope, depth = 2, top = true) {
    const r = this.r;
    const parts = [this.command(scope, depth, true)];
    for (let n = r.weighted([[10, 0], [6, 1], [3, 2], [1, 3]]); n > 0; n--) parts.push(this.command(scope, depth, false));
    return parts.join(r.chance(0.8) ? ' | ' : '|');
  }

  // ---- actions and blocks -----------------------------------------------------------------

  open() {
    const r = this.r;
    return r.chance(0.3) ? '{{- ' : r.chance(0.15) ? '{{' : '{{ ';
  }

  close() {
    const r = this.r;
    return r.chance(0.3) ? ' -}}' : r.chance(0.15) ? '}}' : ' }}';
  }

  act(body) {
    return this.open() + body + this.close();
  }

  /** varName returns a fresh or existing variable name. */
  newVar(scope) {
    const names = ['$x', '$v', '$i', '$name', '$k', '$item', '$val', '$é'];
    const used = new Set(scope.vars.map((v) => v.name));
    return names.find((n) => !used.has(n) && this.r.chance(0.6)) ?? this.r.pick(names);
  }

  textLine(scope) {
    const r = this.r;
    const ind = ' '.repeat(r.pick([0, 0, 2, 2, 4, 1]));
    return r.weighted([
      [8, () => `${ind}${r.pick(TEXT_KEYS)}:${r.chance(0.8) ? ' ' : ''}${this.act(this.pipeline(scope))}\n`],
      [2, () => `${ind}- ${this.act(this.pipeline(scope))}\n`],
      [1, () => `${ind}${r.pick(['# a comment', '---', 'key: value', '- item', 'x: "quoted"', 'spec:', ''])}\n`],
      [1, () => `${ind}${r.pick(TEXT_KEYS)}: ${r.pick(STRINGS).replace(/\{\{/g, '{ {')}\n`],
    ]);
  }

  /** stmts writes up to n statements into an array of strings. */
  stmts(scope, n, depth) {
    const out = [];
    for (let i = 0; i < n && this.budget > 0; i++) out.push(this.stmt(scope, depth));
    return out.join('');
  }

  stmt(scope, depth) {
    const r = this.r;
    this.budget--;
    const canBlock = depth < 3 && this.budget > 2;
    return r.weighted([
      [10, () => this.textLine(scope)],
      [3, () => this.act(this.pipeline(scope)) + (r.chance(0.5) ? '\n' : '')],
      [2, () => {
        const name = this.newVar(scope);
        const [t, node] = r.chance(0.5) ? this.path(scope) : [this.pipeline(scope, 2), UNKNOWN];
        const decl = this.act(`${name} := ${t}`);
        scope.vars.push({ name, node });
        return decl + (r.chance(0.6) ? '\n' : '');
      }],
      [scope.vars.length > 1 ? 1 : 0.1, () => {
        const v = this.clean || r.chance(0.9) ? r.pick(scope.vars).name : '$undefinedVar';
        return this.act(`${v} = ${this.pipeline(scope, 1)}`);
      }],
      [canBlock ? 3 : 0, () => this.ifBlock(scope, depth)],
      [canBlock ? 1.5 : 0, () => this.withBlock(scope, depth)],
      [canBlock ? 2 : 0, () => this.rangeBlock(scope, depth)],
      [scope.inRange ? 0.6 : this.clean ? 0 : 0.05, () => this.act(`${r.chance(0.5) ? 'if ' + this.pipeline(scope, 1) : 'if true'}`) + this.act(r.pick(['break', 'continue'])) + this.act('end')],
      [this.callable().length || (!this.clean && this.mode === 'go') ? 1 : 0, () => {
        const name = goQuote(this.callable().length && (this.clean || r.chance(0.9)) ? r.pick(this.callable()) : r.pick(this.unknownNames()));
        if (r.chance(0.85)) return this.act(`template ${name}${r.chance(0.7) ? ' ' + (this.clean ? '$' : this.pipeline(scope, 1)) : ''}`);
        return this.act(`block ${goQuote(`fz.blk${(this.blocks = (this.blocks ?? 0) + 1)}`)} ${this.pipeline(scope, 1)}`) + this.stmts(this.child(scope, UNKNOWN), 1, depth + 1) + this.act('end');
      }],
      [1, () => r.pick(['{{/* a comment */}}', '{{- /* é ü */}}', '{{/*\nmulti\n*/}}', '{{- /* x */ -}}', '{{/* */ -}}']) + (r.chance(0.5) ? '\n' : '')],
    ]);
  }

  child(scope, dot = scope.dot, inRange = scope.inRange) {
    return { vars: [...scope.vars], dot, root: scope.root, inRange };
  }

  ifBlock(scope, depth) {
    const r = this.r;
    let out = this.act(`if ${this.cond(scope)}`) + (r.chance(0.6) ? '\n' : '');
    out += this.stmts(this.child(scope), r.range(1, 3), depth + 1);
    for (let n = r.weighted([[6, 0], [3, 1], [1, 2]]); n > 0; n--) {
      out += this.act(`else if ${this.cond(scope)}`) + this.stmts(this.child(scope), r.range(1, 2), depth + 1);
    }
    if (r.chance(0.4)) out += this.act('else') + this.stmts(this.child(scope), r.range(1, 2), depth + 1);
    return out + this.act('end') + (r.chance(0.6) ? '\n' : '');
  }

  cond(scope) {
    const r = this.r;
    return r.weighted([
      [5, () => this.path(scope)[0]],
      [4, () => this.pipeline(scope, 2)],
      [3, () => this.comparison(scope)],
      [2, () => `${r.pick(['and', 'or'])} ${this.operand(scope, 1)} ${this.operand(scope, 1)}`],
      [1, () => `not ${this.operand(scope, 1)}`],
    ]);
  }

  /** comparison compares a scalar chain with a literal of (usually) the same Go type. */
  comparison(scope) {
    const r = this.r;
    const op = r.pick(['eq', 'eq', 'ne', 'lt', 'gt', 'le', 'ge']);
    let p = null;
    let node;
    for (let i = 0; i < 6 && p === null; i++) {
      const [t, n] = this.path(scope);
      if (typeof n === 'string' || typeof n === 'number' || typeof n === 'boolean') [p, node] = [t, n];
    }
    if (p === null && this.clean) return r.pick(['eq 1 1', 'ne "a" "b"', 'lt 1.5 2.5', 'eq .', 'eq true true']).replace('eq .', 'eq "x" "x"');
    if (p === null || (!this.clean && r.chance(0.2))) return `${op} ${this.operand(scope, 1)} ${this.operand(scope, 1)}`;
    let lit;
    if (typeof node === 'string') lit = goQuote(r.chance(0.5) ? node : r.pick(STRINGS));
    else if (typeof node === 'boolean') lit = r.pick(['true', 'false']);
    else if (this.intNumbers && Number.isInteger(node)) lit = String(r.chance(0.5) ? node : r.range(-2, 100));
    else lit = r.pick([String(node), '0.5', '1.0', '80.0', '1e6', '-1.5', '100.0']).replace(/^(-?\d+)$/, '$1.0');
    if (typeof node === 'boolean' && op !== 'eq' && op !== 'ne') return `eq ${p} ${lit}`;
    return r.chance(0.5) ? `${op} ${p} ${lit}` : `${lit} | ${op} ${p}`;
  }

  withBlock(scope, depth) {
    const r = this.r;
    let node = UNKNOWN;
    let head;
    if (r.chance(0.7)) {
      const [t, n] = this.path(scope);
      head = t;
      node = n;
    } else head = this.pipeline(scope, 2);
    const inner = this.child(scope, node);
    if (r.chance(0.2)) {
      const v = this.newVar(scope);
      head = `${v} := ${head}`;
      inner.vars.push({ name: v, node });
    }
    let out = this.act(`with ${head}`) + (r.chance(0.6) ? '\n' : '');
    out += this.stmts(inner, r.range(1, 3), depth + 1);
    if (r.chance(0.35)) out += this.act('else') + this.stmts(this.child(scope), r.range(1, 2), depth + 1);
    return out + this.act('end') + (r.chance(0.6) ? '\n' : '');
  }

  rangeBlock(scope, depth) {
    const r = this.r;
    // Never range over an integer: Go 1.22+ iterates, the Go 1.19 oracle fails.
    const ok = (n) => Array.isArray(n) || isObj(n) || n === undefined || n === null || typeof n === 'string' || typeof n === 'boolean' || (typeof n === 'number' && !this.intNumbers && !Number.isInteger(n));
    let head;
    let elem = UNKNOWN;
    const p = this.pathWhere(scope, (n) => Array.isArray(n) || isObj(n), 8);
    if (p && r.chance(0.75)) {
      head = p;
      const [, node] = [p, null];
      void node;
    } else {
      head = r.weighted([
        [this.mode === 'go' ? 0 : 3, () => r.pick(['until 3', 'list 1 "a" 2.5', 'splitList "," "a,b,c"', 'dict "a" 1 "b" 2', 'until 0', 'keys .Values | sortAlpha', 'seq 2'].filter((s) => this.mode === 'helm' || !s.includes('.Values')))],
        [this.clean ? 0 : 2, () => this.pathWhere(scope, ok, 8) ?? '.'],
        [this.clean && this.mode === 'go' ? 2 : 0, () => r.pick(['.', '$'])],
      ]);
    }
    // Find the element node for chains inside the body.
    if (p && head === p) {
      const node = this.resolve(scope, p);
      if (Array.isArray(node) && node.length) elem = r.pick(node);
      else if (isObj(node)) elem = r.pick(Object.values(node).concat([UNKNOWN]));
    }
    const inner = this.child(scope, elem, true);
    let decl = '';
    if (r.chance(0.5)) {
      const a = this.newVar(scope);
      if (r.chance(0.6)) {
        let b = this.newVar({ vars: [...scope.vars, { name: a }] });
        if (b === a) b = '$v2';
        decl = `${a}, ${b} := `;
        inner.vars.push({ name: a, node: UNKNOWN }, { name: b, node: elem });
      } else {
        decl = `${a} := `;
        inner.vars.push({ name: a, node: elem });
      }
    }
    let out = this.act(`range ${decl}${head}`) + (r.chance(0.6) ? '\n' : '');
    out += this.stmts(inner, r.range(1, 3), depth + 1);
    if (r.chance(0.25)) out += this.act('else') + this.stmts(this.child(scope), 1, depth + 1);
    return out + this.act('end') + (r.chance(0.6) ? '\n' : '');
  }

  /** resolve follows a chain text from its root to the data node (best effort). */
  resolve(scope, text) {
    let cur;
    let rest = text;
    if (text.startsWith('$')) {
      const m = /^\$[^.]*/.exec(text)[0];
      cur = m === '$' ? scope.root : scope.vars.find((v) => v.name === m)?.node;
      rest = text.slice(m.length);
    } else cur = scope.dot;
    for (const part of rest.split('.').filter(Boolean)) {
      if (cur === HELM_ROOT) cur = part === 'Values' ? this.data : UNKNOWN;
      else if (isObj(cur)) cur = cur[part];
      else return UNKNOWN;
    }
    return cur;
  }

  /** unknownNames are template names that no define of this case uses. */
  unknownNames() {
    const u = DEFINE_NAMES.filter((n) => !this.defines.includes(n));
    return u.length ? u : ['fz.nope'];
  }

  /**
   * callable lists the templates the current one may call: inside define i only defines
   * 0..i-1 (no recursion, which would only measure the depth limits), else all of them.
   */
  callable() {
    return this.inDefine === undefined ? this.defines : this.defines.slice(0, this.inDefine);
  }

  /** define writes one `{{ define }}` block; its dot is Helm's root or unknown. */
  define(name) {
    const r = this.r;
    this.inDefine = this.defines.indexOf(name);
    const root = this.mode === 'helm' ? HELM_ROOT : r.chance(0.5) ? this.data : UNKNOWN;
    const scope = { vars: [{ name: '$', node: root }], dot: root, root, inRange: false };
    this.budget = r.range(2, 6);
    const head = r.chance(0.3) ? `{{/*\n${r.pick(['Expand the name.', 'Common labels', `helper: ${name}`])}\n*/}}\n` : '';
    const out = `${head}${r.pick(['{{ ', '{{- '])}define ${goQuote(name)}${r.pick([' }}', ' -}}'])}\n${this.stmts(scope, 6, 1)}${r.pick(['{{ end }}', '{{- end }}', '{{- end -}}', '{{ end -}}'])}\n`;
    this.inDefine = undefined;
    return out;
  }

  /** body writes a top-level template with dot at the root of the data. */
  body(n) {
    const r = this.r;
    const root = this.rootNode();
    const scope = { vars: [{ name: '$', node: root }], dot: root, root, inRange: false };
    this.budget = n;
    let head = '';
    if (this.mode === 'helm' && r.chance(0.6)) head = `apiVersion: v1\nkind: ${r.pick(['ConfigMap', 'Secret', 'Service'])}\nmetadata:\n  name: {{ ${r.pick(['.Release.Name', '.Release.Name', '.Chart.Name', this.defines.length ? `include ${goQuote(r.pick(this.defines))} .` : '.Chart.Version'])} }}\n`;
    if (this.defines.length && r.chance(0.5)) head += `${r.pick(TEXT_KEYS)}: {{- ${this.mode === 'helm' ? 'include' : 'template'} ${goQuote(r.pick(this.defines))} ${this.clean ? '.' : r.pick(['.', '$', '.', this.mode === 'go' ? '.' : '(dict "root" $ "x" 1)', this.path(scope)[0]])}${this.mode === 'helm' && r.chance(0.5) ? ' | nindent ' + r.range(0, 6) : ''} }}\n`;
    return head + this.stmts(scope, n, 0);
  }
}

// ---- deliberate syntax errors ---------------------------------------------------------------

const BAD_SNIPPETS = [
  '{{ .a. }}', '{{ 1x }}', '{{ "unterminated }}', '{{ | upper }}', '{{ (1 }}', '{{ ) }}', '{{ break }}', '{{ continue }}',
  '{{ end }}', '{{ else }}', '{{ if }}', '{{ range }}', '{{ with }}', '{{ define "x" }}', '{{ template }}', '{{ template .x }}',
  '{{ .a := 1 }}', '{{ $x := }}', '{{ $nope = 1 }}', '{{ $nope }}', '{{/* unclosed', '{{ \'ab\' }}', '{{ 0x }}', '{{ 1.2.3 }}',
  '{{ nofunc 1 }}', '{{ .a | 3 }}', '{{ }}', '{{ if 1 }}{{ else if }}{{ end }}', '{{ $ := 1 }}', '{{ .a b }}', '{{ ,}}',
  '{{ "a" "b" }}', '{{ else with .x }}{{ end }}', '{{ range $a, $b, $c := . }}{{ end }}', '{{ 1 := 2 }}', '{{ @ }}',
  '{{ define }}', '{{ block "b" }}', '{{ .x.(y) }}', '{{ -}}', '{{- }}', '{{ $x.y := 1 }}', '{{ "\\q" }}', '{{ `a }}',
  '{{ (.a).b.c := 1 }}', '{{ 08 }}', '{{ 1e }}', '{{ 1__0 }}', '{{ .x .y }}{{ end }}', '{{ true.x }}', '{{ nil.x }}',
];

/** breakSyntax applies one random corruption to a template text. */
export function breakSyntax(r, text) {
  const at = r.int(text.length + 1);
  return r.weighted([
    [4, () => text.slice(0, at) + r.pick(BAD_SNIPPETS) + text.slice(at)],
    [2, () => {
      const i = text.indexOf('}}', at);
      return i < 0 ? text + '{{ .x' : text.slice(0, i) + text.slice(i + 2);
    }],
    [1, () => {
      const i = text.lastIndexOf('{{ end }}');
      return i < 0 ? text + '{{ if .x }}' : text.slice(0, i) + text.slice(i + 9);
    }],
    [1, () => text.slice(0, at)],
    [1, () => text.slice(0, at) + '{{' + text.slice(at)],
  ]);
}

export { HELM_ROOT, UNKNOWN, KINDS, randomFloat };
