import type { GoFunc } from '../template/value.js';
import { stringsFuncs } from './sprig/strings.js';
import { listsFuncs } from './sprig/lists.js';
import { dictsFuncs } from './sprig/dicts.js';
import { defaultsFuncs } from './sprig/defaults.js';
import { reflectionFuncs } from './sprig/reflection.js';
import { conversionFuncs } from './sprig/conversion.js';
import { semverFuncs } from './sprig/semver.js';
import { pathsFuncs } from './sprig/paths.js';
import { flowFuncs } from './sprig/flow.js';
import { mathFuncs } from './sprig/math.js';
import { encodingFuncs } from './sprig/encoding.js';
import { cryptoFuncs } from './sprig/crypto.js';
import { regexFuncs } from './sprig/regex.js';
import { datesFuncs } from './sprig/dates.js';
import { uuidFuncs } from './sprig/uuid.js';
import { networkFuncs } from './sprig/network.js';

/** FuncMap maps a template function's name to its Go function. */
export type FuncMap = Map<string, GoFunc>;

const sprigAll: GoFunc[] = [
  ...stringsFuncs, ...listsFuncs, ...dictsFuncs, ...defaultsFuncs, ...reflectionFuncs,
  ...conversionFuncs, ...semverFuncs, ...pathsFuncs, ...flowFuncs, ...mathFuncs,
  ...encodingFuncs, ...cryptoFuncs, ...regexFuncs, ...datesFuncs, ...uuidFuncs, ...networkFuncs,
];

/**
 * sprigFuncMap returns Sprig 3.2.3's TxtFuncMap. Helm removes `env` and `expandenv`
 * (Helm: pkg/engine/funcs.go), which `withEnv: false` mirrors.
 */
export function sprigFuncMap(withEnv: boolean): FuncMap {
  const m: FuncMap = new Map();
  for (const f of sprigAll) {
    if (!withEnv && (f.name === 'env' || f.name === 'expandenv')) continue;
    m.set(f.name, f);
  }
  return m;
}
