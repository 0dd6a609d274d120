// secrets.ts: hiding secrets' literal values before a diff is shown. A worker pod carries secrets as
// literal env values (a connection URI, a token a deployment put in `env:`); references
// (`valueFrom.secretKeyRef`) are names, not secrets, and stay visible.
import { isObj, own } from './objects.js';

/** MASK replaces a secret value that is the same on both sides (or has no counterpart). */
export const MASK = '***';
/** MASK_OLD and MASK_NEW replace a secret value that changed: the change stays visible, the value does not. */
export const MASK_OLD = '*** (old value hidden)';
/** MASK_NEW: see MASK_OLD. */
export const MASK_NEW = '*** (new value hidden)';

const secretName = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|FERNET|CREDENTIAL|AUTH|SQL_ALCHEMY_CONN|^AIRFLOW_CONN_|_CONN$|CONNECTION|DSN$/i;
const uriWithPassword = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@/i;

/** isSecretEnv reports whether an env var's literal value is treated as a secret: by its name, or a URI with a password. */
export function isSecretEnv(name: string, value: unknown): boolean {
  return secretName.test(name) || (typeof value === 'string' && uriWithPassword.test(value));
}

const containerLists = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * maskSecretsPair returns copies of both pods (as far as they are touched) in which secret env
 * values are masked: MASK when equal on both sides, MASK_OLD / MASK_NEW when they differ. The
 * untouched parts are shared with the inputs (never mutated).
 */
export function maskSecretsPair(a: unknown, b: unknown): [unknown, unknown] {
  const sa = secretEnvs(a);
  const sb = secretEnvs(b);
  if (sa.size === 0 && sb.size === 0) return [a, b];
  const maskA = new Map<string, string>();
  const maskB = new Map<string, string>();
  for (const [k, v] of sa) {
    const other = sb.get(k);
    maskA.set(k, other === undefined || other === v ? MASK : MASK_OLD);
  }
  for (const [k, v] of sb) {
    const other = sa.get(k);
    maskB.set(k, other === undefined || other === v ? MASK : MASK_NEW);
  }
  return [applyMask(a, maskA), applyMask(b, maskB)];
}

/** secretEnvs lists the secret literal env values of a pod, keyed `list/container/env`. */
function secretEnvs(pod: unknown): Map<string, string> {
  const out = new Map<string, string>();
  forEachEnv(pod, (key, name, value) => {
    if (isSecretEnv(name, value)) out.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  });
  return out;
}

function specOf(pod: unknown): Record<string, unknown> | undefined {
  if (!isObj(pod)) return undefined;
  const spec = own(pod, 'spec');
  if (isObj(spec)) return spec;
  const tpl = own(pod, 'template');
  if (isObj(tpl) && isObj(own(tpl, 'spec'))) return own(tpl, 'spec') as Record<string, unknown>;
  return own(pod, 'containers') !== undefined ? pod : undefined;
}

function forEachEnv(pod: unknown, f: (key: string, name: string, value: unknown) => void): void {
  const spec = specOf(pod);
  if (!spec) return;
  for (const list of containerLists) {
    const cs = own(spec, list);
    if (!Array.isArray(cs)) continue;
    cs.forEach((c, ci) => {
      if (!isObj(c)) return;
      const env = own(c, 'env');
      if (!Array.isArray(env)) return;
      const cname = typeof own(c, 'name') === 'string' ? (own(c, 'name') as string) : `#${ci}`;
      for (const e of env) {
        if (!isObj(e)) continue;
        const name = own(e, 'name');
        if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(e, 'value')) continue;
        const v = own(e, 'value');
        if (v === null || v === '') continue;
        f(`${list}\u0000${cname}\u0000${name}`, name, v);
      }
    });
  }
}

function applyMask(pod: unknown, masks: Map<string, string>): unknown {
  if (masks.size === 0) return pod;
  const copy = (o: Record<string, unknown>): Record<string, unknown> => Object.assign(Object.create(null), o) as Record<string, unknown>;
  const root = copy(pod as Record<string, unknown>);
  // Copy down to the spec, whichever shape holds it.
  let spec: Record<string, unknown>;
  if (isObj(own(root, 'spec'))) {
    spec = copy(own(root, 'spec') as Record<string, unknown>);
    root.spec = spec;
  } else if (isObj(own(root, 'template')) && isObj(own(own(root, 'template') as Record<string, unknown>, 'spec'))) {
    const tpl = copy(own(root, 'template') as Record<string, unknown>);
    spec = copy(own(tpl, 'spec') as Record<string, unknown>);
    tpl.spec = spec;
    root.template = tpl;
  } else spec = root;
  for (const list of containerLists) {
    const cs = own(spec, list);
    if (!Array.isArray(cs)) continue;
    spec[list] = cs.map((c, ci) => {
      if (!isObj(c) || !Array.isArray(own(c, 'env'))) return c;
      const cname = typeof own(c, 'name') === 'string' ? (own(c, 'name') as string) : `#${ci}`;
      const cc = copy(c);
      cc.env = (own(c, 'env') as unknown[]).map((e) => {
        if (!isObj(e) || typeof own(e, 'name') !== 'string') return e;
        const m = masks.get(`${list}\u0000${cname}\u0000${own(e, 'name') as string}`);
        if (m === undefined) return e;
        const ec = copy(e);
        ec.value = m;
        return ec;
      });
      return cc;
    });
  }
  return root;
}
