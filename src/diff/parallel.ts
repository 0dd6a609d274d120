// parallel.ts: renders every deployment's two sides before runDiff compares them, on worker
// threads beside the main thread when that cannot change a byte of the result.
//
// A render's result depends only on its own inputs once its chart has been processed by an
// earlier render and is reused as is (PodChart.processedOnce: the built-in chart and charts
// without conditions, tags or import-values). Until then the main thread renders in runDiff's
// order (current, then proposed unless current failed); the rest is shared out in batches
// through a shared counter, each worker first doing one throw-away render of its own so that its
// charts are in the same processed state. A worker that fails leaves its batches to the main
// thread. The sides returned answer from the results, so runDiff itself is unchanged.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DeploymentInput, PodRenderer, PreparedSide, RenderedPod, SideInput } from './sides.js';

/** Outcome is one side's render of one deployment: the pod, or the failure's message. */
export type Outcome = { pod: RenderedPod } | { error: string };

/** DeploymentOutcome is both sides of one deployment (proposed is absent when current failed, as runDiff skips it). */
export interface DeploymentOutcome {
  current: Outcome;
  proposed?: Outcome;
}

/** WorkerJob is what a render worker receives (workerData). */
export interface WorkerJob {
  current: SideInput;
  proposed: SideInput;
  deployments: DeploymentInput[];
  /** Int32Array over a SharedArrayBuffer: [0] is the next deployment index to claim. */
  counter: SharedArrayBuffer;
  batch: number;
}

/** WorkerMessage is what a render worker posts: a batch of results, or that it cannot take part. */
export type WorkerMessage = { results: [number, DeploymentOutcome][] } | { notReady: true };

/** ParallelOptions tune prerender. */
export interface ParallelOptions {
  /** Worker threads beside the main thread (default: defaultThreads()); 0 renders on the main thread only. */
  threads?: number;
  /** Fewest deployments left for workers to be worth starting (default 200). */
  minDeployments?: number;
}

const msg = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** attempt renders one side, keeping the failure's message as runDiff reports it. */
function attempt(render: (d: DeploymentInput) => RenderedPod, dep: DeploymentInput): Outcome {
  try {
    return { pod: render(dep) };
  } catch (e) {
    return { error: msg(e) };
  }
}

/** renderDeployment renders current, then proposed unless current failed (runDiff's order). */
export function renderDeployment(current: (d: DeploymentInput) => RenderedPod, proposed: (d: DeploymentInput) => RenderedPod, dep: DeploymentInput): DeploymentOutcome {
  const out: DeploymentOutcome = { current: attempt(current, dep) };
  if ('pod' in out.current) out.proposed = attempt(proposed, dep);
  return out;
}

/**
 * defaultThreads: CPUs − 1, at most 3, and none below 4 CPUs: measured on 2 vCPUs shared with
 * other work, one worker made a 1,000-deployment diff slower (worker start-up and a cold JIT
 * cost more than the second CPU gave).
 */
function defaultThreads(): number {
  const cpus = availableParallelism();
  return cpus >= 4 ? Math.min(cpus - 1, 3) : 0;
}

/** workerUrl is the worker's module beside this one (dist/src/diff/ or the bundle's chunks/); undefined when absent (sources run by vitest). */
function workerUrl(): URL | undefined {
  const url = new URL('./render-worker.js', import.meta.url);
  try {
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** workerStackMb gives workers the main thread's stack limit (--stack-size, in KiB; V8's default 984), plus Node's reserve. */
function workerStackMb(): number {
  const flag = process.execArgv.find((a) => a.startsWith('--stack-size='));
  const kb = flag ? Number(flag.slice('--stack-size='.length)) : 984;
  return ((Number.isFinite(kb) && kb > 0 ? kb : 984) + 192) / 1024;
}

function answering(side: PreparedSide, results: readonly (DeploymentOutcome | undefined)[], index: Map<DeploymentInput, number>, which: 'current' | 'proposed'): PreparedSide {
  return {
    input: side.input,
    label: side.label,
    render: (dep) => {
      const i = index.get(dep);
      const o = i === undefined ? undefined : results[i]?.[which];
      if (!o) return side.render(dep);
      if ('error' in o) throw new Error(o.error);
      return o.pod;
    },
  };
}

/**
 * prerender renders every deployment's sides (see the file comment) and returns sides that
 * answer runDiff from the results. Same results as rendering in runDiff, in less wall time
 * when there are many deployments and more than one CPU.
 */
export async function prerender(
  current: PreparedSide,
  proposed: PreparedSide,
  deployments: readonly DeploymentInput[],
  renderer: PodRenderer,
  o: ParallelOptions = {},
): Promise<{ current: PreparedSide; proposed: PreparedSide }> {
  const n = deployments.length;
  const results: (DeploymentOutcome | undefined)[] = new Array<DeploymentOutcome | undefined>(n);
  const index = new Map<DeploymentInput, number>();
  deployments.forEach((d, i) => index.set(d, i));
  const one = (i: number): void => {
    results[i] = renderDeployment(current.render, proposed.render, deployments[i]!);
  };
  let i = 0;
  const orderFree = (): boolean => renderer.orderFree(current.input) && renderer.orderFree(proposed.input);
  while (i < n && !orderFree()) one(i++);

  const threads = Math.max(0, Math.min(o.threads ?? defaultThreads(), 16));
  const url = workerUrl();
  // --set-file reads files through the CLI (a function, which a worker cannot receive).
  const cloneable = deployments.every((d) => !d.sets?.setFile?.length);
  if (threads === 0 || n - i < (o.minDeployments ?? 200) || !url || !cloneable || !orderFree()) {
    while (i < n) one(i++);
  } else {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    counter[0] = i;
    const batch = Math.max(8, Math.min(64, Math.floor((n - i) / (8 * (threads + 1)))));
    const job: WorkerJob = {
      current: current.input,
      proposed: proposed.input,
      deployments: deployments.map((d) => (d.sets ? { ...d, sets: { ...d.sets, readFile: undefined } } : d)),
      counter: counter.buffer as SharedArrayBuffer,
      batch,
    };
    const done: Promise<void>[] = [];
    for (let t = 0; t < threads; t++) {
      done.push(
        new Promise<void>((resolve) => {
          let w: Worker;
          try {
            w = new Worker(url, { workerData: job, resourceLimits: { stackSizeMb: workerStackMb() } });
          } catch {
            resolve();
            return;
          }
          w.on('message', (m: WorkerMessage) => {
            if ('results' in m) for (const [k, r] of m.results) results[k] = r;
          });
          // Whatever a worker did not deliver, the main thread renders below.
          w.on('error', () => resolve());
          w.on('exit', () => resolve());
        }),
      );
    }
    for (;;) {
      const start = Atomics.add(counter, 0, batch);
      if (start >= n) break;
      for (let k = start; k < Math.min(n, start + batch); k++) one(k);
    }
    await Promise.all(done);
    for (let k = 0; k < n; k++) if (!results[k]) one(k);
  }
  return { current: answering(current, results, index, 'current'), proposed: answering(proposed, results, index, 'proposed') };
}
