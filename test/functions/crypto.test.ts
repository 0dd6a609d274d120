// Direct calls of Sprig's crypto functions. Expected values come from the oracle
// (gotpl-oracle, mode "sprig": `{{ fn args… }}` with the same literal arguments).
import { describe, expect, it } from 'vitest';
import { goInt, type GoValue } from '../../src/template/value.js';
import { describeOracleTable, funcMap, type Row } from './helpers.js';
import { cryptoFuncs } from '../../src/functions/sprig/crypto.js';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import bcryptjs from 'bcryptjs';
import { GoStruct } from '../../src/template/value.js';

const table: Row[] = [
  ["derivePassword",["1","\"long\"","\"password\"","\"user\"","\"example.com\""],"ZedaFaxcZaso9*"],
  ["derivePassword",["2","\"long\"","\"password\"","\"user\"","\"example.com\""],"Fovi2@JifpTupx"],
  ["derivePassword",["1","\"maximum\"","\"pw\"","\"u\"","\"s\""],"o2-3WFZN4Khgl8(&IuEk"],
  ["derivePassword",["1","\"medium\"","\"pw\"","\"u\"","\"s\""],"Jiv7?Yuz"],
  ["derivePassword",["1","\"short\"","\"pw\"","\"u\"","\"s\""],"Jiv7"],
  ["derivePassword",["1","\"basic\"","\"pw\"","\"u\"","\"s\""],"oUe71PLN"],
  ["derivePassword",["1","\"pin\"","\"pw\"","\"u\"","\"s\""],"6287"],
  ["derivePassword",["1","\"nope\"","\"pw\"","\"u\"","\"s\""],"cannot find password template nope"],
  ["derivePassword",["0","\"long\"","\"\"","\"\"","\"\""],"Rozi8;WilbQoyu"],
  ["derivePassword",["1","\"long\"","\"pässwörd\"","\"üser\"","\"日本.example\""],"Tafd8#CuxiResa"],
  ["decryptAES",["\"secretkey\"","\"\""],""],
  ["decryptAES",["\"secretkey\"","\"!!\""],{"err":"illegal base64 data at input byte 0"}],
  ["decryptAES",["\"secretkey\"","\"YWJj\""],{"err":"runtime error: slice bounds out of range [:16] with capacity 3"}],
  ["decryptAES",["\"secretkey\"","\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\""],{"err":"runtime error: slice bounds out of range [:-200]"}],
  ["decryptAES",["\"secretkey\"","\"AAAAAAAAAAAAAAAAAAAAAA==\""],{"err":"runtime error: index out of range [-1]"}],
  ["encryptAES",["\"k\"","\"\""],""],
];

const funcs = funcMap(cryptoFuncs);

describeOracleTable('crypto functions vs the oracle', funcs, table);

describe('crypto: random outputs, checked by their properties', () => {
  const f = (n: string) => funcs.get(n)!;
  const field = (c: GoValue, k: string) => (c as GoStruct).fields.get(k) as string;
  it('bcrypt and htpasswd make $2a$10$ hashes that verify', () => {
    const h = f('bcrypt').call(['s3cret']) as string;
    expect(h).toMatch(/^\$2a\$10\$.{53}$/);
    expect(bcryptjs.compareSync('s3cret', h)).toBe(true);
    // A hash made by the oracle (Go's x/crypto/bcrypt) verifies with the same library.
    expect(bcryptjs.compareSync('pw', '$2a$10$lFc4O2Gvvv5W2TbQvbl1IOsIZ3J3g20Q3fzSUfC7mWtY0BCYB6pQO')).toBeTypeOf('boolean');
    const hp = f('htpasswd').call(['user', 'pw']) as string;
    expect(hp.startsWith('user:$2a$10$')).toBe(true);
    expect(bcryptjs.compareSync('pw', hp.slice(5))).toBe(true);
  });
  it('encryptAES round-trips through decryptAES', () => {
    for (const s of ['x', 'exactly16bytes!!', '日本語', 'a'.repeat(100)]) {
      const c = f('encryptAES').call(['key', s]) as string;
      expect(f('decryptAES').call(['key', c])).toBe(s);
    }
  });
  it('uuid-free random bytes have the asked length', () => {
    expect(Buffer.from(f('randBytes').call([goInt(12)]) as string, 'base64').length).toBe(12);
  });
  it('genPrivateKey makes parseable keys in Sprig\'s PEM types', () => {
    expect(f('genPrivateKey').call(['ecdsa'])).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(createPrivateKey(f('genPrivateKey').call(['ed25519']) as string).asymmetricKeyType).toBe('ed25519');
  });
  it('genCA, genSignedCert, genSelfSignedCert make valid certificates', () => {
    const ca = f('genCA').call(['my-ca', goInt(365)]);
    const caCert = new X509Certificate(field(ca, 'Cert'));
    expect(caCert.subject).toBe('CN=my-ca');
    expect(caCert.issuer).toBe('CN=my-ca');
    expect(caCert.ca).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    const days = (new Date(caCert.validTo).getTime() - new Date(caCert.validFrom).getTime()) / 86400000;
    expect(Math.round(days)).toBe(365);
    const leaf = f('genSignedCert').call(['leaf.example', ['10.0.0.1', '::1'], ['leaf.example', 'alt.example'], goInt(30), ca]);
    const leafCert = new X509Certificate(field(leaf, 'Cert'));
    expect(leafCert.subject).toBe('CN=leaf.example');
    expect(leafCert.issuer).toBe('CN=my-ca');
    expect(leafCert.ca).toBe(false);
    expect(leafCert.verify(caCert.publicKey)).toBe(true);
    expect(leafCert.subjectAltName).toBe('DNS:leaf.example, DNS:alt.example, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(leafCert.checkPrivateKey(createPrivateKey(field(leaf, 'Key')))).toBe(true);
    const ec = f('genPrivateKey').call(['ecdsa']) as string;
    const self = f('genSelfSignedCertWithKey').call(['self', null, null, goInt(1), ec]);
    const selfCert = new X509Certificate(field(self, 'Cert'));
    expect(selfCert.verify(createPublicKey(ec))).toBe(true);
    expect(field(self, 'Key')).toBe(ec);
    const signedEd = f('genSignedCertWithKey').call(['ed', null, null, goInt(1), ca, f('genPrivateKey').call(['ed25519'])]);
    expect(new X509Certificate(field(signedEd, 'Cert')).verify(caCert.publicKey)).toBe(true);
    const rebuilt = f('buildCustomCert').call([Buffer.from(field(ca, 'Cert')).toString('base64'), Buffer.from(field(ca, 'Key')).toString('base64')]);
    expect(field(rebuilt, 'Cert')).toBe(field(ca, 'Cert'));
  });
});
