#!/usr/bin/env node
// gen-schemas.mjs: turns ../shared/k8s-schema/ (yannh standalone schemas, everything inlined)
// into podtpl's Pod schemas for Kubernetes 1.31–1.35, then compiles them ahead of time with
// ajv's standalone code generator.
//
//   node scripts/gen-schemas.mjs [--src ../shared/k8s-schema]
//
// Writes (all committed, so `npm ci && npm test` needs no generation step):
//   schemas/pod.schema.json          $defs shared by every version + one root `Pod-v1.3x` per minor
//   schemas/pod-strict.schema.json   the same with additionalProperties:false on every non-map object
//   src/validate/generated/validators.ts   ajv standalone code exporting one validator per (version, strict)
//
// Steps: (1) extract PodTemplateSpec.{metadata,spec} from each Deployment schema; (2) walk it beside the
// 1.28 OpenAPI document to recover definition names (io.k8s.api.core.v1.Container …) and turn every
// struct into a $defs entry referenced by $ref; types that 1.28 lacks are named parent.field;
// (3) strip descriptions and x-kubernetes-* keys; (4) overlay enums from 1.28 where the yannh file has
// none; (5) Quantity / IntOrString become shared definitions with formats `quantity` / `int-or-string`;
// (6) a definition whose content differs between versions gets the suffix `@v1.3x` of the first minor
// with that content, so identical definitions are stored (and compiled) once.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const srcArg = process.argv.indexOf('--src');
const src = srcArg > 0 ? resolve(process.argv[srcArg + 1]) : resolve(root, '../shared/k8s-schema');

export const VERSIONS = ['1.31', '1.32', '1.33', '1.34', '1.35'];
const openapi = JSON.parse(readFileSync(join(src, 'openapi-v2-1.28.0.json'), 'utf8')).definitions;

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

/** refName extracts the definition name from an OpenAPI v2 `$ref`. */
function refName(p) {
  const r = p?.$ref ?? p?.items?.$ref ?? p?.additionalProperties?.$ref ?? p?.allOf?.[0]?.$ref;
  return r ? r.replace('#/definitions/', '') : undefined;
}

/** isOneOfStringNumber recognises yannh's rendering of Quantity (string|number) and IntOrString (string|integer). */
function oneOfKind(node) {
  if (!Array.isArray(node.oneOf) || node.oneOf.length !== 2) return undefined;
  const t = node.oneOf.map((o) => [o.type].flat().filter((x) => x !== 'null').join());
  if (t[0] === 'string' && t[1] === 'number') return QUANTITY;
  if (t[0] === 'string' && t[1] === 'integer') return INT_OR_STRING;
  return undefined;
}

/** convertVersion returns {defs: Map<name, schema>, rootName} for one minor, names not yet versioned. */
function convertVersion(v) {
  const dep = JSON.parse(readFileSync(join(src, `v${v}.0-standalone`, 'deployment-apps-v1.json'), 'utf8'));
  const tpl = dep.properties.spec.properties.template;
  const defs = new Map();

  // walk converts an inline node; apiName is the 1.28 definition it corresponds to (if known),
  // apiProp the 1.28 property schema (for enums), fallbackName the name to use for a new struct.
  function walk(node, apiName, apiProp, fallbackName) {
    const kind = oneOfKind(node);
    if (kind) return { $ref: `#/$defs/${kind}` };
    const out = {};
    if (node.type !== undefined) out.type = node.type;
    // int32 becomes a range (the API server rejects a JSON number that overflows int32); int64 is
    // JavaScript's safe-integer range in practice, so `type: integer` says all that can be checked.
    if (node.format === 'int32') Object.assign(out, { minimum: -2147483648, maximum: 2147483647 });
    else if (node.format !== undefined && node.format !== 'int64') out.format = node.format;
    if (node.enum !== undefined) out.enum = node.enum;
    else {
      const e = apiProp?.enum ?? apiProp?.items?.enum;
      if (e && !node.items) out.enum = withNull(e, node.type);
    }
    if (node.required) out.required = node.required;
    if (node.items) {
      const itemApiName = apiProp?.items?.$ref ? refName(apiProp.items) : undefined;
      out.items = walk(node.items, itemApiName, apiProp?.items, fallbackName + 'Item');
      if (node.items.enum === undefined && apiProp?.items?.enum) out.items.enum = withNull(apiProp.items.enum, node.items.type);
    }
    if (node.additionalProperties !== undefined) {
      const ap = node.additionalProperties;
      out.additionalProperties =
        typeof ap === 'object' ? walk(ap, refName(apiProp?.additionalProperties), apiProp?.additionalProperties, fallbackName + 'Value') : ap;
    }
    if (node.properties) {
      let name = apiName ?? fallbackName;
      const api = apiName ? openapi[apiName] : undefined;
      const props = {};
      for (const [k, child] of Object.entries(node.properties)) {
        const ap = api?.properties?.[k];
        const direct = ap?.$ref ?? ap?.allOf?.[0]?.$ref;
        props[k] = walk(child, direct ? direct.replace('#/definitions/', '') : undefined, ap, `${name}.${k}`);
      }
      out.properties = props;
      if (name === QUANTITY || name === INT_OR_STRING) throw new Error('unexpected struct ' + name);
      // The definition has no `type`: nullability differs between uses (`preference` vs `nodeSelectorTerms[]`),
      // so the type stays at the $ref site (ajv applies keywords beside $ref).
      const { type, ...body } = out;
      // A 1.28 name reused by a different struct in this minor (PVC `resources` became VolumeResourceRequirements)
      // falls back to the path name.
      if (defs.has(name) && JSON.stringify(defs.get(name)) !== JSON.stringify(body)) name = fallbackName;
      if (defs.has(name) && JSON.stringify(defs.get(name)) !== JSON.stringify(body)) throw new Error(`v${v}: two different schemas named ${name}`);
      defs.set(name, body);
      return type === undefined ? { $ref: `#/$defs/${name}` } : { type, $ref: `#/$defs/${name}` };
    }
    return out;
  }

  const podTemplateApi = openapi['io.k8s.api.core.v1.PodTemplateSpec'];
  const meta = walk(tpl.properties.metadata, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', podTemplateApi.properties.metadata, 'ObjectMeta');
  const spec = walk(tpl.properties.spec, 'io.k8s.api.core.v1.PodSpec', podTemplateApi.properties.spec, 'PodSpec');
  defs.set('io.k8s.api.core.v1.Pod', {
    type: 'object',
    properties: {
      apiVersion: { type: ['string', 'null'] },
      kind: { type: ['string', 'null'] },
      metadata: meta,
      spec,
      status: { type: ['object', 'null'] },
    },
  });
  defs.set(QUANTITY, { type: ['string', 'number', 'null'], format: 'quantity' });
  defs.set(INT_OR_STRING, { type: ['string', 'integer', 'null'], format: 'int-or-string' });
  return defs;
}

/** withNull adds null to an enum when the field's type admits null (yannh's nullable types). */
function withNull(e, type) {
  return [type].flat().includes('null') && !e.includes(null) ? [...e, null] : [...e];
}

/** strictify returns a copy with additionalProperties:false on every object that has properties (not a map). */
function strictify(s) {
  if (Array.isArray(s)) return s.map(strictify);
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === 'enum' || k === 'required' ? v : strictify(v);
  if (s.properties && s.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

// Merge versions: identical definitions are shared; a changed one gets a versioned name.
const perVersion = VERSIONS.map((v) => ({ v, defs: convertVersion(v) }));
const shared = new Map(); // final name -> schema
for (const { v, defs } of perVersion) {
  // Resolve names bottom-up: a def's final name depends on its content with refs already renamed.
  const finalName = new Map();
  const resolveName = (name, stack = new Set()) => {
    if (finalName.has(name)) return finalName.get(name);
    if (stack.has(name)) throw new Error('recursive definition ' + name);
    stack.add(name);
    const body = JSON.parse(
      JSON.stringify(defs.get(name)).replace(/"#\/\$defs\/([^"]+)"/g, (_, n) => JSON.stringify('#/$defs/' + resolveName(n, stack))),
    );
    const text = JSON.stringify(body);
    let chosen;
    for (const [cand, s] of shared) {
      if ((cand === name || cand.startsWith(name + '@')) && JSON.stringify(s) === text) chosen = cand;
    }
    if (!chosen) {
      chosen = shared.has(name) ? `${name}@v${v}` : name;
      shared.set(chosen, body);
    }
    finalName.set(name, chosen);
    return chosen;
  };
  for (const name of defs.keys()) resolveName(name);
  shared.set(`Pod-v${v}`, { $ref: `#/$defs/${finalName.get('io.k8s.api.core.v1.Pod')}` });
}

const sorted = Object.fromEntries([...shared].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const lax = { $id: 'https://podtpl.dev/schemas/pod.schema.json', $defs: sorted };
const strict = { $id: 'https://podtpl.dev/schemas/pod-strict.schema.json', $defs: strictify(sorted) };
mkdirSync(join(root, 'schemas'), { recursive: true });
writeFileSync(join(root, 'schemas/pod.schema.json'), JSON.stringify(lax, null, 1) + '\n');
writeFileSync(join(root, 'schemas/pod-strict.schema.json'), JSON.stringify(strict, null, 1) + '\n');

// ---- ahead-of-time compilation -------------------------------------------------------------
// Kubernetes' quantity grammar (k8s.io/apimachinery/pkg/api/resource/quantity.go):
//   <quantity> ::= <signedNumber><suffix>; suffix: Ki|Mi|Gi|Ti|Pi|Ei | m|""|k|M|G|T|P|E | e<int>|E<int>
export const QUANTITY_RE = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[mkMGTPE]|[eE][+-]?[0-9]+)?$';
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  strictTypes: false, // definitions carry no `type` (see walk)
  inlineRefs: false,
  code: { source: true, esm: true, lines: false, optimize: true },
  formats: {
    quantity: new RegExp(QUANTITY_RE),
    'int-or-string': /^/,
    'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/,
  },
});
ajv.addSchema(lax);
ajv.addSchema(strict);
const exportsMap = {};
for (const v of VERSIONS) {
  const id = v.replace('.', '_');
  exportsMap[`pod_${id}`] = `${lax.$id}#/$defs/Pod-v${v}`;
  exportsMap[`pod_${id}_strict`] = `${strict.$id}#/$defs/Pod-v${v}`;
}
let code = standaloneCode(ajv, exportsMap);
const header =
  '// @ts-nocheck\n// GENERATED by scripts/gen-schemas.mjs from schemas/pod*.schema.json (ajv standalone). Do not edit.\n' +
  `// Sources: ${Object.keys(exportsMap).length} validators; sha256 of pod.schema.json ${createHash('sha256').update(JSON.stringify(lax)).digest('hex').slice(0, 16)}\n`;
if (/\brequire\(/.test(code)) throw new Error('standalone code still requires a runtime module');
mkdirSync(join(root, 'src/validate/generated'), { recursive: true });
writeFileSync(join(root, 'src/validate/generated/validators.ts'), header + code);
const sizes = ['schemas/pod.schema.json', 'schemas/pod-strict.schema.json', 'src/validate/generated/validators.ts'].map(
  (f) => `${f} ${(readFileSync(join(root, f)).length / 1024).toFixed(0)} KB`,
);
console.log(`definitions: ${shared.size}\n${sizes.join('\n')}`);
