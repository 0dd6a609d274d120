// getHostByName never touches the network: "" as Helm without --enable-dns (in every mode).
import { describe, expect, it } from 'vitest';
import { networkFuncs } from '../../src/functions/sprig/network.js';

describe('getHostByName', () => {
  it('returns "" offline', () => {
    const f = networkFuncs.find((x) => x.name === 'getHostByName')!;
    expect(f.in).toEqual(['string']);
    expect(f.call(['localhost'])).toBe('');
    expect(f.call(['example.com'])).toBe('');
  });
});
