/**
 * The parser of Go's text/template (Go: text/template/parse/parse.go, Go 1.19, plus Go 1.23's
 * `{{else with}}`). It builds the node tree of node.ts from the items of lex.ts.
 *
 * Errors are thrown as ParseError with Go's exact text (`template: NAME:LINE: MSG`); the
 * LINE is, as in Go, the line of the last token read from the lexer.
 */
import { Item, ItemType, Lexer, lex } from './lex.js';
import {
  ActionNode, BoolNode, BreakNode, ChainNode, CommandNode, CommentNode, ContinueNode, DotNode,
  ElseNode, EndNode, FieldNode, IdentifierNode, IfNode, ListNode, NilNode, NumberNode, PipeNode,
  RangeNode, StringNode, TemplateNode, TextNode, VariableNode, WithNode,
} from './node.js';
import type { Node } from './node.js';
import { NumError, errRange, parseFloat, parseInt, parseUint, quote, unquote, unquoteChar } from './strconv.js';
import { byteLen } from './value.js';

const T = ItemType;

/** Mode is a set of parse flags (Go: parse.Mode). */
export type Mode = number;

/** Mode's flags: ParseComments keeps comments in the tree; SkipFuncCheck does not check function names. */
export const Mode = {
  ParseComments: 1,
  SkipFuncCheck: 2,
} as const;

/** ParseComments: parse comments and add them to the tree. */
export const ParseComments: Mode = Mode.ParseComments;
/** SkipFuncCheck: do not check that functions are defined. */
export const SkipFuncCheck: Mode = Mode.SkipFuncCheck;

/** FuncNames are the function tables a tree checks identifiers against (Go: []map[string]any). */
export type FuncNames = ReadonlyArray<ReadonlySet<string> | ReadonlyMap<string, unknown>>;

/** ParseError is a template parse error; message is Go's exact text. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}

/**
 * maxNesting bounds the nesting of control structures, {{define}}/{{block}} bodies and
 * parenthesised pipelines together.
 * podtpl: Go has no such limit (its stack grows); JS's stack does not (Node's default stack
 * holds about 1,500 nested {{if}}s in this parser), so a template nested deeper than this fails
 * with a clean ParseError instead of a RangeError. Real charts nest a few dozen levels at most.
 */
export const maxNesting = 1000;

const noItem = new Item(T.Error, 0, '', 0);

/** Tree is the representation of a single parsed template (Go: parse.Tree). */
export class Tree {
  /** parseName is the name of the top-level template during parsing, for error messages. */
  parseName: string;
  /** root is the top-level list of the tree. */
  root: ListNode;
  /** mode holds the parse flags. */
  mode: Mode = 0;
  /** text is the text parsed to create the template (or its parent). */
  text = '';
  /** funcs are the function tables used while parsing (cleared after, as in Go). */
  funcs: FuncNames;

  // Parsing only; cleared after parse.
  private lex: Lexer | null = null;
  private token: [Item, Item, Item] = [noItem, noItem, noItem]; // three-token lookahead
  private peekCount = 0;
  private vars: string[] = []; // variables defined at the moment
  private treeSet: Map<string, Tree> | null = null;
  private actionLine = 0; // line of left delim starting action
  private rangeDepth = 0;

  /** Tree allocates a new parse tree with the given name (Go: New). */
  constructor(
    /** name is the name of the template the tree represents. */
    public name: string,
    funcs: FuncNames = [],
  ) {
    this.parseName = name;
    this.funcs = funcs;
    this.root = new ListNode(this, 0);
  }

  /** copy returns a copy of the tree; parsing state is discarded. */
  copy(): Tree {
    const t = new Tree(this.name);
    t.parseName = this.parseName;
    t.root = this.root.copyList();
    t.text = this.text;
    return t;
  }

  /**
   * errorContext returns Go's textual location of node: [`NAME:LINE:COL`, node source],
   * COL counted in UTF-8 bytes from the start of the line (0-based, as in Go).
   */
  errorContext(n: Node): [location: string, context: string] {
    const pos = n.pos;
    const tree = n.tr ?? this;
    const text = tree.text;
    const nl = pos > 0 ? text.lastIndexOf('\n', pos - 1) : -1;
    const byteNum = byteLen(text.slice(nl + 1, pos));
    let lineNum = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) lineNum++;
    return [`${tree.parseName}:${lineNum}:${byteNum}`, n.toString()];
  }

  // ---- token stream ----

  /** next returns the next token. */
  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex!.nextItem();
    return this.token[this.peekCount]!;
  }

  /** backup backs the input stream up one token. */
  private backup(): void {
    this.peekCount++;
  }

  /** backup2 backs the input stream up two tokens. The zeroth token is already there. */
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  /** backup3 backs the input stream up three tokens. The zeroth token is already there. */
  private backup3(t2: Item, t1: Item): void {
    // Reverse order: we're pushing back.
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  /** peek returns but does not consume the next token. */
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex!.nextItem();
    return this.token[0];
  }

  /** nextNonSpace returns the next non-space token. */
  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === T.Space);
    return token;
  }

  /** peekNonSpace returns but does not consume the next non-space token. */
  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // ---- errors ----

  /** errorf throws a ParseError located at the last token read. */
  private errorf(msg: string): never {
    throw new ParseError(`template: ${this.parseName}:${this.token[0].line}: ${msg}`);
  }

  /** expect consumes the next token and guarantees it has the required type. */
  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  /** expectOneOf consumes the next token and guarantees it has one of the required types. */
  private expectOneOf(expected1: ItemType, expected2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected1 && token.typ !== expected2) this.unexpected(token, context);
    return token;
  }

  /** unexpected complains about the token and terminates processing. */
  private unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length); // avoid "action in action"
      }
      this.errorf(`${token.toString()}${extra}`);
    }
    this.errorf(`unexpected ${token.toString()} in ${context}`);
  }

  /** enter counts one more level of nesting (podtpl: see maxNesting). */
  private enter(): void {
    const l = this.lex!;
    if (++l.nesting > maxNesting) this.errorf(`exceeded maximum nesting depth (${maxNesting})`);
  }

  // ---- parsing ----

  /** startParse initializes the parser, using the lexer. */
  private startParse(funcs: FuncNames, l: Lexer, treeSet: Map<string, Tree>): void {
    this.lex = l;
    this.vars = ['$'];
    this.funcs = funcs;
    this.treeSet = treeSet;
  }

  /** stopParse terminates parsing. */
  private stopParse(): void {
    this.lex = null;
    this.vars = [];
    this.funcs = [];
    this.treeSet = null;
  }

  /**
   * parse parses the template text into this tree and adds it and every {{define}}/{{block}}
   * in it to treeSet (Go: (*Tree).Parse). Empty delimiters mean `{{` and `}}`.
   */
  parse(text: string, leftDelim: string, rightDelim: string, treeSet: Map<string, Tree>, funcs: FuncNames): Tree {
    this.parseName = this.name;
    const emitComment = (this.mode & Mode.ParseComments) !== 0;
    const breakOK = !this.hasFunction('break');
    const continueOK = !this.hasFunction('continue');
    const l = lex(this.name, text, leftDelim, rightDelim, emitComment, breakOK, continueOK);
    this.startParse(funcs, l, treeSet);
    this.text = text;
    try {
      this.parseTop();
    } catch (e) {
      this.stopParse();
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        // podtpl: a safety net behind maxNesting.
        throw new ParseError(`template: ${this.parseName}:${this.token[0].line}: exceeded maximum nesting depth`);
      }
      throw e;
    }
    this.add();
    this.stopParse();
    return this;
  }

  /** add adds the tree to the tree set. */
  private add(): void {
    const set = this.treeSet!;
    const tree = set.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      set.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  /**
   * parseTop is the top-level parser for a template, essentially the same as itemList
   * except it also parses {{define}} actions. It runs to EOF.
   */
  private parseTop(): void {
    this.root = new ListNode(this, this.peek().pos);
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          const newT = new Tree('definition'); // name will be updated once we know it.
          newT.text = this.text;
          newT.mode = this.mode;
          newT.parseName = this.parseName;
          newT.startParse(this.funcs, this.lex!, this.treeSet!);
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'End' || n.type === 'Else') this.errorf(`unexpected ${n.toString()}`);
      this.root.append(n);
    }
  }

  /**
   * parseDefinition parses a {{define}} ... {{end}} template definition and installs it in
   * the tree set. The "define" keyword has already been scanned.
   */
  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(T.String, T.RawString, context);
    this.name = this.unquoteOrFail(name.val);
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'End') this.errorf(`unexpected ${end.toString()} in ${context}`);
    this.add();
    this.stopParse();
  }

  /**
   * itemList:
   *
   *	textOrAction*
   *
   * Terminates at {{end}} or {{else}}, returned separately.
   */
  private itemList(): [ListNode, Node] {
    this.enter();
    const list = new ListNode(this, this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === 'End' || n.type === 'Else') {
        this.lex!.nesting--;
        return [list, n];
      }
      list.append(n);
    }
    this.errorf('unexpected EOF');
  }

  /**
   * textOrAction:
   *
   *	text | comment | action
   */
  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return new TextNode(this, token.pos, token.val);
      case T.LeftDelim: {
        this.actionLine = token.line;
        const n = this.action();
        this.actionLine = 0; // Go: defer t.clearActionLine()
        return n;
      }
      case T.Comment:
        return new CommentNode(this, token.pos, token.val);
    }
    this.unexpected(token, 'input');
  }

  /**
   * Action:
   *
   *	control
   *	command ("|" command)*
   *
   * Left delim is past. Now get actions. First word could be a keyword such as range.
   */
  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
        return this.breakControl(token.pos, token.line);
      case T.Continue:
        return this.continueControl(token.pos, token.line);
      case T.Else:
        return this.elseControl();
      case T.End:
        return this.endControl();
      case T.If:
        return this.ifControl();
      case T.Range:
        return this.rangeControl();
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.withControl();
    }
    this.backup();
    const t = this.peek();
    // Do not pop variables; they persist until "end".
    return new ActionNode(this, t.pos, t.line, this.pipeline('command', T.RightDelim));
  }

  /**
   * Break:
   *
   *	{{break}}
   *
   * Break keyword is past.
   */
  private breakControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(this, pos, line);
  }

  /**
   * Continue:
   *
   *	{{continue}}
   *
   * Continue keyword is past.
   */
  private continueControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(this, pos, line);
  }

  /**
   * Pipeline:
   *
   *	declarations? command ('|' command)*
   */
  private pipeline(context: string, end: ItemType): PipeNode {
    this.enter();
    const token = this.peekNonSpace();
    const pipe = new PipeNode(this, token.pos, token.line);
    // Are there declarations or assignments?
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      // Since space is a token, we need 3-token look-ahead here in the worst case:
      // in "$x foo" we need to read "foo" (as opposed to ":=") to know that $x is an
      // argument variable rather than a declaration. So remember the token
      // adjacent to the variable so we can push it back if necessary.
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) {
            continue; // second initialized variable in a range pipeline
          }
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          // At this point, the pipeline is complete
          this.checkPipeline(pipe, context);
          this.lex!.nesting--;
          return pipe;
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.append(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    // Reject empty pipelines
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    // Only the first command of a pipeline can start with a non executable operand
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i]!.args[0]!.type) {
        case 'Bool':
        case 'Dot':
        case 'Nil':
        case 'Number':
        case 'String':
          // With A|B|C, pipeline stage 2 is B
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(context: 'if' | 'range' | 'with'): [number, number, PipeNode, ListNode, ListNode | null] {
    const nVars = this.vars.length;
    const pipe = this.pipeline(context, T.RightDelim);
    if (context === 'range') this.rangeDepth++;
    let [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.type === 'Else') {
      // Special case for "else if" and (Go 1.23) "else with". If the "else" is followed
      // immediately by an "if" or "with", the elseControl will have left that token pending. Treat
      //	{{if a}}_{{else if b}}_{{end}}
      //	{{with a}}_{{else with b}}_{{end}}
      // as
      //	{{if a}}_{{else}}{{if b}}_{{end}}{{end}}
      //	{{with a}}_{{else}}{{with b}}_{{end}}{{end}}.
      // To do this, parse the "if" or "with" as usual and stop at its {{end}};
      // the subsequent {{end}} is assumed. This works even for long if-else-if chains.
      if (context === 'if' && this.peek().typ === T.If) {
        this.next(); // Consume the "if" token.
        elseList = new ListNode(this, next.pos);
        elseList.append(this.ifControl());
        // Do not consume the next item - only one {{end}} required.
      } else if (context === 'with' && this.peek().typ === T.With) {
        this.next();
        elseList = new ListNode(this, next.pos);
        elseList.append(this.withControl());
      } else {
        [elseList, next] = this.itemList();
        if (next.type !== 'End') this.errorf(`expected end; found ${next.toString()}`);
      }
    }
    this.vars.length = nVars; // Go: defer t.popVars(len(t.vars))
    return [pipe.pos, pipe.line, pipe, list, elseList];
  }

  /**
   * If:
   *
   *	{{if pipeline}} itemList {{end}}
   *	{{if pipeline}} itemList {{else}} itemList {{end}}
   *
   * If keyword is past.
   */
  private ifControl(): IfNode {
    const [pos, line, pipe, list, elseList] = this.parseControl('if');
    return new IfNode(this, pos, line, pipe, list, elseList);
  }

  /**
   * Range:
   *
   *	{{range pipeline}} itemList {{end}}
   *	{{range pipeline}} itemList {{else}} itemList {{end}}
   *
   * Range keyword is past.
   */
  private rangeControl(): RangeNode {
    const [pos, line, pipe, list, elseList] = this.parseControl('range');
    return new RangeNode(this, pos, line, pipe, list, elseList);
  }

  /**
   * With:
   *
   *	{{with pipeline}} itemList {{end}}
   *	{{with pipeline}} itemList {{else}} itemList {{end}}
   *
   * With keyword is past.
   */
  private withControl(): WithNode {
    const [pos, line, pipe, list, elseList] = this.parseControl('with');
    return new WithNode(this, pos, line, pipe, list, elseList);
  }

  /**
   * End:
   *
   *	{{end}}
   *
   * End keyword is past.
   */
  private endControl(): EndNode {
    return new EndNode(this, this.expect(T.RightDelim, 'end').pos);
  }

  /**
   * Else:
   *
   *	{{else}}
   *
   * Else keyword is past.
   */
  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    // Special case for "else if" and (Go 1.23) "else with": we see "{{else if ..." and in
    // effect rewrite it to "{{else}}{{if ...".
    if (peek.typ === T.If || peek.typ === T.With) return new ElseNode(this, peek.pos, peek.line);
    const token = this.expect(T.RightDelim, 'else');
    return new ElseNode(this, token.pos, token.line);
  }

  /**
   * Block:
   *
   *	{{block stringValue pipeline}}
   *
   * Block keyword is past. The name must be something that can evaluate to a string.
   * The pipeline is mandatory.
   */
  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);

    const block = new Tree(name); // name will be updated once we know it.
    block.text = this.text;
    block.mode = this.mode;
    block.parseName = this.parseName;
    block.startParse(this.funcs, this.lex!, this.treeSet!);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'End') this.errorf(`unexpected ${end.toString()} in ${context}`);
    block.add();
    block.stopParse();

    return new TemplateNode(this, token.pos, token.line, name, pipe);
  }

  /**
   * Template:
   *
   *	{{template stringValue pipeline}}
   *
   * Template keyword is past. The name must be something that can evaluate to a string.
   */
  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      // Do not pop variables; they persist until "end".
      pipe = this.pipeline(context, T.RightDelim);
    }
    return new TemplateNode(this, token.pos, token.line, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  /**
   * command:
   *
   *	operand (space operand)*
   *
   * space-separated arguments up to a pipeline character or right delimiter.
   * we consume the pipe character but leave the right delim to terminate the action.
   */
  private command(): CommandNode {
    const cmd = new CommandNode(this, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace(); // skip leading spaces.
      const operand = this.operand();
      if (operand !== null) cmd.append(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  /**
   * operand:
   *
   *	term .Field*
   *
   * An operand is a space-separated component of a command, a term possibly followed by
   * field accesses. A null return means the next item is not an operand.
   */
  private operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === T.Field) {
      const chain = new ChainNode(this, this.peek().pos, node);
      while (this.peek().typ === T.Field) chain.add(this.next().val);
      // Compatibility with original API: If the term is of type NodeField
      // or NodeVariable, just put more fields on the original.
      // Otherwise, keep the Chain node.
      // Obvious parsing errors involving literal values are detected here.
      // More complex error cases will have to be handled at execution time.
      switch (node.type) {
        // Go: newField(chain.String()) and newVariable(chain.String()) split the printed chain
        // at its periods; joining the idents gives the same result without printing.
        case 'Field':
          node = new FieldNode(this, chain.pos, node.ident.concat(chain.field));
          break;
        case 'Variable':
          node = new VariableNode(this, chain.pos, node.ident.concat(chain.field));
          break;
        case 'Bool':
        case 'String':
        case 'Number':
        case 'Nil':
        case 'Dot':
          this.errorf(`unexpected . after term ${quote(node.toString())}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  /**
   * term:
   *
   *	literal (number, string, nil, boolean)
   *	function (identifier)
   *	.
   *	.Field
   *	$
   *	'(' pipeline ')'
   *
   * A term is a simple "expression". A null return means the next item is not a term.
   */
  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier: {
        const checkFunc = (this.mode & Mode.SkipFuncCheck) === 0;
        if (checkFunc && !this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(this, token.pos, token.val);
      }
      case T.Dot:
        return new DotNode(this, token.pos);
      case T.Nil:
        return new NilNode(this, token.pos);
      case T.Variable:
        return this.useVar(token.pos, token.val);
      case T.Field:
        return new FieldNode(this, token.pos, splitIdent(token.val.slice(1)));
      case T.Bool:
        return new BoolNode(this, token.pos, token.val === 'true');
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return this.newNumber(token.pos, token.val, token.typ);
      case T.LeftParen:
        return this.pipeline('parenthesized pipeline', T.RightParen);
      case T.String:
      case T.RawString:
        return new StringNode(this, token.pos, token.val, this.unquoteOrFail(token.val));
    }
    this.backup();
    return null;
  }

  /** hasFunction reports whether a function name exists in the tree's tables. */
  private hasFunction(name: string): boolean {
    for (const m of this.funcs) if (m.has(name)) return true;
    return false;
  }

  private newVariable(pos: number, ident: string): VariableNode {
    return new VariableNode(this, pos, splitIdent(ident));
  }

  /** useVar returns a node for a variable reference. It errors if the variable is not defined. */
  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    const first = v.ident[0]!;
    if (this.vars.includes(first)) return v;
    this.errorf(`undefined variable ${quote(first)}`);
  }

  private unquoteOrFail(s: string): string {
    try {
      return unquote(s);
    } catch {
      this.errorf('invalid syntax'); // Go: strconv.ErrSyntax
    }
  }

  /** newNumber parses a number constant (Go: newNumber), failing with Go's messages. */
  private newNumber(pos: number, text: string, typ: ItemType): NumberNode {
    const n = new NumberNode(this, pos, text);
    if (typ === T.CharConstant) {
      let r: number;
      let tail: string;
      try {
        [r, , tail] = unquoteChar(text.slice(1), 39);
      } catch {
        this.errorf('invalid syntax');
      }
      if (tail !== "'") this.errorf(`malformed character constant: ${text}`);
      n.int64 = BigInt(r);
      n.isInt = true;
      n.uint64 = BigInt(r);
      n.isUint = true;
      n.float64 = r; // odd but those are the rules.
      n.isFloat = true;
      return n;
    }
    if (typ === T.Complex) {
      // Go: fmt.Sscan can parse the pair, so let it do the work.
      const c = sscanComplex(text);
      if (typeof c === 'string') this.errorf(c);
      n.complex128 = c;
      n.isComplex = true;
      simplifyComplex(n);
      return n;
    }
    // Imaginary constants can only be complex unless they are zero.
    if (text.length > 0 && text.charCodeAt(text.length - 1) === 105) {
      const f = parseFloat64(text.slice(0, -1));
      if (f !== null) {
        n.isComplex = true;
        n.complex128 = { re: 0, im: f };
        simplifyComplex(n);
        return n;
      }
    }
    // Do integer test first so we get 0x123 etc.
    const u = parseUint64(text); // will fail for -0; fixed below.
    if (u !== null) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = parseInt64(text);
    if (i !== null) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true; // in case of -0.
        n.uint64 = u ?? 0n;
      }
    }
    // If an integer extraction succeeded, promote the float.
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseFloat64(text);
      if (f !== null) {
        // If we parsed it as a float but it looks like an integer,
        // it's a huge number too large to fit in an int. Reject it.
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quote(text)}`);
        n.isFloat = true;
        n.float64 = f;
        // If a floating-point extraction succeeded, extract the int if needed.
        const iv = floatToInt64(f);
        if (iv !== null) {
          n.isInt = true;
          n.int64 = iv;
        }
        const uv = floatToUint64(f);
        if (uv !== null) {
          n.isUint = true;
          n.uint64 = uv;
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quote(text)}`);
    return n;
  }
}

/**
 * parse returns the tree set of the template text: the top-level template under name plus
 * every {{define}} and {{block}} (Go: parse.Parse). funcs are the function tables function
 * names are checked against (the caller includes the builtins). Throws ParseError.
 */
export function parse(
  name: string,
  text: string,
  leftDelim: string,
  rightDelim: string,
  funcs: FuncNames,
  mode: Mode = 0,
): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const t = new Tree(name);
  t.text = text;
  t.mode = mode;
  t.parse(text, leftDelim, rightDelim, treeSet, funcs);
  return treeSet;
}

/** isEmptyTree reports whether this tree (node) is empty of everything but space or comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'Action':
    case 'If':
    case 'Range':
    case 'Template':
    case 'With':
      return false;
    case 'Comment':
      return true;
    case 'List':
      for (const node of n.nodes) if (!isEmptyTree(node)) return false;
      return true;
    case 'Text':
      return isAllGoSpace(n.text);
  }
  throw new Error('unknown node: ' + n.toString());
}

function splitIdent(s: string): string[] {
  return s.indexOf('.') < 0 ? [s] : s.split('.');
}

/** isAllGoSpace reports whether s is empty after Go's bytes.TrimSpace (unicode.IsSpace). */
function isAllGoSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0) continue;
    if (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) continue;
    return false;
  }
  return true;
}

// ---- strconv (strconv.ts): newNumber and sscanComplex ignore the error values ----

/** orNull returns f's result, or null when it throws strconv's NumError. */
function orNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof NumError) return null;
    throw e;
  }
}

// Go: ParseUint and ParseInt accept only digits, letters (as digits or base prefixes) and
// underscores after an optional sign; anything else is a syntax error, known without trying.
const uintChars = /^[0-9A-Za-z_]+$/;
const intChars = /^[+-]?[0-9A-Za-z_]+$/;

/** parseUint64 is strconv.ParseUint(s, 0, 64); null on any error. */
function parseUint64(s: string): bigint | null {
  return uintChars.test(s) ? orNull(() => parseUint(s, 0, 64)) : null;
}

/** parseInt64 is strconv.ParseInt(s, 0, 64); null on any error. */
function parseInt64(s: string): bigint | null {
  return intChars.test(s) ? orNull(() => parseInt(s, 0, 64)) : null;
}

/** parseFloat64 is strconv.ParseFloat(s, 64); null on a syntax or range error. */
function parseFloat64(s: string): number | null {
  return orNull(() => parseFloat(s, 64));
}

/** readFloat is strconv.ParseFloat(s, 64) for fmt's scanner: Infinity when out of range, null on a syntax error. */
function readFloat(s: string): number | null {
  try {
    return parseFloat(s, 64);
  } catch (e) {
    if (e instanceof NumError) return e.err === errRange ? Infinity : null;
    throw e;
  }
}

/** ldexp returns x·2^e exactly when the result is representable. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

const two63 = 2 ** 63;
const two64 = 2 ** 64;

/** floatToInt64 is Go's `float64(int64(f)) == f` test: the int64 when it holds. */
function floatToInt64(f: number): bigint | null {
  if (!Number.isInteger(f) || f < -two63 || f >= two63) return null;
  return BigInt(f);
}

/** floatToUint64 is Go's `float64(uint64(f)) == f` test (amd64): the uint64 when it holds. */
function floatToUint64(f: number): bigint | null {
  if (!Number.isInteger(f) || f < 0 || f >= two64) return null;
  return BigInt(f);
}

/** simplifyComplex pulls out any other types that are represented by the complex number. */
function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complex128.im === 0;
  if (n.isFloat) {
    n.float64 = n.complex128.re;
    const i = floatToInt64(n.float64);
    n.isInt = i !== null;
    if (i !== null) n.int64 = i;
    const u = floatToUint64(n.float64);
    n.isUint = u !== null;
    if (u !== null) n.uint64 = u;
  }
}

/**
 * sscanComplex is fmt.Sscan of a complex128 for the complex tokens the lexer produces
 * ("1+2i"): the value, or Go's error text.
 */
function sscanComplex(text: string): { re: number; im: number } | string {
  const complexError = 'syntax error scanning complex number';
  let i = 0;
  const accept = (valid: string): boolean => {
    if (i < text.length && valid.includes(text[i]!)) {
      i++;
      return true;
    }
    return false;
  };
  const floatToken = (): string => {
    const start = i;
    if (accept('nN') && accept('aA') && accept('nN')) return text.slice(start, i);
    accept('+-');
    if (accept('iI') && accept('nN') && accept('fF')) return text.slice(start, i);
    let digits = '0123456789_';
    let exp = 'eEpP';
    if (accept('0') && accept('xX')) {
      digits = '0123456789aAbBcCdDeEfF_';
      exp = 'pP';
    }
    while (accept(digits));
    if (accept('.')) while (accept(digits));
    if (accept(exp)) {
      accept('+-');
      while (accept('0123456789_'));
    }
    return text.slice(start, i);
  };
  const convert = (str: string): number | string => {
    const p = str.indexOf('p');
    if (p >= 0 && !/[xX]/.test(str)) {
      const f = readFloat(str.slice(0, p));
      if (f === null) return `strconv.ParseFloat: parsing ${quote(str)}: invalid syntax`;
      if (!Number.isFinite(f)) return `strconv.ParseFloat: parsing ${quote(str)}: value out of range`;
      const m = parseInt64(str.slice(p + 1));
      if (m === null || /_/.test(str.slice(p + 1))) return `strconv.Atoi: parsing ${quote(str)}: invalid syntax`;
      return ldexp(f, Number(m));
    }
    const f = readFloat(str);
    if (f === null) return `strconv.ParseFloat: parsing ${quote(str)}: invalid syntax`;
    if (!Number.isFinite(f)) return `strconv.ParseFloat: parsing ${quote(str)}: value out of range`;
    return f;
  };
  const parens = accept('(');
  const real = floatToken();
  const signStart = i;
  if (!accept('+-')) return complexError;
  const imagSign = text.slice(signStart, i);
  const imag = floatToken();
  if (!accept('i')) return complexError;
  if (parens && !accept(')')) return complexError;
  const re = convert(real);
  if (typeof re === 'string') return re;
  const im = convert(imagSign + imag);
  if (typeof im === 'string') return im;
  return { re, im };
}
