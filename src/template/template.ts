// Go: text/template/template.go and option.go — a set of associated templates sharing
// functions, options and a name space.
import { builtins } from './builtins.js';
import { TemplateError } from './errors.js';
import { execute, type ActionTrace } from './exec.js';
import { isEmptyTree, parse, type Mode, type Tree } from './parse.js';
import type { GoFunc, GoValue } from './value.js';

/** MissingKey is the `missingkey` option: what a missing map key evaluates to. */
export type MissingKey = 'invalid' | 'zero' | 'error';

/** Common is the state shared by all templates of one set (Go: template.common). */
interface Common {
  tmpl: Map<string, Template>;
  /** Functions known at parse time (Go: parseFuncs). */
  parseFuncs: Map<string, GoFunc>;
  /** Functions called at run time (Go: execFuncs). */
  execFuncs: Map<string, GoFunc>;
  missingKey: MissingKey;
  /**
   * Parsed trees by (name, delimiters, mode, text), shared with clones: tpl parses the same
   * text again and again. Cleared when a new function name appears, since parsing checks names.
   */
  parseCache: Map<string, Map<string, Tree>>;
}

/** maxParseCache bounds the parse cache (entries); past it the cache starts over. */
const maxParseCache = 512;

/**
 * Template is a parsed template and the set it belongs to, mirroring Go's *template.Template:
 * `new Template("t").funcs(m).parse(text)`, then `execute(data)`.
 */
export class Template {
  /** The parsed tree, or null before Parse. */
  tree: Tree | null = null;
  private common: Common;
  leftDelim = '';
  rightDelim = '';
  /** Parse mode flags (Go: Tree.Mode), e.g. SkipFuncCheck. */
  mode: Mode = 0;

  constructor(
    readonly name: string,
    common?: Common,
  ) {
    this.common = common ?? {
      tmpl: new Map(),
      parseFuncs: new Map(),
      execFuncs: new Map(),
      missingKey: 'invalid',
      parseCache: new Map(),
    };
  }

  /** new allocates a template associated with this one, sharing its delimiters and functions (Go: New). */
  new(name: string): Template {
    const nt = new Template(name, this.common);
    nt.leftDelim = this.leftDelim;
    nt.rightDelim = this.rightDelim;
    nt.mode = this.mode;
    return nt;
  }

  /** funcs adds the functions of m to the set's function map (Go: Funcs). */
  funcs(m: Iterable<[string, GoFunc]> | ReadonlyMap<string, GoFunc>): this {
    for (const [name, f] of m) {
      if (!this.common.parseFuncs.has(name)) this.common.parseCache = new Map();
      this.common.parseFuncs.set(name, f);
      this.common.execFuncs.set(name, f);
    }
    return this;
  }

  /** option sets options such as "missingkey=zero" (Go: Option; an unknown option panics there, throws here). */
  option(...opts: string[]): this {
    for (const opt of opts) {
      const eq = opt.indexOf('=');
      if (eq >= 0 && opt.slice(0, eq) === 'missingkey') {
        switch (opt.slice(eq + 1)) {
          case 'invalid':
          case 'default':
            this.common.missingKey = 'invalid';
            continue;
          case 'zero':
            this.common.missingKey = 'zero';
            continue;
          case 'error':
            this.common.missingKey = 'error';
            continue;
        }
      }
      throw new TemplateError('unrecognized option: ' + opt);
    }
    return this;
  }

  /** missingKey is the set's missingkey option. */
  get missingKey(): MissingKey {
    return this.common.missingKey;
  }

  /** delims sets the action delimiters; empty strings mean the defaults `{{` and `}}` (Go: Delims). */
  delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  /** parse parses text as the body of this template, adding every define'd template to the set (Go: Parse). */
  parse(text: string): this {
    // podtpl: trees are immutable once parsed, so the same text parses once per function set.
    const key = `${this.name}\0${this.leftDelim}\0${this.rightDelim}\0${this.mode}\0${text}`;
    const cache = this.common.parseCache;
    let trees = cache.get(key);
    if (trees === undefined) {
      trees = parse(this.name, text, this.leftDelim, this.rightDelim, [this.common.parseFuncs, builtins], this.mode);
      if (cache.size >= maxParseCache) cache.clear();
      cache.set(key, trees);
    }
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  /** addParseTree associates tree with the set under name (Go: AddParseTree). */
  addParseTree(name: string, tree: Tree): Template {
    const nt = name === this.name ? this : this.new(name);
    if (this.associate(nt, tree) || nt.tree === null) nt.tree = tree;
    return nt;
  }

  // Go: associate — a template that exists is not replaced by an empty one.
  private associate(nt: Template, tree: Tree): boolean {
    const old = this.common.tmpl.get(nt.name);
    if (old !== undefined && isEmptyTree(tree.root) && old.tree !== null) return false;
    this.common.tmpl.set(nt.name, nt);
    return true;
  }

  /** lookup returns the template with the given name in the set, or undefined (Go: Lookup). */
  lookup(name: string): Template | undefined {
    return this.common.tmpl.get(name);
  }

  /** templates lists the templates of the set (Go: Templates). */
  templates(): Template[] {
    return [...this.common.tmpl.values()];
  }

  /** findFunction looks a function up in the set's map (Go: findFunction, builtins second). */
  findFunction(name: string): { fn: GoFunc; isBuiltin: boolean } | undefined {
    const fn = this.common.execFuncs.get(name);
    if (fn !== undefined) return { fn, isBuiltin: false };
    const b = builtins.get(name);
    if (b !== undefined) return { fn: b, isBuiltin: true };
    return undefined;
  }

  /**
   * clone returns a duplicate of the set: templates and function maps are copied, trees
   * shared (Go: Clone; trees are immutable after parsing).
   */
  clone(): Template {
    const common: Common = {
      tmpl: new Map(),
      parseFuncs: new Map(this.common.parseFuncs),
      execFuncs: new Map(this.common.execFuncs),
      missingKey: this.common.missingKey,
      parseCache: this.common.parseCache,
    };
    const copyOf = (t: Template): Template => {
      const c = new Template(t.name, common);
      c.tree = t.tree;
      c.leftDelim = t.leftDelim;
      c.rightDelim = t.rightDelim;
      c.mode = t.mode;
      return c;
    };
    const nt = copyOf(this);
    for (const [k, v] of this.common.tmpl) common.tmpl.set(k, k === this.name ? nt : copyOf(v));
    return nt;
  }

  /**
   * execute applies the template to data and returns the output; throws ExecError (Go: Execute).
   * trace, when given, hears which action wrote which part of the output.
   */
  execute(data: GoValue, trace?: ActionTrace): string {
    return execute(this, data, trace);
  }

  /** executeTemplate executes the associated template called name (Go: ExecuteTemplate). */
  executeTemplate(name: string, data: GoValue): string {
    const t = this.lookup(name);
    if (t === undefined) {
      throw new TemplateError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(this.name)}`);
    }
    return t.execute(data);
  }
}
