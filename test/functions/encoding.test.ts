// Direct calls of Sprig's encoding functions. Expected values come from the oracle
// (gotpl-oracle, mode "sprig": `{{ fn args… }}` with the same literal arguments).
import { describe, expect, it } from 'vitest';
import { describeOracleTable, funcMap, type Row } from './helpers.js';
import { encodingFuncs } from '../../src/functions/sprig/encoding.js';
import { cryptoFuncs } from '../../src/functions/sprig/crypto.js';

const table: Row[] = [
  ["b64enc",["\"hello\""],"aGVsbG8="],
  ["b64enc",["\"\""],""],
  ["b64enc",["\"日本\""],"5pel5pys"],
  ["b64enc",["\"a\""],"YQ=="],
  ["b64enc",["\"ab\""],"YWI="],
  ["b64dec",["\"aGVsbG8=\""],"hello"],
  ["b64dec",["\"aGVsbG8\""],"illegal base64 data at input byte 4"],
  ["b64dec",["\"aGVsbG8=x\""],"illegal base64 data at input byte 8"],
  ["b64dec",["\"aGV sbG8=\""],"illegal base64 data at input byte 3"],
  ["b64dec",["\"aGVs\\nbG8=\""],"hello"],
  ["b64dec",["\"YQ==\""],"a"],
  ["b64dec",["\"YQ=\""],"illegal base64 data at input byte 3"],
  ["b64dec",["\"Y===\""],"illegal base64 data at input byte 1"],
  ["b64dec",["\"!!!!\""],"illegal base64 data at input byte 0"],
  ["b64dec",["\"\""],""],
  ["b64dec",["\"5pel5pys\""],"日本"],
  ["b64dec",["\"YR==\""],"a"],
  ["b64dec",["\"YQ==YQ==\""],"illegal base64 data at input byte 4"],
  ["b32enc",["\"hello\""],"NBSWY3DP"],
  ["b32enc",["\"\""],""],
  ["b32enc",["\"a\""],"ME======"],
  ["b32enc",["\"日本\""],"42L2LZU4VQ======"],
  ["b32dec",["\"NBSWY3DP\""],"hello"],
  ["b32dec",["\"ME======\""],"a"],
  ["b32dec",["\"ME=====\""],"illegal base32 data at input byte 7"],
  ["b32dec",["\"ME\""],"illegal base32 data at input byte 0"],
  ["b32dec",["\"M1======\""],"illegal base32 data at input byte 1"],
  ["b32dec",["\"nbswy3dp\""],"illegal base32 data at input byte 0"],
  ["b32dec",["\"NBSWY3DP\\n\""],"hello"],
  ["b32dec",["\"MFRGG===\""],"abc"],
  ["b32dec",["\"MFRA====\""],"ab"],
  ["b32dec",["\"\""],""],
  ["b32dec",["\"ME======ME======\""],"illegal base32 data at input byte 2"],
  ["sha1sum",["\"hello\""],"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"],
  ["sha1sum",["\"\""],"da39a3ee5e6b4b0d3255bfef95601890afd80709"],
  ["sha256sum",["\"hello\""],"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"],
  ["sha256sum",["\"日本\""],"cf2abf0c5be326cb922a70f8163f91079c4d9aa8655c60ead89ad545c9de2e92"],
  ["sha256sum",["\"\""],"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["adler32sum",["\"hello\""],"103547413"],
  ["adler32sum",["\"\""],"1"],
  ["adler32sum",["\"Wikipedia\""],"300286872"],
];

const funcs = funcMap([...encodingFuncs, ...cryptoFuncs]);

describeOracleTable('encoding functions vs the oracle', funcs, table);

describe('encoding: bytes that are not UTF-8', () => {
  it('b64dec keeps raw bytes (Go strings are bytes)', () => {
    expect(funcs.get('b64dec')!.call(['/w=='])).toBe('\udcff');
    expect(funcs.get('b64enc')!.call(['\udcff'])).toBe('/w==');
  });
});
