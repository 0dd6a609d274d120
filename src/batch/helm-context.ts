// The .Chart, .Capabilities, .Release and .Files objects of a template-mode request.
import type { GoValue } from '../template/value.js';
import type { BatchRequest } from './protocol.js';
import { RequestError } from './helm-top.js';

/** HelmContext holds the non-values parts of Helm's top-level object. */
export interface HelmContext {
  chart: GoValue;
  files: GoValue;
  release: GoValue;
  capabilities: GoValue;
  chartName: string;
}

/** helmContextObjects builds .Chart, .Files, .Release and .Capabilities for req. */
export function helmContextObjects(_req: BatchRequest): HelmContext {
  throw new RequestError('podtpl: helm mode context is not wired yet');
}
