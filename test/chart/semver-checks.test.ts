// Helm's chart version checks run on the Sprig semver port (src/functions/sprig/semver.ts,
// Masterminds/semver v3.2.1 as Helm pins it). Error texts are Masterminds' (Helm wraps them).
import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../../src/chart/context.js';
import { isCompatibleRange, parseVersion } from '../../src/chart/dependencies.js';

describe('parseKubeVersion (chartutil.ParseKubeVersion)', () => {
  it('normalises to v-prefixed major.minor.patch', () => {
    expect(parseKubeVersion('1.29')).toEqual({ version: 'v1.29.0', major: '1', minor: '29' });
    expect(parseKubeVersion('v1.30.2-eks+abc')).toEqual({ version: 'v1.30.2-eks+abc', major: '1', minor: '30' });
  });
  const bad: [string, string][] = [
    ['1.x', 'Invalid Semantic Version'],
    ['1.2.3-01', 'Version segment starts with 0'],
    ['1.99999999999999999999', 'Error parsing version segment: strconv.ParseUint: parsing "99999999999999999999": value out of range'],
  ];
  for (const [v, msg] of bad) {
    it(`rejects ${v}`, () => expect(() => parseKubeVersion(v)).toThrow(`invalid kube version '${v}': ${msg}`));
  }
});

describe('isCompatibleRange (chartutil.IsCompatibleRange)', () => {
  const table: [string, string, boolean][] = [
    ['>=1.20.0-0', 'v1.29.3', true],
    ['<1.20', 'v1.29.3', false],
    ['~1.29', '1.29.9', true],
    ['^1.2.0', '2.0.0', false],
    ['1.2 - 1.4.5 <1.4', '1.3.0', true], // semver 3.2.1 (Helm); 3.2.0 fails to parse this
    ['bogus', '1.0.0', false],
    ['>=1.0', 'bogus', false],
    ['>=1.0', '1.0.0-rc.1', false], // a pre-release needs a pre-release constraint
  ];
  for (const [c, v, want] of table) it(`${c} ∋ ${v}: ${want}`, () => expect(isCompatibleRange(c, v)).toBe(want));
  it('parseVersion is null for a non-version', () => {
    expect(parseVersion('1.2.3.4')).toBeNull();
    expect(parseVersion('v1.2')).not.toBeNull();
  });
});
