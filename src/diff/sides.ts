// sides.ts: the two sides of a diff (`--current`, `--proposed`) and how each renders a deployment's
// worker pod. A side is a platform config.yaml, an airflow-chart values file, a template file or an
// already rendered pod, optionally with its own chart (`--current-chart` for a chart upgrade).
//
// Rendering goes through `podtpl render`'s library (src/pod/render.ts, renderWorkerPod), so a side
// renders exactly as `podtpl render` would with the same flags.
import { readFileSync } from 'node:fs';
import { istable } from '../chart/coalesce.js';
import type { ValuesFile } from '../chart/render-input.js';
import type { SetOptions } from '../chart/strvals.js';
import { openPodChart, PodChart, renderWorkerPod } from '../pod/render.js';
import type { GoValue } from '../template/value.js';
import { yamlUnmarshal } from '../yaml/load.js';

/** SideKind is what a side's file holds. */
export type SideKind = 'platform-config' | 'chart-values' | 'template' | 'pod' | 'default';

/** SideInput is one side as the user gave it. */
export interface SideInput {
  kind: SideKind;
  /** The file (absent for `default`: the chart's default pod template). */
  file?: string;
  text?: string;
  /** The chart this side renders with (a directory or .tgz); undefined: the built-in templates. */
  chart?: string;
}

/** DeploymentInput is one deployment: its name and values (airflow-chart layout), shared by both sides. */
export interface DeploymentInput {
  name: string;
  /** Values files in order (`helm get values` output, then each `-f`). */
  valuesFiles: ValuesFile[];
  sets?: SetOptions;
  releaseName: string;
  namespace: string;
  kubeVersion?: string;
}

/** RenderedPod is what a side gives for one deployment. */
export interface RenderedPod {
  podYaml: string;
  /** Where the pod template came from (for the report). */
  source: string;
  warnings: string[];
}

/** PreparedSide renders one side for any deployment (the side's files are read once). */
export interface PreparedSide {
  input: SideInput;
  label: string;
  render(dep: DeploymentInput): RenderedPod;
}

/** SideError is a side that cannot be read or rendered; the message names the file. */
export class SideError extends Error {}

/**
 * detectSideKind tells what a file holds: a platform config (`astronomer:` at the top), chart
 * values (`airflow:`), a rendered pod (`kind`/`apiVersion` with a `spec`, no `{{`), else a template.
 */
export function detectSideKind(text: string): Exclude<SideKind, 'default'> {
  let doc: GoValue;
  try {
    doc = yamlUnmarshal(text);
  } catch {
    return 'template';
  }
  if (doc instanceof Map) {
    if (doc.has('astronomer')) return 'platform-config';
    if (istable(doc.get('airflow') ?? null)) return 'chart-values';
    if (!text.includes('{{') && (doc.has('spec') || doc.get('kind') === 'Pod')) return 'pod';
  }
  return 'template';
}

/** readSide reads a side's file and settles its kind (`auto` detects it). */
export function readSide(file: string | undefined, kind: SideKind | 'auto', chart: string | undefined): SideInput {
  if (file === undefined) return { kind: 'default', chart };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SideError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return { kind: kind === 'auto' ? detectSideKind(text) : kind, file, text, chart };
}

/** PodRenderFn is the shape of `podtpl render`'s library entry as diff calls it. */
export type PodRenderFn = (side: SideInput, dep: DeploymentInput) => RenderedPod;

/** PodRenderer is podRenderer's function, which also tells whether a side's renders no longer depend on their order. */
export type PodRenderer = PodRenderFn & {
  /** orderFree: rendered pods need no chart; a chart qualifies once processedOnce (PodChart). */
  orderFree(side: SideInput): boolean;
};

/** prepareSide binds a side to a renderer (rendered pods need none; default: podRenderer()). */
export function prepareSide(input: SideInput, label: string, renderer?: PodRenderFn): PreparedSide {
  if (input.kind === 'pod') {
    const text = input.text ?? '';
    return { input, label, render: () => ({ podYaml: text, source: `rendered pod ${input.file}`, warnings: [] }) };
  }
  const r = renderer ?? podRenderer();
  return { input, label, render: (dep) => r(input, dep) };
}

// ---------------------------------------------------------------- rendering through `podtpl render`

/**
 * podRenderer renders sides with `podtpl render`'s library (renderWorkerPod). Each chart is opened
 * once (PodChart: files loaded, templates parsed) and reused for every deployment.
 */
export function podRenderer(): PodRenderer {
  const charts = new Map<string, PodChart>();
  const chartOf = (path: string | undefined): PodChart | undefined => {
    if (path === undefined) return undefined;
    let c = charts.get(path);
    if (!c) {
      try {
        c = openPodChart(path);
      } catch (e) {
        throw new SideError(`cannot load chart ${path}: ${(e as Error).message}`);
      }
      charts.set(path, c);
    }
    return c;
  };
  const render: PodRenderFn = (side, dep) => {
    const f = side.file !== undefined ? { name: side.file, text: side.text ?? '' } : undefined;
    const r = renderWorkerPod({
      platformConfig: side.kind === 'platform-config' ? f : undefined,
      chartValues: side.kind === 'chart-values' ? f : undefined,
      template: side.kind === 'template' ? f : undefined,
      chart: chartOf(side.chart),
      valuesFiles: dep.valuesFiles,
      sets: dep.sets,
      releaseName: dep.releaseName,
      namespace: dep.namespace,
      kubeVersion: dep.kubeVersion,
    });
    return { podYaml: r.podYaml, source: r.source.description, warnings: r.warnings };
  };
  const orderFree = (side: SideInput): boolean => {
    if (side.kind === 'pod') return true;
    if (side.chart === undefined) return PodChart.builtin().processedOnce;
    return charts.get(side.chart)?.processedOnce ?? false;
  };
  return Object.assign(render, { orderFree });
}
