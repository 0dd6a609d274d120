// airflow.ts: Airflow's expectations of a worker pod template (warnings): Airflow's KubernetesExecutor
// takes the container named `base` (airflow/kubernetes/pod_generator.py puts the task command there),
// the worker should run with its own executor setting, and a worker without resources is unbounded.
import { quoteGo, type PathSeg } from '../finding.js';
import { get, list, obj, type Obj, type RuleContext } from './context.js';

/** checkAirflow adds the Airflow worker warnings for a pod spec at sp. */
export function checkAirflow(ctx: RuleContext, spec: Obj, sp: PathSeg[]): void {
  const containers = list(get(spec, 'containers'));
  const first = obj(containers[0]);
  if (!first) return;
  const p: PathSeg[] = [...sp, 'containers', 0];
  const name = get(first, 'name');
  if (name !== 'base')
    ctx.warn(
      'airflow-worker-name',
      [...p, 'name'],
      `Airflow's worker container must be the first container and be named "base" (found ${typeof name === 'string' ? quoteGo(name) : 'none'})`,
    );
  const env = list(get(first, 'env'));
  if (!env.some((e) => get(obj(e), 'name') === 'AIRFLOW__CORE__EXECUTOR'))
    ctx.warn('airflow-executor-env', [...p, 'env'], 'the worker container does not set AIRFLOW__CORE__EXECUTOR');
  const res = obj(get(first, 'resources'));
  const empty = (k: string) => {
    const o = obj(get(res, k));
    return !o || Object.keys(o).length === 0;
  };
  if (empty('requests') && empty('limits')) ctx.warn('airflow-resources', [...p, 'resources'], 'the worker container has no resource requests or limits');
}
