/**
 * extract: the worker pod template as Airflow reads it: the value of the ConfigMap's
 * `data."pod_template_file.yaml"` key, decoded from the rendered ConfigMap the way the
 * Kubernetes API server decodes the manifest (YAML → JSON). The block scalar (`|-`, indented
 * by `nindent 4`) loses its indentation and trailing newlines there, nothing else.
 */
import type { GoValue } from '../template/value.js';
import { YamlError } from '../yaml/errors.js';
import { yamlUnmarshal } from '../yaml/load.js';
import { PodError } from './source.js';

/** podTemplateKey is the ConfigMap key the Airflow chart writes the pod template to. */
export const podTemplateKey = 'pod_template_file.yaml';

/**
 * extractPodTemplate decodes a rendered ConfigMap and returns its pod_template_file.yaml
 * value, or undefined when the key is absent. Throws PodError when the ConfigMap is not YAML
 * (Helm would fail on it too) or the key holds something other than a string.
 */
export function extractPodTemplate(configMap: string, templateName: string): string | undefined {
  const fast = decodeSimpleBlock(configMap);
  if (fast !== undefined) return fast;
  let doc: GoValue;
  try {
    doc = yamlUnmarshal(configMap, 'interface', templateName);
  } catch (e) {
    if (e instanceof YamlError) {
      throw new PodError(`the rendered ConfigMap (${templateName}) is not valid YAML: ${e.message}`, templateName, e.line, e.column);
    }
    throw e;
  }
  if (!(doc instanceof Map)) return undefined;
  const data = doc.get('data');
  if (!(data instanceof Map) || !data.has(podTemplateKey)) return undefined;
  const v = data.get(podTemplateKey);
  if (typeof v !== 'string') throw new PodError(`the rendered ConfigMap's ${podTemplateKey} is not a string`);
  return v;
}

const simpleHeader = 'data:\n  pod_template_file.yaml: |-\n';

/**
 * decodeSimpleBlock is a fast path for podtpl's own ConfigMap template, whose text is exactly
 * `data:` + the key + a `|-` block made by `nindent 4`: every line then starts with four
 * spaces. When nothing can make YAML read the block differently (the first content line is
 * indented by exactly four, no line break or character YAML treats specially, no trailing
 * whitespace-only line deeper than the block) the value is the lines without their four
 * spaces, trailing empty lines dropped (strip chomping). Anything else: undefined, and the
 * caller uses the YAML decoder. The golden matrix checks both agree.
 */
export function decodeSimpleBlock(text: string): string | undefined {
  if (!text.startsWith(simpleHeader)) return undefined;
  const body = text.slice(simpleHeader.length);
  // Characters go-yaml treats as line breaks or rejects, and tabs (indentation rules).
  if (/[\r\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/.test(body)) return undefined;
  const lines = body.split('\n');
  let firstContent = -1;
  let lastContent = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.startsWith('    ')) {
      if (l === '' && i === lines.length - 1) continue; // a final newline
      return undefined;
    }
    if (l.trim() !== '') {
      if (firstContent < 0) firstContent = i;
      lastContent = i;
    } else if (firstContent < 0 && l.length > 4) return undefined; // would change the detected indentation
  }
  if (firstContent < 0) return lines.every((l) => l === '' || l === '    ') ? '' : undefined;
  if (lines[firstContent]![4] === ' ') return undefined;
  for (let i = lastContent + 1; i < lines.length; i++) if (lines[i]!.length > 4) return undefined;
  return lines
    .slice(0, lastContent + 1)
    .map((l) => l.slice(4))
    .join('\n');
}
