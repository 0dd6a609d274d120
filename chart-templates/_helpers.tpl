{{- /*
  podtpl's built-in named templates for the Airflow worker pod.

  Written for podtpl (not taken from any chart): each helper produces, byte for byte, what
  the Astronomer airflow-chart 1.17.20 (with its Apache Airflow subchart 1.17.3-astro)
  produces for the same values, so a podTemplate written for that chart renders the same
  pod here. The comment above each helper says which behaviour it reproduces. Helpers
  touch the same values in the same order as the chart does, so a bad value fails here
  too (with the error pointing at this file instead of the chart's _helpers.yaml).

  Whitespace matters: the output of every helper is spliced into YAML by the pod
  template, so each comment states the exact shape of the text a helper returns.
*/ -}}

{{- /* ---------------------------------------------------------------- names */ -}}

{{- /* airflow.fullname: the release name, unless useStandardNaming is on; then
       fullnameOverride, else "<release>-<chart or nameOverride>" (just the release
       when it already contains that name), cut to 63 characters without a trailing "-". */ -}}
{{- define "airflow.fullname" -}}
{{- if .Values.useStandardNaming -}}
{{- if .Values.fullnameOverride -}}
{{- trimSuffix "-" (trunc 63 .Values.fullnameOverride) -}}
{{- else -}}
{{- $base := default .Chart.Name .Values.nameOverride -}}
{{- $rel := .Release.Name -}}
{{- if contains $base $rel -}}
{{- trimSuffix "-" (trunc 63 $rel) -}}
{{- else -}}
{{- trimSuffix "-" (trunc 63 (printf "%s-%s" $rel $base)) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- .Release.Name -}}
{{- end -}}
{{- end -}}

{{- /* airflow.serviceAccountName: like airflow.fullname with useStandardNaming always on
       (the chart names service accounts that way whatever the naming option). */ -}}
{{- define "airflow.serviceAccountName" -}}
{{- if .Values.fullnameOverride -}}
{{- trimSuffix "-" (trunc 63 .Values.fullnameOverride) -}}
{{- else -}}
{{- $base := default .Chart.Name .Values.nameOverride -}}
{{- $rel := .Release.Name -}}
{{- if contains $base $rel -}}
{{- trimSuffix "-" (trunc 63 $rel) -}}
{{- else -}}
{{- trimSuffix "-" (trunc 63 (printf "%s-%s" $rel $base)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* worker.serviceAccountName: "<sa name>-worker" (or workers.serviceAccount.name) when
       the chart creates the account, else the given name through tpl, "default" when empty. */ -}}
{{- define "worker.serviceAccountName" -}}
{{- $sa := .Values.workers.serviceAccount -}}
{{- if $sa.create -}}
{{- default (printf "%s-worker" (include "airflow.serviceAccountName" .)) $sa.name -}}
{{- else -}}
{{- tpl (default "default" $sa.name) . -}}
{{- end -}}
{{- end -}}

{{- /* Secret and ConfigMap names: the user's name when set, else one derived from the
       release (fernet key) or from airflow.fullname (the others). */ -}}
{{- define "fernet_key_secret" -}}
{{- default (printf "%s-fernet-key" .Release.Name) .Values.fernetKeySecretName -}}
{{- end -}}

{{- define "webserver_secret_key_secret" -}}
{{- default (printf "%s-webserver-secret-key" (include "airflow.fullname" .)) .Values.webserverSecretKeySecretName -}}
{{- end -}}

{{- define "airflow_metadata_secret" -}}
{{- default (printf "%s-metadata" (include "airflow.fullname" .)) .Values.data.metadataSecretName -}}
{{- end -}}

{{- define "airflow_result_backend_secret" -}}
{{- default (printf "%s-result-backend" (include "airflow.fullname" .)) .Values.data.resultBackendSecretName -}}
{{- end -}}

{{- define "elasticsearch_secret" -}}
{{- default (printf "%s-elasticsearch" (include "airflow.fullname" .)) .Values.elasticsearch.secretName -}}
{{- end -}}

{{- define "registry_secret" -}}
{{- default (printf "%s-registry" (include "airflow.fullname" .)) .Values.registry.secretName -}}
{{- end -}}

{{- define "git_sync_ssh_key" -}}
{{- default (printf "%s-ssh-secret" (include "airflow.fullname" .)) .Values.dags.gitSync.sshKeySecret -}}
{{- end -}}

{{- define "airflow_config" -}}
{{- include "airflow.fullname" . | printf "%s-config" -}}
{{- end -}}

{{- /* ----------------------------------------------------------- images, paths */ -}}

{{- define "git_sync_image" -}}
{{- $img := .Values.images.gitSync -}}
{{- printf "%s:%s" $img.repository $img.tag -}}
{{- end -}}

{{- /* pod_template_image: images.pod_template, each part defaulting to the
       defaultAirflowRepository / defaultAirflowTag. */ -}}
{{- define "pod_template_image" -}}
{{- $repo := .Values.images.pod_template.repository | default .Values.defaultAirflowRepository -}}
{{- $tag := .Values.images.pod_template.tag | default .Values.defaultAirflowTag -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{- /* Paths under airflowHome, quoted (they are used as YAML scalars). */ -}}
{{- define "airflow_logs" -}}
{{- quote (printf "%s/logs" .Values.airflowHome) -}}
{{- end -}}

{{- define "airflow_config_path" -}}
{{- quote (printf "%s/airflow.cfg" .Values.airflowHome) -}}
{{- end -}}

{{- define "airflow_local_setting_path" -}}
{{- quote (printf "%s/config/airflow_local_settings.py" .Values.airflowHome) -}}
{{- end -}}

{{- /* Volume claims: the existing claim when given, else "<release>-logs" / "<release>-dags". */ -}}
{{- define "airflow_logs_volume_claim" -}}
{{- with .Values.logs.persistence.existingClaim -}}{{ . }}{{- else -}}{{ printf "%s-logs" .Release.Name }}{{- end -}}
{{- end -}}

{{- define "airflow_dags_volume_claim" -}}
{{- with .Values.dags.persistence.existingClaim -}}{{ . }}{{- else -}}{{ printf "%s-dags" .Release.Name }}{{- end -}}
{{- end -}}

{{- /* airflow_dags_mount: one volumeMounts item (no leading or trailing newline):
       "- name: dags", its mountPath (dags.mountPath or <airflowHome>/dags), the
       persistence subPath when set, and readOnly True/False from gitSync.enabled. */ -}}
{{- define "airflow_dags_mount" -}}
- name: dags
  mountPath: {{ if .Values.dags.mountPath }}{{ .Values.dags.mountPath }}{{ else }}{{ printf "%s/dags" .Values.airflowHome }}{{ end }}
{{- with .Values.dags.persistence.subPath }}
  subPath: {{ . }}
{{- end }}
  readOnly: {{ ternary "True" "False" .Values.dags.gitSync.enabled }}
{{- end -}}

{{- define "git_sync_ssh_key_volume" }}
- name: git-sync-ssh-key
  secret:
    secretName: {{ include "git_sync_ssh_key" . }}
    defaultMode: 288
{{- end -}}

{{- /* ------------------------------------------------------- security contexts */ -}}

{{- /* airflowPodSecurityContext (list $ component): the first set of
       component.securityContexts.pod, component.securityContext, securityContexts.pod,
       securityContext as YAML, else runAsUser/fsGroup from uid/gid. Nothing when the
       component values are empty. */ -}}
{{- define "airflowPodSecurityContext" -}}
{{- $top := index . 0 -}}
{{- $c := index . 1 -}}
{{- if $c -}}
{{- if $c.securityContexts.pod -}}{{ toYaml $c.securityContexts.pod }}
{{- else if $c.securityContext -}}{{ toYaml $c.securityContext }}
{{- else if $top.Values.securityContexts.pod -}}{{ toYaml $top.Values.securityContexts.pod }}
{{- else if $top.Values.securityContext -}}{{ toYaml $top.Values.securityContext }}
{{- else -}}
runAsUser: {{ $top.Values.uid }}
fsGroup: {{ $top.Values.gid }}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* containerSecurityContext (list $ component): component.securityContexts.container,
       else the chart-wide securityContexts.containers, else no privilege escalation and
       every capability dropped. */ -}}
{{- define "containerSecurityContext" -}}
{{- $top := index . 0 -}}
{{- $c := index . 1 -}}
{{- if $c -}}
{{- if $c.securityContexts.container -}}{{ toYaml $c.securityContexts.container }}
{{- else if $top.Values.securityContexts.containers -}}{{ toYaml $top.Values.securityContexts.containers }}
{{- else -}}
allowPrivilegeEscalation: false
capabilities:
  drop:
    - ALL
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* localContainerSecurityContext component: its securityContexts.container, else its
       securityContext, else runAsUser from its uid. */ -}}
{{- define "localContainerSecurityContext" -}}
{{- if .securityContexts.container -}}{{ toYaml .securityContexts.container }}
{{- else if .securityContext -}}{{ toYaml .securityContext }}
{{- else -}}
runAsUser: {{ .uid }}
{{- end -}}
{{- end -}}

{{- /* ------------------------------------------------------------- environment */ -}}

{{- /* podtpl.secretEnv (list NAME SECRET KEY): one env item read from a Secret key,
       indented for a list under "env:" at two spaces, with a leading newline. */ -}}
{{- define "podtpl.secretEnv" }}
  - name: {{ index . 0 }}
    valueFrom:
      secretKeyRef:
        name: {{ index . 1 }}
        key: {{ index . 2 }}
{{- end -}}

{{- /* standard_airflow_environment: Astronomer's version (the airflow-chart overrides the
       subchart's): fixed log retention and COMPONENT variables with their comments, then the
       built-in secret variables switched by enableBuiltInSecretEnvVars, the Celery result
       backend and broker (Celery executors), Elasticsearch (when enabled) and the Airflow 3
       JWT secret and auth manager. Starts with a newline, items at two spaces. */ -}}
{{- define "standard_airflow_environment" }}
  # Hard Coded Airflow Envs
  - name: ASTRONOMER__AIRFLOW__WORKER_LOG_RETENTION_DAYS
    value: "3"
  - name: COMPONENT # Checked by entrypoint when sidecar logging is enabled
    valueFrom:
      fieldRef:
        fieldPath: metadata.labels['component']
{{- $on := .Values.enableBuiltInSecretEnvVars -}}
{{- if $on.AIRFLOW__CORE__FERNET_KEY -}}
{{ include "podtpl.secretEnv" (list "AIRFLOW__CORE__FERNET_KEY" (include "fernet_key_secret" .) "fernet-key") }}
{{- end }}
  # For Airflow <2.3, backward compatibility; moved to [database] in 2.3
{{- range $var := list "AIRFLOW__CORE__SQL_ALCHEMY_CONN" "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW_CONN_AIRFLOW_DB" -}}
{{- if index $on $var -}}
{{ include "podtpl.secretEnv" (list $var (include "airflow_metadata_secret" $) "connection") }}
{{- end -}}
{{- end -}}
{{- if $on.AIRFLOW__WEBSERVER__SECRET_KEY -}}
{{ include "podtpl.secretEnv" (list "AIRFLOW__WEBSERVER__SECRET_KEY" (include "webserver_secret_key_secret" .) "webserver-secret-key") }}
{{- end -}}
{{- if or (eq .Values.executor "CeleryExecutor") (eq .Values.executor "CeleryKubernetesExecutor") -}}
{{- if or (semverCompare "<2.4.0" .Values.airflowVersion) .Values.data.resultBackendSecretName .Values.data.resultBackendConnection -}}
{{- if $on.AIRFLOW__CELERY__CELERY_RESULT_BACKEND }}
  # (Airflow 1.10.* variant)
{{- include "podtpl.secretEnv" (list "AIRFLOW__CELERY__CELERY_RESULT_BACKEND" (include "airflow_result_backend_secret" .) "connection") }}
{{- end -}}
{{- if $on.AIRFLOW__CELERY__RESULT_BACKEND -}}
{{ include "podtpl.secretEnv" (list "AIRFLOW__CELERY__RESULT_BACKEND" (include "airflow_result_backend_secret" .) "connection") }}
{{- end -}}
{{- end -}}
{{- if $on.AIRFLOW__CELERY__BROKER_URL -}}
{{ include "podtpl.secretEnv" (list "AIRFLOW__CELERY__BROKER_URL" (default (printf "%s-broker-url" .Release.Name) .Values.data.brokerUrlSecretName) "connection") }}
{{- end -}}
{{- end -}}
{{- if .Values.elasticsearch.enabled }}
  # The elasticsearch variables were updated to the shorter names in v1.10.4
{{- if $on.AIRFLOW__ELASTICSEARCH__HOST -}}
{{ include "podtpl.secretEnv" (list "AIRFLOW__ELASTICSEARCH__HOST" (include "elasticsearch_secret" .) "connection") }}
{{- end -}}
{{- if $on.AIRFLOW__ELASTICSEARCH__ELASTICSEARCH_HOST }}
  # This is the older format for these variable names, kept here for backward compatibility
{{- include "podtpl.secretEnv" (list "AIRFLOW__ELASTICSEARCH__ELASTICSEARCH_HOST" (include "elasticsearch_secret" .) "connection") }}
{{- end -}}
{{- end -}}
{{- if semverCompare ">=3.0.0" .Values.airflowVersion -}}
{{ include "podtpl.secretEnv" (list "AIRFLOW__API_AUTH__JWT_SECRET" (include "fernet_key_secret" .) "fernet-key") }}
  - name: AIRFLOW__CORE__AUTH_MANAGER
    value: astronomer.runtime.auth_managers.astro.AstroAuthManager
{{- end -}}
{{- end -}}

{{- /* podtpl.k8sExecutor: "true" when the executor runs tasks in Kubernetes pods
       (KubernetesExecutor, CeleryKubernetesExecutor, LocalKubernetesExecutor). */ -}}
{{- define "podtpl.k8sExecutor" -}}
{{- if contains "KubernetesExecutor" .Values.executor }}true{{ end -}}
{{- end -}}

{{- /* custom_airflow_environment: the user's `env` (each also exported to task pods as
       AIRFLOW__KUBERNETES_ENVIRONMENT_VARIABLES__NAME with a Kubernetes executor), the
       `secret` list as secretKeyRef variables (and AIRFLOW__KUBERNETES_SECRETS__NAME), then
       `extraEnv` through tpl. Each section keeps the chart's comment line; with a Kubernetes
       executor the chart leaves a line of two spaces before "# Extra env". */ -}}
{{- define "custom_airflow_environment" }}
  # Dynamically created environment variables
{{- $k8s := include "podtpl.k8sExecutor" . -}}
{{- range .Values.env }}
  - name: {{ .name }}
    value: {{ quote .value }}
{{- if $k8s }}
  - name: AIRFLOW__KUBERNETES_ENVIRONMENT_VARIABLES__{{ .name }}
    value: {{ quote .value }}
{{- end -}}
{{- end }}
  # Dynamically created secret envs
{{- range .Values.secret -}}
{{ include "podtpl.secretEnv" (list .envName .secretName (default "value" .secretKey)) }}
{{- end -}}
{{- if include "podtpl.k8sExecutor" . -}}
{{- range .Values.secret }}
  - name: AIRFLOW__KUBERNETES_SECRETS__{{ .envName }}
    value: {{ printf "%s=%s" .secretName .secretKey }}
{{- end }}
  {{/* the chart's stray indentation line */}}
{{- end }}
  # Extra env
{{- $top := . -}}
{{- with .Values.extraEnv -}}
{{ tpl . $top | nindent 2 }}
{{- end -}}
{{- end -}}

{{- /* custom_airflow_environment_from: extraEnvFrom through tpl, on a new line at two
       spaces; nothing when empty. */ -}}
{{- define "custom_airflow_environment_from" -}}
{{- $top := . -}}
{{- with .Values.extraEnvFrom -}}
{{ tpl . $top | nindent 2 }}
{{- end -}}
{{- end -}}

{{- define "custom_git_sync_environment_from" -}}
{{- $top := . -}}
{{- with .Values.dags.gitSync.envFrom -}}
{{ tpl . $top | nindent 2 }}
{{- end -}}
{{- end -}}

{{- /* container_extra_envs (list $ envList): workers.env items (value, or valueFrom with a
       secretKeyRef or configMapKeyRef), each repeated as
       AIRFLOW__KUBERNETES_ENVIRONMENT_VARIABLES__NAME with a Kubernetes executor. */ -}}
{{- define "podtpl.extraEnvBody" -}}
{{- if .value }}
    value: {{ quote .value }}
{{- else if .valueFrom }}
    valueFrom:
{{- with .valueFrom -}}
{{- if .secretKeyRef }}
      secretKeyRef:
        name: {{ .secretKeyRef.name }}
        key: {{ .secretKeyRef.key }}
{{- else if .configMapKeyRef }}
      configMapKeyRef:
        name: {{ .configMapKeyRef.name }}
        key: {{ .configMapKeyRef.key }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "container_extra_envs" -}}
{{- $top := index . 0 -}}
{{- range index . 1 }}
  - name: {{ .name }}
{{- include "podtpl.extraEnvBody" . -}}
{{- if include "podtpl.k8sExecutor" $top }}
  - name: AIRFLOW__KUBERNETES_ENVIRONMENT_VARIABLES__{{ .name }}
{{- include "podtpl.extraEnvBody" . -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* ---------------------------------------------------------------- git-sync */ -}}

{{- /* podtpl.env (list NAME VALUE): one plain env item at four spaces, leading newline. */ -}}
{{- define "podtpl.env" }}
    - name: {{ index . 0 }}
      value: {{ index . 1 }}
{{- end -}}

{{- /* podtpl.envFromSecret (list NAME SECRET): a git-sync credential read from the key
       of the same name, at four spaces. */ -}}
{{- define "podtpl.envFromSecret" }}
    - name: {{ index . 0 }}
      valueFrom:
        secretKeyRef:
          name: {{ index . 1 }}
          key: {{ index . 0 }}
{{- end -}}

{{- /* git_sync_container (dict "Values" .Values "is_init" "true"?): the git-sync sidecar or
       init container: image, security context, envFrom ("[]" when none), the SSH or
       credentials variables, the GIT_SYNC_* and GITSYNC_* settings (v3 and v4 names),
       resources, probes and lifecycle hooks (not for the init container), volume mounts.
       Starts with a newline; the list item is at column 0. With an SSH key the chart
       leaves a line of four spaces after the SSH variables; kept. */ -}}
{{- define "git_sync_container" }}
{{- $gs := .Values.dags.gitSync }}
- name: {{ $gs.containerName }}{{ if .is_init }}-init{{ end }}
  image: {{ include "git_sync_image" . }}
  imagePullPolicy: {{ .Values.images.gitSync.pullPolicy }}
  securityContext:{{ include "localContainerSecurityContext" $gs | nindent 4 }}
  envFrom:{{ include "custom_git_sync_environment_from" . | default "\n  []" | indent 2 }}
  env:
{{- if or $gs.sshKeySecret $gs.sshKey -}}
{{- range $n := list "GIT_SSH_KEY_FILE" "GITSYNC_SSH_KEY_FILE" -}}
{{ include "podtpl.env" (list $n "\"/etc/git-secret/ssh\"") }}
{{- end -}}
{{- range $n := list "GIT_SYNC_SSH" "GITSYNC_SSH" -}}
{{ include "podtpl.env" (list $n "\"true\"") }}
{{- end -}}
{{- if $gs.knownHosts -}}
{{- range $n := list "GIT_KNOWN_HOSTS" "GITSYNC_SSH_KNOWN_HOSTS" -}}
{{ include "podtpl.env" (list $n "\"true\"") }}
{{- end -}}
{{- range $n := list "GIT_SSH_KNOWN_HOSTS_FILE" "GITSYNC_SSH_KNOWN_HOSTS_FILE" -}}
{{ include "podtpl.env" (list $n "\"/etc/git-secret/known_hosts\"") }}
{{- end -}}
{{- else -}}
{{- range $n := list "GIT_KNOWN_HOSTS" "GITSYNC_SSH_KNOWN_HOSTS" -}}
{{ include "podtpl.env" (list $n "\"false\"") }}
{{- end -}}
{{- end }}
    {{/* the chart's stray indentation line */}}
{{- else if $gs.credentialsSecret -}}
{{- $secret := quote $gs.credentialsSecret -}}
{{- range $n := list "GIT_SYNC_USERNAME" "GITSYNC_USERNAME" "GIT_SYNC_PASSWORD" "GITSYNC_PASSWORD" -}}
{{ include "podtpl.envFromSecret" (list $n $secret) }}
{{- end -}}
{{- end -}}
{{ include "podtpl.env" (list "GIT_SYNC_REV" (quote $gs.rev)) }}
{{- include "podtpl.env" (list "GITSYNC_REF" (quote $gs.ref)) }}
{{- include "podtpl.env" (list "GIT_SYNC_BRANCH" (quote $gs.branch)) }}
{{- $repo := quote $gs.repo -}}
{{ include "podtpl.env" (list "GIT_SYNC_REPO" $repo) }}
{{- include "podtpl.env" (list "GITSYNC_REPO" $repo) }}
{{- $depth := quote $gs.depth -}}
{{ include "podtpl.env" (list "GIT_SYNC_DEPTH" $depth) }}
{{- include "podtpl.env" (list "GITSYNC_DEPTH" $depth) }}
{{- include "podtpl.env" (list "GIT_SYNC_ROOT" "\"/git\"") }}
{{- include "podtpl.env" (list "GITSYNC_ROOT" "\"/git\"") }}
{{- include "podtpl.env" (list "GIT_SYNC_DEST" "\"repo\"") }}
{{- include "podtpl.env" (list "GITSYNC_LINK" "\"repo\"") }}
{{- $addUser := quote $gs.addUser -}}
{{ include "podtpl.env" (list "GIT_SYNC_ADD_USER" $addUser) }}
{{- include "podtpl.env" (list "GITSYNC_ADD_USER" $addUser) }}
{{- with $gs.wait -}}
{{ include "podtpl.env" (list "GIT_SYNC_WAIT" (quote .)) }}
{{- end -}}
{{ include "podtpl.env" (list "GITSYNC_PERIOD" (quote $gs.period)) }}
{{- $failures := quote $gs.maxFailures -}}
{{ include "podtpl.env" (list "GIT_SYNC_MAX_SYNC_FAILURES" $failures) }}
{{- include "podtpl.env" (list "GITSYNC_MAX_FAILURES" $failures) }}
{{- if .is_init -}}
{{ include "podtpl.env" (list "GIT_SYNC_ONE_TIME" "\"true\"") }}
{{- include "podtpl.env" (list "GITSYNC_ONE_TIME" "\"true\"") }}
{{- end -}}
{{- with $gs.env -}}
{{ toYaml . | nindent 4 }}
{{- end }}
  resources: {{ toYaml $gs.resources | nindent 4 }}
{{- if and $gs.livenessProbe (not .is_init) }}
  livenessProbe: {{ tpl (toYaml $gs.livenessProbe) . | nindent 4 }}
{{- end -}}
{{- if and $gs.readinessProbe (not .is_init) }}
  readinessProbe: {{ tpl (toYaml $gs.readinessProbe) . | nindent 4 }}
{{- end }}
  volumeMounts:
  - name: dags
    mountPath: /git
{{- if or $gs.sshKeySecret $gs.sshKey }}
  - name: git-sync-ssh-key
    mountPath: /etc/git-secret/ssh
    readOnly: true
    subPath: gitSshKey
{{- if $gs.knownHosts }}
  - name: config
    mountPath: /etc/git-secret/known_hosts
    readOnly: true
    subPath: known_hosts
{{- end -}}
{{- end -}}
{{- with $gs.extraVolumeMounts -}}
{{ tpl (toYaml .) $ | nindent 2 }}
{{- end -}}
{{- if and $gs.containerLifecycleHooks (not .is_init) }}
  lifecycle:{{ tpl (toYaml $gs.containerLifecycleHooks) . | nindent 4 }}
{{- end -}}
{{- end -}}
