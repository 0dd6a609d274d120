// Tables for the object-aware comparison (src/diff/objects.ts), ignore globs and secret masking.
// Expected paths follow the rules of issue 7: containers, initContainers, env, volumes,
// volumeMounts, ports by name; tolerations by key+effect; maps by key; other lists by position.
import { describe, expect, it } from 'vitest';
import { diffObjects, globToRegExp, pathMatcher, revertIgnored, type Change } from '../../src/diff/objects.js';
import { parsePod, podToYaml } from '../../src/diff/pod-yaml.js';
import { maskSecretsPair, MASK, MASK_NEW, MASK_OLD } from '../../src/diff/secrets.js';

const pod = (s: string): unknown => parsePod(s);

const diffTests: { name: string; a: string; b: string; want: Partial<Change>[] }[] = [
  {
    name: 'env value by name',
    a: 'spec:\n  containers:\n  - name: base\n    env:\n    - {name: A, value: x}\n    - {name: AIRFLOW__CORE__EXECUTOR, value: LocalExecutor}\n',
    b: 'spec:\n  containers:\n  - name: base\n    env:\n    - {name: A, value: x}\n    - {name: AIRFLOW__CORE__EXECUTOR, value: KubernetesExecutor}\n',
    want: [{ path: 'spec.containers[base].env[AIRFLOW__CORE__EXECUTOR].value', kind: 'changed', old: 'LocalExecutor', new: 'KubernetesExecutor' }],
  },
  {
    name: 'env entry inserted in the middle is one addition, not a shift',
    a: 'spec:\n  containers:\n  - name: base\n    env:\n    - {name: A, value: "1"}\n    - {name: C, value: "3"}\n',
    b: 'spec:\n  containers:\n  - name: base\n    env:\n    - {name: A, value: "1"}\n    - {name: B, value: "2"}\n    - {name: C, value: "3"}\n',
    want: [{ path: 'spec.containers[base].env[B]', kind: 'added', new: { name: 'B', value: '2' } }],
  },
  {
    name: 'container added and removed',
    a: 'spec:\n  containers:\n  - {name: base, image: a}\n  - {name: old, image: o}\n',
    b: 'spec:\n  containers:\n  - {name: base, image: a}\n  - {name: sidecar, image: s}\n',
    want: [
      { path: 'spec.containers[old]', kind: 'removed' },
      { path: 'spec.containers[sidecar]', kind: 'added' },
    ],
  },
  {
    name: 'initContainers, volumes by name',
    a: 'spec:\n  initContainers:\n  - {name: git-sync-init, image: g:1}\n  volumes:\n  - {name: dags, emptyDir: {}}\n',
    b: 'spec:\n  initContainers:\n  - {name: git-sync-init, image: g:2}\n  volumes:\n  - name: dags\n    persistentVolumeClaim: {claimName: dags}\n',
    want: [
      { path: 'spec.initContainers[git-sync-init].image', kind: 'changed', old: 'g:1', new: 'g:2' },
      { path: 'spec.volumes[dags].emptyDir', kind: 'removed' },
      { path: 'spec.volumes[dags].persistentVolumeClaim', kind: 'added' },
    ],
  },
  {
    name: 'volumeMounts sharing a name are told apart by mountPath',
    a: 'spec:\n  containers:\n  - name: base\n    volumeMounts:\n    - {name: config, mountPath: /a.cfg, subPath: a.cfg}\n    - {name: config, mountPath: /b.py, subPath: b.py}\n',
    b: 'spec:\n  containers:\n  - name: base\n    volumeMounts:\n    - {name: config, mountPath: /a.cfg, subPath: a.cfg}\n    - {name: config, mountPath: /b.py, subPath: b.py, readOnly: true}\n',
    want: [{ path: 'spec.containers[base].volumeMounts[config:/b.py].readOnly', kind: 'added', new: true }],
  },
  {
    name: 'ports by name, unnamed by number',
    a: 'spec:\n  containers:\n  - name: base\n    ports:\n    - {name: worker-logs, containerPort: 8793}\n    - {containerPort: 9000}\n',
    b: 'spec:\n  containers:\n  - name: base\n    ports:\n    - {containerPort: 9000, protocol: UDP}\n    - {name: worker-logs, containerPort: 8794}\n',
    want: [
      { path: 'spec.containers[base].ports[worker-logs].containerPort', kind: 'changed', old: 8793, new: 8794 },
      { path: 'spec.containers[base].ports[9000].protocol', kind: 'added', new: 'UDP' },
      { path: 'spec.containers[base].ports', kind: 'reordered', old: ['worker-logs', '9000'], new: ['9000', 'worker-logs'] },
    ],
  },
  {
    name: 'tolerations by key and effect',
    a: 'spec:\n  tolerations:\n  - {key: dynamic-pods, operator: Equal, value: "true", effect: NoSchedule}\n',
    b: 'spec:\n  tolerations:\n  - {key: gpu, operator: Exists, effect: NoExecute}\n  - {key: dynamic-pods, operator: Equal, value: "yes", effect: NoSchedule}\n',
    want: [
      { path: 'spec.tolerations[dynamic-pods:NoSchedule].value', kind: 'changed', old: 'true', new: 'yes' },
      { path: 'spec.tolerations[gpu:NoExecute]', kind: 'added' },
    ],
  },
  {
    name: 'maps by key: labels, nodeSelector and resources in brackets',
    a: 'metadata:\n  labels: {tier: airflow}\nspec:\n  nodeSelector: {astronomer.io/multi-tenant: "true"}\n  containers:\n  - name: base\n    resources:\n      limits: {cpu: "1", memory: 2Gi}\n',
    b: 'metadata:\n  labels: {tier: airflow, team: data}\nspec:\n  nodeSelector: {astronomer.io/multi-tenant: "false"}\n  containers:\n  - name: base\n    resources:\n      limits: {cpu: "1", memory: 4Gi}\n',
    want: [
      { path: 'metadata.labels[team]', kind: 'added', new: 'data' },
      { path: 'spec.nodeSelector[astronomer.io/multi-tenant]', kind: 'changed', old: 'true', new: 'false' },
      { path: 'spec.containers[base].resources.limits[memory]', kind: 'changed', old: '2Gi', new: '4Gi' },
    ],
  },
  {
    name: 'lists without identity by position',
    a: 'spec:\n  containers:\n  - name: base\n    args: [a, b]\n    envFrom:\n    - configMapRef: {name: x}\n',
    b: 'spec:\n  containers:\n  - name: base\n    args: [a, c, d]\n    envFrom:\n    - secretRef: {name: x}\n',
    want: [
      { path: 'spec.containers[base].args[1]', kind: 'changed', old: 'b', new: 'c' },
      { path: 'spec.containers[base].args[2]', kind: 'added', new: 'd' },
      { path: 'spec.containers[base].envFrom[0].configMapRef', kind: 'removed' },
      { path: 'spec.containers[base].envFrom[0].secretRef', kind: 'added' },
    ],
  },
  {
    name: 'a list item without a name falls back to positions',
    a: 'spec:\n  containers:\n  - {image: a}\n',
    b: 'spec:\n  containers:\n  - {image: b}\n',
    want: [{ path: 'spec.containers[0].image', kind: 'changed', old: 'a', new: 'b' }],
  },
  {
    name: 'types as PyYAML reads them: "3" and 3 differ, 0o777 octal equals 511',
    a: 'spec:\n  containers:\n  - name: base\n    env:\n    - {name: N, value: "3"}\n  volumes:\n  - name: s\n    secret: {defaultMode: 0777}\n',
    b: 'spec:\n  containers:\n  - name: base\n    env:\n    - {name: N, value: 3}\n  volumes:\n  - name: s\n    secret: {defaultMode: 511}\n',
    want: [{ path: 'spec.containers[base].env[N].value', kind: 'changed', old: '3', new: 3 }],
  },
  {
    name: 'map key order does not matter',
    a: 'a: 1\nb: {c: 2, d: 3}\n',
    b: 'b: {d: 3, c: 2}\na: 1\n',
    want: [],
  },
  {
    name: '__proto__ is an ordinary key',
    a: 'metadata:\n  labels: {__proto__: x}\n',
    b: 'metadata:\n  labels: {__proto__: y, constructor: z}\n',
    want: [
      { path: 'metadata.labels[__proto__]', kind: 'changed', old: 'x', new: 'y' },
      { path: 'metadata.labels[constructor]', kind: 'added', new: 'z' },
    ],
  },
];

describe('diffObjects', () => {
  for (const t of diffTests) {
    it(t.name, () => {
      const got = diffObjects(pod(t.a), pod(t.b));
      expect(got.map((c) => ({ path: c.path, kind: c.kind }))).toEqual(t.want.map((c) => ({ path: c.path, kind: c.kind })));
      t.want.forEach((w, i) => {
        if ('old' in w) expect(got[i]!.old).toEqual(w.old);
        if ('new' in w) expect(got[i]!.new).toEqual(w.new);
      });
    });
  }
  it('deep nesting is a clean error, not a stack overflow', () => {
    const deep = 'a: '.repeat(1) + '['.repeat(180) + ']'.repeat(180) + '\n';
    const deeper = 'a: ' + '['.repeat(180) + '1' + ']'.repeat(180) + '\n';
    expect(() => diffObjects(pod(deep), pod(deeper))).not.toThrow(RangeError);
  });
});

const globTests: { glob: string; path: string; want: boolean }[] = [
  { glob: 'metadata.labels', path: 'metadata.labels[team]', want: true },
  { glob: 'metadata.labels', path: 'metadata.labelsX', want: false },
  { glob: 'metadata.*', path: 'metadata.annotations[a.b/c]', want: true },
  { glob: 'spec.containers[*].image', path: 'spec.containers[base].image', want: true },
  { glob: 'spec.containers[*].image', path: 'spec.containers[base].imagePullPolicy', want: false },
  { glob: 'spec.containers[*].env[AIRFLOW__*]', path: 'spec.containers[base].env[AIRFLOW__CORE__EXECUTOR].value', want: true },
  { glob: 'spec.containers[*].env[AIRFLOW__*]', path: 'spec.containers[base].env[MY_VAR]', want: false },
  { glob: 'spec.*', path: 'spec.containers[base].image', want: true },
  { glob: 'spec.*.image', path: 'spec.containers[base].image', want: false },
  { glob: '**.image', path: 'spec.initContainers[git-sync].image', want: true },
  { glob: 'spec.nodeSelector[astronomer.io/*]', path: 'spec.nodeSelector[astronomer.io/multi-tenant]', want: true },
  { glob: 'spec.tolerations[?pu:*]', path: 'spec.tolerations[gpu:NoExecute]', want: true },
];

describe('ignore globs', () => {
  for (const t of globTests) {
    it(`${t.glob} ~ ${t.path}`, () => expect(globToRegExp(t.glob).test(t.path)).toBe(t.want));
  }
  it('revertIgnored leaves only the changes that count', () => {
    const a = pod('metadata:\n  labels: {tier: airflow}\nspec:\n  containers:\n  - {name: base, image: a}\n  - {name: gone, image: g}\n');
    const b = pod('metadata:\n  labels: {tier: airflow, team: data}\nspec:\n  containers:\n  - {name: base, image: b}\n  - {name: new, image: n}\n');
    const ign = pathMatcher(['metadata.labels', 'spec.containers[gone]', 'spec.containers[new]']);
    const r = revertIgnored(a, b, ign);
    expect(diffObjects(a, r).map((c) => c.path)).toEqual(['spec.containers[base].image']);
    expect(podToYaml(r)).toBe('metadata:\n  labels:\n    tier: airflow\nspec:\n  containers:\n  - image: b\n    name: base\n  - image: g\n    name: gone\n');
  });
});

describe('secrets', () => {
  const env = (v: string, tok = 't0k'): unknown =>
    pod(`spec:\n  containers:\n  - name: base\n    env:\n    - {name: AIRFLOW_CONN_DB, value: "${v}"}\n    - {name: API_TOKEN, value: ${tok}}\n    - {name: PLAIN, value: x}\n    - {name: URL, value: "https://u:pw@host/"}\n    - name: REF\n      valueFrom: {secretKeyRef: {name: s, key: k}}\n`);
  it('masks equal secrets alike and changed ones as old/new', () => {
    const [a, b] = maskSecretsPair(env('postgres://a:b@h/db'), env('postgres://a:c@h/db'));
    const vals = (p: unknown): unknown[] => ((p as any).spec.containers[0].env as any[]).map((e) => e.value ?? null);
    expect(vals(a)).toEqual([MASK_OLD, MASK, 'x', MASK, null]);
    expect(vals(b)).toEqual([MASK_NEW, MASK, 'x', MASK, null]);
    const changes = diffObjects(a, b);
    expect(changes).toEqual([{ path: 'spec.containers[base].env[AIRFLOW_CONN_DB].value', kind: 'changed', old: MASK_OLD, new: MASK_NEW }]);
  });
  it('never mutates its inputs', () => {
    const a = env('postgres://a:b@h/db');
    const before = JSON.stringify(a);
    maskSecretsPair(a, env('x'));
    expect(JSON.stringify(a)).toBe(before);
  });
});
