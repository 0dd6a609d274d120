/**
 * go-yaml v2's reader and scanner (gopkg.in/yaml.v2 readerc.go, scannerc.go), ported
 * function by function so that tokens, marks and error texts are go-yaml's. The reader
 * works on the whole input at once but replays go-yaml's buffering (512-byte raw chunks,
 * `unread` accounting), because that decides when an encoding or control-character error
 * surfaces relative to a syntax error. Strings are byte sequences, as in Go.
 */

/** TokenType mirrors yaml_token_type_t. */
export const enum TokenType {
  NONE,
  STREAM_START,
  STREAM_END,
  VERSION_DIRECTIVE,
  TAG_DIRECTIVE,
  DOCUMENT_START,
  DOCUMENT_END,
  BLOCK_SEQUENCE_START,
  BLOCK_MAPPING_START,
  BLOCK_END,
  FLOW_SEQUENCE_START,
  FLOW_SEQUENCE_END,
  FLOW_MAPPING_START,
  FLOW_MAPPING_END,
  BLOCK_ENTRY,
  FLOW_ENTRY,
  KEY,
  VALUE,
  ALIAS,
  ANCHOR,
  TAG,
  SCALAR,
}

/** ScalarStyle mirrors yaml_scalar_style_t. */
export const enum ScalarStyle {
  ANY,
  PLAIN,
  SINGLE_QUOTED,
  DOUBLE_QUOTED,
  LITERAL,
  FOLDED,
}

/** Mark is yaml_mark_t: 0-based character index, line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

/** Token is yaml_token_t (value/suffix/prefix are byte strings decoded as UTF-8). */
export interface Token {
  typ: TokenType;
  startMark: Mark;
  endMark: Mark;
  /** Scalar, alias, anchor value; tag handle; %TAG handle. */
  value?: string;
  /** Tag suffix. */
  suffix?: string;
  /** %TAG prefix. */
  prefix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

/** ErrorKind mirrors yaml_error_type_t for the kinds the parser reports. */
export const enum ErrorKind {
  READER = 2,
  SCANNER = 3,
  PARSER = 4,
}

/**
 * YamlSyntaxError is a reader, scanner or parser failure with go-yaml's fields;
 * goMessage() is what yaml.v2's parser.fail() prints (without the `yaml: ` prefix).
 */
export class YamlSyntaxError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly context: string,
    readonly contextMark: Mark | undefined,
  ) {
    super(problem);
    this.name = 'YamlSyntaxError';
  }

  /** goMessage is decode.go's parser.fail(): `line N: problem` with go-yaml's line heuristics. */
  goMessage(): string {
    let line = 0;
    const pl = this.problemMark?.line ?? 0;
    const cl = this.contextMark?.line ?? 0;
    if (pl !== 0) {
      // Go: scanner errors don't iterate line before returning error.
      line = this.kind === ErrorKind.SCANNER ? pl + 1 : pl;
    } else if (cl !== 0) {
      line = cl;
    }
    return (line !== 0 ? `line ${line}: ` : '') + (this.problem || 'unknown problem parsing YAML content');
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const maxFlowLevel = 10000;
const maxIndents = 10000;
const rawBufferSize = 512;
const pad = 8;

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** ByteBuf is a growable byte string (Go's []byte with append). */
class ByteBuf {
  b = new Uint8Array(64);
  n = 0;
  push(x: number): void {
    if (this.n === this.b.length) this.grow(1);
    this.b[this.n++] = x;
  }
  append(o: ByteBuf): void {
    if (this.n + o.n > this.b.length) this.grow(o.n);
    this.b.set(o.b.subarray(0, o.n), this.n);
    this.n += o.n;
  }
  grow(k: number): void {
    let c = this.b.length * 2;
    while (c < this.n + k) c *= 2;
    const nb = new Uint8Array(c);
    nb.set(this.b.subarray(0, this.n));
    this.b = nb;
  }
  reset(): void {
    this.n = 0;
  }
  toString(): string {
    const b = this.b;
    const n = this.n;
    if (n < 32) {
      let ascii = true;
      for (let i = 0; i < n; i++) if (b[i]! >= 0x80) { ascii = false; break; }
      if (ascii) {
        let s = '';
        for (let i = 0; i < n; i++) s += String.fromCharCode(b[i]!);
        return s;
      }
    }
    return utf8.decode(b.subarray(0, n));
  }
}

/** prepareInput turns text into go-yaml's input bytes: UTF-8, or a UTF-16 stream re-encoded. */
function utf16ToUtf8(bytes: Uint8Array, le: boolean): { out: Uint8Array; err?: string } {
  const parts: number[] = [];
  let i = 2;
  const get = (k: number): number => (le ? bytes[k]! | (bytes[k + 1]! << 8) : (bytes[k]! << 8) | bytes[k + 1]!);
  while (i < bytes.length) {
    if (bytes.length - i < 2) return { out: Uint8Array.from(parts), err: 'incomplete UTF-16 character' };
    let v = get(i);
    let w = 2;
    if ((v & 0xfc00) === 0xdc00) return { out: Uint8Array.from(parts), err: 'unexpected low surrogate area' };
    if ((v & 0xfc00) === 0xd800) {
      if (bytes.length - i < 4) return { out: Uint8Array.from(parts), err: 'incomplete UTF-16 surrogate pair' };
      const v2 = get(i + 2);
      if ((v2 & 0xfc00) !== 0xdc00) return { out: Uint8Array.from(parts), err: 'expected low surrogate area' };
      v = 0x10000 + ((v & 0x3ff) << 10) + (v2 & 0x3ff);
      w = 4;
    }
    if (v < 0x80) parts.push(v);
    else if (v < 0x800) parts.push(0xc0 | (v >> 6), 0x80 | (v & 0x3f));
    else if (v < 0x10000) parts.push(0xe0 | (v >> 12), 0x80 | ((v >> 6) & 0x3f), 0x80 | (v & 0x3f));
    else parts.push(0xf0 | (v >> 18), 0x80 | ((v >> 12) & 0x3f), 0x80 | ((v >> 6) & 0x3f), 0x80 | (v & 0x3f));
    i += w;
  }
  return { out: Uint8Array.from(parts) };
}

/**
 * Scanner is yaml_parser_t's reader and scanner half. Construct it with the input bytes
 * (empty input is go-yaml's "\n", as decode.go newParser does) and pull tokens with
 * peekToken/skipToken.
 */
export class Scanner {
  // ---- reader state (readerc.go)
  private buf: Uint8Array;
  /** End of the real input inside buf (buf is zero-padded after it). */
  private inputLen: number;
  private inputPos = 0;
  private rawLen = 0;
  private rawPos = 0;
  private eof = false;
  private encodingKnown = false;
  private utf16Error: string | undefined;
  /** Offset in buf of Go's buffer[0] (moves when go-yaml compacts its buffer). */
  private bufferStart = 0;
  private unread = 0;

  // ---- scanner state (scannerc.go)
  pos = 0;
  private markIndex = 0;
  private markLine = 0;
  private markColumn = 0;

  private streamStartProduced = false;
  private flowLevel = 0;
  private tokens: Token[] = [];
  private tokensHead = 0;
  tokensParsed = 0;
  private tokenAvailable = false;
  private indent = 0;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();

  private scratchBufs = [new ByteBuf(), new ByteBuf(), new ByteBuf(), new ByteBuf()];

  /** scratch returns a reusable, emptied byte buffer (scalar scanning is not re-entrant). */
  private scratch(i: number): ByteBuf {
    const b = this.scratchBufs[i]!;
    b.reset();
    return b;
  }

  constructor(input: Uint8Array) {
    let bytes = input.length === 0 ? Uint8Array.of(0x0a) : input;
    // Go: UTF-16 streams are decoded by the reader; we re-encode them first.
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      const r = utf16ToUtf8(bytes, bytes[0] === 0xff);
      this.utf16Error = r.err;
      bytes = r.out;
    }
    this.inputLen = bytes.length;
    this.buf = new Uint8Array(bytes.length + pad);
    this.buf.set(bytes);
  }

  // ------------------------------------------------------------------ reader

  private readerError(problem: string): never {
    throw new YamlSyntaxError(ErrorKind.READER, problem, undefined, '', undefined);
  }

  /** updateRawBuffer is yaml_parser_update_raw_buffer over the in-memory input. */
  private updateRawBuffer(): void {
    if (this.rawPos === 0 && this.rawLen === rawBufferSize) return;
    if (this.eof) return;
    // Compact: keep the unprocessed tail, then read up to the capacity.
    this.rawLen -= this.rawPos;
    this.rawPos = 0;
    if (this.inputPos === this.inputLen) {
      this.eof = true;
      return;
    }
    const n = Math.min(rawBufferSize - this.rawLen, this.inputLen - this.inputPos);
    this.inputPos += n;
    this.rawLen += n;
  }

  private determineEncoding(): void {
    while (!this.eof && this.rawLen - this.rawPos < 3) this.updateRawBuffer();
    const c = this.inputPos - this.rawLen + this.rawPos;
    const b = this.buf;
    if (this.utf16Error !== undefined) this.readerError(this.utf16Error);
    if (this.rawLen - this.rawPos >= 3 && b[c] === 0xef && b[c + 1] === 0xbb && b[c + 2] === 0xbf) {
      this.rawPos += 3;
      this.pos = c + 3;
      this.bufferStart = this.pos;
    }
    this.encodingKnown = true;
  }

  /** updateBuffer is yaml_parser_update_buffer: decode characters until `length` are unread. */
  private updateBuffer(length: number): void {
    if (this.unread >= length) return;
    if (!this.encodingKnown) this.determineEncoding();
    this.bufferStart = this.pos;
    const b = this.buf;
    let first = true;
    while (this.unread < length) {
      if (!first || this.rawPos === this.rawLen) this.updateRawBuffer();
      first = false;
      const base = this.inputPos - this.rawLen;
      while (this.rawPos !== this.rawLen) {
        const at = base + this.rawPos;
        const octet = b[at]!;
        const rawUnread = this.rawLen - this.rawPos;
        if (octet < 0x80) {
          if (!(octet === 0x09 || octet === 0x0a || octet === 0x0d || (octet >= 0x20 && octet <= 0x7e))) {
            this.readerError('control characters are not allowed');
          }
          this.rawPos++;
          this.unread++;
          continue;
        }
        let width: number;
        let value: number;
        if ((octet & 0xe0) === 0xc0) {
          width = 2;
          value = octet & 0x1f;
        } else if ((octet & 0xf0) === 0xe0) {
          width = 3;
          value = octet & 0x0f;
        } else if ((octet & 0xf8) === 0xf0) {
          width = 4;
          value = octet & 0x07;
        } else {
          this.readerError('invalid leading UTF-8 octet');
        }
        if (width > rawUnread) {
          if (this.eof) this.readerError('incomplete UTF-8 octet sequence');
          break;
        }
        for (let k = 1; k < width; k++) {
          const o = b[at + k]!;
          if ((o & 0xc0) !== 0x80) this.readerError('invalid trailing UTF-8 octet');
          value = (value << 6) + (o & 0x3f);
        }
        if (!((width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000))) {
          this.readerError('invalid length of a UTF-8 sequence');
        }
        if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.readerError('invalid Unicode character');
        if (
          !(
            value === 0x85 ||
            (value >= 0xa0 && value <= 0xd7ff) ||
            (value >= 0xe000 && value <= 0xfffd) ||
            (value >= 0x10000 && value <= 0x10ffff)
          )
        ) {
          this.readerError('control characters are not allowed');
        }
        this.rawPos += width;
        this.unread++;
      }
      if (this.eof) {
        // Go: the buffer gets a NUL at the end of the stream (our padding).
        this.unread++;
        break;
      }
    }
  }

  private cache(length: number): void {
    if (this.unread < length) this.updateBuffer(length);
  }

  // ------------------------------------------------------------------ character classes

  private isBlankz(i: number): boolean {
    const b = this.buf;
    const c = b[i]!;
    return (
      c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0 ||
      (c === 0xc2 && b[i + 1] === 0x85) ||
      (c === 0xe2 && b[i + 1] === 0x80 && (b[i + 2] === 0xa8 || b[i + 2] === 0xa9))
    );
  }

  private isBreak(i: number): boolean {
    const b = this.buf;
    const c = b[i]!;
    return (
      c === 0x0d || c === 0x0a ||
      (c === 0xc2 && b[i + 1] === 0x85) ||
      (c === 0xe2 && b[i + 1] === 0x80 && (b[i + 2] === 0xa8 || b[i + 2] === 0xa9))
    );
  }

  private isBreakz(i: number): boolean {
    return this.buf[i] === 0 || this.isBreak(i);
  }

  private isBlank(i: number): boolean {
    const c = this.buf[i];
    return c === 0x20 || c === 0x09;
  }

  private isAlpha(i: number): boolean {
    const c = this.buf[i]!;
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
  }

  private isHex(i: number): boolean {
    const c = this.buf[i]!;
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  }

  private asHex(i: number): number {
    const c = this.buf[i]!;
    if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
    if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
    return c - 0x30;
  }

  private static width(c: number): number {
    if ((c & 0x80) === 0) return 1;
    if ((c & 0xe0) === 0xc0) return 2;
    if ((c & 0xf0) === 0xe0) return 3;
    if ((c & 0xf8) === 0xf0) return 4;
    return 0;
  }

  // ------------------------------------------------------------------ movement

  /** mark returns a copy of the current position. */
  mark(): Mark {
    return { index: this.markIndex, line: this.markLine, column: this.markColumn };
  }

  private skip(): void {
    this.markIndex++;
    this.markColumn++;
    this.unread--;
    this.pos += Scanner.width(this.buf[this.pos]!);
  }

  private skipLine(): void {
    const b = this.buf;
    const p = this.pos;
    if (b[p] === 0x0d && b[p + 1] === 0x0a) {
      this.markIndex += 2;
      this.markColumn = 0;
      this.markLine++;
      this.unread -= 2;
      this.pos += 2;
    } else if (this.isBreak(p)) {
      this.markIndex++;
      this.markColumn = 0;
      this.markLine++;
      this.unread--;
      this.pos += Scanner.width(b[p]!);
    }
  }

  private read(s: ByteBuf): void {
    const b = this.buf;
    const w = Scanner.width(b[this.pos]!);
    if (w === 0) throw new Error('invalid character sequence');
    for (let k = 0; k < w; k++) s.push(b[this.pos + k]!);
    this.pos += w;
    this.markIndex++;
    this.markColumn++;
    this.unread--;
  }

  private readLine(s: ByteBuf): void {
    const b = this.buf;
    const p = this.pos;
    if (b[p] === 0x0d && b[p + 1] === 0x0a) {
      s.push(0x0a);
      this.pos += 2;
      this.markIndex++;
      this.unread--;
    } else if (b[p] === 0x0d || b[p] === 0x0a) {
      s.push(0x0a);
      this.pos += 1;
    } else if (b[p] === 0xc2 && b[p + 1] === 0x85) {
      s.push(0x0a);
      this.pos += 2;
    } else if (b[p] === 0xe2 && b[p + 1] === 0x80 && (b[p + 2] === 0xa8 || b[p + 2] === 0xa9)) {
      s.push(b[p]!);
      s.push(b[p + 1]!);
      s.push(b[p + 2]!);
      this.pos += 3;
    } else {
      return;
    }
    this.markIndex++;
    this.markColumn = 0;
    this.markLine++;
    this.unread--;
  }

  // ------------------------------------------------------------------ token queue

  /** peekToken is parserc.go peek_token: the next token (throws YamlSyntaxError). */
  peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.tokensHead]!;
  }

  /** skipToken is parserc.go skip_token. */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.tokensHead++;
    if (this.tokensHead === this.tokens.length) {
      // The queue is empty: start over (token numbers are absolute, not indexes).
      this.tokens.length = 0;
      this.tokensHead = 0;
    } else if (this.tokensHead > 64 && this.tokensHead * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.tokensHead);
      this.tokensHead = 0;
    }
  }

  private insertToken(pos: number, token: Token): void {
    if (pos < 0) {
      this.tokens.push(token);
      return;
    }
    const t = this.tokens;
    const at = this.tokensHead + pos;
    t.push(token);
    for (let i = t.length - 1; i > at; i--) t[i] = t[i - 1]!;
    t[at] = token;
  }

  private scannerError(context: string, contextMark: Mark, problem: string): never {
    throw new YamlSyntaxError(ErrorKind.SCANNER, problem, this.mark(), context, contextMark);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.tokensHead !== this.tokens.length) {
        const headTokIdx = this.simpleKeysByTok.get(this.tokensParsed);
        if (headTokIdx === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[headTokIdx]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.markColumn);
    this.cache(4);
    const b = this.buf;
    const p = this.pos;
    const c = b[p]!;
    if (c === 0) {
      this.fetchStreamEnd();
      return;
    }
    if (this.markColumn === 0 && c === 0x25 /* % */) {
      this.fetchDirective();
      return;
    }
    if (this.markColumn === 0 && c === 0x2d && b[p + 1] === 0x2d && b[p + 2] === 0x2d && this.isBlankz(p + 3)) {
      this.fetchDocumentIndicator(TokenType.DOCUMENT_START);
      return;
    }
    if (this.markColumn === 0 && c === 0x2e && b[p + 1] === 0x2e && b[p + 2] === 0x2e && this.isBlankz(p + 3)) {
      this.fetchDocumentIndicator(TokenType.DOCUMENT_END);
      return;
    }
    switch (c) {
      case 0x5b: // [
        this.fetchFlowCollectionStart(TokenType.FLOW_SEQUENCE_START);
        return;
      case 0x7b: // {
        this.fetchFlowCollectionStart(TokenType.FLOW_MAPPING_START);
        return;
      case 0x5d: // ]
        this.fetchFlowCollectionEnd(TokenType.FLOW_SEQUENCE_END);
        return;
      case 0x7d: // }
        this.fetchFlowCollectionEnd(TokenType.FLOW_MAPPING_END);
        return;
      case 0x2c: // ,
        this.fetchFlowEntry();
        return;
    }
    if (c === 0x2d && this.isBlankz(p + 1)) {
      this.fetchBlockEntry();
      return;
    }
    if (c === 0x3f && (this.flowLevel > 0 || this.isBlankz(p + 1))) {
      this.fetchKey();
      return;
    }
    if (c === 0x3a && (this.flowLevel > 0 || this.isBlankz(p + 1))) {
      this.fetchValue();
      return;
    }
    switch (c) {
      case 0x2a: // *
        this.fetchAnchor(TokenType.ALIAS);
        return;
      case 0x26: // &
        this.fetchAnchor(TokenType.ANCHOR);
        return;
      case 0x21: // !
        this.fetchTag();
        return;
    }
    if (c === 0x7c && this.flowLevel === 0) {
      this.fetchBlockScalar(true);
      return;
    }
    if (c === 0x3e && this.flowLevel === 0) {
      this.fetchBlockScalar(false);
      return;
    }
    if (c === 0x27) {
      this.fetchFlowScalar(true);
      return;
    }
    if (c === 0x22) {
      this.fetchFlowScalar(false);
      return;
    }
    if (
      !(this.isBlankz(p) || '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(c))) ||
      (c === 0x2d && !this.isBlank(p + 1)) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !this.isBlankz(p + 1))
    ) {
      this.fetchPlainScalar();
      return;
    }
    this.scannerError('while scanning for the next token', this.mark(), 'found character that cannot start any token');
  }

  private simpleKeyIsValid(k: SimpleKey): boolean {
    if (!k.possible) return false;
    if (k.mark.line < this.markLine || k.mark.index + 1024 < this.markIndex) {
      if (k.required) this.scannerError('while scanning a simple key', k.mark, "could not find expected ':'");
      k.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.markColumn;
    if (this.simpleKeyAllowed) {
      const k: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
        mark: this.mark(),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = k;
      this.simpleKeysByTok.set(k.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (k.possible) {
      if (k.required) this.scannerError('while scanning a simple key', k.mark, "could not find expected ':'");
      k.possible = false;
      this.simpleKeysByTok.delete(k.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
      mark: this.mark(),
    });
    this.flowLevel++;
    if (this.flowLevel > maxFlowLevel) {
      this.scannerError(
        'while increasing flow level',
        this.simpleKeys[this.simpleKeys.length - 1]!.mark,
        `exceeded max depth of ${maxFlowLevel}`,
      );
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, typ: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > maxIndents) {
        this.scannerError(
          'while increasing indent level',
          this.simpleKeys[this.simpleKeys.length - 1]!.mark,
          `exceeded max depth of ${maxIndents}`,
        );
      }
      const token: Token = { typ, startMark: mark, endMark: mark };
      if (number > -1) number -= this.tokensParsed;
      this.insertToken(number, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const m = this.mark();
      this.insertToken(-1, { typ: TokenType.BLOCK_END, startMark: m, endMark: m });
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const m = this.mark();
    this.insertToken(-1, { typ: TokenType.STREAM_START, startMark: m, endMark: m });
  }

  private fetchStreamEnd(): void {
    if (this.markColumn !== 0) {
      this.markColumn = 0;
      this.markLine++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const m = this.mark();
    this.insertToken(-1, { typ: TokenType.STREAM_END, startMark: m, endMark: m });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(typ: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { typ, startMark: start, endMark: this.mark() });
  }

  private fetchFlowCollectionStart(typ: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { typ, startMark: start, endMark: this.mark() });
  }

  private fetchFlowCollectionEnd(typ: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { typ, startMark: start, endMark: this.mark() });
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { typ: TokenType.FLOW_ENTRY, startMark: start, endMark: this.mark() });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        this.scannerError('', this.mark(), 'block sequence entries are not allowed in this context');
      }
      this.rollIndent(this.markColumn, -1, TokenType.BLOCK_SEQUENCE_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { typ: TokenType.BLOCK_ENTRY, startMark: start, endMark: this.mark() });
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('', this.mark(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.markColumn, -1, TokenType.BLOCK_MAPPING_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { typ: TokenType.KEY, startMark: start, endMark: this.mark() });
  }

  private fetchValue(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(k)) {
      this.insertToken(k.tokenNumber - this.tokensParsed, { typ: TokenType.KEY, startMark: k.mark, endMark: k.mark });
      this.rollIndent(k.mark.column, k.tokenNumber, TokenType.BLOCK_MAPPING_START, k.mark);
      k.possible = false;
      this.simpleKeysByTok.delete(k.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) {
          this.scannerError('', this.mark(), 'mapping values are not allowed in this context');
        }
        this.rollIndent(this.markColumn, -1, TokenType.BLOCK_MAPPING_START, this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.mark();
    this.skip();
    this.insertToken(-1, { typ: TokenType.VALUE, startMark: start, endMark: this.mark() });
  }

  private fetchAnchor(typ: TokenType): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(typ));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  private scanToNextToken(): void {
    const b = this.buf;
    for (;;) {
      this.cache(1);
      // Go: is_bom looks at the start of go-yaml's buffer, not at the current position.
      const s = this.bufferStart;
      if (this.markColumn === 0 && b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) this.skip();
      this.cache(1);
      while (b[this.pos] === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && b[this.pos] === 0x09)) {
        this.skip();
        this.cache(1);
      }
      if (b[this.pos] === 0x23) {
        while (!this.isBreakz(this.pos)) {
          this.skip();
          this.cache(1);
        }
      }
      if (this.isBreak(this.pos)) {
        this.cache(2);
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }

  // ------------------------------------------------------------------ directives

  private scanDirective(): Token {
    const start = this.mark();
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = { typ: TokenType.VERSION_DIRECTIVE, startMark: start, endMark: this.mark(), major, minor };
    } else if (name === 'TAG') {
      const [handle, prefix] = this.scanTagDirectiveValue(start);
      token = { typ: TokenType.TAG_DIRECTIVE, startMark: start, endMark: this.mark(), value: handle, prefix };
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name');
    }
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skip();
      this.cache(1);
    }
    if (this.buf[this.pos] === 0x23) {
      while (!this.isBreakz(this.pos)) {
        this.skip();
        this.cache(1);
      }
    }
    if (!this.isBreakz(this.pos)) {
      this.scannerError('while scanning a directive', start, 'did not find expected comment or line break');
    }
    if (this.isBreak(this.pos)) {
      this.cache(2);
      this.skipLine();
    }
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    this.cache(1);
    const s = new ByteBuf();
    while (this.isAlpha(this.pos)) {
      this.read(s);
      this.cache(1);
    }
    if (s.n === 0) this.scannerError('while scanning a directive', start, 'could not find expected directive name');
    if (!this.isBlankz(this.pos)) {
      this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return s.toString();
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skip();
      this.cache(1);
    }
    const major = this.scanVersionDirectiveNumber(start);
    if (this.buf[this.pos] !== 0x2e) {
      this.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    }
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    this.cache(1);
    let value = 0;
    let length = 0;
    while (this.buf[this.pos]! >= 0x30 && this.buf[this.pos]! <= 0x39) {
      length++;
      if (length > 2) this.scannerError('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (this.buf[this.pos]! - 0x30);
      this.skip();
      this.cache(1);
    }
    if (length === 0) this.scannerError('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skip();
      this.cache(1);
    }
    const handle = this.scanTagHandle(true, start);
    this.cache(1);
    if (!this.isBlank(this.pos)) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace');
    }
    while (this.isBlank(this.pos)) {
      this.skip();
      this.cache(1);
    }
    const prefix = this.scanTagUri(true, null, start);
    this.cache(1);
    if (!this.isBlankz(this.pos)) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    }
    return [handle, prefix];
  }

  // ------------------------------------------------------------------ anchors and tags

  private scanAnchor(typ: TokenType): Token {
    const s = new ByteBuf();
    const start = this.mark();
    this.skip();
    this.cache(1);
    while (this.isAlpha(this.pos)) {
      this.read(s);
      this.cache(1);
    }
    const end = this.mark();
    const c = this.buf[this.pos]!;
    if (
      s.n === 0 ||
      !(this.isBlankz(this.pos) || c === 0x3f || c === 0x3a || c === 0x2c || c === 0x5d || c === 0x7d || c === 0x25 || c === 0x40 || c === 0x60)
    ) {
      this.scannerError(
        typ === TokenType.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
    }
    return { typ, startMark: start, endMark: end, value: s.toString() };
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.scannerError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  private scanTag(): Token {
    let handle: string;
    let suffix: string;
    const start = this.mark();
    this.cache(2);
    if (this.buf[this.pos + 1] === 0x3c) {
      handle = '';
      this.skip();
      this.skip();
      suffix = this.scanTagUri(false, null, start);
      if (this.buf[this.pos] !== 0x3e) this.scannerError('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle[0] === '!' && handle.length > 1 && handle[handle.length - 1] === '!') {
        suffix = this.scanTagUri(false, null, start);
      } else {
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix.length === 0) {
          [handle, suffix] = [suffix, handle];
        }
      }
    }
    this.cache(1);
    if (!this.isBlankz(this.pos)) {
      this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
    }
    return { typ: TokenType.TAG, startMark: start, endMark: this.mark(), value: handle, suffix };
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    this.cache(1);
    if (this.buf[this.pos] !== 0x21) this.tagError(directive, start, "did not find expected '!'");
    const s = new ByteBuf();
    this.read(s);
    this.cache(1);
    while (this.isAlpha(this.pos)) {
      this.read(s);
      this.cache(1);
    }
    if (this.buf[this.pos] === 0x21) {
      this.read(s);
    } else if (directive && !(s.n === 1 && s.b[0] === 0x21)) {
      this.tagError(directive, start, "did not find expected '!'");
    }
    return s.toString();
  }

  private scanTagUri(directive: boolean, head: string | null, start: Mark): string {
    const s = new ByteBuf();
    let hasTag = head !== null && head.length > 0;
    if (head !== null && head.length > 1) for (const x of Buffer.from(head.slice(1), 'utf8')) s.push(x);
    this.cache(1);
    for (;;) {
      const c = this.buf[this.pos]!;
      if (!(this.isAlpha(this.pos) || ";/?:@&=+$,.!~*'()[]%".includes(String.fromCharCode(c)))) break;
      if (c === 0x25) this.scanUriEscapes(directive, start, s);
      else this.read(s);
      this.cache(1);
      hasTag = true;
    }
    if (!hasTag) this.tagError(directive, start, 'did not find expected tag URI');
    return s.toString();
  }

  private scanUriEscapes(directive: boolean, start: Mark, s: ByteBuf): void {
    let w = 1024;
    while (w > 0) {
      this.cache(3);
      if (!(this.buf[this.pos] === 0x25 && this.isHex(this.pos + 1) && this.isHex(this.pos + 2))) {
        this.tagError(directive, start, 'did not find URI escaped octet');
      }
      const octet = (this.asHex(this.pos + 1) << 4) + this.asHex(this.pos + 2);
      if (w === 1024) {
        w = Scanner.width(octet);
        if (w === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      s.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
  }

  // ------------------------------------------------------------------ scalars

  private scanBlockScalar(literal: boolean): Token {
    const b = this.buf;
    const start = this.mark();
    this.skip();
    this.cache(1);
    let chomping = 0;
    let increment = 0;
    if (b[this.pos] === 0x2b || b[this.pos] === 0x2d) {
      chomping = b[this.pos] === 0x2b ? 1 : -1;
      this.skip();
      this.cache(1);
      if (b[this.pos]! >= 0x30 && b[this.pos]! <= 0x39) {
        if (b[this.pos] === 0x30) {
          this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        }
        increment = b[this.pos]! - 0x30;
        this.skip();
      }
    } else if (b[this.pos]! >= 0x30 && b[this.pos]! <= 0x39) {
      if (b[this.pos] === 0x30) {
        this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      }
      increment = b[this.pos]! - 0x30;
      this.skip();
      this.cache(1);
      if (b[this.pos] === 0x2b || b[this.pos] === 0x2d) {
        chomping = b[this.pos] === 0x2b ? 1 : -1;
        this.skip();
      }
    }
    this.cache(1);
    while (this.isBlank(this.pos)) {
      this.skip();
      this.cache(1);
    }
    if (b[this.pos] === 0x23) {
      while (!this.isBreakz(this.pos)) {
        this.skip();
        this.cache(1);
      }
    }
    if (!this.isBreakz(this.pos)) {
      this.scannerError('while scanning a block scalar', start, 'did not find expected comment or line break');
    }
    if (this.isBreak(this.pos)) {
      this.cache(2);
      this.skipLine();
    }
    const endRef = { m: this.mark() };
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;
    const s = this.scratch(0);
    const leadingBreak = this.scratch(1);
    const trailingBreaks = this.scratch(2);
    indent = this.scanBlockScalarBreaks(indent, trailingBreaks, start, endRef);
    this.cache(1);
    let leadingBlank = false;
    let trailingBlank = false;
    while (this.markColumn === indent && b[this.pos] !== 0) {
      trailingBlank = this.isBlank(this.pos);
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.n > 0 && leadingBreak.b[0] === 0x0a) {
        if (trailingBreaks.n === 0) s.push(0x20);
      } else {
        s.append(leadingBreak);
      }
      leadingBreak.reset();
      s.append(trailingBreaks);
      trailingBreaks.reset();
      leadingBlank = this.isBlank(this.pos);
      while (!this.isBreakz(this.pos)) {
        this.read(s);
        this.cache(1);
      }
      this.cache(2);
      this.readLine(leadingBreak);
      indent = this.scanBlockScalarBreaks(indent, trailingBreaks, start, endRef);
    }
    if (chomping !== -1) s.append(leadingBreak);
    if (chomping === 1) s.append(trailingBreaks);
    return {
      typ: TokenType.SCALAR,
      startMark: start,
      endMark: endRef.m,
      value: s.toString(),
      style: literal ? ScalarStyle.LITERAL : ScalarStyle.FOLDED,
    };
  }

  private scanBlockScalarBreaks(indent: number, breaks: ByteBuf, start: Mark, endRef: { m: Mark }): number {
    endRef.m = this.mark();
    let maxIndent = 0;
    for (;;) {
      this.cache(1);
      while ((indent === 0 || this.markColumn < indent) && this.buf[this.pos] === 0x20) {
        this.skip();
        this.cache(1);
      }
      if (this.markColumn > maxIndent) maxIndent = this.markColumn;
      if ((indent === 0 || this.markColumn < indent) && this.buf[this.pos] === 0x09) {
        this.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!this.isBreak(this.pos)) break;
      this.cache(2);
      this.readLine(breaks);
      endRef.m = this.mark();
    }
    if (indent === 0) {
      indent = maxIndent;
      if (indent < this.indent + 1) indent = this.indent + 1;
      if (indent < 1) indent = 1;
    }
    return indent;
  }

  private scanFlowScalar(single: boolean): Token {
    const b = this.buf;
    const start = this.mark();
    this.skip();
    const s = this.scratch(0);
    const leadingBreak = this.scratch(1);
    const trailingBreaks = this.scratch(2);
    const whitespaces = this.scratch(3);
    for (;;) {
      this.cache(4);
      const p = this.pos;
      if (
        this.markColumn === 0 &&
        ((b[p] === 0x2d && b[p + 1] === 0x2d && b[p + 2] === 0x2d) || (b[p] === 0x2e && b[p + 1] === 0x2e && b[p + 2] === 0x2e)) &&
        this.isBlankz(p + 3)
      ) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (b[p] === 0) this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      while (!this.isBlankz(this.pos)) {
        const c = b[this.pos]!;
        if (single && c === 0x27 && b[this.pos + 1] === 0x27) {
          s.push(0x27);
          this.skip();
          this.skip();
        } else if (single && c === 0x27) {
          break;
        } else if (!single && c === 0x22) {
          break;
        } else if (!single && c === 0x5c && this.isBreak(this.pos + 1)) {
          this.cache(3);
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === 0x5c) {
          let codeLength = 0;
          switch (b[this.pos + 1]) {
            case 0x30: s.push(0); break; // 0
            case 0x61: s.push(0x07); break; // a
            case 0x62: s.push(0x08); break; // b
            case 0x74: case 0x09: s.push(0x09); break; // t, TAB
            case 0x6e: s.push(0x0a); break; // n
            case 0x76: s.push(0x0b); break; // v
            case 0x66: s.push(0x0c); break; // f
            case 0x72: s.push(0x0d); break; // r
            case 0x65: s.push(0x1b); break; // e
            case 0x20: s.push(0x20); break;
            case 0x22: s.push(0x22); break;
            case 0x27: s.push(0x27); break;
            case 0x5c: s.push(0x5c); break;
            case 0x4e: s.push(0xc2); s.push(0x85); break; // N
            case 0x5f: s.push(0xc2); s.push(0xa0); break; // _
            case 0x4c: s.push(0xe2); s.push(0x80); s.push(0xa8); break; // L
            case 0x50: s.push(0xe2); s.push(0x80); s.push(0xa9); break; // P
            case 0x78: codeLength = 2; break; // x
            case 0x75: codeLength = 4; break; // u
            case 0x55: codeLength = 8; break; // U
            default:
              this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
          }
          this.skip();
          this.skip();
          if (codeLength > 0) {
            let value = 0;
            this.cache(codeLength);
            for (let k = 0; k < codeLength; k++) {
              if (!this.isHex(this.pos + k)) {
                this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
              }
              value = value * 16 + this.asHex(this.pos + k);
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
            }
            if (value <= 0x7f) {
              s.push(value);
            } else if (value <= 0x7ff) {
              s.push(0xc0 + (value >> 6));
              s.push(0x80 + (value & 0x3f));
            } else if (value <= 0xffff) {
              s.push(0xe0 + (value >> 12));
              s.push(0x80 + ((value >> 6) & 0x3f));
              s.push(0x80 + (value & 0x3f));
            } else {
              s.push(0xf0 + (value >> 18));
              s.push(0x80 + ((value >> 12) & 0x3f));
              s.push(0x80 + ((value >> 6) & 0x3f));
              s.push(0x80 + (value & 0x3f));
            }
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else {
          this.read(s);
        }
        this.cache(2);
      }
      this.cache(1);
      if (single ? b[this.pos] === 0x27 : b[this.pos] === 0x22) break;
      while (this.isBlank(this.pos) || this.isBreak(this.pos)) {
        if (this.isBlank(this.pos)) {
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces.reset();
            this.readLine(leadingBreak);
            leadingBlanks = true;
          } else {
            this.readLine(trailingBreaks);
          }
        }
        this.cache(1);
      }
      if (leadingBlanks) {
        if (leadingBreak.n > 0 && leadingBreak.b[0] === 0x0a) {
          if (trailingBreaks.n === 0) s.push(0x20);
          else s.append(trailingBreaks);
        } else {
          s.append(leadingBreak);
          s.append(trailingBreaks);
        }
        trailingBreaks.reset();
        leadingBreak.reset();
      } else {
        s.append(whitespaces);
        whitespaces.reset();
      }
    }
    this.skip();
    return {
      typ: TokenType.SCALAR,
      startMark: start,
      endMark: this.mark(),
      value: s.toString(),
      style: single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED,
    };
  }

  private scanPlainScalar(): Token {
    const b = this.buf;
    const s = this.scratch(0);
    const leadingBreak = this.scratch(1);
    const trailingBreaks = this.scratch(2);
    const whitespaces = this.scratch(3);
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = this.mark();
    let endIndex = start.index;
    let endLine = start.line;
    let endColumn = start.column;
    for (;;) {
      this.cache(4);
      const p = this.pos;
      if (
        this.markColumn === 0 &&
        ((b[p] === 0x2d && b[p + 1] === 0x2d && b[p + 2] === 0x2d) || (b[p] === 0x2e && b[p + 1] === 0x2e && b[p + 2] === 0x2e)) &&
        this.isBlankz(p + 3)
      ) {
        break;
      }
      if (b[p] === 0x23) break;
      while (!this.isBlankz(this.pos)) {
        const c = b[this.pos]!;
        if (
          (c === 0x3a && this.isBlankz(this.pos + 1)) ||
          (this.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
        ) {
          break;
        }
        if (leadingBlanks || whitespaces.n > 0) {
          if (leadingBlanks) {
            if (leadingBreak.b[0] === 0x0a) {
              if (trailingBreaks.n === 0) s.push(0x20);
              else s.append(trailingBreaks);
            } else {
              s.append(leadingBreak);
              s.append(trailingBreaks);
            }
            trailingBreaks.reset();
            leadingBreak.reset();
            leadingBlanks = false;
          } else {
            s.append(whitespaces);
            whitespaces.reset();
          }
        }
        // Fast path for ASCII runs: read() byte by byte.
        if (c < 0x80) {
          s.push(c);
          this.pos++;
          this.markIndex++;
          this.markColumn++;
          this.unread--;
        } else {
          this.read(s);
        }
        endIndex = this.markIndex;
        endLine = this.markLine;
        endColumn = this.markColumn;
        this.cache(2);
      }
      if (!(this.isBlank(this.pos) || this.isBreak(this.pos))) break;
      this.cache(1);
      while (this.isBlank(this.pos) || this.isBreak(this.pos)) {
        if (this.isBlank(this.pos)) {
          if (leadingBlanks && this.markColumn < indent && b[this.pos] === 0x09) {
            this.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces.reset();
            this.readLine(leadingBreak);
            leadingBlanks = true;
          } else {
            this.readLine(trailingBreaks);
          }
        }
        this.cache(1);
      }
      if (this.flowLevel === 0 && this.markColumn < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    const end: Mark = { index: endIndex, line: endLine, column: endColumn };
    return { typ: TokenType.SCALAR, startMark: start, endMark: end, value: s.toString(), style: ScalarStyle.PLAIN };
  }
}
