// cases.ts: invalid pods, one or more per rule and schema case, each with the error findings it must give
// (rule, API-server path, API-server message, line). Messages follow k8s.io/kubernetes
// pkg/apis/core/validation and apimachinery's field errors (not checked against a live API server).

/** Case: yaml → the exact list of error findings [rule, path, message, line] (warnings are ignored). */
export interface Case {
  name: string;
  yaml: string;
  strict?: boolean;
  kubeVersion?: string;
  want: [rule: string, path: string, message: string, line: number][];
}

const indent = (s: string, n: number) =>
  s === '' ? '' : s.split('\n').map((l) => ' '.repeat(n) + l).join('\n') + '\n';

/** pod builds a minimal valid pod; container lines start at line 9, spec lines follow them. */
export const pod = (container = '', spec = '', name = 'base') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\nspec:\n  containers:\n    - name: ${name}\n      image: airflow:2.9\n` +
  indent(container, 6) +
  indent(spec, 2);

const PY = 'PyYAML (YAML 1.1, as Airflow loads the pod template) reads the plain scalar';
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QTY = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const C0 = 'spec.containers[0]';
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

export const cases: Case[] = [
  // ---- schema: unknown fields (strict) ----
  { name: 'strict: unknown container field', strict: true, yaml: pod('imagePullPolicyy: Always'), want: [['schema-unknown-field', `${C0}.imagePullPolicyy`, 'unknown field "imagePullPolicyy"', 9]] },
  { name: 'not strict: unknown field allowed', yaml: pod('imagePullPolicyy: Always'), want: [] },
  { name: 'strict: unknown pod spec field', strict: true, yaml: pod('', 'restartPolicyy: Never'), want: [['schema-unknown-field', 'spec.restartPolicyy', 'unknown field "restartPolicyy"', 9]] },
  {
    name: 'strict: unknown metadata field',
    strict: true,
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  labelz:\n    a: b\nspec:\n  containers:\n    - name: base\n      image: x\n',
    want: [['schema-unknown-field', 'metadata.labelz', 'unknown field "labelz"', 5]],
  },
  { name: 'strict: unknown nested field', strict: true, yaml: pod('resources:\n  limit:\n    cpu: 1'), want: [['schema-unknown-field', `${C0}.resources.limit`, 'unknown field "limit"', 10]] },
  { name: 'strict: map keys are not fields', strict: true, yaml: pod('', 'nodeSelector:\n  anything.example.com/x: "y"'), want: [] },
  // ---- schema: types ----
  { name: 'command must be a list', yaml: pod('command: echo hi'), want: [['schema-type', `${C0}.command`, 'Invalid value: "echo hi": must be of type array', 9]] },
  { name: 'tty quoted is a string', yaml: pod('tty: "yes"'), want: [['schema-type', `${C0}.tty`, 'Invalid value: "yes": must be of type boolean', 9]] },
  { name: 'integer field given a string', yaml: pod('', 'terminationGracePeriodSeconds: "30"'), want: [['schema-type', 'spec.terminationGracePeriodSeconds', 'Invalid value: "30": must be of type integer', 9]] },
  {
    name: 'label value must be a string',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  labels:\n    version: 1.10\nspec:\n  containers:\n    - name: base\n      image: x\n',
    want: [['schema-type', 'metadata.labels[version]', 'Invalid value: 1.1: must be of type string', 6]],
  },
  { name: 'env list given a map', yaml: pod('env:\n  A: b'), want: [['schema-type', `${C0}.env`, 'Invalid value: {"A":"b"}: must be of type array', 9]] },
  { name: 'int32 overflow', yaml: pod('ports:\n  - containerPort: 99999999999'), want: [['schema-type', `${C0}.ports[0].containerPort`, 'Invalid value: 99999999999: must be of type int32', 10]] },
  // ---- PyYAML (YAML 1.1) typing ----
  { name: 'runAsUser 1e+06 is a string', yaml: pod('', 'securityContext:\n  runAsUser: 1e+06'), want: [['pyyaml-type', 'spec.securityContext.runAsUser', `Invalid value: "1e+06": must be of type integer: ${PY} 1e+06 as a string`, 10]] },
  { name: 'fsGroup 1e5 is a string', yaml: pod('', 'securityContext:\n  fsGroup: 1e5'), want: [['pyyaml-type', 'spec.securityContext.fsGroup', `Invalid value: "1e5": must be of type integer: ${PY} 1e5 as a string`, 10]] },
  { name: 'env value on is a boolean', yaml: pod('env:\n  - name: FLAG\n    value: on'), want: [['pyyaml-type', `${C0}.env[0].value`, `Invalid value: true: must be of type string: ${PY} on as a boolean; quote it`, 11]] },
  { name: 'env value no is a boolean', yaml: pod('env:\n  - name: FLAG\n    value: no'), want: [['pyyaml-type', `${C0}.env[0].value`, `Invalid value: false: must be of type string: ${PY} no as a boolean; quote it`, 11]] },
  { name: 'label value yes is a boolean', yaml: pod('', 'nodeSelector:\n  spot: yes'), want: [['pyyaml-type', 'spec.nodeSelector[spot]', `Invalid value: true: must be of type string: ${PY} yes as a boolean; quote it`, 10]] },
  {
    name: 'env value date is a timestamp',
    yaml: pod('env:\n  - name: SINCE\n    value: 2024-01-02'),
    want: [['pyyaml-type', `${C0}.env[0].value`, `Invalid value: "2024-01-02T00:00:00.000Z": must be of type string: ${PY} 2024-01-02 as a timestamp; quote it`, 11]],
  },
  {
    name: 'activeDeadlineSeconds 3.6e+3 is a float',
    yaml: pod('', 'activeDeadlineSeconds: 3.6e+3'),
    want: [['pyyaml-type', 'spec.activeDeadlineSeconds', `Invalid value: 3.6e+3: must be of type integer: ${PY} 3.6e+3 as a float, which Python's json module sends as 3600.0`, 9]],
  },
  {
    name: 'runAsUser 1000.0 is a float',
    yaml: pod('securityContext:\n  runAsUser: 1000.0'),
    want: [['pyyaml-type', `${C0}.securityContext.runAsUser`, `Invalid value: 1000.0: must be of type integer: ${PY} 1000.0 as a float, which Python's json module sends as 1000.0`, 10]],
  },
  { name: 'cpu 1.0 is a float quantity (ok)', yaml: pod('resources:\n  limits:\n    cpu: 1.0'), want: [] },
  { name: '__proto__ float key is harmless', yaml: pod('', '__proto__:\n  polluted: 1.0'), want: [] },
  { name: 'octal 0777 is 511 (ok)', yaml: pod('', 'volumes:\n  - name: s\n    secret:\n      secretName: s\n      defaultMode: 0777'), want: [] },
  // ---- enums ----
  { name: 'restartPolicy enum', yaml: pod('', 'restartPolicy: Sometimes'), want: [['enum', 'spec.restartPolicy', 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', 9]] },
  { name: 'imagePullPolicy enum', yaml: pod('imagePullPolicy: always'), want: [['enum', `${C0}.imagePullPolicy`, 'Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"', 9]] },
  { name: 'empty imagePullPolicy is defaulted (ok)', yaml: pod('imagePullPolicy: ""'), want: [] },
  { name: 'dnsPolicy enum', yaml: pod('', 'dnsPolicy: ClusterFirstt'), want: [['enum', 'spec.dnsPolicy', 'Unsupported value: "ClusterFirstt": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"', 9]] },
  { name: 'terminationMessagePolicy enum', yaml: pod('terminationMessagePolicy: Files'), want: [['enum', `${C0}.terminationMessagePolicy`, 'Unsupported value: "Files": supported values: "File", "FallbackToLogsOnError"', 9]] },
  { name: 'protocol enum', yaml: pod('ports:\n  - containerPort: 80\n    protocol: tcp'), want: [['enum', `${C0}.ports[0].protocol`, 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"', 11]] },
  { name: 'toleration operator enum', yaml: pod('', 'tolerations:\n  - key: a\n    operator: In'), want: [['enum', 'spec.tolerations[0].operator', 'Unsupported value: "In": supported values: "Equal", "Exists"', 11]] },
  { name: 'toleration effect enum', yaml: pod('', 'tolerations:\n  - key: a\n    effect: NoSchedul'), want: [['enum', 'spec.tolerations[0].effect', 'Unsupported value: "NoSchedul": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"', 11]] },
  // ---- quantities ----
  { name: 'bad memory quantity', yaml: pod('resources:\n  limits:\n    memory: 1.5.Gi'), want: [['schema-quantity', `${C0}.resources.limits[memory]`, `Invalid value: "1.5.Gi": ${QTY}`, 11]] },
  { name: 'bad cpu quantity', yaml: pod('resources:\n  requests:\n    cpu: 2 cores'), want: [['schema-quantity', `${C0}.resources.requests[cpu]`, `Invalid value: "2 cores": ${QTY}`, 11]] },
  { name: 'lower-case binary suffix', yaml: pod('resources:\n  requests:\n    memory: 1gi'), want: [['schema-quantity', `${C0}.resources.requests[memory]`, `Invalid value: "1gi": ${QTY}`, 11]] },
  // ---- required ----
  {
    name: 'container without name',
    yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: x\n',
    want: [['container-name', `${C0}.name`, 'Required value', 5]],
  },
  { name: 'port without containerPort', yaml: pod('ports:\n  - name: http'), want: [['schema-required', `${C0}.ports[0].containerPort`, 'Required value', 10]] },
  { name: 'volume without name', yaml: pod('', 'volumes:\n  - emptyDir: {}'), want: [['volume-name', 'spec.volumes[0].name', 'Required value', 10]] },
  { name: 'env without name', yaml: pod('env:\n  - value: x'), want: [['env-name', `${C0}.env[0].name`, 'Required value', 10]] },
  { name: 'pod without containers', yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Never\n', want: [['schema-required', 'spec.containers', 'Required value', 3]] },
  // ---- names ----
  {
    name: 'pod name not a DNS subdomain',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Worker_1\nspec:\n  containers:\n    - name: base\n      image: x\n',
    want: [['dns-name', 'metadata.name', `Invalid value: "Worker_1": ${SUBDOMAIN}`, 4]],
  },
  {
    name: 'pod name too long',
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'a'.repeat(254)}\nspec:\n  containers:\n    - name: base\n      image: x\n`,
    want: [['dns-name', 'metadata.name', `Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`, 4]],
  },
  { name: 'container name not a DNS label', yaml: pod('', '', 'Base'), want: [['dns-name', `${C0}.name`, `Invalid value: "Base": ${LABEL}`, 7]] },
  { name: 'container name too long', yaml: pod('', '', 'b'.repeat(64)), want: [['dns-name', `${C0}.name`, `Invalid value: "${'b'.repeat(64)}": must be no more than 63 characters`, 7]] },
  { name: 'volume name not a DNS label', yaml: pod('', 'volumes:\n  - name: Logs\n    emptyDir: {}'), want: [['dns-name', 'spec.volumes[0].name', `Invalid value: "Logs": ${LABEL}`, 10]] },
  // ---- labels and annotations (ValidateLabels: the API server names the map, the line is the entry's) ----
  {
    name: 'label value with a space',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  labels:\n    tier: airflow\n    release: my release\nspec:\n  containers:\n    - name: base\n      image: x\n',
    want: [['label', 'metadata.labels', `Invalid value: "my release": ${LABEL_VALUE}`, 7]],
  },
  {
    name: 'label value over 63 characters',
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  labels:\n    release: ${'r'.repeat(64)}\nspec:\n  containers:\n    - name: base\n      image: x\n`,
    want: [['label', 'metadata.labels', `Invalid value: "${'r'.repeat(64)}": must be no more than 63 characters`, 6]],
  },
  {
    name: 'label key not a qualified name',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  labels:\n    -tier: airflow\nspec:\n  containers:\n    - name: base\n      image: x\n',
    want: [['label', 'metadata.labels', `Invalid value: "-tier": ${NAME_PART}`, 6]],
  },
  { name: 'nodeSelector value invalid', yaml: pod('', 'nodeSelector:\n  pool: "a,b"'), want: [['label', 'spec.nodeSelector', `Invalid value: "a,b": ${LABEL_VALUE}`, 10]] },
  {
    name: 'annotation key with a space',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  annotations:\n    safe to evict: "true"\nspec:\n  containers:\n    - name: base\n      image: x\n',
    want: [['annotation', 'metadata.annotations', `Invalid value: "safe to evict": ${NAME_PART}`, 6]],
  },
  // ---- containers ----
  { name: 'init container reuses a container name', yaml: pod('', 'initContainers:\n  - name: base\n    image: x'), want: [['container-name-unique', 'spec.initContainers[0].name', 'Duplicate value: "base"', 10]] },
  {
    name: 'two containers with one name',
    yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: base\n      image: x\n    - name: base\n      image: y\n',
    want: [['container-name-unique', 'spec.containers[1].name', 'Duplicate value: "base"', 7]],
  },
  { name: 'image missing', yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: base\n', want: [['image-required', `${C0}.image`, 'Required value', 5]] },
  { name: 'image empty', yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: base\n      image: ""\n', want: [['image-required', `${C0}.image`, 'Required value', 6]] },
  { name: 'container restartPolicy on a regular container', yaml: pod('restartPolicy: Always'), want: [['container-restart-policy', `${C0}.restartPolicy`, 'Forbidden: may not be set for non-init containers', 9]] },
  {
    name: 'init container restartPolicy Never',
    yaml: pod('', 'initContainers:\n  - name: init\n    image: x\n    restartPolicy: Never'),
    want: [['container-restart-policy', 'spec.initContainers[0].restartPolicy', 'Unsupported value: "Never": supported values: "Always"', 12]],
  },
  { name: 'sidecar init container restartPolicy Always (ok)', yaml: pod('', 'initContainers:\n  - name: init\n    image: x\n    restartPolicy: Always'), want: [] },
  // ---- resources ----
  { name: 'cpu request above limit', yaml: pod('resources:\n  limits:\n    cpu: 1\n  requests:\n    cpu: 2'), want: [['requests-limits', `${C0}.resources.requests`, 'Invalid value: "2": must be less than or equal to cpu limit of 1', 12]] },
  {
    name: 'memory request above limit (canonical units)',
    yaml: pod('resources:\n  limits:\n    memory: 1024Mi\n  requests:\n    memory: 2Gi'),
    want: [['requests-limits', `${C0}.resources.requests`, 'Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi', 12]],
  },
  { name: 'cpu 1500m vs 1 core', yaml: pod('resources:\n  limits:\n    cpu: "1"\n  requests:\n    cpu: 1500m'), want: [['requests-limits', `${C0}.resources.requests`, 'Invalid value: "1500m": must be less than or equal to cpu limit of 1', 12]] },
  { name: 'requests equal limits (ok)', yaml: pod('resources:\n  limits:\n    cpu: 500m\n  requests:\n    cpu: 0.5'), want: [] },
  {
    name: 'extended resource request differs from limit',
    yaml: pod('resources:\n  limits:\n    nvidia.com/gpu: 2\n  requests:\n    nvidia.com/gpu: 1'),
    want: [['requests-limits', `${C0}.resources.requests`, 'Invalid value: "1": must be equal to nvidia.com/gpu limit of 2', 12]],
  },
  { name: 'extended resource without limit', yaml: pod('resources:\n  requests:\n    nvidia.com/gpu: 1'), want: [['requests-limits', `${C0}.resources.limits`, 'Required value: Limit must be set for non overcommitable resources', 9]] },
  { name: 'negative limit', yaml: pod('resources:\n  limits:\n    cpu: -1'), want: [['resource-value', `${C0}.resources.limits[cpu]`, 'Invalid value: "-1": must be greater than or equal to 0', 11]] },
  { name: 'non-standard resource name', yaml: pod('resources:\n  limits:\n    gpu: 1'), want: [['resource-name', `${C0}.resources.limits[gpu]`, 'Invalid value: "gpu": must be a standard resource for containers', 11]] },
  // ---- volume mounts ----
  { name: 'mount names no volume', yaml: pod('volumeMounts:\n  - name: logs\n    mountPath: /logs'), want: [['volume-mount-name', `${C0}.volumeMounts[0].name`, 'Not found: "logs"', 10]] },
  {
    name: 'mountPath not unique',
    yaml: pod('volumeMounts:\n  - name: a\n    mountPath: /x\n  - name: b\n    mountPath: /x', 'volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    emptyDir: {}'),
    want: [['mount-path-unique', `${C0}.volumeMounts[1].mountPath`, 'Invalid value: "/x": must be unique', 13]],
  },
  {
    name: 'subPath absolute',
    yaml: pod('volumeMounts:\n  - name: a\n    mountPath: /x\n    subPath: /etc', 'volumes:\n  - name: a\n    emptyDir: {}'),
    want: [['sub-path', `${C0}.volumeMounts.subPath`, 'Invalid value: "/etc": must be a relative path', 12]], // Go names no index
  },
  {
    name: 'subPath with ..',
    yaml: pod('volumeMounts:\n  - name: a\n    mountPath: /x\n    subPath: a/../../b', 'volumes:\n  - name: a\n    emptyDir: {}'),
    want: [['sub-path', `${C0}.volumeMounts.subPath`, 'Invalid value: "a/../../b": must not contain \'..\'', 12]],
  },
  { name: 'mountPath missing', yaml: pod('volumeMounts:\n  - name: a', 'volumes:\n  - name: a\n    emptyDir: {}'), want: [['mount-path', `${C0}.volumeMounts[0].mountPath`, 'Required value', 10]] },
  // ---- volumes ----
  {
    name: 'volume with two sources',
    yaml: pod('', 'volumes:\n  - name: a\n    emptyDir: {}\n    configMap:\n      name: c'),
    want: [['volume-source', 'spec.volumes[0].configMap', 'Forbidden: may not specify more than 1 volume type', 12]],
  },
  { name: 'volume without source', yaml: pod('', 'volumes:\n  - name: a'), want: [['volume-source', 'spec.volumes[0]', 'Required value: must specify a volume type', 10]] },
  { name: 'duplicate volume names', yaml: pod('', 'volumes:\n  - name: a\n    emptyDir: {}\n  - name: a\n    emptyDir: {}'), want: [['volume-name', 'spec.volumes[1].name', 'Duplicate value: "a"', 12]] },
  // ---- ports ----
  { name: 'containerPort above 65535', yaml: pod('ports:\n  - containerPort: 70000'), want: [['port-range', `${C0}.ports[0].containerPort`, 'Invalid value: 70000: must be between 1 and 65535, inclusive', 10]] },
  { name: 'hostPort negative', yaml: pod('ports:\n  - containerPort: 80\n    hostPort: -1'), want: [['port-range', `${C0}.ports[0].hostPort`, 'Invalid value: -1: must be between 1 and 65535, inclusive', 11]] },
  {
    name: 'port name over 15 characters',
    yaml: pod('ports:\n  - containerPort: 80\n    name: averyverylongportname'),
    want: [['port-name', `${C0}.ports[0].name`, 'Invalid value: "averyverylongportname": must be no more than 15 characters', 11]],
  },
  {
    name: 'port name upper case digits only',
    yaml: pod('ports:\n  - containerPort: 80\n    name: "8080X"'),
    want: [
      ['port-name', `${C0}.ports[0].name`, 'Invalid value: "8080X": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 11],
      ['port-name', `${C0}.ports[0].name`, 'Invalid value: "8080X": must contain at least one letter (a-z)', 11],
    ],
  },
  { name: 'port name with double hyphen', yaml: pod('ports:\n  - containerPort: 80\n    name: a--b'), want: [['port-name', `${C0}.ports[0].name`, 'Invalid value: "a--b": must not contain consecutive hyphens', 11]] },
  {
    name: 'duplicate port names',
    yaml: pod('ports:\n  - containerPort: 80\n    name: http\n  - containerPort: 81\n    name: http'),
    want: [['port-name-unique', `${C0}.ports[1].name`, 'Duplicate value: "http"', 13]],
  },
  // ---- env ----
  {
    name: 'env name starting with a digit (1.31)',
    kubeVersion: '1.31',
    yaml: pod('env:\n  - name: 1ABC\n    value: x'),
    want: [
      [
        'env-name',
        `${C0}.env[0].name`,
        "Invalid value: \"1ABC\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
        10,
      ],
    ],
  },
  { name: 'env name starting with a digit (1.35, relaxed: ok)', yaml: pod('env:\n  - name: 1ABC\n    value: x'), want: [] },
  {
    name: 'env name with = (1.35)',
    yaml: pod('env:\n  - name: A=B\n    value: x'),
    want: [['env-name', `${C0}.env[0].name`, "Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='", 10]],
  },
  {
    name: 'env value and valueFrom',
    yaml: pod('env:\n  - name: A\n    value: x\n    valueFrom:\n      secretKeyRef:\n        name: s\n        key: k'),
    want: [['env-value-source', `${C0}.env[0].valueFrom`, 'Invalid value: "": may not be specified when `value` is not empty', 12]],
  },
  {
    name: 'env valueFrom without source',
    yaml: pod('env:\n  - name: A\n    valueFrom: {}'),
    want: [['env-value-from', `${C0}.env[0].valueFrom`, 'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', 11]],
  },
  {
    name: 'env valueFrom with two sources',
    yaml: pod('env:\n  - name: A\n    valueFrom:\n      secretKeyRef:\n        name: s\n        key: k\n      configMapKeyRef:\n        name: c\n        key: k'),
    want: [['env-value-from', `${C0}.env[0].valueFrom`, 'Invalid value: "": may not have more than one field specified at a time', 11]],
  },
  {
    name: 'env fieldRef path not allowed',
    yaml: pod('env:\n  - name: A\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.generation'),
    want: [
      [
        'env-field-ref',
        `${C0}.env[0].valueFrom.fieldRef.fieldPath`,
        'Unsupported value: "metadata.generation": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
        13,
      ],
    ],
  },
  { name: 'env fieldRef label subscript (ok)', yaml: pod("env:\n  - name: A\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.labels['component']"), want: [] },
  { name: 'env secretKeyRef without key', yaml: pod('env:\n  - name: A\n    valueFrom:\n      secretKeyRef:\n        name: s'), want: [['env-value-from', `${C0}.env[0].valueFrom.secretKeyRef.key`, 'Required value', 12]] },
  // ---- probes and hooks ----
  { name: 'probe without handler', yaml: pod('livenessProbe:\n  periodSeconds: 10'), want: [['probe-handler', `${C0}.livenessProbe`, 'Required value: must specify a handler type', 9]] },
  {
    name: 'probe with two handlers',
    yaml: pod('readinessProbe:\n  exec:\n    command: [cat, /tmp/ok]\n  tcpSocket:\n    port: 8080'),
    want: [['probe-handler', `${C0}.readinessProbe.tcpSocket`, 'Forbidden: may not specify more than 1 handler type', 12]],
  },
  { name: 'preStop hook without handler', yaml: pod('lifecycle:\n  preStop: {}'), want: [['probe-handler', `${C0}.lifecycle.preStop`, 'Required value: must specify a handler type', 10]] },
  // ---- tolerations ----
  {
    name: 'toleration Exists with a value',
    yaml: pod('', 'tolerations:\n  - key: k\n    operator: Exists\n    value: v\n    effect: NoSchedule'),
    want: [
      [
        'toleration',
        'spec.tolerations[0].operator',
        'Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"NoSchedule", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
        11,
      ],
    ],
  },
  {
    name: 'tolerationSeconds without NoExecute',
    yaml: pod('', 'tolerations:\n  - key: k\n    operator: Exists\n    effect: NoSchedule\n    tolerationSeconds: 60'),
    want: [['toleration', 'spec.tolerations[0].effect', "Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set", 12]],
  },
  {
    name: 'toleration without key must be Exists',
    yaml: pod('', 'tolerations:\n  - operator: Equal\n    value: v'),
    want: [['toleration', 'spec.tolerations[0].operator', 'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"', 10]],
  },
  {
    name: 'toleration value not a label value',
    yaml: pod('', 'tolerations:\n  - key: k\n    operator: Equal\n    value: "a b"'),
    want: [['toleration', 'spec.tolerations[0].operator', `Invalid value: "a b": ${LABEL_VALUE}`, 11]],
  },
  { name: 'toleration key not a label name', yaml: pod('', 'tolerations:\n  - key: "bad key"\n    operator: Exists'), want: [['toleration', 'spec.tolerations[0].key', `Invalid value: "bad key": ${NAME_PART}`, 10]] },
  // ---- affinity ----
  ...(() => {
    const term = (expr: string) =>
      pod('', `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: pool\n${indent(expr, 14)}`.trimEnd());
    const P = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]';
    const cs: Case[] = [
      { name: 'node affinity In without values', yaml: term('operator: In'), want: [['affinity', `${P}.values`, "Required value: must be specified when `operator` is 'In' or 'NotIn'", 14]] },
      { name: 'node affinity Exists with values', yaml: term('operator: Exists\nvalues: [a]'), want: [['affinity', `${P}.values`, "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'", 16]] },
      { name: 'node affinity Gt with two values', yaml: term('operator: Gt\nvalues: ["1", "2"]'), want: [['affinity', `${P}.values`, "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'", 16]] },
      { name: 'node affinity bad operator', yaml: term('operator: Equals\nvalues: [a]'), want: [['affinity', `${P}.operator`, 'Invalid value: "Equals": not a valid selector operator', 15]] },
    ];
    return cs;
  })(),
  {
    name: 'node affinity without terms',
    yaml: pod('', 'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms: []'),
    want: [['affinity', 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms', 'Required value: must have at least one node selector term', 12]],
  },
  {
    name: 'pod anti-affinity without topologyKey',
    yaml: pod('', 'affinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: x'),
    want: [
      ['affinity', 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey', 'Required value: can not be empty', 12],
      ['affinity', 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey', 'Invalid value: "": name part must be non-empty', 12],
      ['affinity', 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey', `Invalid value: "": ${NAME_PART}`, 12],
    ],
  },
  {
    name: 'pod affinity selector In without values',
    yaml: pod('', 'affinity:\n  podAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: zone\n        labelSelector:\n          matchExpressions:\n            - key: app\n              operator: In'),
    want: [['affinity', 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values', "Required value: must be specified when `operator` is 'In' or 'NotIn'", 15]],
  },
  {
    name: 'preferred affinity weight 0',
    yaml: pod('', 'affinity:\n  nodeAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 0\n        preference:\n          matchExpressions:\n            - key: a\n              operator: Exists'),
    want: [['affinity', 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight', 'Invalid value: 0: must be in the range 1-100', 12]],
  },
  // ---- security context ----
  { name: 'pod runAsUser negative', yaml: pod('', 'securityContext:\n  runAsUser: -1'), want: [['security-context', 'spec.securityContext.runAsUser', 'Invalid value: -1: must be between 0 and 2147483647, inclusive', 10]] },
  { name: 'container runAsGroup negative', yaml: pod('securityContext:\n  runAsGroup: -5'), want: [['security-context', `${C0}.securityContext.runAsGroup`, 'Invalid value: -5: must be between 0 and 2147483647, inclusive', 10]] },
  {
    name: 'privileged without privilege escalation',
    yaml: pod('securityContext:\n  privileged: true\n  allowPrivilegeEscalation: false'),
    want: [['security-context', `${C0}.securityContext`, 'Invalid value: {"privileged":true,"allowPrivilegeEscalation":false}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true', 9]],
  },
  {
    name: 'CAP_SYS_ADMIN without privilege escalation',
    yaml: pod('securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    add: [CAP_SYS_ADMIN]'),
    want: [['security-context', `${C0}.securityContext`, 'Invalid value: {"allowPrivilegeEscalation":false,"capabilities":{"add":["CAP_SYS_ADMIN"]}}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN', 9]],
  },
  // ---- documents and shapes ----
  { name: 'YAML syntax error', yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: base\n     image: x\n', want: [['yaml', '', 'Sequence item without - indicator', 6]] },
  { name: 'not a pod', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', want: [['kind', '', 'not a Pod, a PodSpec or a PodTemplate', 1]] },
  { name: 'bare PodSpec', yaml: 'containers:\n  - name: base\n    image: x\n    imagePullPolicy: Sometimes\n', want: [['enum', `${C0}.imagePullPolicy`, 'Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"', 4]] },
  {
    name: 'PodTemplate',
    yaml: 'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  spec:\n    containers:\n      - name: base\n        image: ""\n',
    want: [['image-required', 'template.spec.containers[0].image', 'Required value', 7]],
  },
  {
    name: 'second document',
    yaml: `# comment\n---\n${pod()}---\n${pod('', 'restartPolicy: Nope')}`,
    want: [['enum', 'spec.restartPolicy', 'Unsupported value: "Nope": supported values: "Always", "OnFailure", "Never"', 20]],
  },
];

/** warningCases: Airflow's expectations, reported as warnings. */
export const warningCases: { name: string; yaml: string; want: [string, string, number][] }[] = [
  {
    name: 'worker container not named base',
    yaml: pod('env:\n  - name: AIRFLOW__CORE__EXECUTOR\n    value: LocalExecutor\nresources:\n  requests:\n    cpu: 1', '', 'worker'),
    want: [['airflow-worker-name', `${C0}.name`, 7]],
  },
  {
    name: 'no AIRFLOW__CORE__EXECUTOR in the worker',
    yaml: pod('env:\n  - name: A\n    value: b\nresources:\n  requests:\n    cpu: 1'),
    want: [['airflow-executor-env', `${C0}.env`, 9]],
  },
  { name: 'worker without resources', yaml: pod('env:\n  - name: AIRFLOW__CORE__EXECUTOR\n    value: LocalExecutor'), want: [['airflow-resources', `${C0}.resources`, 7]] },
];
