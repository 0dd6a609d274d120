/**
 * BatchRequest is one line of the JSON-lines batch protocol shared with the oracle
 * (../shared/oracle/README.md is the specification).
 */
export interface BatchRequest {
  id?: unknown;
  mode?: 'helm' | 'sprig' | 'go';
  templates?: Record<string, string>;
  render?: string[];
  values?: unknown;
  valuesYaml?: string | string[] | null;
  chartValues?: unknown;
  chartValuesYaml?: string;
  data?: unknown;
  intNumbers?: boolean;
  release?: {
    name?: string;
    namespace?: string;
    isUpgrade?: boolean;
    isInstall?: boolean;
    revision?: number;
    service?: string;
  };
  chart?: Record<string, unknown>;
  chartYaml?: string;
  capabilities?: {
    kubeVersion?: string;
    apiVersions?: string[];
    apiVersionsExact?: string[];
    helmVersion?: Record<string, string>;
  };
  files?: Record<string, string>;
  options?: { missingkey?: string; delims?: string[]; helmFuncs?: string };
  repeat?: number;
  timeoutMs?: number;
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setLiteral?: string[];
  chartDir?: string;
  skipDependencyCheck?: boolean;
  returnValues?: boolean;
}

/** BatchResponse is the answer to one BatchRequest. */
export interface BatchResponse {
  id: unknown;
  outputs: Record<string, string>;
  error: string | null;
  helmError?: string;
  errorKind?: string;
  errorTemplate?: string;
  outputsBase64?: Record<string, string>;
  repeat?: number;
  ns_per_render?: number;
  ns_per_exec?: number;
  fatal?: boolean;
  chartValues?: unknown;
  warnings?: string[];
}
