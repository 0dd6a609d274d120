/**
 * The lexer of Go's text/template (Go: text/template/parse/lex.go, Go 1.19's state functions
 * and line counting, in the pull-based form of Go ≥ 1.20: nextItem() runs state functions
 * until an item is ready).
 *
 * Positions are UTF-16 indexes into the JS string (Go: byte offsets). A lone surrogate
 * U+DC80..U+DCFF stands for an invalid UTF-8 byte (see value.ts goBytes) and, like any lone
 * surrogate, reads as the rune U+FFFD of width 1, as Go's utf8.DecodeRuneInString does.
 */
import { isPrint, quote } from './strconv.js';
import { byteLen } from './value.js';

/** ItemType identifies the type of a lexer item (Go: itemType). Keywords come after Keyword. */
export const ItemType = {
  Error: 0, // error occurred; val is the text of the error
  Bool: 1, // boolean constant
  Char: 2, // printable ASCII character; grab bag for comma etc.
  CharConstant: 3, // character constant
  Comment: 4, // comment text
  Complex: 5, // complex constant (1+2i); imaginary is just a number
  Assign: 6, // equals ('=') introducing an assignment
  Declare: 7, // colon-equals (':=') introducing a declaration
  EOF: 8,
  Field: 9, // alphanumeric identifier starting with '.'
  Identifier: 10, // alphanumeric identifier not starting with '.'
  LeftDelim: 11, // left action delimiter
  LeftParen: 12, // '(' inside action
  Number: 13, // simple number, including imaginary
  Pipe: 14, // pipe symbol
  RawString: 15, // raw quoted string (includes quotes)
  RightDelim: 16, // right action delimiter
  RightParen: 17, // ')' inside action
  Space: 18, // run of spaces separating arguments
  String: 19, // quoted string (includes quotes)
  Text: 20, // plain text
  Variable: 21, // variable starting with '$', such as '$' or '$1' or '$hello'
  Keyword: 22, // used only to delimit the keywords
  Block: 23,
  Break: 24,
  Continue: 25,
  Dot: 26, // the cursor, spelled '.'
  Define: 27,
  Else: 28,
  End: 29,
  If: 30,
  Nil: 31, // the untyped nil constant, easiest to treat as a keyword
  Range: 32,
  Template: 33,
  With: 34,
} as const;

/** ItemType is one of the ItemType constants. */
export type ItemType = (typeof ItemType)[keyof typeof ItemType];

const T = ItemType;

const keywords = new Map<string, ItemType>([
  ['.', T.Dot],
  ['block', T.Block],
  ['break', T.Break],
  ['continue', T.Continue],
  ['define', T.Define],
  ['else', T.Else],
  ['end', T.End],
  ['if', T.If],
  ['range', T.Range],
  ['nil', T.Nil],
  ['template', T.Template],
  ['with', T.With],
]);

/** Item is a token or text string returned from the scanner. */
export class Item {
  // podtpl: declared and assigned in the constructor (faster than class fields on Node 20).
  /** typ is the type of this item. */
  declare readonly typ: ItemType;
  /** pos is the UTF-16 index of the item's start in the input. */
  declare readonly pos: number;
  /** val is the item's text (the message for an Error item). */
  declare readonly val: string;
  /** line is the line number at the start of this item. */
  declare readonly line: number;
  constructor(typ: ItemType, pos: number, val: string, line: number) {
    this.typ = typ;
    this.pos = pos;
    this.val = val;
    this.line = line;
  }

  /** toString prints the item as Go's item.String does (used in error messages). */
  toString(): string {
    if (this.typ === T.EOF) return 'EOF';
    if (this.typ === T.Error) return this.val;
    if (this.typ > T.Keyword) return `<${this.val}>`;
    // Go: len(i.val) > 10 counts bytes; %.10q keeps 10 runes.
    if (byteLen(this.val) > 10) return quote(truncateRunes(this.val, 10)) + '...';
    return quote(this.val);
  }
}

const EOF = -1;
const leftComment = '/*';
const rightComment = '*/';

/** StateFn is a state of the scanner: it returns the next state, or null to stop. */
interface StateFn {
  (l: Lexer): StateFn | null;
}

/** Lexer holds the state of the scanner (Go: lexer). */
export class Lexer {
  pos = 0; // current position in the input
  start = 0; // start position of this item
  atEOF = false; // we have hit the end of input and returned eof
  parenDepth = 0; // nesting depth of ( ) exprs
  line = 1; // 1+number of newlines seen
  startLine = 1; // start line of this item
  /** nesting is the parser's current nesting depth, shared by every tree reading this lexer (podtpl). */
  nesting = 0;
  // Items emitted by the last state function (at most two: text then EOF, or ")" then an error).
  private q0: Item | null = null;
  private q1: Item | null = null;
  private state: StateFn | null = lexText;

  constructor(
    readonly name: string,
    readonly input: string,
    readonly leftDelim: string,
    readonly rightDelim: string,
    readonly emitComment: boolean,
    readonly breakOK: boolean,
    readonly continueOK: boolean,
  ) {}

  /** nextItem returns the next item from the input; after EOF or an error it returns EOF items. */
  nextItem(): Item {
    while (this.q0 === null) {
      if (this.state === null) return new Item(T.EOF, this.pos, '', this.startLine);
      this.state = this.state(this);
    }
    const it = this.q0;
    this.q0 = this.q1;
    this.q1 = null;
    return it;
  }

  private push(it: Item): void {
    if (this.q0 === null) this.q0 = it;
    else this.q1 = it;
  }

  /** next returns the next rune in the input (Go: next). */
  next(): number {
    const input = this.input;
    const p = this.pos;
    if (p >= input.length) {
      this.atEOF = true;
      return EOF;
    }
    const c = input.charCodeAt(p);
    if (c < 0xd800 || c > 0xdfff) {
      this.pos = p + 1;
      if (c === 10) this.line++;
      return c;
    }
    if (c <= 0xdbff && p + 1 < input.length) {
      const d = input.charCodeAt(p + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        this.pos = p + 2;
        return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      }
    }
    this.pos = p + 1;
    return 0xfffd; // Go: an invalid byte decodes as RuneError of width 1.
  }

  /** peek returns but does not consume the next rune. */
  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  /** backup steps back one rune. */
  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const input = this.input;
      let p = this.pos - 1;
      const c = input.charCodeAt(p);
      if (c >= 0xdc00 && c <= 0xdfff && p > 0) {
        const h = input.charCodeAt(p - 1);
        if (h >= 0xd800 && h <= 0xdbff) p--;
      }
      this.pos = p;
      if (c === 10) this.line--;
    }
  }

  /** emit passes an item back to the client. */
  emit(t: ItemType): void {
    this.push(new Item(t, this.start, this.input.slice(this.start, this.pos), this.startLine));
    this.start = this.pos;
    this.startLine = this.line;
  }

  /** ignore skips over the pending input before this point. */
  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  /** accept consumes the next character if it is in valid (an ASCII set without newlines). */
  accept(valid: string): boolean {
    if (this.pos < this.input.length && valid.indexOf(this.input[this.pos]!) >= 0) {
      this.pos++;
      return true;
    }
    if (this.pos >= this.input.length) this.atEOF = true;
    return false;
  }

  /** acceptRun consumes a run of characters from valid (an ASCII set without newlines). */
  acceptRun(valid: string): void {
    const input = this.input;
    while (this.pos < input.length && valid.indexOf(input[this.pos]!) >= 0) this.pos++;
    if (this.pos >= input.length) this.atEOF = true;
  }

  /** errorf emits an error item and stops the scan. */
  errorf(msg: string): StateFn | null {
    this.push(new Item(T.Error, this.start, msg, this.startLine));
    return null;
  }

  /** atRightDelim reports whether the lexer is at a right delimiter, possibly preceded by a trim marker. */
  atRightDelim(): [delim: boolean, trimSpaces: boolean] {
    const d = this.rightDelimAt();
    return [d !== 0, d === 2];
  }

  /** rightDelimAt is atRightDelim without allocation: 0 no delimiter, 1 delimiter, 2 trim-marked delimiter. */
  rightDelimAt(): 0 | 1 | 2 {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + 2)) return 2;
    if (this.input.startsWith(this.rightDelim, this.pos)) return 1;
    return 0;
  }

  /**
   * atTerminator reports whether the input is at a valid character to follow an identifier.
   * Breaks .X.Y into two pieces.
   */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 46: // .
      case 44: // ,
      case 124: // |
      case 58: // :
      case 41: // )
      case 40: // (
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }

  /** scanNumber scans a number, returning false when an alphanumeric follows it. */
  scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      // Note: Leading 0 does not mean octal in floats.
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 10 + 1 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 16 + 6 + 1 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

/** lex creates a new scanner for the input string (empty delimiters mean `{{` and `}}`). */
export function lex(
  name: string,
  input: string,
  left: string,
  right: string,
  emitComment = false,
  breakOK = true,
  continueOK = true,
): Lexer {
  return new Lexer(name, input, left || '{{', right || '}}', emitComment, breakOK, continueOK);
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  let i = s.indexOf('\n', from);
  while (i >= 0 && i < to) {
    n++;
    i = s.indexOf('\n', i + 1);
  }
  return n;
}

// ---- state functions ----

/** lexText scans until an opening action delimiter. */
function lexText(l: Lexer): StateFn | null {
  const input = l.input;
  const x = input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    const ldn = l.leftDelim.length;
    l.pos = x;
    let trimLength = 0;
    if (hasLeftTrimMarker(input, l.pos + ldn)) trimLength = rightTrimLength(input, l.start, l.pos);
    l.pos -= trimLength;
    if (l.pos > l.start) {
      l.line += countNewlines(input, l.start, l.pos);
      l.emit(T.Text);
    }
    l.pos += trimLength;
    l.ignore();
    return lexLeftDelim;
  }
  l.pos = input.length;
  // Correctly reached EOF.
  if (l.pos > l.start) {
    l.line += countNewlines(input, l.start, l.pos);
    l.emit(T.Text);
  }
  l.emit(T.EOF);
  return null;
}

/** lexLeftDelim scans the left delimiter, which is known to be present, possibly with a trim marker. */
function lexLeftDelim(l: Lexer): StateFn | null {
  l.pos += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? 2 : 0;
  if (l.input.startsWith(leftComment, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  l.emit(T.LeftDelim);
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return lexInsideAction;
}

/** lexComment scans a comment. The left comment marker is known to be present. */
function lexComment(l: Lexer): StateFn | null {
  l.pos += leftComment.length;
  const i = l.input.indexOf(rightComment, l.pos);
  if (i < 0) return l.errorf('unclosed comment');
  l.pos = i + rightComment.length;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  // Go 1.19: an emitted comment's newlines are not counted (emit resets start).
  if (l.emitComment) l.emit(T.Comment);
  if (trimSpace) l.pos += 2;
  l.pos += l.rightDelim.length;
  if (trimSpace) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  return lexText;
}

/** lexRightDelim scans the right delimiter, which is known to be present, possibly with a trim marker. */
function lexRightDelim(l: Lexer): StateFn | null {
  const trimSpace = hasRightTrimMarker(l.input, l.pos);
  if (trimSpace) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  l.emit(T.RightDelim);
  if (trimSpace) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  return lexText;
}

/** lexInsideAction scans the elements inside action delimiters. */
function lexInsideAction(l: Lexer): StateFn | null {
  // Either number, quoted string, or identifier.
  // Spaces separate arguments; runs of spaces turn into itemSpace.
  // Pipe symbols separate and are emitted.
  if (l.rightDelimAt() !== 0) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  switch (r) {
    case EOF:
      return l.errorf('unclosed action');
    case 32:
    case 9:
    case 13:
    case 10:
      l.backup(); // Put space back in case we have " -}}".
      return lexSpace;
    case 61: // =
      l.emit(T.Assign);
      return lexInsideAction;
    case 58: // :
      if (l.next() !== 61) return l.errorf('expected :=');
      l.emit(T.Declare);
      return lexInsideAction;
    case 124: // |
      l.emit(T.Pipe);
      return lexInsideAction;
    case 34: // "
      return lexQuote;
    case 96: // `
      return lexRawQuote;
    case 36: // $
      return lexVariable;
    case 39: // '
      return lexChar;
    case 40: // (
      l.emit(T.LeftParen);
      l.parenDepth++;
      return lexInsideAction;
    case 41: // )
      l.emit(T.RightParen);
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf(`unexpected right paren ${formatU(r)}`);
      return lexInsideAction;
    case 46: {
      // '.': special look-ahead for ".field" so we don't break l.backup().
      if (l.pos < l.input.length) {
        const c = l.input.charCodeAt(l.pos);
        if (c < 48 || c > 57) return lexField;
      }
      l.backup(); // '.' can start a number.
      return lexNumber;
    }
  }
  if (r === 43 || r === 45 || (r >= 48 && r <= 57)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r < 0x7f && r >= 0x20) {
    l.emit(T.Char);
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${formatU(r)}`);
}

/**
 * lexSpace scans a run of space characters. The first space is known to be present.
 * Take care if there is a trim-marked right delimiter, which starts with a space.
 */
function lexSpace(l: Lexer): StateFn | null {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) break;
    l.next();
    numSpaces++;
  }
  // Be careful about a trim-marked closing delimiter, which has a minus
  // after a space. We know there is a space, so check for the '-' that might follow.
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos - 1 + 2)) {
    l.backup(); // Before the space.
    if (numSpaces === 1) return lexRightDelim; // On the delim, so go right to that.
  }
  l.emit(T.Space);
  return lexInsideAction;
}

/** lexIdentifier scans an alphanumeric. */
function lexIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatU(r)}`);
    const kw = keywords.get(word);
    if (kw !== undefined && kw > T.Keyword) {
      if ((kw === T.Break && !l.breakOK) || (kw === T.Continue && !l.continueOK)) l.emit(T.Identifier);
      else l.emit(kw);
    } else if (word.charCodeAt(0) === 46) {
      l.emit(T.Field);
    } else if (word === 'true' || word === 'false') {
      l.emit(T.Bool);
    } else {
      l.emit(T.Identifier);
    }
    return lexInsideAction;
  }
}

/** lexField scans a field: .Alphanumeric. The . has been scanned. */
function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, T.Field);
}

/** lexVariable scans a variable: $Alphanumeric. The $ has been scanned. */
function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) {
    // Nothing interesting follows -> "$".
    l.emit(T.Variable);
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, T.Variable);
}

/** lexFieldOrVariable scans a field or variable: [.$]Alphanumeric. The . or $ has been scanned. */
function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn | null {
  if (l.atTerminator()) {
    // Nothing interesting follows -> "." or "$".
    l.emit(typ === T.Variable ? T.Variable : T.Dot);
    return lexInsideAction;
  }
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatU(r)}`);
  l.emit(typ);
  return lexInsideAction;
}

/** lexChar scans a character constant. The initial quote is already scanned. */
function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === 92) {
      const r2 = l.next();
      if (r2 !== EOF && r2 !== 10) continue;
      return l.errorf('unterminated character constant');
    }
    if (r === EOF || r === 10) return l.errorf('unterminated character constant');
    if (r === 39) break;
  }
  l.emit(T.CharConstant);
  return lexInsideAction;
}

/**
 * lexNumber scans a number: decimal, octal, hex, float, or imaginary. Like Go's, it accepts
 * some invalid numbers ("089", "0x0.2"); the parser (via strconv rules) rejects them.
 */
function lexNumber(l: Lexer): StateFn | null {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 43 || sign === 45) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!l.scanNumber() || l.input.charCodeAt(l.pos - 1) !== 105) {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    }
    l.emit(T.Complex);
  } else {
    l.emit(T.Number);
  }
  return lexInsideAction;
}

/** lexQuote scans a quoted string. */
function lexQuote(l: Lexer): StateFn | null {
  const input = l.input;
  let p = l.pos;
  for (;;) {
    if (p >= input.length) {
      l.pos = p;
      return l.errorf('unterminated quoted string');
    }
    const c = input.charCodeAt(p++);
    if (c === 92) {
      if (p >= input.length || input.charCodeAt(p) === 10) {
        l.pos = p;
        return l.errorf('unterminated quoted string');
      }
      p++;
      continue;
    }
    if (c === 10) {
      l.pos = p;
      return l.errorf('unterminated quoted string');
    }
    if (c === 34) break;
  }
  l.pos = p;
  l.emit(T.String);
  return lexInsideAction;
}

/** lexRawQuote scans a raw quoted string. */
function lexRawQuote(l: Lexer): StateFn | null {
  const end = l.input.indexOf('`', l.pos);
  if (end < 0) {
    l.line += countNewlines(l.input, l.pos, l.input.length);
    l.pos = l.input.length;
    return l.errorf('unterminated raw quoted string');
  }
  l.line += countNewlines(l.input, l.pos, end);
  l.pos = end + 1;
  l.emit(T.RawString);
  return lexInsideAction;
}

// ---- character classes ----

/** isSpace reports whether r is a space character (Go: ' ', '\t', '\r', '\n'). */
export function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

const letterOrDigit = /^[\p{L}\p{Nd}]$/u;

/** isAlphaNumeric reports whether r is an alphabetic, digit, or underscore (Go: unicode.IsLetter/IsDigit). */
export function isAlphaNumeric(r: number): boolean {
  if (r < 0x80) {
    return r === 95 || (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
  }
  return r !== 0xfffd && letterOrDigit.test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string, i: number): boolean {
  return i + 1 < s.length && s.charCodeAt(i) === 45 && isSpace(s.charCodeAt(i + 1));
}

function hasRightTrimMarker(s: string, i: number): boolean {
  return i >= 0 && i + 1 < s.length && isSpace(s.charCodeAt(i)) && s.charCodeAt(i + 1) === 45;
}

/** rightTrimLength returns the length of the spaces at the end of s[from:to]. */
function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
  return to - i;
}

/** leftTrimLength returns the length of the spaces at the start of s[from:]. */
function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - from;
}

// ---- Go-style rune formatting for messages (quote and isPrint: strconv.ts) ----

/** formatU formats a rune like Go's %#U: `U+0041 'A'` (without the quoted char when not printable). */
export function formatU(r: number): string {
  if (r < 0) return 'U+FFFFFFFFFFFFFFFF'; // Go: %#U of eof (-1)
  const u = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `${u} '${String.fromCodePoint(r)}'` : u;
}

/** truncateRunes keeps the first n runes of s (Go: the precision of %.Nq). */
function truncateRunes(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return s.slice(0, i);
}
