// The generated schemas (scripts/gen-schemas.mjs) and the precompiled validators.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getValidator, KUBE_VERSIONS, pointerToSegs } from '../../src/validate/schema.js';
import { formatPath } from '../../src/validate/finding.js';

const root = new URL('../../', import.meta.url);
const lax = JSON.parse(readFileSync(new URL('schemas/pod.schema.json', root), 'utf8'));
const strict = JSON.parse(readFileSync(new URL('schemas/pod-strict.schema.json', root), 'utf8'));

describe('generated schemas', () => {
  it('has a Pod root per minor, in both variants', () => {
    for (const v of KUBE_VERSIONS) {
      expect(lax.$defs[`Pod-v${v}`]).toBeDefined();
      expect(strict.$defs[`Pod-v${v}`]).toBeDefined();
      expect(getValidator(v, false)).toBeTypeOf('function');
      expect(getValidator(v, true)).toBeTypeOf('function');
    }
  });
  it('the compiled validators were generated from the committed schema', () => {
    const sha = createHash('sha256').update(JSON.stringify(lax)).digest('hex').slice(0, 16);
    expect(readFileSync(new URL('src/validate/generated/validators.ts', root), 'utf8').slice(0, 400)).toContain(sha);
  });
  it('uses $ref for structs, strips descriptions, overlays enums, formats quantities', () => {
    const text = JSON.stringify(lax);
    expect(text).not.toContain('"description"');
    expect(text).not.toContain('x-kubernetes');
    const spec = lax.$defs['io.k8s.api.core.v1.PodSpec'];
    expect(spec.properties.containers.items.$ref).toMatch(/^#\/\$defs\/io\.k8s\.api\.core\.v1\.Container/);
    expect(spec.properties.restartPolicy.enum).toEqual(['Always', 'Never', 'OnFailure', null]);
    expect(lax.$defs['io.k8s.apimachinery.pkg.api.resource.Quantity'].format).toBe('quantity');
    expect(lax.$defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].format).toBe('int-or-string');
  });
  it('strict closes structs but not maps', () => {
    const c = strict.$defs['io.k8s.api.core.v1.Container'];
    expect(c.additionalProperties).toBe(false);
    expect(c.properties.resources.$ref).toBeDefined();
    const meta = strict.$defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'];
    expect(meta.properties.labels.additionalProperties).toEqual({ type: ['string', 'null'] });
  });
  it('newer minors know newer fields', () => {
    const pod = { spec: { containers: [{ name: 'a', image: 'b' }], resources: { limits: { cpu: '1' } } } };
    // PodSpec.resources (pod-level resources) appears in 1.32.
    expect(getValidator('1.31', true)!(pod)).toBe(false);
    expect(getValidator('1.35', true)!(pod)).toBe(true);
  });
  it('maps JSON pointers to API-server paths', () => {
    const data = { spec: { containers: [{ resources: { limits: { cpu: 'x' } } }] } };
    expect(formatPath(pointerToSegs('/spec/containers/0/resources/limits/cpu', data))).toBe('spec.containers[0].resources.limits[cpu]');
  });
});
