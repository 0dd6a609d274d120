/**
 * Sprig 3.2.3's encoding functions (Sprig: strings.go base64encode/base64decode/base32encode/
 * base32decode) over Go's encoding/base64 and encoding/base32 StdEncoding. A decode error is
 * returned as the function's string result (Sprig: `return err.Error()`).
 */
import { def } from '../def.js';
import { fromGoBytes, goBytes, type GoFunc } from '../../template/value.js';

const b64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const pad = 0x3d; // '='

function decodeMap(alphabet: string): Uint8Array {
  const m = new Uint8Array(256).fill(0xff);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}
const b64Map = decodeMap(b64Alphabet);
const b32Map = decodeMap(b32Alphabet);

/** CorruptInputError is encoding/base64's and base32's error for bad input at a byte offset. */
class CorruptInputError extends Error {
  constructor(kind: 'base64' | 'base32', readonly offset: number) {
    super(`illegal ${kind} data at input byte ${offset}`);
  }
}

/** base64Encode is base64.StdEncoding.EncodeToString. */
export function base64Encode(src: Uint8Array): string {
  return Buffer.from(src.buffer, src.byteOffset, src.byteLength).toString('base64');
}

/** base64Decode is base64.StdEncoding.DecodeString (padding required, \r and \n skipped, bits after the data ignored). */
export function base64Decode(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let si = 0;
  const isNL = (c: number | undefined): boolean => c === 0x0a || c === 0x0d;
  // Go: Decoding.Decode calls decodeQuantum until the input is used up or an error occurs.
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let err: CorruptInputError | undefined;
    let j = 0;
    for (; j < 4; j++) {
      if (src.length === si) {
        if (j === 0) return Uint8Array.from(out);
        // Go: j == 1, or StdEncoding's padding is required.
        throw new CorruptInputError('base64', si - j);
      }
      const inb = src[si]!;
      si++;
      const o = b64Map[inb]!;
      if (o !== 0xff) {
        dbuf[j] = o;
        continue;
      }
      if (isNL(inb)) {
        j--;
        continue;
      }
      if (inb !== pad) throw new CorruptInputError('base64', si - 1);
      // Padding: the end of the data.
      if (j === 0 || j === 1) throw new CorruptInputError('base64', si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) throw new CorruptInputError('base64', src.length);
        if (src[si] !== pad) throw new CorruptInputError('base64', si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) err = new CorruptInputError('base64', si);
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]!);
    if (err) throw err;
  }
  return Uint8Array.from(out);
}

/** base32Encode is base32.StdEncoding.EncodeToString. */
export function base32Encode(src: Uint8Array): string {
  let out = '';
  for (let i = 0; i < src.length; i += 5) {
    const chunk = src.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const nChars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < nChars ? b32Alphabet[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

/** base32Decode is base32.StdEncoding.DecodeString (Go 1.19's decode, newlines stripped first). */
export function base32Decode(input: Uint8Array): Uint8Array {
  const src = input.filter((c) => c !== 0x0a && c !== 0x0d);
  const olen = src.length;
  const out: number[] = [];
  let p = 0; // src[p:] is Go's remaining `src`
  let end = false;
  while (src.length - p > 0 && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      const rest = (): number => src.length - p;
      if (rest() === 0) throw new CorruptInputError('base32', olen - rest() - j);
      const inb = src[p]!;
      p++;
      if (inb === pad && j >= 2 && rest() < 8) {
        if (rest() + j < 8 - 1) throw new CorruptInputError('base32', olen);
        for (let k = 0; k < 8 - 1 - j; k++) {
          if (rest() > k && src[p + k] !== pad) throw new CorruptInputError('base32', olen - rest() + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw new CorruptInputError('base32', olen - rest() - 1);
        break;
      }
      dbuf[j] = b32Map[inb]!;
      if (dbuf[j] === 0xff) throw new CorruptInputError('base32', olen - rest() - 1);
      j++;
    }
    const d = dbuf;
    const bytes = [
      ((d[0]! << 3) | (d[1]! >> 2)) & 0xff,
      ((d[1]! << 6) | (d[2]! << 1) | (d[3]! >> 4)) & 0xff,
      ((d[3]! << 4) | (d[4]! >> 1)) & 0xff,
      ((d[4]! << 7) | (d[5]! << 2) | (d[6]! >> 3)) & 0xff,
      ((d[6]! << 5) | d[7]!) & 0xff,
    ];
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    for (let k = 0; k < n; k++) out.push(bytes[k]!);
  }
  return Uint8Array.from(out);
}

function decodeOrError(f: (b: Uint8Array) => Uint8Array, s: string): string {
  try {
    return fromGoBytes(f(goBytes(s)));
  } catch (e) {
    // Sprig: a decode error becomes the result text.
    if (e instanceof CorruptInputError) return e.message;
    throw e;
  }
}

/** encodingFuncs are Sprig 3.2.3's encoding functions. */
export const encodingFuncs: GoFunc[] = [
  def('b64enc', ['string'], 'string', ([v]) => base64Encode(goBytes(v as string))),
  def('b64dec', ['string'], 'string', ([v]) => decodeOrError(base64Decode, v as string)),
  def('b32enc', ['string'], 'string', ([v]) => base32Encode(goBytes(v as string))),
  def('b32dec', ['string'], 'string', ([v]) => decodeOrError(base32Decode, v as string)),
];
