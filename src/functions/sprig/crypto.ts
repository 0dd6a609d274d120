/**
 * Sprig 3.2.3's crypto functions (Sprig: crypto.go): hashes, bcrypt/htpasswd, derivePassword
 * (Master Password over scrypt), AES-CBC encryptAES/decryptAES, randBytes, private keys and
 * certificates (crypto-x509.ts).
 */
import type bcryptjsModule from 'bcryptjs';
import { lazyRequire } from '../lazy-require.js';
import { def } from '../def.js';
import { GoFuncError, byteLen, fromGoBytes, goBytes, type GoFunc, type GoInt } from '../../template/value.js';
import { base64Decode, base64Encode } from './encoding.js';
import { certFuncs } from './crypto-x509.js';

// node:crypto (and node:net) load on first use: most renders never call these functions.
const nodeCrypto = lazyRequire<typeof import('node:crypto')>('node:crypto');

const bcrypt = lazyRequire<typeof bcryptjsModule>('bcryptjs');

/** adler32 is hash/adler32.Checksum. */
export function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    a = (a + b[i]!) % 65521;
    s = (s + a) % 65521;
  }
  return ((s << 16) | a) >>> 0;
}

/**
 * bcryptHash is golang.org/x/crypto/bcrypt.GenerateFromPassword(p, 10): a `$2a$10$` hash.
 * bcryptjs writes `$2b$`; both minor versions hash identically, so the salt is written as Go's.
 */
export function bcryptHash(password: string): string {
  const bcryptjs = bcrypt();
  const salt = bcryptjs.genSaltSync(10).replace(/^\$2b\$/, '$2a$');
  // Go: only the first 72 bytes of the password count.
  const pw = goBytes(password);
  return bcryptjs.hashSync(pw.length > 72 ? fromGoBytes(pw.subarray(0, 72)) : password, salt);
}

const masterPasswordSeed = 'com.lyndir.masterpassword';

const passwordTypeTemplates = new Map<string, string[]>([
  ['maximum', ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno']],
  [
    'long',
    ['CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno', 'CvcvnoCvccCvcv',
      'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv',
      'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno'],
  ],
  ['medium', ['CvcnoCvc', 'CvcCvcno']],
  ['short', ['Cvcn']],
  ['basic', ['aaanaaan', 'aannaaan', 'aaannaaa']],
  ['pin', ['nnnn']],
]);

const templateCharacters = new Map<string, string>([
  ['V', 'AEIOU'],
  ['C', 'BCDFGHJKLMNPQRSTVWXYZ'],
  ['v', 'aeiou'],
  ['c', 'bcdfghjklmnpqrstvwxyz'],
  ['A', 'AEIOUBCDFGHJKLMNPQRSTVWXYZ'],
  ['a', 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz'],
  ['n', '0123456789'],
  ['o', "@&%?,=[]_:-+*$#!'^~;()/."],
  ['x', 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()'],
]);

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** derivePassword is Sprig's derivePassword (Master Password algorithm, scrypt N=32768 r=8 p=2). */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = passwordTypeTemplates.get(passwordType);
  if (!templates) return `cannot find password template ${passwordType}`;
  const userB = goBytes(user);
  const siteB = goBytes(site);
  const salt = Buffer.concat([Buffer.from(masterPasswordSeed), u32be(userB.length), userB]);
  const key = nodeCrypto().scryptSync(goBytes(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 256 * 1024 * 1024 });
  const msg = Buffer.concat([Buffer.from(masterPasswordSeed), u32be(siteB.length), siteB, u32be(counter)]);
  const seed = nodeCrypto().createHmac('sha256', key).update(msg).digest();
  const temp = templates[seed[0]! % templates.length]!;
  let out = '';
  for (let i = 0; i < temp.length; i++) {
    const passChars = templateCharacters.get(temp[i]!)!;
    out += passChars[seed[i + 1]! % passChars.length];
  }
  return out;
}

function aesKey(password: string): Buffer {
  // Go: key := make([]byte, 32); copy(key, []byte(password))
  const key = Buffer.alloc(32);
  Buffer.from(goBytes(password)).copy(key, 0, 0, 32);
  return key;
}

/** encryptAES is Sprig's encryptAES: AES-256-CBC, PKCS#7 padding, random IV, base64(IV ‖ ciphertext). */
export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = nodeCrypto().randomBytes(16);
  const c = nodeCrypto().createCipheriv('aes-256-cbc', aesKey(password), iv);
  const out = Buffer.concat([iv, c.update(goBytes(plaintext)), c.final()]);
  return base64Encode(out);
}

/** decryptAES is Sprig's decryptAES, including Go's panics on short or ragged input. */
export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const key = aesKey(password);
  let crypt: Uint8Array;
  try {
    crypt = base64Decode(goBytes(crypt64));
  } catch (e) {
    throw new GoFuncError((e as Error).message);
  }
  if (crypt.length < 16) {
    // Go: crypt[:16] reslices up to the decode buffer's capacity (DecodedLen = len/4*3).
    const cap = Math.floor(byteLen(crypt64) / 4) * 3;
    if (cap < 16) throw new GoFuncError(`runtime error: slice bounds out of range [:16] with capacity ${cap}`);
    throw new GoFuncError(`runtime error: slice bounds out of range [16:${crypt.length}]`);
  }
  const iv = crypt.subarray(0, 16);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoFuncError('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new GoFuncError('runtime error: index out of range [-1]');
  const d = nodeCrypto().createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  const dec = Buffer.concat([d.update(body), d.final()]);
  const n = dec.length - dec[dec.length - 1]!;
  if (n < 0) throw new GoFuncError(`runtime error: slice bounds out of range [:${n}]`);
  return fromGoBytes(dec.subarray(0, n));
}


/** maxRandBytes bounds randBytes. podtpl: Go allocates any count; we stop at 64 MiB. */
const maxRandBytes = 64 << 20;

const S = 'string';

/** cryptoFuncs are Sprig 3.2.3's crypto functions. */
export const cryptoFuncs: GoFunc[] = [
  def('sha1sum', [S], S, ([s]) => nodeCrypto().createHash('sha1').update(goBytes(s as string)).digest('hex')),
  def('sha256sum', [S], S, ([s]) => nodeCrypto().createHash('sha256').update(goBytes(s as string)).digest('hex')),
  def('adler32sum', [S], S, ([s]) => String(adler32(goBytes(s as string)))),
  def('bcrypt', [S], S, ([s]) => bcryptHash(s as string)),
  def('htpasswd', [S, S], S, ([user, pw]) => {
    const u = user as string;
    if (u.includes(':')) return `invalid username: ${u}`;
    return `${u}:${bcryptHash(pw as string)}`;
  }),
  def('derivePassword', ['uint32', S, S, S, S], S, ([counter, typ, pw, user, site]) =>
    derivePassword(Number((counter as GoInt).v), typ as string, pw as string, user as string, site as string),
  ),
  def('encryptAES', [S, S], S, ([pw, text]) => encryptAES(pw as string, text as string), { err: true }),
  def('decryptAES', [S, S], S, ([pw, c]) => decryptAES(pw as string, c as string), { err: true }),
  def('randBytes', ['int'], S, ([count]) => {
    const n = (count as GoInt).v;
    // Go: make([]byte, n) panics for a negative n.
    if (n < 0n) throw new GoFuncError('runtime error: makeslice: len out of range');
    if (n > BigInt(maxRandBytes)) throw new GoFuncError(`podtpl: randBytes count ${n} is over the limit of ${maxRandBytes}`);
    return base64Encode(nodeCrypto().randomBytes(Number(n)));
  }, { err: true }),
  ...certFuncs,
];
