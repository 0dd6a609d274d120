// containers.ts: the API server's per-container rules (pkg/apis/core/validation: validateContainers,
// ValidateResourceRequirements, ValidateVolumeMounts, validateContainerPorts, ValidateEnv, validateProbe …).
import { duplicate, forbidden, invalid, MapKey, quoteGo, notSupported, required, type PathSeg } from '../finding.js';
import { cmpQuantity, parseQuantity, quantityString, signQuantity } from '../quantity.js';
import { get, has, isEmpty, list, obj, str, type Obj, type RuleContext } from './context.js';
import { isDNS1123Label, isEnvVarName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names.js';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** checkContainers runs every container rule over initContainers and containers of spec (at specPath). */
export function checkContainers(ctx: RuleContext, spec: Obj, specPath: PathSeg[], volumeNames: Set<string>): void {
  // Go: regular containers are checked first; init containers may not reuse any name (the duplicate is
  // reported on the init container).
  const names = new Map<string, true>();
  for (const field of ['containers', 'initContainers'] as const) {
    list(get(spec, field)).forEach((c, i) => {
      const co = obj(c);
      if (!co) return;
      const p: PathSeg[] = [...specPath, field, i];
      const name = get(co, 'name');
      if (isEmpty(name)) ctx.error('container-name', [...p, 'name'], required());
      else if (typeof name === 'string') {
        for (const m of isDNS1123Label(name)) ctx.error('dns-name', [...p, 'name'], invalid(name, m));
        // Go: names must be unique across init and regular containers.
        if (names.has(name)) ctx.error('container-name-unique', [...p, 'name'], duplicate(name));
        names.set(name, true);
      }
      if (isEmpty(get(co, 'image'))) ctx.error('image-required', [...p, 'image'], required());
      checkEnum(ctx, co, 'imagePullPolicy', PULL_POLICIES, p);
      checkEnum(ctx, co, 'terminationMessagePolicy', TERMINATION_MESSAGE_POLICIES, p);
      checkRestartPolicy(ctx, co, p, field === 'initContainers');
      checkResources(ctx, obj(get(co, 'resources')), [...p, 'resources']);
      checkVolumeMounts(ctx, list(get(co, 'volumeMounts')), [...p, 'volumeMounts'], volumeNames);
      checkPorts(ctx, list(get(co, 'ports')), [...p, 'ports']);
      checkEnv(ctx, list(get(co, 'env')), [...p, 'env']);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const pr = obj(get(co, probe));
        if (pr) checkHandler(ctx, pr, [...p, probe], ['exec', 'httpGet', 'tcpSocket', 'grpc']);
      }
      const lc = obj(get(co, 'lifecycle'));
      for (const hook of ['postStart', 'preStop']) {
        const h = obj(get(lc, hook));
        if (h) checkHandler(ctx, h, [...p, 'lifecycle', hook], ['exec', 'httpGet', 'tcpSocket', 'sleep']);
      }
      checkContainerSecurity(ctx, obj(get(co, 'securityContext')), [...p, 'securityContext']);
    });
  }
}

/** checkEnum reports a set, non-empty value outside valid (empty strings are defaulted by the API server). */
export function checkEnum(ctx: RuleContext, o: Obj, key: string, valid: string[], p: PathSeg[]): void {
  const v = get(o, key);
  if (isEmpty(v)) return;
  if (typeof v !== 'string' || !valid.includes(v)) ctx.error('enum', [...p, key], notSupported(v, valid));
}

function checkRestartPolicy(ctx: RuleContext, c: Obj, p: PathSeg[], init: boolean): void {
  if (!has(c, 'restartPolicy')) return;
  const v = get(c, 'restartPolicy');
  if (!init) ctx.error('container-restart-policy', [...p, 'restartPolicy'], forbidden('may not be set for non-init containers'));
  else if (v !== 'Always') ctx.error('container-restart-policy', [...p, 'restartPolicy'], notSupported(v, ['Always']));
}

/** isStandardContainerResource is cpu, memory, ephemeral-storage or hugepages-*. */
function isStandard(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
}

/** isNative: no domain, or a kubernetes.io domain. */
function isNative(name: string): boolean {
  const i = name.indexOf('/');
  if (i < 0) return true;
  const d = name.slice(0, i);
  return d === 'kubernetes.io' || d.endsWith('.kubernetes.io');
}

/** overcommitAllowed: native resources other than hugepages may have requests below limits. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-');
}

/** checkResources is ValidateResourceRequirements: names, non-negative values, requests ≤ limits (= for extended). */
export function checkResources(ctx: RuleContext, res: Obj | undefined, p: PathSeg[]): void {
  if (!res) return;
  const limits = obj(get(res, 'limits'));
  const requests = obj(get(res, 'requests'));
  const limitQ = new Map<string, ReturnType<typeof parseQuantity>>();
  const checkValue = (kind: 'limits' | 'requests', name: string, raw: unknown) => {
    const kp: PathSeg[] = [...p, kind, new MapKey(name)];
    if (!isStandard(name) && isNative(name)) ctx.error('resource-name', kp, invalid(name, 'must be a standard resource for containers'));
    if (typeof raw !== 'string' && typeof raw !== 'number') return undefined; // schema reports the type
    const q = parseQuantity(raw);
    if (!q) return undefined; // schema reports the format
    if (signQuantity(q) < 0) ctx.error('resource-value', kp, invalid(quantityString(q), 'must be greater than or equal to 0'));
    return q;
  };
  if (limits) for (const name of Object.keys(limits).sort()) limitQ.set(name, checkValue('limits', name, limits[name]));
  if (requests) {
    for (const name of Object.keys(requests).sort()) {
      const q = checkValue('requests', name, requests[name]);
      if (!q) continue;
      if (limitQ.has(name)) {
        const l = limitQ.get(name);
        if (!l) continue;
        const c = cmpQuantity(q, l);
        if (c !== 0 && !overcommitAllowed(name))
          ctx.error('requests-limits', [...p, 'requests'], invalid(quantityString(q), `must be equal to ${name} limit of ${quantityString(l)}`));
        else if (c > 0)
          ctx.error('requests-limits', [...p, 'requests'], invalid(quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(l)}`));
      } else if (!overcommitAllowed(name)) {
        ctx.error('requests-limits', [...p, 'limits'], required('Limit must be set for non overcommitable resources'));
      }
    }
  }
}

function checkVolumeMounts(ctx: RuleContext, mounts: unknown[], p: PathSeg[], volumeNames: Set<string>): void {
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const mo = obj(m);
    if (!mo) return;
    const mp: PathSeg[] = [...p, i];
    const name = get(mo, 'name');
    // Go (ValidateVolumeMounts): an empty name is both Required and Not found.
    if (isEmpty(name)) ctx.error('volume-mount-name', [...mp, 'name'], required());
    if (isEmpty(name) || (typeof name === 'string' && !volumeNames.has(name)))
      ctx.error('volume-mount-name', [...mp, 'name'], `Not found: ${quoteGo(typeof name === 'string' ? name : '')}`);
    const path = get(mo, 'mountPath');
    if (isEmpty(path)) ctx.error('mount-path', [...mp, 'mountPath'], required());
    else if (typeof path === 'string') {
      if (paths.has(path)) ctx.error('mount-path-unique', [...mp, 'mountPath'], invalid(path, 'must be unique'));
      paths.add(path);
    }
    const sub = get(mo, 'subPath');
    // Go quirk: the subPath errors name `volumeMounts.subPath`, without the index; we point at the mount's subPath.
    if (typeof sub === 'string' && sub !== '') checkLocalDescendingPath(ctx, sub, [...p, 'subPath'], [...mp, 'subPath']);
  });
}

/** checkLocalDescendingPath is validateLocalDescendingPath: relative, no `..` element. */
function checkLocalDescendingPath(ctx: RuleContext, v: string, p: PathSeg[], loc: PathSeg[]): void {
  if (v.startsWith('/')) ctx.errorAt('sub-path', p, invalid(v, 'must be a relative path'), loc);
  if (v.split('/').includes('..')) ctx.errorAt('sub-path', p, invalid(v, "must not contain '..'"), loc);
}

function checkPorts(ctx: RuleContext, ports: unknown[], p: PathSeg[]): void {
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const po = obj(port);
    if (!po) return;
    const pp: PathSeg[] = [...p, i];
    const name = get(po, 'name');
    if (typeof name === 'string' && name !== '') {
      // Go (validateContainerPorts): uniqueness is checked only for valid names.
      const msgs = isValidPortName(name);
      for (const m of msgs) ctx.error('port-name', [...pp, 'name'], invalid(name, m));
      if (msgs.length === 0 && names.has(name)) ctx.error('port-name-unique', [...pp, 'name'], duplicate(name));
      names.add(name);
    }
    const cp = get(po, 'containerPort');
    if (typeof cp === 'number') {
      if (cp === 0) ctx.error('port-range', [...pp, 'containerPort'], required());
      else for (const m of isValidPortNum(cp)) ctx.error('port-range', [...pp, 'containerPort'], invalid(cp, m));
    }
    const hp = get(po, 'hostPort');
    if (typeof hp === 'number' && hp !== 0) for (const m of isValidPortNum(hp)) ctx.error('port-range', [...pp, 'hostPort'], invalid(hp, m));
    checkEnum(ctx, po, 'protocol', PROTOCOLS, pp);
  });
}

function checkEnv(ctx: RuleContext, env: unknown[], p: PathSeg[]): void {
  const relaxed = ctx.atLeast('1.32');
  const fileKeyRef = ctx.atLeast('1.34');
  env.forEach((e, i) => {
    const eo = obj(e);
    if (!eo) return;
    const ep: PathSeg[] = [...p, i];
    const name = get(eo, 'name');
    if (isEmpty(name)) ctx.error('env-name', [...ep, 'name'], required());
    else if (typeof name === 'string') {
      const msgs = relaxed ? isRelaxedEnvVarName(name) : isEnvVarName(name);
      for (const m of msgs) ctx.error('env-name', [...ep, 'name'], invalid(name, m));
    }
    const vf = obj(get(eo, 'valueFrom'));
    if (!vf) return;
    const vp: PathSeg[] = [...ep, 'valueFrom'];
    const value = get(eo, 'value');
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', ...(fileKeyRef ? ['fileKeyRef'] : [])].filter((k) =>
      has(vf, k),
    );
    // Go (validateEnvVarValueFrom): exactly one of these three, in this order.
    if (sources.length === 0)
      ctx.error('env-value-from', vp, invalid('', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (!isEmpty(value)) ctx.error('env-value-source', vp, invalid('', 'may not be specified when `value` is not empty'));
    else if (sources.length > 1) ctx.error('env-value-from', vp, invalid('', 'may not have more than one field specified at a time'));
    const fr = obj(get(vf, 'fieldRef'));
    if (fr) {
      const fp = get(fr, 'fieldPath');
      const fpp: PathSeg[] = [...vp, 'fieldRef', 'fieldPath'];
      if (isEmpty(fp)) ctx.error('env-field-ref', fpp, required());
      else if (typeof fp === 'string' && !FIELD_PATHS.includes(fp) && !/^metadata\.(labels|annotations)\['[^']*'\]$/.test(fp))
        ctx.error('env-field-ref', fpp, notSupported(fp, FIELD_PATHS));
    }
    for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
      const r = obj(get(vf, ref));
      if (r && isEmpty(get(r, 'key'))) ctx.error('env-value-from', [...vp, ref, 'key'], required());
    }
  });
}

/** checkHandler requires exactly one of the handler fields (probes, lifecycle hooks). */
function checkHandler(ctx: RuleContext, h: Obj, p: PathSeg[], kinds: string[]): void {
  const set = kinds.filter((k) => has(h, k));
  if (set.length === 0) ctx.error('probe-handler', p, required('must specify a handler type'));
  for (const k of set.slice(1)) ctx.error('probe-handler', [...p, k], forbidden('may not specify more than 1 handler type'));
}

/** checkContainerSecurity: IDs in range, privileged with allowPrivilegeEscalation false. */
export function checkContainerSecurity(ctx: RuleContext, sc: Obj | undefined, p: PathSeg[]): void {
  if (!sc) return;
  checkIds(ctx, sc, p, ['runAsUser', 'runAsGroup']);
  if (get(sc, 'allowPrivilegeEscalation') === false) {
    if (get(sc, 'privileged') === true)
      ctx.error('security-context', p, invalid(sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    for (const cap of list(get(obj(get(sc, 'capabilities')), 'add')))
      if (cap === 'CAP_SYS_ADMIN') ctx.error('security-context', p, invalid(sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
  }
}

/** checkIds is IsValidUserID / IsValidGroupID: 0 ≤ id ≤ 2147483647. */
export function checkIds(ctx: RuleContext, sc: Obj, p: PathSeg[], keys: string[]): void {
  for (const k of keys) {
    const v = get(sc, k);
    if (typeof v === 'number' && Number.isInteger(v) && (v < 0 || v > 2147483647))
      ctx.error('security-context', [...p, k], invalid(v, 'must be between 0 and 2147483647, inclusive'));
  }
}

export { str };
