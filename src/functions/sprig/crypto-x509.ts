/**
 * Sprig 3.2.3's key and certificate functions (Sprig: crypto.go): genPrivateKey,
 * buildCustomCert, genCA[WithKey], genSelfSignedCert[WithKey], genSignedCert[WithKey].
 * Keys come from node:crypto; certificates are built with a small DER encoder that lays out
 * what Go's x509.CreateCertificate writes (v3, 128-bit random serial, CN-only subject,
 * key usage, server+client auth, basic constraints, subject key id for CAs, SANs).
 */
import type { KeyObject } from 'node:crypto';
import { def } from '../def.js';
import { lazyRequire } from '../lazy-require.js';
import { GoFuncError, GoStruct, fromGoBytes, goBytes, listItems, type GoFunc, type GoInt, type GoValue } from '../../template/value.js';
import { formatValue } from '../../template/fmt.js';
import { base64Decode } from './encoding.js';

// node:crypto (and node:net) load on first use: most renders never call these functions.
const nodeCrypto = lazyRequire<typeof import('node:crypto')>('node:crypto');
const nodeNet = lazyRequire<typeof import('node:net')>('node:net');

// ---- DER ----

function len(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n >>>= 8;
  }
  return [0x80 | out.length, ...out];
}

function tlv(tag: number, body: Uint8Array | number[]): Uint8Array {
  const b = body instanceof Uint8Array ? body : Uint8Array.from(body);
  return Uint8Array.from([tag, ...len(b.length), ...b]);
}

function cat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, cat(...parts));
const set = (...parts: Uint8Array[]): Uint8Array => tlv(0x31, cat(...parts));

function derInt(v: bigint): Uint8Array {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let b = Buffer.from(hex, 'hex');
  if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function oid(s: string): Uint8Array {
  const parts = s.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const bytes: number[] = [p & 0x7f];
    let x = p >>> 7;
    while (x > 0) {
      bytes.unshift((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    out.push(...bytes);
  }
  return tlv(0x06, out);
}

const derNull = Uint8Array.from([0x05, 0x00]);
const derTrue = Uint8Array.from([0x01, 0x01, 0xff]);

function isPrintable(s: string): boolean {
  return /^[A-Za-z0-9 '()+,\-./:=?*&]*$/.test(s);
}

/** name is a pkix.Name with only a CommonName (Go: PrintableString when possible, else UTF8String). */
function name(cn: string): Uint8Array {
  if (cn === '') return seq();
  const b = goBytes(cn);
  const value = isPrintable(cn) ? tlv(0x13, b) : tlv(0x0c, b);
  return seq(set(seq(oid('2.5.4.3'), value)));
}

function derTime(ms: number): Uint8Array {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const body = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const y = d.getUTCFullYear();
  // Go: UTCTime for 1950..2049, GeneralizedTime otherwise.
  if (y >= 1950 && y < 2050) return tlv(0x17, Buffer.from(p(y % 100) + body));
  return tlv(0x18, Buffer.from(p(y, 4) + body));
}

function bitString(bits: number[]): Uint8Array {
  // Key usage bits: bit 0 is the most significant bit of the first byte; trailing zero bits dropped.
  const max = Math.max(...bits);
  const nbytes = Math.floor(max / 8) + 1;
  const bytes = new Array<number>(nbytes).fill(0);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  const unused = 7 - (max & 7);
  return tlv(0x03, [unused, ...bytes]);
}

function ext(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), derTrue, tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
}

/** readTLV reads one DER element at off: [tag, header length, body length]. */
function readTLV(b: Uint8Array, off: number): [number, number, number] {
  const tag = b[off]!;
  let l = b[off + 1]!;
  let hl = 2;
  if (l & 0x80) {
    const n = l & 0x7f;
    l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + b[off + 2 + i]!;
    hl += n;
  }
  return [tag, hl, l];
}

/** rawSubject returns the DER of a certificate's subject Name. */
function rawSubject(der: Uint8Array): Uint8Array {
  const [, certH] = readTLV(der, 0);
  let off = certH;
  const [, tbsH] = readTLV(der, off);
  off += tbsH;
  const skip = (): void => {
    const [, h, l] = readTLV(der, off);
    off += h + l;
  };
  if (der[off] === 0xa0) skip(); // version
  skip(); // serial
  skip(); // signature
  skip(); // issuer
  skip(); // validity
  const [, h, l] = readTLV(der, off);
  return der.subarray(off, off + h + l);
}

// ---- keys ----

/** privateKeyPEM is Sprig's pemBlockForKey: PKCS#1 for RSA, SEC 1 for EC, PKCS#8 otherwise. */
function privateKeyPEM(k: KeyObject): string {
  switch (k.asymmetricKeyType) {
    case 'rsa':
      return k.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ec':
      return k.export({ type: 'sec1', format: 'pem' }) as string;
    case 'dsa':
      return dsaPEM(k);
    default:
      return k.export({ type: 'pkcs8', format: 'pem' }) as string;
  }
}

function readInts(der: Uint8Array, off: number, end: number): [bigint[], number] {
  const out: bigint[] = [];
  while (off < end && der[off] === 0x02) {
    const [, h, l] = readTLV(der, off);
    out.push(BigInt('0x' + (Buffer.from(der.subarray(off + h, off + h + l)).toString('hex') || '0')));
    off += h + l;
  }
  return [out, off];
}

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

/** dsaPEM is Sprig's DSA PRIVATE KEY block: SEQUENCE { 0, P, Q, G, Y, X }. */
function dsaPEM(k: KeyObject): string {
  const der = k.export({ type: 'pkcs8', format: 'der' });
  // PrivateKeyInfo { version, AlgorithmIdentifier { oid, Dss-Parms { p, q, g } }, OCTET STRING { INTEGER x } }
  let off = readTLV(der, 0)[1];
  off += readTLV(der, off)[1] + readTLV(der, off)[2]; // version
  let aoff = off + readTLV(der, off)[1];
  aoff += readTLV(der, aoff)[1] + readTLV(der, aoff)[2]; // oid
  const [, ph, pl] = readTLV(der, aoff);
  const [[p, q, g]] = readInts(der, aoff + ph, aoff + ph + pl) as unknown as [[bigint, bigint, bigint]];
  off += readTLV(der, off)[1] + readTLV(der, off)[2];
  const [, oh] = readTLV(der, off);
  const [[x]] = readInts(der, off + oh, der.length) as unknown as [[bigint]];
  const y = modPow(g, x, p);
  const body = seq(derInt(0n), derInt(p), derInt(q), derInt(g), derInt(y), derInt(x));
  return pem('DSA PRIVATE KEY', body);
}

function pem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}${lines.length ? '\n' : ''}-----END ${type}-----\n`;
}

/** generatePrivateKey is Sprig's genPrivateKey: rsa (4096), dsa (L2048N256), ecdsa (P-256), ed25519. */
function generatePrivateKey(typ: string): string {
  switch (typ) {
    case '':
    case 'rsa':
      return privateKeyPEM(nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey);
    case 'dsa':
      return privateKeyPEM(nodeCrypto().generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey);
    case 'ecdsa':
      return privateKeyPEM(nodeCrypto().generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    case 'ed25519':
      return privateKeyPEM(nodeCrypto().generateKeyPairSync('ed25519').privateKey);
    default:
      return 'Unknown type ' + typ;
  }
}

const pemBlockRe = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/;

/** parsePrivateKeyPEM is Sprig's parsePrivateKeyPEM (Go's error texts where they are simple). */
function parsePrivateKeyPEM(text: string): KeyObject {
  const m = pemBlockRe.exec(text);
  if (!m) throw new GoFuncError('no PEM data in input');
  const type = m[1]!;
  if (type !== 'PRIVATE KEY' && !type.endsWith(' PRIVATE KEY')) {
    throw new GoFuncError(`no private key data in PEM block of type ${type}`);
  }
  const kind = type.slice(0, -' PRIVATE KEY'.length);
  if (type !== 'PRIVATE KEY' && kind !== 'RSA' && kind !== 'EC' && kind !== 'DSA') {
    throw new GoFuncError(`invalid private key type ${type}`);
  }
  try {
    return nodeCrypto().createPrivateKey({ key: m[0], format: 'pem' });
  } catch (e) {
    const what = type === 'PRIVATE KEY' ? 'decoding PEM as PKCS#8' : `parsing ${kind} private key from PEM`;
    throw new GoFuncError(`${what}: ${(e as Error).message}`);
  }
}

// ---- certificates ----

interface Template {
  cn: string;
  ips: Uint8Array[];
  dnsNames: string[];
  daysValid: bigint;
  isCA: boolean;
}

/** parseIP is net.ParseIP, returning Go's marshalled form (4 bytes for IPv4, 16 for IPv6) or null. */
function parseIP(s: string): Uint8Array | null {
  const v = nodeNet().isIP(s);
  if (v === 4) {
    // Go rejects leading zeros ("01.2.3.4") like Node's isIP.
    return Uint8Array.from(s.split('.').map(Number));
  }
  if (v === 6 && !s.includes('%')) {
    const [head = '', tail = ''] = s.includes('::') ? s.split('::') : [s, ''];
    const expand = (part: string): number[] => {
      if (part === '') return [];
      const out: number[] = [];
      for (const g of part.split(':')) {
        if (g.includes('.')) {
          out.push(...g.split('.').map(Number));
        } else {
          const n = parseInt(g, 16);
          out.push(n >> 8, n & 0xff);
        }
      }
      return out;
    };
    const h = expand(head);
    const t = expand(tail);
    const bytes = [...h, ...new Array<number>(16 - h.length - t.length).fill(0), ...t];
    // Go: an IPv4-mapped address marshals as 4 bytes.
    if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return Uint8Array.from(bytes.slice(12));
    return Uint8Array.from(bytes);
  }
  return null;
}

function getNetIPs(v: GoValue): Uint8Array[] {
  const items = listItems(v ?? null) ?? [];
  return items.map((ip) => {
    if (typeof ip !== 'string') throw new GoFuncError(`error parsing ip: ${formatValue(ip ?? null)} is not a string`);
    const b = parseIP(ip);
    if (!b) throw new GoFuncError(`error parsing ip: ${ip}`);
    return b;
  });
}

function getAlternateDNSStrs(v: GoValue): string[] {
  const items = listItems(v ?? null) ?? [];
  return items.map((d) => {
    if (typeof d !== 'string') throw new GoFuncError(`error processing alternate dns name: ${formatValue(d ?? null)} is not a string`);
    return d;
  });
}

function sigAlgorithm(k: KeyObject): { alg: Uint8Array; hash: string | null } {
  switch (k.asymmetricKeyType) {
    case 'rsa':
      return { alg: seq(oid('1.2.840.113549.1.1.11'), derNull), hash: 'sha256' };
    case 'ec': {
      const curve = k.asymmetricKeyDetails?.namedCurve;
      if (curve === 'secp384r1') return { alg: seq(oid('1.2.840.10045.4.3.3')), hash: 'sha384' };
      if (curve === 'secp521r1') return { alg: seq(oid('1.2.840.10045.4.3.4')), hash: 'sha512' };
      return { alg: seq(oid('1.2.840.10045.4.3.2')), hash: 'sha256' };
    }
    case 'ed25519':
      return { alg: seq(oid('1.3.101.112')), hash: null };
    default:
      throw new GoFuncError('error creating certificate: x509: certificate private key does not implement crypto.Signer');
  }
}

/** createCertificate is x509.CreateCertificate for Sprig's templates; returns [certPEM, keyPEM]. */
function createCertificate(t: Template, signeeKey: KeyObject, issuer: Uint8Array | null, signingKey: KeyObject): [string, string] {
  const pub = nodeCrypto().createPublicKey(signeeKey);
  const spki = new Uint8Array(pub.export({ type: 'spki', format: 'der' }));
  const { alg, hash } = sigAlgorithm(signingKey);
  const serial = BigInt('0x' + nodeCrypto().randomBytes(16).toString('hex'));
  const now = Date.now();
  const notAfter = now + Number(t.daysValid) * 86400000;
  const subject = name(t.cn);
  const exts: Uint8Array[] = [];
  exts.push(ext('2.5.29.15', true, bitString(t.isCA ? [0, 2, 5] : [0, 2])));
  exts.push(ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))));
  exts.push(ext('2.5.29.19', true, t.isCA ? seq(derTrue) : seq()));
  if (t.isCA) {
    // Go: a CA without a SubjectKeyId gets SHA-1 of the subjectPublicKey bits.
    const [, h1] = readTLV(spki, 0);
    let off = h1;
    off += readTLV(spki, off)[1] + readTLV(spki, off)[2];
    const [, bh, bl] = readTLV(spki, off);
    const bits = spki.subarray(off + bh + 1, off + bh + bl);
    exts.push(ext('2.5.29.14', false, tlv(0x04, nodeCrypto().createHash('sha1').update(bits).digest())));
  }
  if (t.dnsNames.length || t.ips.length) {
    const names = [...t.dnsNames.map((d) => tlv(0x82, goBytes(d))), ...t.ips.map((ip) => tlv(0x87, ip))];
    exts.push(ext('2.5.29.17', false, seq(...names)));
  }
  const tbs = seq(
    tlv(0xa0, derInt(2n)),
    derInt(serial),
    alg,
    issuer ?? subject,
    seq(derTime(now), derTime(notAfter)),
    subject,
    spki,
    tlv(0xa3, seq(...exts)),
  );
  const sig = nodeCrypto().sign(hash, tbs, signingKey);
  const cert = seq(tbs, alg, tlv(0x03, cat(Uint8Array.from([0]), new Uint8Array(sig))));
  return [pem('CERTIFICATE', cert), privateKeyPEM(signeeKey)];
}

function certificate(cert: string, key: string): GoStruct {
  return new GoStruct('sprig.certificate', new Map<string, GoValue>([['Cert', cert], ['Key', key]]));
}

function newRSAKey(): KeyObject {
  return nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function withKey(privPEM: string): KeyObject {
  try {
    return parsePrivateKeyPEM(privPEM);
  } catch (e) {
    throw new GoFuncError(`parsing private key: ${(e as Error).message}`);
  }
}

function days(v: GoValue): bigint {
  return (v as GoInt).v;
}

function genCA(cn: string, daysValid: bigint, key: KeyObject): GoStruct {
  const [c, k] = createCertificate({ cn, ips: [], dnsNames: [], daysValid, isCA: true }, key, null, key);
  return certificate(c, k);
}

function genSelfSigned(cn: string, ips: GoValue, dns: GoValue, daysValid: bigint, key: () => KeyObject): GoStruct {
  const t = { cn, ips: getNetIPs(ips), dnsNames: getAlternateDNSStrs(dns), daysValid, isCA: false };
  const k = key();
  const [c, kp] = createCertificate(t, k, null, k);
  return certificate(c, kp);
}

function field(ca: GoValue, f: string): string {
  const v = ca instanceof GoStruct ? ca.fields.get(f) : undefined;
  return typeof v === 'string' ? v : '';
}

function genSigned(cn: string, ips: GoValue, dns: GoValue, daysValid: bigint, ca: GoValue, key: () => KeyObject): GoStruct {
  const m = /-----BEGIN CERTIFICATE-----\r?\n([\s\S]*?)-----END CERTIFICATE-----/.exec(field(ca, 'Cert'));
  if (!m) throw new GoFuncError('unable to decode certificate');
  const der = new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  try {
    new (nodeCrypto().X509Certificate)(der);
  } catch (e) {
    throw new GoFuncError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signerKey: KeyObject;
  try {
    signerKey = parsePrivateKeyPEM(field(ca, 'Key'));
  } catch (e) {
    throw new GoFuncError(`error parsing private key: ${(e as Error).message}`);
  }
  const t = { cn, ips: getNetIPs(ips), dnsNames: getAlternateDNSStrs(dns), daysValid, isCA: false };
  const k = key();
  const [c, kp] = createCertificate(t, k, rawSubject(der), signerKey);
  return certificate(c, kp);
}

function buildCustomCert(b64cert: string, b64key: string): GoStruct {
  let cert: string;
  let key: string;
  try {
    cert = fromGoBytes(base64Decode(goBytes(b64cert)));
  } catch {
    throw new GoFuncError('unable to decode base64 certificate');
  }
  try {
    key = fromGoBytes(base64Decode(goBytes(b64key)));
  } catch {
    throw new GoFuncError('unable to decode base64 private key');
  }
  const m = pemBlockRe.exec(cert);
  if (!m) throw new GoFuncError('unable to decode certificate');
  try {
    new (nodeCrypto().X509Certificate)(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64'));
  } catch (e) {
    throw new GoFuncError(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKeyPEM(key);
  } catch (e) {
    throw new GoFuncError(`error parsing private key: ${(e as Error).message}`);
  }
  return certificate(cert, key);
}

const S = 'string';
const L = '[]interface {}';
const C = 'sprig.certificate';

/** certFuncs are Sprig's key and certificate functions. */
export const certFuncs: GoFunc[] = [
  def('genPrivateKey', [S], S, ([t]) => generatePrivateKey(t as string)),
  def('buildCustomCert', [S, S], C, ([c, k]) => buildCustomCert(c as string, k as string), { err: true }),
  def('genCA', [S, 'int'], C, ([cn, d]) => genCA(cn as string, days(d), newRSAKey()), { err: true }),
  def('genCAWithKey', [S, 'int', S], C, ([cn, d, k]) => genCA(cn as string, days(d), withKey(k as string)), { err: true }),
  def('genSelfSignedCert', [S, L, L, 'int'], C, ([cn, ips, dns, d]) => genSelfSigned(cn as string, ips, dns, days(d), newRSAKey), { err: true }),
  def('genSelfSignedCertWithKey', [S, L, L, 'int', S], C, ([cn, ips, dns, d, k]) =>
    genSelfSigned(cn as string, ips, dns, days(d), () => withKey(k as string)), { err: true }),
  def('genSignedCert', [S, L, L, 'int', C], C, ([cn, ips, dns, d, ca]) => genSigned(cn as string, ips, dns, days(d), ca, newRSAKey), { err: true }),
  def('genSignedCertWithKey', [S, L, L, 'int', C, S], C, ([cn, ips, dns, d, ca, k]) =>
    genSigned(cn as string, ips, dns, days(d), ca, () => withKey(k as string)), { err: true }),
];


