// The .Chart, .Capabilities, .Release and .Files objects of a template-mode request, built
// with the chart package's Go objects (src/chart/context.ts, files.ts).
import { CapabilitiesError, buildCapabilities, buildChartObject, buildRelease, capabilitiesData } from '../chart/context.js';
import { fileFromText, newFiles } from '../chart/files.js';
import { ChartDecodeError, decodeMetadataInto, emptyMetadata, type Metadata } from '../chart/metadata.js';
import { fromJSON, type GoValue } from '../template/value.js';
import { YamlError } from '../yaml/errors.js';
import { yamlUnmarshal } from '../yaml/load.js';
import type { BatchRequest } from './protocol.js';
import { RequestError } from './request-error.js';

/** HelmContext holds the non-values parts of Helm's top-level object. */
export interface HelmContext {
  chart: GoValue;
  files: GoValue;
  release: GoValue;
  capabilities: GoValue;
  chartName: string;
}

/** defaultMetadata is what `helm create mychart` writes (the oracle's default chart). */
export function defaultMetadata(): Metadata {
  return {
    ...emptyMetadata(),
    name: 'mychart',
    description: 'A Helm chart for Kubernetes',
    type: 'application',
    version: '0.1.0',
    appVersion: '1.16.0',
    apiVersion: 'v2',
  };
}

function buildMetadata(req: BatchRequest): Metadata {
  let md = defaultMetadata();
  try {
    if (req.chartYaml !== undefined) {
      md = emptyMetadata();
      decodeMetadataInto(yamlUnmarshal(req.chartYaml), md);
    }
    if (req.chart !== undefined && req.chart !== null) decodeMetadataInto(fromJSON(req.chart), md);
  } catch (e) {
    if (e instanceof YamlError || e instanceof ChartDecodeError) {
      throw new RequestError(e.message, 'cannot load Chart.yaml: ' + e.message);
    }
    throw e;
  }
  return md;
}

/** helmContextObjects builds .Chart, .Files, .Release and .Capabilities for req. */
export function helmContextObjects(req: BatchRequest): HelmContext {
  const md = buildMetadata(req);
  let caps: GoValue;
  try {
    const c = req.capabilities;
    caps = buildCapabilities(
      capabilitiesData({
        kubeVersion: c?.kubeVersion,
        apiVersions: c?.apiVersions,
        apiVersionsExact: c?.apiVersionsExact,
      }),
    );
  } catch (e) {
    if (e instanceof CapabilitiesError) throw new RequestError(e.message, e.message);
    throw e;
  }
  return {
    chart: buildChartObject(md, true),
    files: newFiles(Object.entries(req.files ?? {}).map(([name, text]) => fileFromText(name, text))),
    release: buildRelease(req.release ?? {}),
    capabilities: caps,
    chartName: md.name,
  };
}
