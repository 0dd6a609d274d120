// pod.ts: pod-level API-server rules: metadata name, volumes, pod enums, tolerations, affinity, pod securityContext.
import { forbidden, invalid, notSupported, quoteGo, required, type PathSeg } from '../finding.js';
import { checkContainers, checkEnum, checkIds } from './containers.js';
import { get, has, isEmpty, list, obj, type Obj, type RuleContext } from './context.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names.js';
import { MapKey } from '../finding.js';
import { checkAirflow } from './airflow.js';

// Go: the order of each list is the order validation.go passes to field.NotSupported (sets.List sorts).
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** checkPod runs every rule on a pod-shaped object {metadata, spec}; prefix is where it sits (`[]` or `['template']`). */
export function checkPod(ctx: RuleContext, pod: Obj, prefix: PathSeg[]): void {
  const meta = obj(get(pod, 'metadata'));
  const name = get(meta, 'name');
  if (typeof name === 'string' && name !== '')
    for (const m of isDNS1123Subdomain(name)) ctx.error('dns-name', [...prefix, 'metadata', 'name'], invalid(name, m));
  checkLabels(ctx, obj(get(meta, 'labels')), [...prefix, 'metadata', 'labels']);
  checkAnnotationKeys(ctx, obj(get(meta, 'annotations')), [...prefix, 'metadata', 'annotations']);
  const spec = obj(get(pod, 'spec'));
  const sp: PathSeg[] = [...prefix, 'spec'];
  if (!spec) {
    ctx.error('schema-required', sp, required());
    return;
  }
  const volumeNames = checkVolumes(ctx, list(get(spec, 'volumes')), [...sp, 'volumes']);
  if (list(get(spec, 'containers')).length === 0) ctx.error('schema-required', [...sp, 'containers'], required());
  checkContainers(ctx, spec, sp, volumeNames);
  checkLabels(ctx, obj(get(spec, 'nodeSelector')), [...sp, 'nodeSelector']);
  checkEnum(ctx, spec, 'restartPolicy', RESTART_POLICIES, sp);
  checkEnum(ctx, spec, 'dnsPolicy', DNS_POLICIES, sp);
  checkTolerations(ctx, list(get(spec, 'tolerations')), [...sp, 'tolerations']);
  checkAffinity(ctx, obj(get(spec, 'affinity')), [...sp, 'affinity']);
  const psc = obj(get(spec, 'securityContext'));
  if (psc) checkIds(ctx, psc, [...sp, 'securityContext'], ['runAsUser', 'runAsGroup', 'fsGroup']);
  checkAirflow(ctx, spec, sp);
}

/** checkLabels is ValidateLabels: qualified-name keys, label values; the API server names the map, we point at the entry. */
function checkLabels(ctx: RuleContext, labels: Obj | undefined, p: PathSeg[]): void {
  if (!labels) return;
  for (const k of Object.keys(labels)) {
    for (const m of isQualifiedName(k)) ctx.errorAt('label', p, invalid(k, m), [...p, new MapKey(k)], true);
    const v = labels[k];
    if (typeof v === 'string') for (const m of isValidLabelValue(v)) ctx.errorAt('label', p, invalid(v, m), [...p, new MapKey(k)]);
  }
}

/** checkAnnotationKeys is ValidateAnnotations' key rule (qualified names). */
function checkAnnotationKeys(ctx: RuleContext, ann: Obj | undefined, p: PathSeg[]): void {
  if (!ann) return;
  for (const k of Object.keys(ann)) for (const m of isQualifiedName(k.toLowerCase())) ctx.errorAt('annotation', p, invalid(k, m), [...p, new MapKey(k)], true);
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'projected', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

// Volume sources: every Volume field but `name` (the union is "exactly one").
function checkVolumes(ctx: RuleContext, vols: unknown[], p: PathSeg[]): Set<string> {
  const names = new Set<string>();
  vols.forEach((v, i) => {
    const vo = obj(v);
    if (!vo) return;
    const vp: PathSeg[] = [...p, i];
    const name = get(vo, 'name');
    if (isEmpty(name)) ctx.error('volume-name', [...vp, 'name'], required());
    else if (typeof name === 'string') {
      for (const m of isDNS1123Label(name)) ctx.error('dns-name', [...vp, 'name'], invalid(name, m));
      if (names.has(name)) ctx.error('volume-name', [...vp, 'name'], `Duplicate value: ${quoteGo(name)}`);
      names.add(name);
    }
    // Go (validateVolumeSource) checks the sources in this order and flags every one after the first.
    const known = VOLUME_SOURCES.filter((k) => has(vo, k));
    const other = Object.keys(vo).filter((k) => k !== 'name' && !VOLUME_SOURCES.includes(k) && vo[k] !== null && vo[k] !== undefined);
    const sources = [...known, ...other];
    if (sources.length === 0) ctx.error('volume-source', vp, required('must specify a volume type'));
    for (const s of sources.slice(1)) ctx.error('volume-source', [...vp, s], forbidden('may not specify more than 1 volume type'));
  });
  return names;
}

/** goToleration prints a toleration as Go's %#v of core.Toleration (the API server's Invalid value). */
function goToleration(t: Obj): string {
  const s = (k: string) => quoteGo(typeof t[k] === 'string' ? (t[k] as string) : '');
  const ts = typeof t.tolerationSeconds === 'number' ? `(*int64)(${t.tolerationSeconds})` : '(*int64)(nil)';
  return `core.Toleration{Key:${s('key')}, Operator:${s('operator')}, Value:${s('value')}, Effect:${s('effect')}, TolerationSeconds:${ts}}`;
}

function checkTolerations(ctx: RuleContext, tols: unknown[], p: PathSeg[]): void {
  tols.forEach((t, i) => {
    const to = obj(t);
    if (!to) return;
    const tp: PathSeg[] = [...p, i];
    const key = get(to, 'key');
    const op = get(to, 'operator');
    const val = get(to, 'value');
    // Go (validateTolerations): key is a label name; an empty key needs Exists; an empty operator means Equal.
    if (typeof key === 'string' && key !== '') for (const m of isQualifiedName(key)) ctx.error('toleration', [...tp, 'key'], invalid(key, m));
    if (isEmpty(key) && op !== 'Exists')
      ctx.error('toleration', [...tp, 'operator'], invalid(op ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (has(to, 'tolerationSeconds') && get(to, 'effect') !== 'NoExecute')
      ctx.error('toleration', [...tp, 'effect'], invalid(get(to, 'effect') ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (isEmpty(op) || op === 'Equal') {
      const msgs = typeof val === 'string' ? isValidLabelValue(val) : [];
      if (msgs.length) ctx.error('toleration', [...tp, 'operator'], invalid(val, msgs.join(';')));
    } else if (op === 'Exists') {
      if (!isEmpty(val)) ctx.error('toleration', [...tp, 'operator'], `Invalid value: ${goToleration(to)}: value must be empty when \`operator\` is 'Exists'`);
    } else ctx.error('enum', [...tp, 'operator'], notSupported(op, TOLERATION_OPERATORS));
    checkEnum(ctx, to, 'effect', TAINT_EFFECTS, tp);
  });
}

function checkAffinity(ctx: RuleContext, aff: Obj | undefined, p: PathSeg[]): void {
  if (!aff) return;
  const na = obj(get(aff, 'nodeAffinity'));
  if (na) {
    const req = obj(get(na, 'requiredDuringSchedulingIgnoredDuringExecution'));
    const rp: PathSeg[] = [...p, 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
    if (req) {
      const terms = list(get(req, 'nodeSelectorTerms'));
      if (terms.length === 0) ctx.error('affinity', [...rp, 'nodeSelectorTerms'], required('must have at least one node selector term'));
      terms.forEach((t, i) => checkNodeSelectorTerm(ctx, obj(t), [...rp, 'nodeSelectorTerms', i]));
    }
    list(get(na, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
      const to = obj(t);
      const tp: PathSeg[] = [...p, 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', i];
      checkWeight(ctx, to, tp);
      checkNodeSelectorTerm(ctx, obj(get(to, 'preference')), [...tp, 'preference']);
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = obj(get(aff, kind));
    if (!pa) continue;
    list(get(pa, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) =>
      checkPodAffinityTerm(ctx, obj(t), [...p, kind, 'requiredDuringSchedulingIgnoredDuringExecution', i]),
    );
    list(get(pa, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
      const to = obj(t);
      const tp: PathSeg[] = [...p, kind, 'preferredDuringSchedulingIgnoredDuringExecution', i];
      checkWeight(ctx, to, tp);
      checkPodAffinityTerm(ctx, obj(get(to, 'podAffinityTerm')), [...tp, 'podAffinityTerm']);
    });
  }
}

function checkWeight(ctx: RuleContext, t: Obj | undefined, p: PathSeg[]): void {
  const w = get(t, 'weight');
  if (typeof w === 'number' && (w < 1 || w > 100)) ctx.error('affinity', [...p, 'weight'], invalid(w, 'must be in the range 1-100'));
}

function checkNodeSelectorTerm(ctx: RuleContext, term: Obj | undefined, p: PathSeg[]): void {
  if (!term) return;
  list(get(term, 'matchExpressions')).forEach((e, i) => {
    const eo = obj(e);
    if (!eo) return;
    const ep: PathSeg[] = [...p, 'matchExpressions', i];
    const op = get(eo, 'operator');
    const n = list(get(eo, 'values')).length;
    switch (op) {
      case 'In':
      case 'NotIn':
        if (n === 0) ctx.error('affinity', [...ep, 'values'], required("must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (n > 0) ctx.error('affinity', [...ep, 'values'], forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      case 'Gt':
      case 'Lt':
        if (n !== 1) ctx.error('affinity', [...ep, 'values'], required("must be specified single value when `operator` is 'Lt' or 'Gt'"));
        break;
      default:
        ctx.error('affinity', [...ep, 'operator'], invalid(op ?? '', 'not a valid selector operator'));
    }
    const key = get(eo, 'key');
    const k = typeof key === 'string' ? key : '';
    for (const m of isQualifiedName(k)) ctx.error('affinity', [...ep, 'key'], invalid(k, m));
  });
}

function checkPodAffinityTerm(ctx: RuleContext, term: Obj | undefined, p: PathSeg[]): void {
  if (!term) return;
  // Go (validatePodAffinityTerm): Required when empty, and the key is a label name in any case.
  const tk = get(term, 'topologyKey');
  if (isEmpty(tk)) ctx.error('affinity', [...p, 'topologyKey'], required('can not be empty'));
  const tks = typeof tk === 'string' ? tk : '';
  for (const m of isQualifiedName(tks)) ctx.error('affinity', [...p, 'topologyKey'], invalid(tks, m));
  for (const sel of ['labelSelector', 'namespaceSelector']) {
    const so = obj(get(term, sel));
    list(get(so, 'matchExpressions')).forEach((e, i) => {
      const eo = obj(e);
      if (!eo) return;
      const ep: PathSeg[] = [...p, sel, 'matchExpressions', i];
      const op = get(eo, 'operator');
      const n = list(get(eo, 'values')).length;
      if (op === 'In' || op === 'NotIn') {
        if (n === 0) ctx.error('affinity', [...ep, 'values'], required("must be specified when `operator` is 'In' or 'NotIn'"));
      } else if (op === 'Exists' || op === 'DoesNotExist') {
        if (n > 0) ctx.error('affinity', [...ep, 'values'], forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      } else ctx.error('affinity', [...ep, 'operator'], invalid(op ?? '', 'not a valid selector operator'));
      const key = get(eo, 'key');
      const k = typeof key === 'string' ? key : '';
      for (const m of isQualifiedName(k)) ctx.error('affinity', [...ep, 'key'], invalid(k, m));
    });
    checkLabels(ctx, obj(get(so, 'matchLabels')), [...p, sel, 'matchLabels']);
  }
}
