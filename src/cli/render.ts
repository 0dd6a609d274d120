// `podtpl render`: the worker pod that Kubernetes-executor tasks get, exactly as the platform
// renders it. Thin: flags → src/pod (renderWorkerPod) → print. Files are read here; the
// library takes their text.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { InputFile, PodRenderResult, ValuesLayout } from '../pod/render.js';
import { CliError, type IO } from './io.js';
import { addSetFlags, collect } from './values-flags.js';


interface RenderFlags {
  platformConfig?: string;
  chartValues?: string;
  template?: string;
  chart?: string;
  values: string[];
  set: string[];
  setString: string[];
  setJson: string[];
  setFile: string[];
  setLiteral: string[];
  valuesLayout: ValuesLayout;
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  output: 'yaml' | 'json';
  validate?: boolean;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function input(path: string | undefined, what: string): InputFile | undefined {
  return path === undefined ? undefined : { name: path, text: readText(path, what) };
}

const help = `
Where the pod template comes from (at most one of the first three):
  --platform-config FILE  the platform's config.yaml. Like Houston, podtpl merges its whole
                          astronomer.houston.config.deployments.helm section (airflow.podTemplate,
                          images, workers settings, …) under the deployment's values; the
                          deployment's own values win.
  --chart-values FILE     an airflow-chart values file (airflow.podTemplate and other defaults),
                          merged under the deployment's values the same way.
  --template FILE         the pod template itself (replaces airflow.podTemplate).
  none of them            the chart's default pod template (a config or values file without a
                          podTemplate falls back to it too).
The source used is printed on stderr (or as "source" with -o json).

The chart: with --chart DIR|TGZ, exactly what that chart writes into the Airflow ConfigMap's
pod_template_file.yaml; without it, podtpl's built-in templates and defaults, equal to the
Astronomer airflow-chart 1.17.20 (Airflow chart 1.17.3-astro).

Deployment values (what "helm get values <deployment>" prints): -f in order, then --set-json,
--set, --set-string, --set-file, --set-literal (Helm's precedence), in the airflow-chart layout
(an "airflow:" section) unless --values-layout subchart.

Examples:
  podtpl render
  podtpl render --platform-config config.yaml -f deployment-values.yaml
  podtpl render --template pod-template.yaml --set airflow.workers.nodeSelector.pool=tasks
  podtpl render --chart ./airflow-chart-1.17.20.tgz -f values.yaml -o json
`;

/** registerRender adds `podtpl render` to program. */
export function registerRender(program: Command, io: IO, setExit: (code: number) => void): void {
  const cmd = program
    .command('render')
    .description('render the worker pod template of Kubernetes-executor tasks, exactly as the platform renders it')
    .option('--platform-config <file>', "the platform's config.yaml (its deployments.helm section is merged under the deployment values)")
    .option('--chart-values <file>', 'an airflow-chart values file with airflow.podTemplate (merged under the deployment values)')
    .option('--template <file>', 'a pod template file')
    .option('--chart <dir|tgz>', 'render with this chart instead of the built-in templates')
    .option('-f, --values <file>', 'deployment values file (repeatable)', collect, []);
  addSetFlags(cmd)
    .addOption(new Option('--values-layout <layout>', 'layout of -f/--set: the airflow-chart\'s ("airflow:" section) or the Airflow subchart\'s own').choices(['chart', 'subchart']).default('chart'))
    .option('--release-name <name>', 'release name', 'release-name')
    .option('--namespace <ns>', 'release namespace', 'default')
    .option('--kube-version <version>', 'Kubernetes version for .Capabilities (default v1.20.0, as helm template from source)')
    .addOption(new Option('-o, --output <format>', 'yaml: the pod template; json: {source, pod, warnings}').choices(['yaml', 'json']).default('yaml'))
    .option('--validate', 'also check the pod against the Kubernetes schema (exit 1 on errors)')
    .addHelpText('after', help)
    .action(async (flags: RenderFlags) => {
      const given = [flags.platformConfig && '--platform-config', flags.chartValues && '--chart-values', flags.template && '--template'].filter(Boolean);
      if (given.length > 1) throw new CliError(`use only one of ${given.join(', ')}`, 2);
      // Loaded here, not at start-up: other commands do not pay for the render path.
      const { PodError, renderWorkerPod } = await import('../pod/render.js');
      let r: PodRenderResult;
      // --validate traces the render so that findings point at the template (src/pod/provenance.ts).
      const prov = flags.validate ? await import('../pod/provenance.js') : undefined;
      let traced: import('../pod/provenance.js').TracedRender | undefined;
      const renderFn = prov
        ? (o: Parameters<typeof renderWorkerPod>[0]): PodRenderResult => (traced = prov.renderWorkerPodTraced(o)).result
        : renderWorkerPod;
      try {
        r = renderFn({
          platformConfig: input(flags.platformConfig, 'platform config'),
          chartValues: input(flags.chartValues, 'chart values file'),
          template: input(flags.template, 'template file'),
          chart: flags.chart,
          valuesFiles: flags.values.map((f) => ({ name: f, text: readText(f, 'values file') })),
          sets: {
            setJson: flags.setJson,
            set: flags.set,
            setString: flags.setString,
            setFile: flags.setFile,
            setLiteral: flags.setLiteral,
            readFile: (p) => readText(p, '--set-file'),
          },
          valuesLayout: flags.valuesLayout,
          releaseName: flags.releaseName,
          namespace: flags.namespace,
          kubeVersion: flags.kubeVersion,
        });
      } catch (e) {
        if (e instanceof PodError) throw new CliError(e.message);
        throw e;
      }
      let findingsText = '';
      let failed = false;
      let findings: unknown[] | undefined;
      if (flags.validate) {
        // Loaded only when asked: the schemas are large and the plain render must start fast.
        const v = await import('../validate/index.js');
        let kube: string;
        try {
          kube = v.normalizeKubeVersion(flags.kubeVersion);
        } catch (e) {
          throw new CliError(`--validate: ${(e as Error).message}`, 2);
        }
        let fs = v.validatePod(r.podYaml, { kubeVersion: kube, strict: false, file: 'pod_template_file.yaml' });
        if (prov && traced) fs = prov.annotateFindings(fs, traced);
        findings = fs;
        failed = fs.some((f) => f.severity === 'error');
        findingsText = v.formatFindings(fs, 'text');
      }
      if (flags.output === 'json') {
        const out: Record<string, unknown> = { source: r.source, pod: r.podYaml, warnings: r.warnings };
        if (findings) out.findings = findings;
        io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else {
        io.stderr.write(`podtpl: pod template from ${r.source.description}\n`);
        for (const w of r.warnings) io.stderr.write(`warning: ${w}\n`);
        io.stdout.write(r.podYaml + '\n');
        if (findingsText) io.stderr.write(findingsText.endsWith('\n') ? findingsText : findingsText + '\n');
      }
      if (failed) setExit(1);
    });
}
