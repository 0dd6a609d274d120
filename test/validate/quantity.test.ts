// Kubernetes quantities: canonical printing follows Quantity.String() (CanonicalizeBytes) in
// k8s.io/apimachinery/pkg/api/resource; the cases are the documented examples of quantity.go.
import { describe, expect, it } from 'vitest';
import { cmpQuantity, parseQuantity, quantityString } from '../../src/validate/quantity.js';

const canonical: [string | number, string][] = [
  ['2', '2'],
  ['2000m', '2'],
  ['1500m', '1500m'],
  ['0.5', '500m'],
  [0.5, '500m'],
  ['1.5', '1500m'],
  ['1024Mi', '1Gi'],
  ['1536Mi', '1536Mi'],
  ['512', '512'],
  ['1Ki', '1Ki'],
  ['100Ki', '100Ki'],
  ['1000', '1k'],
  ['1e3', '1e3'],
  ['1E6', '1e6'],
  ['0.1m', '1m'], // rounds up to milli
  ['12e-1', '1200e-3'], // DecimalExponent keeps its format
  ['5G', '5G'],
  ['0', '0'],
  ['-1', '-1'],
  [1, '1'],
];
const bad = ['1.5.Gi', '', 'abc', '1Gb', '1 Gi', 'Gi', '.', '1ki', '--1', '1e', '1.5x'];

describe('quantity', () => {
  it.each(canonical)('%j prints as %s', (input, want) => {
    const q = parseQuantity(input);
    expect(q).toBeDefined();
    expect(quantityString(q!)).toBe(want);
  });
  it.each(bad)('%j is not a quantity', (input) => expect(parseQuantity(input)).toBeUndefined());
  it('compares exactly', () => {
    const q = (s: string) => parseQuantity(s)!;
    expect(cmpQuantity(q('1Gi'), q('1024Mi'))).toBe(0);
    expect(cmpQuantity(q('1G'), q('1Gi'))).toBe(-1);
    expect(cmpQuantity(q('500m'), q('0.5'))).toBe(0);
    expect(cmpQuantity(q('2'), q('1999m'))).toBe(1);
  });
});
