// render-worker.ts: a worker thread of prerender (parallel.ts). It renders one throw-away
// deployment so that its charts reach the processed state the main thread's are in, checks
// that its renders no longer depend on their order, then claims batches of deployments from
// the shared counter and posts each batch's results.
import { parentPort, workerData } from 'node:worker_threads';
import { renderDeployment, type DeploymentOutcome, type WorkerJob, type WorkerMessage } from './parallel.js';
import { podRenderer, prepareSide, type DeploymentInput } from './sides.js';

function run(job: WorkerJob): void {
  const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
  const renderer = podRenderer();
  const current = prepareSide(job.current, 'current', renderer);
  const proposed = prepareSide(job.proposed, 'proposed', renderer);
  const warmup: DeploymentInput = { name: 'podtpl-warm-up', valuesFiles: [], releaseName: 'podtpl-warm-up', namespace: 'default' };
  for (const side of [current, proposed]) {
    if (renderer.orderFree(side.input)) continue;
    try {
      side.render(warmup);
    } catch {
      // Only the chart's processing matters here, not this render.
    }
  }
  if (!renderer.orderFree(job.current) || !renderer.orderFree(job.proposed)) {
    post({ notReady: true });
    return;
  }
  const counter = new Int32Array(job.counter);
  const n = job.deployments.length;
  for (;;) {
    const start = Atomics.add(counter, 0, job.batch);
    if (start >= n) break;
    const results: [number, DeploymentOutcome][] = [];
    for (let k = start; k < Math.min(n, start + job.batch); k++) results.push([k, renderDeployment(current.render, proposed.render, job.deployments[k]!)]);
    post({ results });
  }
}

if (parentPort) run(workerData as WorkerJob);
