// genCase builds one random batch-protocol request. Case (mode, seed, i) is a pure function
// of its arguments, so any mismatch can be regenerated from its id alone.
import { Rand } from './rand.mjs';
import { randomRootData, toYamlText } from './data.mjs';
import { TemplateGen, breakSyntax } from './template.mjs';

const DEFINE_NAMES = ['fz.name', 'fz.labels', 'fz.block', 'fz.fullname', 'fz-helper', 'fz.x'];

/** caseId names case i of a seed and mode; parseCaseId reverses it. */
export function caseId(mode, seed, i) {
  return `gen-${mode}-${seed}-${i}`;
}

/** genCase returns the request for case i of (mode, seed). timeoutMs bounds the oracle. */
export function genCase(mode, seed, i, timeoutMs = 10000) {
  const r = new Rand(`${mode}/${seed}/${i}`);
  const req = { id: caseId(mode, seed, i), mode };
  const data = randomRootData(r);
  const intNumbers = mode !== 'helm' && r.chance(0.3);
  const clean = r.chance(0.8);
  const gen = new TemplateGen(r, mode, data, { intNumbers, clean });
  const templates = {};
  const nDefines = r.weighted([[4, 0], [3, 1], [2, 2], [1, 3]]);
  const names = [...DEFINE_NAMES].sort(() => 0).filter(() => true);
  for (let k = 0; k < nDefines; k++) gen.defines.push(names.splice(r.int(names.length), 1)[0]);
  const defs = gen.defines.map((n) => gen.define(n)).join(r.pick(['', '\n']));
  if (mode === 'helm') {
    if (defs) templates['templates/_helpers.tpl'] = defs;
    templates['templates/main.yaml'] = gen.body(r.range(2, 10));
    if (r.chance(0.15)) templates['templates/other.yaml'] = gen.body(r.range(1, 4));
  } else {
    const inT = r.chance(0.5);
    templates.t = (inT && defs ? defs : '') + gen.body(r.range(2, 10));
    if (defs && !inT) templates.u = defs;
  }
  // About 10% deliberate syntax errors on top of the ones the grammar makes by chance.
  if (r.chance(0.07)) {
    const names2 = Object.keys(templates);
    const n = r.pick(names2);
    templates[n] = breakSyntax(r, templates[n]);
  }
  req.templates = templates;
  if (mode === 'helm') {
    if (r.chance(0.6)) req.valuesYaml = toYamlText(r, data);
    else req.values = data;
  } else {
    req.data = data;
    if (intNumbers) req.intNumbers = true;
  }
  req.timeoutMs = timeoutMs;
  return req;
}
