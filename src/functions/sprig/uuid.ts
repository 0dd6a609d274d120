/**
 * Sprig 3.2.3's random functions: uuidv4 (google/uuid) and the random strings randAlphaNum,
 * randAlpha, randAscii, randNumeric (Sprig: strings.go over goutils.CryptoRandom*).
 */
import { def } from '../def.js';
import { lazyRequire } from '../lazy-require.js';
import { GoFuncError, type GoFunc, type GoInt, type GoValue } from '../../template/value.js';

/** maxRandLen bounds the random strings. podtpl: Go allocates any count; we stop with an error. */
export const maxRandLen = 1 << 24;

const digits = '0123456789';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const lower = 'abcdefghijklmnopqrstuvwxyz';
let ascii = '';
for (let c = 32; c < 127; c++) ascii += String.fromCharCode(c);

/**
 * cryptoRandom is goutils.CryptoRandom over an alphabet: every character of the result is
 * drawn uniformly from it (goutils draws from ' '..'z' or 32..126 and rejects the others,
 * which is the same distribution). A negative count is an error that Sprig drops: "".
 */
function cryptoRandom(count: GoValue, alphabet: string): string {
  const n = (count as GoInt).v;
  if (n <= 0n) return '';
  if (n > BigInt(maxRandLen)) throw new GoFuncError(`podtpl: random string length ${n} is over the limit of ${maxRandLen}`);
  let out = '';
  for (let i = 0; i < Number(n); i++) out += alphabet[nodeCrypto().randomInt(alphabet.length)];
  return out;
}

// node:crypto (and node:net) load on first use: most renders never call these functions.
const nodeCrypto = lazyRequire<typeof import('node:crypto')>('node:crypto');

/** uuidFuncs are Sprig 3.2.3's UUID and random-string functions. */
export const uuidFuncs: GoFunc[] = [
  def('uuidv4', [], 'string', () => nodeCrypto().randomUUID()),
  def('randAlphaNum', ['int'], 'string', ([n]) => cryptoRandom(n, upper + lower + digits)),
  def('randAlpha', ['int'], 'string', ([n]) => cryptoRandom(n, upper + lower)),
  def('randAscii', ['int'], 'string', ([n]) => cryptoRandom(n, ascii)),
  def('randNumeric', ['int'], 'string', ([n]) => cryptoRandom(n, digits)),
];
