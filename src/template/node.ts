/**
 * Parse nodes of Go's text/template (Go: text/template/parse/node.go).
 *
 * Every node keeps its position `pos` (a UTF-16 index into the template text, where Go keeps a
 * byte offset; Tree.errorContext converts it to Go's byte column), its tree `tr`, prints itself
 * back as canonical source with toString() and deep-copies itself with copy().
 * Nodes are discriminated by `type`, so `switch (node.type)` narrows the Node union.
 */
import { quote } from './strconv.js';
import type { Tree } from './parse.js';

/** NodeType names the kind of a parse node (Go: parse.NodeType; 'Else'/'End' never reach a finished tree). */
export type NodeType =
  | 'Text' | 'Action' | 'Bool' | 'Chain' | 'Command' | 'Dot' | 'Else' | 'End' | 'Field'
  | 'Identifier' | 'If' | 'List' | 'Nil' | 'Number' | 'Pipe' | 'Range' | 'String'
  | 'Template' | 'Variable' | 'With' | 'Comment' | 'Break' | 'Continue';

/** Node is any parse node; switch on `type` to narrow it. */
export type Node =
  | TextNode | ActionNode | BoolNode | ChainNode | CommandNode | DotNode | ElseNode | EndNode
  | FieldNode | IdentifierNode | IfNode | ListNode | NilNode | NumberNode | PipeNode | RangeNode
  | StringNode | TemplateNode | VariableNode | WithNode | CommentNode | BreakNode | ContinueNode;

/** NodeBase holds what every node has: its position and its tree. */
export abstract class NodeBase {
  // podtpl: fields are declared (`declare`) and assigned in constructors: Node 20 runs class
  // field initializers (define semantics) ~30x slower than constructor assignments.
  /** type discriminates the node classes. */
  declare readonly type: NodeType;
  /** tr is the tree the node belongs to. */
  declare readonly tr: Tree;
  /** pos is the UTF-16 index of the node's start in the tree's full text (Go: byte offset). */
  declare readonly pos: number;
  constructor(tr: Tree, pos: number) {
    this.tr = tr;
    this.pos = pos;
  }

  /** writeTo appends the node's source form to sb (Go: writeTo(*strings.Builder)). */
  abstract writeTo(sb: string[]): void;

  /** copy returns a deep copy of the node (Go: Copy). */
  abstract copy(): Node;

  /** toString prints the node back as template source (Go: String). */
  toString(): string {
    const sb: string[] = [];
    this.writeTo(sb);
    return sb.join('');
  }
}

/** ListNode holds a sequence of nodes. */
export class ListNode extends NodeBase {
  declare readonly type: 'List';
  /** nodes are the element nodes in lexical order. */
  declare nodes: Node[];
  constructor(tr: Tree, pos: number) {
    super(tr, pos);
    this.type = 'List';
    this.nodes = [];
  }

  /** append adds n at the end of the list. */
  append(n: Node): void {
    this.nodes.push(n);
  }

  writeTo(sb: string[]): void {
    for (const n of this.nodes) n.writeTo(sb);
  }

  /** copyList is copy() typed as a ListNode. */
  copyList(): ListNode {
    const n = new ListNode(this.tr, this.pos);
    for (const e of this.nodes) n.nodes.push(e.copy());
    return n;
  }

  copy(): ListNode {
    return this.copyList();
  }
}

/** TextNode holds plain text. */
export class TextNode extends NodeBase {
  declare readonly type: 'Text';
  /** text is the text; it may span lines. */
  declare text: string;
  constructor(tr: Tree, pos: number, text: string) {
    super(tr, pos);
    this.type = 'Text';
    this.text = text;
  }

  override toString(): string {
    return this.text;
  }

  writeTo(sb: string[]): void {
    sb.push(this.text);
  }

  copy(): TextNode {
    return new TextNode(this.tr, this.pos, this.text);
  }
}

/** CommentNode holds a comment (only kept in the tree with the ParseComments mode). */
export class CommentNode extends NodeBase {
  declare readonly type: 'Comment';
  /** text is the comment with its markers, e.g. `/* x *\/`. */
  declare text: string;
  constructor(tr: Tree, pos: number, text: string) {
    super(tr, pos);
    this.type = 'Comment';
    this.text = text;
  }

  writeTo(sb: string[]): void {
    sb.push('{{', this.text, '}}');
  }

  copy(): CommentNode {
    return new CommentNode(this.tr, this.pos, this.text);
  }
}

/** PipeNode holds a pipeline with optional declarations: `$x, $y := cmd | cmd`. */
export class PipeNode extends NodeBase {
  declare readonly type: 'Pipe';
  /** line is the line number of the pipeline's start. */
  declare readonly line: number;
  /** isAssign: the variables are assigned (`=`), not declared (`:=`). */
  declare isAssign: boolean;
  /** decl are the declared or assigned variables in lexical order. */
  declare decl: VariableNode[];
  /** cmds are the commands in lexical order. */
  declare cmds: CommandNode[];
  constructor(tr: Tree, pos: number, line: number, decl: VariableNode[] = []) {
    super(tr, pos);
    this.type = 'Pipe';
    this.line = line;
    this.isAssign = false;
    this.decl = decl;
    this.cmds = [];
  }

  /** append adds a command. */
  append(c: CommandNode): void {
    this.cmds.push(c);
  }

  writeTo(sb: string[]): void {
    if (this.decl.length > 0) {
      for (let i = 0; i < this.decl.length; i++) {
        if (i > 0) sb.push(', ');
        this.decl[i]!.writeTo(sb);
      }
      // Go: prints " := " even for an assignment.
      sb.push(' := ');
    }
    for (let i = 0; i < this.cmds.length; i++) {
      if (i > 0) sb.push(' | ');
      this.cmds[i]!.writeTo(sb);
    }
  }

  /** copyPipe is copy() typed as a PipeNode. */
  copyPipe(): PipeNode {
    const n = new PipeNode(this.tr, this.pos, this.line, this.decl.map((d) => d.copy()));
    n.isAssign = this.isAssign;
    for (const c of this.cmds) n.cmds.push(c.copy());
    return n;
  }

  copy(): PipeNode {
    return this.copyPipe();
  }
}

/** ActionNode holds a non-control action such as `{{.x | f}}`. */
export class ActionNode extends NodeBase {
  declare readonly type: 'Action';
  /** line is the line of the action. */
  declare readonly line: number;
  /** pipe is the action's pipeline. */
  declare pipe: PipeNode;
  constructor(tr: Tree, pos: number, line: number, pipe: PipeNode) {
    super(tr, pos);
    this.type = 'Action';
    this.line = line;
    this.pipe = pipe;
  }

  writeTo(sb: string[]): void {
    sb.push('{{');
    this.pipe.writeTo(sb);
    sb.push('}}');
  }

  copy(): ActionNode {
    return new ActionNode(this.tr, this.pos, this.line, this.pipe.copyPipe());
  }
}

/** CommandNode holds one command of a pipeline: space-separated arguments. */
export class CommandNode extends NodeBase {
  declare readonly type: 'Command';
  /** args are the arguments in lexical order: identifier, field, constant, pipe, … */
  declare args: Node[];
  constructor(tr: Tree, pos: number) {
    super(tr, pos);
    this.type = 'Command';
    this.args = [];
  }

  /** append adds an argument. */
  append(arg: Node): void {
    this.args.push(arg);
  }

  writeTo(sb: string[]): void {
    for (let i = 0; i < this.args.length; i++) {
      if (i > 0) sb.push(' ');
      const arg = this.args[i]!;
      if (arg.type === 'Pipe') {
        sb.push('(');
        arg.writeTo(sb);
        sb.push(')');
        continue;
      }
      arg.writeTo(sb);
    }
  }

  copy(): CommandNode {
    const n = new CommandNode(this.tr, this.pos);
    for (const a of this.args) n.args.push(a.copy());
    return n;
  }
}

/** IdentifierNode holds an identifier: always a function name. */
export class IdentifierNode extends NodeBase {
  declare readonly type: 'Identifier';
  /** ident is the function name. */
  declare readonly ident: string;
  constructor(tr: Tree, pos: number, ident: string) {
    super(tr, pos);
    this.type = 'Identifier';
    this.ident = ident;
  }

  override toString(): string {
    return this.ident;
  }

  writeTo(sb: string[]): void {
    sb.push(this.ident);
  }

  copy(): IdentifierNode {
    return new IdentifierNode(this.tr, this.pos, this.ident);
  }
}

/** VariableNode holds a variable with optional field accesses: `$x.a.b` is ['$x', 'a', 'b']. */
export class VariableNode extends NodeBase {
  declare readonly type: 'Variable';
  /** ident: the variable name (with `$`) then the fields. */
  declare readonly ident: string[];
  constructor(tr: Tree, pos: number, ident: string[]) {
    super(tr, pos);
    this.type = 'Variable';
    this.ident = ident;
  }

  writeTo(sb: string[]): void {
    sb.push(this.ident.join('.'));
  }

  copy(): VariableNode {
    return new VariableNode(this.tr, this.pos, this.ident.slice());
  }
}

/** DotNode is the cursor `.`. */
export class DotNode extends NodeBase {
  declare readonly type: 'Dot';
  constructor(tr: Tree, pos: number) {
    super(tr, pos);
    this.type = 'Dot';
  }

  override toString(): string {
    return '.';
  }

  writeTo(sb: string[]): void {
    sb.push('.');
  }

  copy(): DotNode {
    return new DotNode(this.tr, this.pos);
  }
}

/** NilNode is the untyped constant `nil`. */
export class NilNode extends NodeBase {
  declare readonly type: 'Nil';
  constructor(tr: Tree, pos: number) {
    super(tr, pos);
    this.type = 'Nil';
  }

  override toString(): string {
    return 'nil';
  }

  writeTo(sb: string[]): void {
    sb.push('nil');
  }

  copy(): NilNode {
    return new NilNode(this.tr, this.pos);
  }
}

/** FieldNode holds a field chain `.a.b` as ['a', 'b'] (the periods dropped). */
export class FieldNode extends NodeBase {
  declare readonly type: 'Field';
  /** ident: the field names in order. */
  declare readonly ident: string[];
  constructor(tr: Tree, pos: number, ident: string[]) {
    super(tr, pos);
    this.type = 'Field';
    this.ident = ident;
  }

  writeTo(sb: string[]): void {
    for (const id of this.ident) sb.push('.', id);
  }

  copy(): FieldNode {
    return new FieldNode(this.tr, this.pos, this.ident.slice());
  }
}

/** ChainNode holds a term followed by field accesses: `(x).a.b`. */
export class ChainNode extends NodeBase {
  declare readonly type: 'Chain';
  /** node is the term the fields apply to. */
  declare readonly node: Node;
  /** field: the field names in order (periods dropped). */
  declare field: string[];
  constructor(tr: Tree, pos: number, node: Node) {
    super(tr, pos);
    this.type = 'Chain';
    this.node = node;
    this.field = [];
  }

  /** add appends a field given with its leading period (Go: Add). */
  add(field: string): void {
    if (field.length === 0 || field.charCodeAt(0) !== 46) throw new Error('no dot in field');
    const f = field.slice(1);
    if (f === '') throw new Error('empty field');
    this.field.push(f);
  }

  writeTo(sb: string[]): void {
    if (this.node.type === 'Pipe') {
      sb.push('(');
      this.node.writeTo(sb);
      sb.push(')');
    } else {
      this.node.writeTo(sb);
    }
    for (const f of this.field) sb.push('.', f);
  }

  copy(): ChainNode {
    // Go: the chained node itself is shared, not copied.
    const n = new ChainNode(this.tr, this.pos, this.node);
    n.field = this.field.slice();
    return n;
  }
}

/** BoolNode holds a boolean constant. */
export class BoolNode extends NodeBase {
  declare readonly type: 'Bool';
  /** true is the constant's value. */
  declare readonly true: boolean;
  constructor(tr: Tree, pos: number, value: boolean) {
    super(tr, pos);
    this.type = 'Bool';
    this.true = value;
  }

  override toString(): string {
    return this.true ? 'true' : 'false';
  }

  writeTo(sb: string[]): void {
    sb.push(this.true ? 'true' : 'false');
  }

  copy(): BoolNode {
    return new BoolNode(this.tr, this.pos, this.true);
  }
}

/**
 * NumberNode holds a numeric constant, stored under every type that can represent it
 * (Go's ideal constants): a char constant 'a' is int, uint and float at once.
 */
export class NumberNode extends NodeBase {
  declare readonly type: 'Number';
  /** isInt: the value fits int64. */
  declare isInt: boolean;
  /** isUint: the value fits uint64. */
  declare isUint: boolean;
  /** isFloat: the value is a float64 (every integer is too). */
  declare isFloat: boolean;
  /** isComplex: the constant is complex (`1i`, `1+2i`). */
  declare isComplex: boolean;
  /** int64 is the signed value. */
  declare int64: bigint;
  /** uint64 is the unsigned value. */
  declare uint64: bigint;
  /** float64 is the floating-point value. */
  declare float64: number;
  /** complex128 is the complex value. */
  declare complex128: { re: number; im: number };
  /** text is the original source text. */
  declare readonly text: string;
  constructor(tr: Tree, pos: number, text: string) {
    super(tr, pos);
    this.type = 'Number';
    this.isInt = false;
    this.isUint = false;
    this.isFloat = false;
    this.isComplex = false;
    this.int64 = 0n;
    this.uint64 = 0n;
    this.float64 = 0;
    this.complex128 = { re: 0, im: 0 };
    this.text = text;
  }

  override toString(): string {
    return this.text;
  }

  writeTo(sb: string[]): void {
    sb.push(this.text);
  }

  copy(): NumberNode {
    const n = new NumberNode(this.tr, this.pos, this.text);
    n.isInt = this.isInt;
    n.isUint = this.isUint;
    n.isFloat = this.isFloat;
    n.isComplex = this.isComplex;
    n.int64 = this.int64;
    n.uint64 = this.uint64;
    n.float64 = this.float64;
    n.complex128 = { re: this.complex128.re, im: this.complex128.im };
    return n;
  }
}

/** StringNode holds a string constant. */
export class StringNode extends NodeBase {
  declare readonly type: 'String';
  /** quoted is the original text with its quotes. */
  declare readonly quoted: string;
  /** text is the unquoted value. */
  declare readonly text: string;
  constructor(tr: Tree, pos: number, quoted: string, text: string) {
    super(tr, pos);
    this.type = 'String';
    this.quoted = quoted;
    this.text = text;
  }

  override toString(): string {
    return this.quoted;
  }

  writeTo(sb: string[]): void {
    sb.push(this.quoted);
  }

  copy(): StringNode {
    return new StringNode(this.tr, this.pos, this.quoted, this.text);
  }
}

/** EndNode is an {{end}} action; it never appears in a finished tree. */
export class EndNode extends NodeBase {
  declare readonly type: 'End';
  constructor(tr: Tree, pos: number) {
    super(tr, pos);
    this.type = 'End';
  }

  override toString(): string {
    return '{{end}}';
  }

  writeTo(sb: string[]): void {
    sb.push('{{end}}');
  }

  copy(): EndNode {
    return new EndNode(this.tr, this.pos);
  }
}

/** ElseNode is an {{else}} action; it never appears in a finished tree. */
export class ElseNode extends NodeBase {
  declare readonly type: 'Else';
  /** line is the line of the else. */
  declare readonly line: number;
  constructor(tr: Tree, pos: number, line: number) {
    super(tr, pos);
    this.type = 'Else';
    this.line = line;
  }

  override toString(): string {
    return '{{else}}';
  }

  writeTo(sb: string[]): void {
    sb.push('{{else}}');
  }

  copy(): ElseNode {
    return new ElseNode(this.tr, this.pos, this.line);
  }
}

/** BranchNode is what if, range and with share (Go: BranchNode). */
export abstract class BranchNode extends NodeBase {
  declare readonly type: 'If' | 'Range' | 'With';
  /** line is the line of the pipeline. */
  declare readonly line: number;
  /** pipe is the pipeline evaluated to choose the branch. */
  declare pipe: PipeNode;
  /** list runs when the value is non-empty. */
  declare list: ListNode;
  /** elseList runs when the value is empty (null when absent). */
  declare elseList: ListNode | null;
  constructor(type: 'If' | 'Range' | 'With', tr: Tree, pos: number, line: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super(tr, pos);
    this.type = type;
    this.line = line;
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }

  writeTo(sb: string[]): void {
    sb.push('{{', this.type === 'If' ? 'if' : this.type === 'Range' ? 'range' : 'with', ' ');
    this.pipe.writeTo(sb);
    sb.push('}}');
    this.list.writeTo(sb);
    if (this.elseList !== null) {
      sb.push('{{else}}');
      this.elseList.writeTo(sb);
    }
    sb.push('{{end}}');
  }
}

/** IfNode is an {{if}} action. */
export class IfNode extends BranchNode {
  declare readonly type: 'If';
  constructor(tr: Tree, pos: number, line: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super('If', tr, pos, line, pipe, list, elseList);
  }

  copy(): IfNode {
    return new IfNode(this.tr, this.pos, this.line, this.pipe.copyPipe(), this.list.copyList(), this.elseList?.copyList() ?? null);
  }
}

/** RangeNode is a {{range}} action. */
export class RangeNode extends BranchNode {
  declare readonly type: 'Range';
  constructor(tr: Tree, pos: number, line: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super('Range', tr, pos, line, pipe, list, elseList);
  }

  copy(): RangeNode {
    return new RangeNode(this.tr, this.pos, this.line, this.pipe.copyPipe(), this.list.copyList(), this.elseList?.copyList() ?? null);
  }
}

/** WithNode is a {{with}} action. */
export class WithNode extends BranchNode {
  declare readonly type: 'With';
  constructor(tr: Tree, pos: number, line: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super('With', tr, pos, line, pipe, list, elseList);
  }

  copy(): WithNode {
    return new WithNode(this.tr, this.pos, this.line, this.pipe.copyPipe(), this.list.copyList(), this.elseList?.copyList() ?? null);
  }
}

/** BreakNode is a {{break}} action. */
export class BreakNode extends NodeBase {
  declare readonly type: 'Break';
  /** line is the line of the action. */
  declare readonly line: number;
  constructor(tr: Tree, pos: number, line: number) {
    super(tr, pos);
    this.type = 'Break';
    this.line = line;
  }

  override toString(): string {
    return '{{break}}';
  }

  writeTo(sb: string[]): void {
    sb.push('{{break}}');
  }

  copy(): BreakNode {
    return new BreakNode(this.tr, this.pos, this.line);
  }
}

/** ContinueNode is a {{continue}} action. */
export class ContinueNode extends NodeBase {
  declare readonly type: 'Continue';
  /** line is the line of the action. */
  declare readonly line: number;
  constructor(tr: Tree, pos: number, line: number) {
    super(tr, pos);
    this.type = 'Continue';
    this.line = line;
  }

  override toString(): string {
    return '{{continue}}';
  }

  writeTo(sb: string[]): void {
    sb.push('{{continue}}');
  }

  copy(): ContinueNode {
    return new ContinueNode(this.tr, this.pos, this.line);
  }
}

/** TemplateNode is a {{template "name" pipeline}} action (also what a {{block}} leaves in place). */
export class TemplateNode extends NodeBase {
  declare readonly type: 'Template';
  /** line is the line of the action. */
  declare readonly line: number;
  /** name is the unquoted template name. */
  declare readonly name: string;
  /** pipe evaluates to the template's dot (null when absent). */
  declare pipe: PipeNode | null;
  constructor(tr: Tree, pos: number, line: number, name: string, pipe: PipeNode | null) {
    super(tr, pos);
    this.type = 'Template';
    this.line = line;
    this.name = name;
    this.pipe = pipe;
  }

  writeTo(sb: string[]): void {
    sb.push('{{template ', quote(this.name));
    if (this.pipe !== null) {
      sb.push(' ');
      this.pipe.writeTo(sb);
    }
    sb.push('}}');
  }

  copy(): TemplateNode {
    return new TemplateNode(this.tr, this.pos, this.line, this.name, this.pipe?.copyPipe() ?? null);
  }
}
