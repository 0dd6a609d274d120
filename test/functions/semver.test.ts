// Masterminds/semver v3.2.1 (Helm's pin) through Sprig's semver/semverCompare; expectations from the oracle
// except where 3.2.1 differs from the oracle's 3.2.0 (noted).
import { describe, expect, it } from 'vitest';
import { GoStruct, type GoValue } from '../../src/template/value.js';
import { semverFuncs } from '../../src/functions/sprig/semver.js';

const call = (name: string, ...args: GoValue[]) => semverFuncs.find((x) => x.name === name)!.call(args);

describe('sprig semver', () => {
  it('semver parses loosely and prints canonically', () => {
    const v = call('semver', 'v1.2') as GoStruct;
    expect(v.stringer!()).toBe('1.2.0');
    expect(v.methods.get('Original')!.call([])).toBe('v1.2');
    expect(() => call('semver', '1.2.3.4')).toThrow('Invalid Semantic Version');
    expect(() => call('semver', '1.2.3-01')).toThrow('Version segment starts with 0');
  });
  const table: [string, string, boolean][] = [
    ['^1.2.3', '1.3.0', true], ['^0.2.3', '0.3.0', false], ['~1.2', '1.2.9', true], ['>=1.2.3', '1.2.3-beta', false],
    ['>=1.2.3-0', '1.2.3-beta', true], ['1.x', '2.0.0', false], ['<1 || >2', '2.0.1', false], ['<1 || >2', '3.0.0', true], ['1.0 - 2.0', '2.0.0', true],
    // Semver 3.2.1 (Helm); the oracle's 3.2.0 fails with `improper constraint: >= 1.2, <= 1.4.5<1.4`.
    ['1.2 - 1.4.5 <1.4', '1.3.0', true], ['1.2.3 - 2.3.4 1.0', '1.5.0', false],
  ];
  for (const [c, v, want] of table) it(`${c} ${v}`, () => expect(call('semverCompare', c, v)).toBe(want));
  it('errors', () => {
    expect(() => call('semverCompare', 'bad', '1.0.0')).toThrow('improper constraint: bad');
    expect(() => call('semverCompare', '>1', 'bad')).toThrow('Invalid Semantic Version');
  });
});
