/**
 * Go's fmt (Sprintf, Sprint, Sprintln) for the Go value model of value.ts.
 * Go: src/fmt/{print,format}.go and src/internal/fmtsort (Go 1.19).
 *
 * The output is a Go string in value.ts's representation (invalid UTF-8 bytes as lone
 * surrogates U+DC80..U+DCFF). Known differences, all unreachable from values/JSON:
 * pointers below the top level and func values print a fixed address (`0xc000010000`,
 * Go prints the real one); `%p` likewise; time.Time under a non-string verb prints its
 * String() inside the mistake form instead of Go's struct internals.
 */
import { formatFloat, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII, canBackquote } from './strconv.js';
import { timeString } from './gotime.js';
import {
  GoComplex,
  GoFloat32,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  TypedMap,
  goBytes,
  fromGoBytes,
  isAscii,
  isGoFunc,
  isUnsignedKind,
  typeOf,
  type GoValue,
  isNilContainer,
} from './value.js';

/** fakePointer is the address printed for pointers and funcs (Go prints a real address). */
export const fakePointer = 0xc000010000n;

const nilAngleString = '<nil>';
const nilParenString = '(nil)';
const percentBangString = '%!';
const maxDepth = 1000;

/** FmtError is thrown when printing cannot finish (nesting deeper than we allow). */
export class FmtError extends Error {}

/** runeCount is utf8.RuneCountInString for a Go string value. */
function runeCount(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Flags of one verb (Go: fmtFlags). */
interface Flags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
}

function noFlags(): Flags {
  return {
    widPresent: false,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
  };
}

const ldigits = '0123456789abcdefx';
const udigits = '0123456789ABCDEFX';

/** Printer is Go's pp + fmt: one output buffer and the current verb's flags. */
class Printer {
  buf = '';
  f: Flags = noFlags();
  wid = 0;
  prec = 0;
  erroring = false;
  reordered = false;
  goodArgNum = true;

  // ---- fmt (format.go) ----

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.f.precPresent && this.prec > 4) prec = this.prec;
    let tail = '';
    if (this.f.sharp && u <= 0x10ffffn && isPrint(Number(u))) {
      tail = " '" + String.fromCodePoint(Number(u)) + "'";
    }
    let hex = u.toString(16).toUpperCase();
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    const old = this.f.zero;
    this.f.zero = false;
    this.pad('U+' + hex + tail);
    this.f.zero = old;
  }

  /** fmtInteger formats u (the uint64 bit pattern) in base; isSigned reinterprets it as int64. */
  fmtInteger(u: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && BigInt.asIntN(64, u) < 0n;
    if (negative) u = -BigInt.asIntN(64, u);
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const old = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.wid);
        this.f.zero = old;
        return;
      }
    } else if (this.f.zero && this.f.widPresent) {
      prec = this.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let s = u.toString(base);
    if (digits === udigits) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;
    if (this.f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.f.plus) s = '+' + s;
    else if (this.f.space) s = ' ' + s;
    const old = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = old;
  }

  truncateString(s: string): string {
    if (this.f.precPresent) {
      let n = this.prec;
      for (let i = 0; i < s.length; i++) {
        n--;
        if (n < 0) return s.slice(0, i);
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) i++;
        }
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  fmtSbx(bytes: Uint8Array, digits: string): void {
    let length = bytes.length;
    if (this.f.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) width += 2;
    } else {
      if (this.f.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.f.widPresent && this.wid > width && !this.f.minus) this.writePadding(this.wid - width);
    let out = '';
    if (this.f.sharp) out += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        out += ' ';
        if (this.f.sharp) out += '0' + digits[16];
      }
      const c = bytes[i]!;
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.f.widPresent && this.wid > width && this.f.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.f.plus ? quoteToASCII(s) : quote(s));
  }

  fmtC(c: bigint): void {
    const r = c > 0x10ffffn ? 0xfffd : Number(c);
    this.pad(runeToString(r));
  }

  fmtQc(c: bigint): void {
    const r = c > 0x10ffffn ? 0xfffd : Number(c);
    this.pad(this.f.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  fmtFloatRaw(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.f.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec, size);
    if (num[0] === '-' || num[0] === '+') {
      // keep
    } else num = '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const old = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = old;
      return;
    }
    if (this.f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i]!;
        if (c === '.') {
          hasDecimalPoint = true;
          continue;
        }
        if (c === 'p' || c === 'P') {
          tail += num.slice(i);
          num = num.slice(0, i);
          continue;
        }
        if ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X') {
          tail += num.slice(i);
          num = num.slice(0, i);
          continue;
        }
        if (c !== '0') sawNonzeroDigit = true;
        if (sawNonzeroDigit) digits--;
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === '0') digits--;
        num += '.';
      }
      if (digits > 0) num += '0'.repeat(digits);
      num += tail;
    }
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && this.f.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // ---- pp (print.go) ----

  badVerb(verb: string, v: GoValue, depth0 = true): void {
    this.erroring = true;
    this.buf += percentBangString + verb + '(';
    if (v !== null && v !== undefined) {
      this.buf += typeOf(v) + '=';
      this.printValue(v, 'v', 0, !depth0);
    } else {
      this.buf += nilAngleString;
    }
    this.buf += ')';
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb, v);
  }

  fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.fmtInteger(v, 16, false, 'v', ldigits);
    this.f.sharp = sharp;
  }

  fmtGoInt(x: GoInt, verb: string): void {
    const isSigned = !isUnsignedKind(x.kind);
    const u = BigInt.asUintN(64, x.v);
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !isSigned) this.fmt0x64(u, true);
        else this.fmtInteger(u, 10, isSigned, verb, ldigits);
        return;
      case 'd':
        return this.fmtInteger(u, 10, isSigned, verb, ldigits);
      case 'b':
        return this.fmtInteger(u, 2, isSigned, verb, ldigits);
      case 'o':
      case 'O':
        return this.fmtInteger(u, 8, isSigned, verb, ldigits);
      case 'x':
        return this.fmtInteger(u, 16, isSigned, verb, ldigits);
      case 'X':
        return this.fmtInteger(u, 16, isSigned, verb, udigits);
      case 'c':
        return this.fmtC(u);
      case 'q':
        return this.fmtQc(u);
      case 'U':
        return this.fmtUnicode(u);
    }
    this.badVerb(verb, x);
  }

  fmtFloat(v: number, size: 32 | 64, verb: string, orig: GoValue): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatRaw(v, size, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloatRaw(v, size, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloatRaw(v, size, verb, 6);
      case 'F':
        return this.fmtFloatRaw(v, size, 'f', 6);
    }
    this.badVerb(verb, orig);
  }

  fmtComplex(c: GoComplex, verb: string): void {
    switch (verb) {
      case 'v':
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'f':
      case 'F':
      case 'e':
      case 'E': {
        const oldPlus = this.f.plus;
        this.buf += '(';
        this.fmtFloat(c.re, 64, verb, c);
        this.f.plus = true;
        this.fmtFloat(c.im, 64, verb, c);
        this.buf += 'i)';
        this.f.plus = oldPlus;
        return;
      }
    }
    this.badVerb(verb, c);
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        return this.fmtS(v);
      case 'x':
        return this.fmtSbx(goBytes(v), ldigits);
      case 'X':
        return this.fmtSbx(goBytes(v), udigits);
      case 'q':
        return this.fmtQ(v);
    }
    this.badVerb(verb, v);
  }

  fmtBytes(v: GoSlice, verb: string, depth: number, typeString = typeOf(v)): void {
    const bytes = Uint8Array.from(v.items, (x) => (x instanceof GoInt ? Number(x.v & 0xffn) : 0));
    switch (verb) {
      case 'v':
      case 'd':
        if (this.f.sharpV) {
          this.buf += typeString + '{';
          bytes.forEach((c, i) => {
            if (i > 0) this.buf += ', ';
            this.fmt0x64(BigInt(c), true);
          });
          this.buf += '}';
        } else {
          this.buf += '[';
          bytes.forEach((c, i) => {
            if (i > 0) this.buf += ' ';
            this.fmtInteger(BigInt(c), 10, false, verb, ldigits);
          });
          this.buf += ']';
        }
        return;
      case 's':
        return this.fmtS(fromGoBytes(bytes));
      case 'x':
        return this.fmtSbx(bytes, ldigits);
      case 'X':
        return this.fmtSbx(bytes, udigits);
      case 'q':
        return this.fmtQ(fromGoBytes(bytes));
    }
    this.printList(v, v.items, verb, depth);
  }

  fmtPointer(v: GoValue, verb: string, nil: boolean): void {
    const u = nil ? 0n : fakePointer;
    switch (verb) {
      case 'v':
        if (this.f.sharpV) {
          this.buf += '(' + typeOf(v) + ')(';
          if (u === 0n) this.buf += 'nil';
          else this.fmt0x64(u, true);
          this.buf += ')';
        } else if (u === 0n) this.pad(nilAngleString);
        else this.fmt0x64(u, !this.f.sharp);
        return;
      case 'p':
        return this.fmt0x64(u, !this.f.sharp);
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        return this.fmtGoInt(new GoInt('uintptr', u), verb);
    }
    this.badVerb(verb, v);
  }

  /** handleMethods calls String()/Error() for string-like verbs (Go: handleMethods). */
  handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring || this.f.sharpV) return false;
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    if (v instanceof GoStruct && v.stringer && (!v.opts.ptrStringer || v.ptr)) {
      this.fmtString(v.stringer(), verb);
      return true;
    }
    if (v instanceof GoInt && v.stringer) {
      this.fmtString(v.stringer(), verb);
      return true;
    }
    if (v instanceof GoTime) {
      this.fmtString(timeString(v), verb);
      return true;
    }
    return false;
  }

  printArg(arg: GoValue, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad(nilAngleString);
      else this.badVerb(verb, null);
      return;
    }
    if (arg === undefined) {
      // An invalid reflect.Value reaching fmt (Go: printValue at depth 0).
      if (verb === 'T' || verb === 'p') {
        this.pad(nilAngleString);
        return;
      }
      this.buf += '<invalid reflect.Value>';
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeOf(arg));
      return;
    }
    if (verb === 'p') {
      this.printPointerVerb(arg);
      return;
    }
    switch (typeof arg) {
      case 'boolean':
        return this.fmtBool(arg, verb);
      case 'number':
        return this.fmtFloat(arg, 64, verb, arg);
      case 'string':
        return this.fmtString(arg, verb);
    }
    // Go: a named integer type (time.Month) is not a basic type: its String() runs first.
    if (arg instanceof GoInt) return arg.stringer !== undefined && this.handleMethods(arg, verb) ? undefined : this.fmtGoInt(arg, verb);
    if (arg instanceof GoFloat32) return this.fmtFloat(arg.v, 32, verb, arg);
    if (arg instanceof GoComplex) return this.fmtComplex(arg, verb);
    if (arg instanceof GoSlice && arg.elem === 'uint8') return this.fmtBytes(arg, verb, 0, '[]byte');
    if (this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0, false);
  }

  printPointerVerb(arg: GoValue): void {
    if (
      (arg instanceof GoStruct && arg.ptr) ||
      Array.isArray(arg) ||
      arg instanceof GoSlice ||
      arg instanceof Map ||
      isGoFunc(arg)
    ) {
      this.fmtPointer(arg, 'p', false);
      return;
    }
    this.badVerb('p', arg);
  }

  printList(v: GoValue, items: GoValue[], verb: string, depth: number): void {
    // Go: %#v of a nil slice is `[]T(nil)`.
    if (this.f.sharpV && isNilContainer(v)) {
      this.buf += typeOf(v) + '(nil)';
      return;
    }
    if (this.f.sharpV) {
      this.buf += typeOf(v) + '{';
      items.forEach((x, i) => {
        if (i > 0) this.buf += ', ';
        this.printElem(x, verb, depth + 1, Array.isArray(v) || (v instanceof GoSlice && isInterfaceType(v.elem)));
      });
      this.buf += '}';
    } else {
      this.buf += '[';
      items.forEach((x, i) => {
        if (i > 0) this.buf += ' ';
        this.printElem(x, verb, depth + 1, Array.isArray(v) || (v instanceof GoSlice && isInterfaceType(v.elem)));
      });
      this.buf += ']';
    }
  }

  /** printElem prints a container element; iface says the element's static type is an interface. */
  printElem(x: GoValue, verb: string, depth: number, iface: boolean): void {
    if (iface && (x === null || x === undefined)) {
      if (this.f.sharpV) this.buf += 'interface {}' + nilParenString;
      else this.buf += nilAngleString;
      return;
    }
    // Go: an interface element is unwrapped one level deeper.
    this.printValue(x, verb, iface ? depth + 1 : depth, true);
  }

  /** printValue is Go's printValue; nested says depth > 0 for method and pointer handling. */
  printValue(v: GoValue, verb: string, depth: number, nested: boolean): void {
    if (depth > maxDepth) throw new FmtError('fmt: value nested too deeply');
    if (nested && v !== null && v !== undefined) {
      if (this.handleMethods(v, verb)) return;
    }
    if (v === null || v === undefined) {
      if (!nested) {
        this.buf += '<invalid reflect.Value>';
      } else if (verb === 'v') {
        this.buf += nilAngleString;
      } else this.badVerb(verb, null);
      return;
    }
    switch (typeof v) {
      case 'boolean':
        return this.fmtBool(v, verb);
      case 'number':
        return this.fmtFloat(v, 64, verb, v);
      case 'string':
        return this.fmtString(v, verb);
    }
    if (v instanceof GoInt) return this.fmtGoInt(v, verb);
    if (v instanceof GoFloat32) return this.fmtFloat(v.v, 32, verb, v);
    if (v instanceof GoComplex) return this.fmtComplex(v, verb);
    if (Array.isArray(v)) return this.printList(v, v, verb, depth);
    if (v instanceof GoSlice) {
      if (v.elem === 'uint8' && (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X')) {
        return this.fmtBytes(v, verb, depth);
      }
      return this.printList(v, v.items, verb, depth);
    }
    if (v instanceof Map) return this.printMap(v, verb, depth);
    if (v instanceof GoStruct) {
      if (v.ptr) {
        if (!nested) {
          this.buf += '&';
          this.printStruct(v, verb, depth + 1);
          return;
        }
        return this.fmtPointer(v, verb, false);
      }
      return this.printStruct(v, verb, depth);
    }
    if (v instanceof GoTime) {
      // Go would print the struct's private fields; we print String() (see file comment).
      this.buf += '{' + timeString(v) + '}';
      return;
    }
    if (isGoFunc(v)) return this.fmtPointer(v, verb, false);
    this.buf += '?' + typeOf(v) + '?';
  }

  printMap(m: Map<string, GoValue>, verb: string, depth: number): void {
    // Go: %#v of a nil map is `map[K]V(nil)`.
    if (this.f.sharpV && isNilContainer(m)) {
      this.buf += typeOf(m) + '(nil)';
      return;
    }
    if (this.f.sharpV) this.buf += typeOf(m) + '{';
    else this.buf += 'map[';
    const keys = sortedKeys(m);
    const elemIface = m instanceof TypedMap ? isInterfaceType(m.elemType) : true;
    keys.forEach((k, i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1, true);
      this.buf += ':';
      this.printElem(m.get(k), verb, depth + 1, elemIface);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  printStruct(s: GoStruct, verb: string, depth: number): void {
    if (this.f.sharpV) this.buf += s.goType;
    this.buf += '{';
    let i = 0;
    for (const [name, val] of s.fields) {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.buf += name + ':';
      // Fields are taken as interface values: a nil prints <nil> (Go: getField unwraps interfaces).
      this.printElem(val, verb, depth + 1, true);
      i++;
    }
    this.buf += '}';
  }

  // ---- doPrintf ----

  doPrintf(format: string, a: GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.f = noFlags();
      this.wid = 0;
      this.prec = 0;
      simple: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case '#':
            this.f.sharp = true;
            break;
          case '0':
            this.f.zero = !this.f.minus;
            break;
          case '+':
            this.f.plus = true;
            break;
          case '-':
            this.f.minus = true;
            this.f.zero = false;
            break;
          case ' ':
            this.f.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') {
                this.f.sharpV = this.f.sharp;
                this.f.sharp = false;
                this.f.plusV = this.f.plus;
                this.f.plus = false;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }

      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);

      if (i < end && format[i] === '*') {
        i++;
        let ok: boolean;
        [this.wid, ok, argNum] = intFromArg(a, argNum);
        this.f.widPresent = ok;
        if (!ok) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.f.minus = true;
          this.f.zero = false;
        }
        afterIndex = false;
      } else {
        let ok: boolean;
        [this.wid, ok, i] = parsenum(format, i, end);
        this.f.widPresent = ok;
        if (afterIndex && ok) this.goodArgNum = false;
      }

      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          let ok: boolean;
          [this.prec, ok, argNum] = intFromArg(a, argNum);
          this.f.precPresent = ok;
          if (this.prec < 0) {
            this.prec = 0;
            this.f.precPresent = false;
          }
          if (!this.f.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          let ok: boolean;
          [this.prec, ok, i] = parsenum(format, i, end);
          this.f.precPresent = ok;
          if (!ok) {
            this.prec = 0;
            this.f.precPresent = true;
          }
        }
      }

      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);

      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }

      const cp = format.codePointAt(i)!;
      let verb = String.fromCodePoint(cp);
      i += verb.length;
      // Go: a byte that is not valid UTF-8 decodes as U+FFFD.
      if (cp >= 0xd800 && cp <= 0xdfff) verb = '\ufffd';

      if (verb === '%') {
        this.buf += '%';
      } else if (!this.goodArgNum) {
        this.buf += percentBangString + verb + '(BADINDEX)';
      } else if (argNum >= a.length) {
        this.buf += percentBangString + verb + '(MISSING)';
      } else {
        if (verb === 'v') {
          this.f.sharpV = this.f.sharp;
          this.f.sharp = false;
          this.f.plusV = this.f.plus;
          this.f.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }

    if (!this.reordered && argNum < a.length) {
      this.f = noFlags();
      this.buf += '%!(EXTRA ';
      a.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.buf += ', ';
        if (arg === null || arg === undefined) this.buf += nilAngleString;
        else {
          this.buf += typeOf(arg) + '=';
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }

  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }
}

function isInterfaceType(t: string): boolean {
  return t === 'interface {}' || t === 'any' || t.startsWith('interface {');
}

function runeToString(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return String.fromCodePoint(r);
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** parsenum is Go's parsenum: [num, isnum, newi]. */
function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + s.charCodeAt(i) - 48;
    isnum = true;
  }
  return [num, isnum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

/** intFromArg is Go's intFromArg: [num, isInt, newArgNum]; only integer kinds qualify. */
function intFromArg(a: GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const x = a[argNum];
    if (x instanceof GoInt) {
      const n = x.v;
      if (isUnsignedKind(x.kind)) {
        if (n <= 0x7fffffffffffffffn) isInt = true;
      } else isInt = true;
      if (isInt) {
        if (n > 10000000n || n < -10000000n) num = n > 0n ? 10000000 : -10000000;
        else num = Number(n);
      }
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

/**
 * compareGoStrings orders strings by their UTF-8 bytes, as Go's string `<` (and sort.Strings,
 * internal/fmtsort) does; escaped bytes (U+DC80..U+DCFF, see goBytes) compare as the raw bytes.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Two whole BMP characters, both below the surrogates or both above: UTF-8 keeps code point order.
    if ((x < 0xd800 && y < 0xd800) || (x > 0xdfff && y > 0xdfff)) return x < y ? -1 : 1;
    // A surrogate on either side: compare the bytes from the start of the character
    // (back up over a high surrogate that may pair with this unit).
    let j = i;
    if (j > 0) {
      const p = a.charCodeAt(j - 1);
      if (p >= 0xd800 && p <= 0xdbff) j--;
    }
    const ba = goBytes(a.slice(j));
    const bb = goBytes(b.slice(j));
    const m = Math.min(ba.length, bb.length);
    for (let k = 0; k < m; k++) if (ba[k] !== bb[k]) return ba[k]! - bb[k]!;
    return ba.length - bb.length;
  }
  // One is a prefix of the other: the longer is greater (a high surrogate that pairs only in
  // the longer string encodes as F0..F4, above the U+FFFD (EF BF BD) of a lone one).
  return a.length - b.length;
}

/**
 * sortedKeys returns a map's keys in internal/fmtsort order (strings by UTF-8 bytes), the order
 * in which fmt prints and text/template ranges over a map.
 */
export function sortedKeys(m: ReadonlyMap<string, unknown>): string[] {
  const keys = [...m.keys()];
  // Without surrogates, UTF-16 unit order (the default sort) is code point order, which is byte order.
  for (const k of keys) if (/[\uD800-\uDFFF]/.test(k)) return keys.sort(compareGoStrings);
  return keys.sort();
}

/** sprintf is fmt.Sprintf over Go values. */
export function sprintf(format: string, args: GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** sprint is fmt.Sprint: operands in %v, a space between two operands when neither is a string. */
export function sprint(args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** sprintln is fmt.Sprintln: operands in %v separated by spaces, then a newline. */
export function sprintln(args: GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** formatValue is fmt.Sprint(v) of one value (`%v`): null prints `<nil>`, undefined `<invalid reflect.Value>`. */
export function formatValue(v: GoValue): string {
  if (typeof v === 'string') return v;
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}
