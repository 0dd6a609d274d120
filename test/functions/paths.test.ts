// Go path / path/filepath (Linux) and net/url through Sprig's urlParse/urlJoin; expectations from the oracle.
import { describe, expect, it } from 'vitest';
import type { GoValue } from '../../src/template/value.js';
import { pathsFuncs } from '../../src/functions/sprig/paths.js';

const call = (name: string, ...args: GoValue[]) => pathsFuncs.find((x) => x.name === name)!.call(args);

describe('sprig paths', () => {
  const table: [string, string, GoValue][] = [
    ['base', '', '.'], ['base', '//', '/'], ['base', '/a/b/c/', 'c'], ['dir', 'a/b/c', 'a/b'], ['dir', '', '.'],
    ['clean', 'a//b/./c/..', 'a/b'], ['clean', '../a/../..', '../..'], ['clean', '/../x', '/x'],
    ['ext', 'a.tar.gz', '.gz'], ['ext', 'dir.x/file', ''], ['isAbs', '/x', true], ['osDir', '/a/b', '/a'],
  ];
  for (const [name, arg, want] of table) it(`${name} ${JSON.stringify(arg)}`, () => expect(call(name, arg)).toBe(want));
  it('urlParse', () => {
    const m = call('urlParse', 'https://user:pa%20ss@example.com:8443/a/b%2Fc?x=1#frag') as Map<string, GoValue>;
    expect(Object.fromEntries(m)).toEqual({
      scheme: 'https', host: 'example.com:8443', hostname: 'example.com', path: '/a/b/c', query: 'x=1',
      opaque: '', fragment: 'frag', userinfo: 'user:pa%20ss',
    });
    expect(() => call('urlParse', 'http://host/%zz')).toThrow('unable to parse url: parse "http://host/%zz": invalid URL escape "%zz"');
  });
  it('urlJoin', () => {
    const d = new Map<string, GoValue>([['scheme', 'https'], ['host', 'example.com'], ['path', '/a b'], ['query', 'x=1'], ['fragment', 'f g']]);
    expect(call('urlJoin', d)).toBe('https://example.com/a%20b?x=1#f%20g');
    expect(() => call('urlJoin', new Map<string, GoValue>([['host', 3]]))).toThrow('unable to parse host key, must be of type string, but float64 found');
  });
});
