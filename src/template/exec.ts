// Go: text/template/exec.go — the evaluator. Function names and structure follow Go's so the
// two files can be read side by side.
//
// Go passes reflect.Values around; a reflect.Value knows whether it is an interface{} (an
// element of []interface{} or map[string]interface{}) or a concrete value, and that shows in
// error texts (`can't evaluate field x in type interface {}`). Here a value travels with a
// boolean `iface` where that matters: the dot, variables and field-chain receivers. A nil
// interface is `null`, an invalid reflect.Value is `undefined` (see value.ts).
import { ExecError, TemplateError } from './errors.js';
import { formatValue, sortedKeys, sprint } from './fmt.js';
import type {
  ActionNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  RangeNode,
  TemplateNode,
  VariableNode,
} from './node.js';
import { quote } from './strconv.js';
import type { Template } from './template.js';
import { timeMethod } from './time-methods.js';
import {
  GoComplex,
  GoFloat32,
  GoFuncError,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  TypedMap,
  isGoFunc,
  isTrue,
  nilOf,
  typeOf,
  wrapInt,
  type GoFunc,
  type GoValue,
  type IntKind,
} from './value.js';

/** maxExecDepth is Go's limit on nested {{template}} calls. */
export const maxExecDepth = 100000;

/** MISSING marks "no final value" in a pipeline (Go: missingVal). */
const MISSING: unique symbol = Symbol('missingVal');
type Final = GoValue | typeof MISSING;

/** Walk results: a list finished normally, or hit {{break}} / {{continue}}. */
const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
type WalkResult = typeof NORMAL | typeof BREAK | typeof CONTINUE;

interface Variable {
  name: string;
  value: GoValue;
  iface: boolean;
}

/**
 * ActionTrace receives, for each {{action}} that printed, the node and the range of the output
 * it wrote (UTF-16 offsets into the returned string). podtpl uses it to point a finding in a
 * rendered pod back at the template line that produced the value.
 */
export type ActionTrace = (node: ActionNode, start: number, end: number) => void;

/** Executions under way (include and tpl nest them); overflow is handled by the outermost. */
let executing = 0;

/** execute runs t's tree over data and returns the output (Go: Template.execute). */
export function execute(t: Template, data: GoValue, trace?: ActionTrace): string {
  // Go: reflect.ValueOf(nil) is an invalid Value, so a nil dot is "no value".
  if (data === null) data = undefined;
  const s = new State(t, [{ name: '$', value: data, iface: false }], 0, { out: '', trace });
  if (t.tree === null || t.tree.root === null) {
    s.errorf(`${quote(t.name)} is an incomplete or empty template`);
  }
  executing++;
  try {
    s.walk(data, false, t.tree!.root);
  } catch (e) {
    if (executing === 1 && e instanceof RangeError) throw stackOverflowError(s);
    throw e;
  } finally {
    executing--;
  }
  return s.buf.out;
}

/**
 * stackOverflowError reports a JS stack overflow. Go grows its stack to 1 GB and stops
 * nested {{template}} calls at depth 100000: deep template recursion gets Go's error. Other
 * recursion (include, tpl) that outgrows the stack gets a clear podtpl error; the CLI and the
 * tests run with --stack-size=4000, enough for Helm's include limit of 1000.
 */
function stackOverflowError(s: State): ExecError {
  const deepest = s.lastTemplateState;
  if (deepest !== null && deepest.depth >= 1000) {
    try {
      deepest.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    } catch (converted) {
      if (converted instanceof ExecError) return converted;
    }
  }
  return new ExecError(
    s.tmpl.name,
    `template: ${s.tmpl.name}: podtpl: the templates recurse deeper than the JavaScript stack allows; run node with --stack-size=4000`,
  );
}

/** State is the state of an execution (Go: state). */
class State {
  node: Node | null = null;
  /** The state of the deepest {{template}} call, for stack-overflow reports. */
  lastTemplateState: State | null = null;
  /** Whether the value returned by the last evalField/evalCall/evalArg is an interface{}. */
  private resIface = false;

  constructor(
    readonly tmpl: Template,
    private vars: Variable[],
    readonly depth: number,
    /** The output, shared by nested {{template}} calls (Go writes to one io.Writer), and its tracer. */
    readonly buf: { out: string; trace?: ActionTrace },
  ) {}

  // ---- variables (Go: push, mark, pop, setVar, setTopVar, varValue) ----

  push(name: string, value: GoValue, iface: boolean): void {
    this.vars.push({ name, value, iface });
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) {
        v.value = value;
        v.iface = false;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: GoValue, iface: boolean): void {
    const v = this.vars[this.vars.length - n]!;
    v.value = value;
    v.iface = iface;
  }

  varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) return v;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  at(node: Node): void {
    this.node = node;
  }

  /** errorf raises an ExecError with Go's location prefix (Go: state.errorf). */
  errorf(msg: string): never {
    const name = this.tmpl.name;
    if (this.node === null) {
      throw new ExecError(name, `template: ${name}: ${msg}`);
    }
    const [location, context] = this.tmpl.tree!.errorContext(this.node);
    throw new ExecError(name, `template: ${location}: executing ${quote(name)} at <${context}>: ${msg}`);
  }

  // ---- walking (Go: walk, walkIfOrWith, walkRange, walkTemplate) ----

  walk(dot: GoValue, di: boolean, node: Node): WalkResult {
    this.at(node);
    switch (node.type) {
      case 'Action': {
        const val = this.evalPipeline(dot, di, node.pipe);
        if (node.pipe.decl.length === 0) {
          const start = this.buf.out.length;
          this.printValue(node, val);
          this.buf.trace?.(node, start, this.buf.out.length);
        }
        return NORMAL;
      }
      case 'Break':
        return BREAK;
      case 'Comment':
        return NORMAL;
      case 'Continue':
        return CONTINUE;
      case 'If':
        return this.walkIfOrWith(false, dot, di, node.pipe, node.list, node.elseList);
      case 'List':
        return this.walkList(dot, di, node);
      case 'Range':
        return this.walkRange(dot, di, node);
      case 'Template':
        this.walkTemplate(dot, di, node);
        return NORMAL;
      case 'Text':
        this.buf.out += node.text;
        return NORMAL;
      case 'With':
        return this.walkIfOrWith(true, dot, di, node.pipe, node.list, node.elseList);
      default:
        this.errorf(`unknown node: ${node.toString()}`);
    }
  }

  walkList(dot: GoValue, di: boolean, list: ListNode): WalkResult {
    for (const n of list.nodes) {
      const r = this.walk(dot, di, n);
      if (r !== NORMAL) return r;
    }
    return NORMAL;
  }

  walkIfOrWith(
    isWith: boolean,
    dot: GoValue,
    di: boolean,
    pipe: PipeNode,
    list: ListNode,
    elseList: ListNode | null,
  ): WalkResult {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, di, pipe);
      if (isTrue(val)) {
        return isWith ? this.walk(val, false, list) : this.walk(dot, di, list);
      } else if (elseList !== null) {
        return this.walk(dot, di, elseList);
      }
      return NORMAL;
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: GoValue, di: boolean, r: RangeNode): WalkResult {
    this.at(r);
    const outer = this.mark();
    try {
      let val = this.evalPipeline(dot, di, r.pipe);
      if (val instanceof GoStruct && val.ptr) val = derefStruct(val);
      const mark = this.mark();
      const decl = r.pipe.decl.length;
      // oneIteration returns false when the loop must stop ({{break}}).
      const oneIteration = (index: GoValue, elem: GoValue, elemIface: boolean): boolean => {
        if (decl > 0) this.setTopVar(1, elem, elemIface);
        if (decl > 1) this.setTopVar(2, index, false);
        const res = this.walk(elem, elemIface, r.list);
        this.pop(mark);
        return res !== BREAK;
      };
      if (Array.isArray(val) || val instanceof GoSlice) {
        const items = Array.isArray(val) ? val : val.items;
        const elemIface = Array.isArray(val) || val.elem === 'interface {}';
        if (items.length > 0) {
          for (let i = 0; i < items.length; i++) {
            if (!oneIteration(goIntCached(i), items[i], elemIface)) break;
          }
          return NORMAL;
        }
      } else if (val instanceof Map) {
        if (val.size > 0) {
          const elemIface = !(val instanceof TypedMap) || val.elemType === 'interface {}';
          for (const k of sortedKeys(val)) {
            if (!oneIteration(k, val.get(k), elemIface)) break;
          }
          return NORMAL;
        }
      } else if (val instanceof GoInt) {
        // Go 1.22: range over an integer; not in the 1.19 oracle.
        if (decl > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        if (val.v > 0n) {
          for (let i = 0n; i < val.v; i++) {
            const v = new GoInt(val.kind, i);
            if (!oneIteration(v, v, false)) break;
          }
          return NORMAL;
        }
      } else if (val !== undefined) {
        this.errorf(`range can't iterate over ${formatValue(val)}`);
      }
      if (r.elseList !== null) {
        // Go: walkRange recovers walkBreak for its whole body, so a {{break}} in the else
        // branch ends only this range; a {{continue}} reaches the enclosing loop.
        const res = this.walk(dot, di, r.elseList);
        return res === BREAK ? NORMAL : res;
      }
      return NORMAL;
    } finally {
      this.pop(outer);
    }
  }

  walkTemplate(dot: GoValue, di: boolean, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.tmpl.lookup(t.name);
    if (tmpl === undefined || tmpl.tree === null) {
      this.errorf(`template ${quote(t.name)} not defined`);
    }
    if (this.depth === maxExecDepth) {
      this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    }
    const newDot = this.evalPipeline(dot, di, t.pipe);
    const ns = new State(tmpl, [{ name: '$', value: newDot, iface: false }], this.depth + 1, this.buf);
    this.lastTemplateState = ns;
    try {
      ns.walk(newDot, false, tmpl.tree.root);
    } finally {
      if (ns.lastTemplateState !== null) this.lastTemplateState = ns.lastTemplateState;
    }
  }

  // ---- pipelines and commands ----

  /** evalPipeline returns the value of the pipeline; an interface result is unwrapped, so nil becomes undefined. */
  evalPipeline(dot: GoValue, di: boolean, pipe: PipeNode | null): GoValue {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, di, cmd, value);
      // Go: "If the object has type interface{}, dig down one level to the thing inside."
      if (value === null) value = undefined;
    }
    const v = value === MISSING ? undefined : value;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, v);
      else this.push(variable.ident[0]!, v, false);
    }
    return v;
  }

  notAFunction(args: readonly Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${args[0]!.toString()}`);
    }
  }

  evalCommand(dot: GoValue, di: boolean, cmd: CommandNode, final: Final): GoValue {
    const firstWord = cmd.args[0]!;
    switch (firstWord.type) {
      case 'Field':
        return this.evalFieldNode(dot, di, firstWord, cmd.args, final);
      case 'Chain':
        return this.evalChainNode(dot, di, firstWord, cmd.args, final);
      case 'Identifier':
        return this.evalFunction(dot, di, firstWord, cmd, cmd.args, final);
      case 'Pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, di, firstWord);
      case 'Variable':
        return this.evalVariableNode(dot, di, firstWord, cmd.args, final);
    }
    this.at(firstWord);
    this.notAFunction(cmd.args, final);
    switch (firstWord.type) {
      case 'Bool':
        return firstWord.true;
      case 'Dot':
        return dot;
      case 'Nil':
        this.errorf('nil is not a command');
      case 'Number':
        return this.idealConstant(firstWord);
      case 'String':
        return firstWord.text;
    }
    this.errorf(`can't evaluate command ${quote(firstWord.toString())}`);
  }

  /** idealConstant gives an untyped numeric constant its type from its syntax (Go: idealConstant). */
  idealConstant(constant: NumberNode): GoValue {
    this.at(constant);
    const text = constant.text;
    if (constant.isComplex) return new GoComplex(constant.complex128.re, constant.complex128.im);
    if (constant.isFloat && !isHexInt(text) && !isRuneInt(text) && /[.eEpP]/.test(text)) {
      return constant.float64;
    }
    if (constant.isInt) return wrapInt('int', constant.int64);
    if (constant.isUint) this.errorf(`${text} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: GoValue, di: boolean, field: FieldNode, args: readonly Node[] | null, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, di, dot, di, field, field.ident, args, final);
  }

  evalChainNode(dot: GoValue, di: boolean, chain: ChainNode, args: readonly Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'Nil') this.errorf(`indirection through explicit nil in ${chain.toString()}`);
    const pipe = this.evalArg(dot, di, null, chain.node);
    return this.evalFieldChain(dot, di, pipe, this.resIface, chain, chain.field, args, final);
  }

  evalVariableNode(dot: GoValue, di: boolean, variable: VariableNode, args: readonly Node[] | null, final: Final): GoValue {
    this.at(variable);
    const v = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      this.resIface = v.iface;
      return v.value;
    }
    return this.evalFieldChain(dot, di, v.value, v.iface, variable, variable.ident.slice(1), args, final);
  }

  evalFieldChain(
    dot: GoValue,
    di: boolean,
    receiver: GoValue,
    ri: boolean,
    node: Node,
    ident: readonly string[],
    args: readonly Node[] | null,
    final: Final,
  ): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(dot, di, ident[i]!, node, null, MISSING, receiver, ri);
      ri = this.resIface;
    }
    return this.evalField(dot, di, ident[n - 1]!, node, args, final, receiver, ri);
  }

  evalFunction(dot: GoValue, di: boolean, node: IdentifierNode, cmd: Node, args: readonly Node[] | null, final: Final): GoValue {
    this.at(node);
    const name = node.ident;
    const found = this.tmpl.findFunction(name);
    if (found === undefined) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, di, found.fn, found.isBuiltin, cmd, name, args, final);
  }

  /** evalField evaluates .fieldName on receiver: a method, a struct field or a map key (Go: evalField). */
  evalField(
    dot: GoValue,
    di: boolean,
    fieldName: string,
    node: Node,
    args: readonly Node[] | null,
    final: Final,
    receiver: GoValue,
    ri: boolean,
  ): GoValue {
    if (receiver === undefined) {
      if (this.tmpl.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      this.resIface = false;
      return undefined;
    }
    const typ = ri || receiver === null ? 'interface {}' : typeOf(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const method = methodOf(receiver, fieldName);
    if (method !== undefined) return this.evalCall(dot, di, method, false, node, fieldName, args, final);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct) {
      const f = receiver.field(fieldName);
      if (f !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        this.resIface = f.value === null;
        return f.value;
      }
    } else if (receiver instanceof Map) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const elemIface = !(receiver instanceof TypedMap) || receiver.elemType === 'interface {}';
      this.resIface = elemIface;
      const result = receiver.get(fieldName);
      if (result === undefined) {
        switch (this.tmpl.missingKey) {
          case 'invalid':
            this.resIface = false;
            return undefined;
          case 'zero':
            return zeroOf(elemIface ? 'interface {}' : (receiver as TypedMap).elemType);
          case 'error':
            this.errorf(`map has no entry for key ${quote(fieldName)}`);
        }
      }
      return result;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  /** evalCall calls fn with the command's arguments, checking them against its signature (Go: evalCall). */
  evalCall(
    dot: GoValue,
    di: boolean,
    fn: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: readonly Node[] | null,
    final: Final,
  ): GoValue {
    const args = allArgs !== null ? allArgs.slice(1) : [];
    const numParams = fn.in.length;
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = numParams - 1;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${numParams - 1} got ${args.length}`);
      }
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    if (isBuiltin && (name === 'and' || name === 'or')) {
      // Go: and/or evaluate their arguments lazily and stop at the first deciding one.
      const wantTrue = name === 'or';
      let v: GoValue = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, di, 'reflect.Value', arg);
        if (isTrue(v) === wantTrue) {
          this.resIface = false;
          return v;
        }
      }
      if (final !== MISSING) v = this.validateType(final, 'reflect.Value');
      this.resIface = false;
      return v;
    }

    const argv: GoValue[] = new Array(numIn);
    // Builtins see whether each reflect.Value argument holds an interface{} (Go's slice cares).
    const ifaces: boolean[] | undefined = fn.reflectArgs ? new Array(numIn).fill(false) : undefined;
    let i = 0;
    for (; i < numFixed && i < args.length; i++) {
      argv[i] = this.evalArg(dot, di, fn.in[i]!, args[i]!);
      if (ifaces) ifaces[i] = this.resIface && argv[i] !== undefined;
    }
    if (fn.variadic) {
      const argType = fn.in[numParams - 1]!;
      for (; i < args.length; i++) {
        argv[i] = this.evalArg(dot, di, argType, args[i]!);
        if (ifaces) ifaces[i] = this.resIface && argv[i] !== undefined;
      }
    }
    if (final !== MISSING) {
      let t = fn.in[numParams - 1]!;
      if (fn.variadic && numIn - 1 < numFixed) t = fn.in[numIn - 1]!;
      argv[i] = this.validateType(final, t);
    }
    let v: GoValue;
    try {
      v = fn.call(argv, ifaces);
    } catch (e) {
      this.at(node);
      if (e instanceof GoFuncError) this.errorf(`error calling ${name}: ${e.message}`);
      if (e instanceof ExecError || e instanceof TemplateError) {
        // A function that executes templates (include, tpl) failed: Go wraps its error too.
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
    this.resIface = fn.out === 'interface {}' || fn.out === 'reflect.Value';
    // Go: a value passed through a function's interface{} is a copy, no longer addressable, so a
    // String() declared on its pointer type no longer applies when it is printed.
    if (!fn.reflectArgs && v instanceof GoStruct && v.opts.ptrStringer && v.stringer !== undefined) {
      v = new GoStruct(v.goType, v.fields, v.methods, v.ptr, undefined, v.opts);
    }
    return v;
  }

  /**
   * validateType checks that value can be passed as typ, unwrapping as Go does; typ null is
   * an untyped context (Go: validateType).
   */
  validateType(value: GoValue, typ: string | null): GoValue {
    if (value === undefined) {
      // Go: reflect.ValueOf(nil) — still an invalid value.
      if (typ === null) return undefined;
      if (canBeNil(typ)) return typ === 'reflect.Value' ? undefined : null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === 'reflect.Value' || typ === 'interface {}') return value;
    if (value === null) this.errorf(`wrong type for value; expected ${typ}; got interface {}`);
    if (assignable(value, typ)) {
      // Go: assigning a named map to its unnamed underlying type converts it (same storage).
      return value instanceof TypedMap && typeOf(value) !== typ ? value.asUnderlying() : value;
    }
    if (value instanceof GoStruct && value.ptr && value.goType === typ) return derefStruct(value);
    this.errorf(`wrong type for value; expected ${typ}; got ${typeOf(value)}`);
  }

  /** evalArg evaluates an argument node for a parameter of type typ (Go: evalArg). */
  evalArg(dot: GoValue, di: boolean, typ: string | null, n: Node): GoValue {
    this.at(n);
    this.resIface = false;
    switch (n.type) {
      case 'Dot':
        this.resIface = di;
        return this.validateType(dot, typ);
      case 'Nil':
        if (typ !== null && canBeNil(typ)) return typ === 'reflect.Value' ? undefined : null;
        this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
      case 'Field':
        return this.validateType(this.evalFieldNode(dot, di, n, [n], MISSING), typ);
      case 'Variable':
        return this.validateType(this.evalVariableNode(dot, di, n, null, MISSING), typ);
      case 'Pipe': {
        const v = this.evalPipeline(dot, di, n);
        // A pipeline's result is already unwrapped from any interface{}.
        this.resIface = false;
        return this.validateType(v, typ);
      }
      case 'Identifier':
        return this.validateType(this.evalFunction(dot, di, n, n, null, MISSING), typ);
      case 'Chain':
        return this.validateType(this.evalChainNode(dot, di, n, null, MISSING), typ);
    }
    if (typ === null) this.errorf(`can't handle ${n.toString()} for arg of type <nil>`);
    switch (typeKind(typ)) {
      case 'bool':
        if (n.type === 'Bool') return n.true;
        this.errorf(`expected bool; found ${n.toString()}`);
      case 'complex':
        if (n.type === 'Number' && n.isComplex) return new GoComplex(n.complex128.re, n.complex128.im);
        this.errorf(`expected complex; found ${n.toString()}`);
      case 'float':
        if (n.type === 'Number' && n.isFloat) return typ === 'float32' ? new GoFloat32(Math.fround(n.float64)) : n.float64;
        this.errorf(`expected float; found ${n.toString()}`);
      case 'int':
        if (n.type === 'Number' && n.isInt) return wrapInt(typ as IntKind, n.int64);
        this.errorf(`expected integer; found ${n.toString()}`);
      case 'uint':
        if (n.type === 'Number' && n.isUint) return wrapInt(typ as IntKind, n.uint64);
        this.errorf(`expected unsigned integer; found ${n.toString()}`);
      case 'interface':
      case 'reflect':
        return this.evalEmptyInterface(dot, di, n);
      case 'string':
        if (n.type === 'String') return n.text;
        this.errorf(`expected string; found ${n.toString()}`);
    }
    this.errorf(`can't handle ${n.toString()} for arg of type ${typ}`);
  }

  evalEmptyInterface(dot: GoValue, di: boolean, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'Bool':
        return n.true;
      case 'Dot':
        return dot;
      case 'Field':
        return this.evalFieldNode(dot, di, n, null, MISSING);
      case 'Identifier':
        return this.evalFunction(dot, di, n, n, null, MISSING);
      case 'Nil':
        this.errorf("evalEmptyInterface: nil (can't happen)");
      case 'Number':
        return this.idealConstant(n);
      case 'String':
        return n.text;
      case 'Variable':
        return this.evalVariableNode(dot, di, n, null, MISSING);
      case 'Pipe':
        return this.evalPipeline(dot, di, n);
    }
    this.errorf(`can't handle assignment of ${n.toString()} to empty interface argument`);
  }

  /** printValue writes v's printed form, `<no value>` for an invalid value (Go: printValue). */
  printValue(n: Node, v: GoValue): void {
    this.at(n);
    if (v === undefined) {
      this.buf.out += '<no value>';
      return;
    }
    if (typeof v === 'string') {
      this.buf.out += v;
      return;
    }
    if (isGoFunc(v)) this.errorf(`can't print ${n.toString()} of type ${typeOf(v)}`);
    if (v instanceof GoStruct && v.stringer !== undefined && v.opts.ptrStringer) {
      // Go: printableValue takes the address of an addressable value whose pointer has String().
      this.buf.out += v.stringer();
      return;
    }
    if (v instanceof GoStruct && v.ptr && v.stringer === undefined) v = derefStruct(v);
    this.buf.out += sprint([v]);
  }
}

// ---- helpers ----

const intCache: GoInt[] = [];

/** goIntCached returns a Go int for a range index, reusing small values. */
function goIntCached(i: number): GoInt {
  if (i < 1024) {
    let v = intCache[i];
    if (v === undefined) intCache[i] = v = new GoInt('int', BigInt(i));
    return v;
  }
  return new GoInt('int', BigInt(i));
}

function isRuneInt(s: string): boolean {
  return s.length > 0 && s[0] === "'";
}

function isHexInt(s: string): boolean {
  return s.length > 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && !/[pP]/.test(s);
}

function derefStruct(v: GoStruct): GoStruct {
  return new GoStruct(v.goType, v.fields, v.methods, false, v.stringer, v.opts);
}

function methodOf(receiver: GoValue, name: string): GoFunc | undefined {
  if (receiver instanceof GoStruct) return receiver.method(name);
  if (receiver instanceof TypedMap || receiver instanceof GoSlice) return receiver.methods?.get(name);
  if (receiver instanceof GoTime) return timeMethod(receiver, name);
  return undefined;
}

type TypeKind = 'bool' | 'complex' | 'float' | 'int' | 'uint' | 'interface' | 'reflect' | 'string' | 'other';

function typeKind(typ: string): TypeKind {
  switch (typ) {
    case 'bool':
      return 'bool';
    case 'complex64':
    case 'complex128':
      return 'complex';
    case 'float32':
    case 'float64':
      return 'float';
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return 'int';
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return 'uint';
    case 'interface {}':
      return 'interface';
    case 'reflect.Value':
      return 'reflect';
    case 'string':
      return 'string';
  }
  return 'other';
}

/** canBeNil reports whether a value of type typ can be nil (Go: canBeNil). */
function canBeNil(typ: string): boolean {
  return (
    typ === 'interface {}' ||
    typ === 'reflect.Value' ||
    typ.startsWith('[]') ||
    typ.startsWith('map[') ||
    typ.startsWith('*') ||
    typ.startsWith('func(') ||
    typ === 'error'
  );
}

/** assignable reports Go's assignability of v's dynamic type to typ. */
function assignable(v: GoValue, typ: string): boolean {
  const t = typeOf(v);
  if (t === typ) return true;
  // Identical underlying types, one side unnamed (chartutil.Values → map[string]interface {}).
  if (v instanceof TypedMap && v.underlying === typ && !isNamedType(typ)) return true;
  if (v instanceof GoSlice && v.goType !== undefined && '[]' + v.elem === typ) return true;
  return false;
}

function isNamedType(typ: string): boolean {
  return /^[A-Za-z_][\w]*\.[A-Za-z_]/.test(typ);
}

/** zeroOf returns the zero value of a Go type as the evaluator sees it (nil for containers). */
function zeroOf(typ: string): GoValue {
  if (typ.startsWith('[]')) return typ === '[]interface {}' ? nilOf([]) : nilOf(new GoSlice(typ.slice(2), []));
  if (typ === 'map[string]interface {}') return nilOf(new Map());
  switch (typeKind(typ)) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
    case 'uint':
      return wrapInt(typ as IntKind, 0n);
    case 'float':
      return 0;
  }
  return null;
}
