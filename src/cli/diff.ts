// `podtpl diff`: what a platform config (or chart, or values) change does to every deployment's
// worker pod, before it is applied. Thin: flags → src/diff → print → exit code.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { SetOptions } from '../chart/strvals.js';
import type { ValidateFn } from '../diff/deployments.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../diff/formats.js';
import type { DeploymentInput, SideKind } from '../diff/sides.js';
import { CliError, type IO } from './io.js';
import { addSetFlags, collect } from './values-flags.js';

const SIDE_TYPES = ['auto', 'platform-config', 'chart-values', 'template', 'pod'] as const;

interface DiffFlags {
  current?: string;
  proposed?: string;
  currentType: SideKind | 'auto';
  proposedType: SideKind | 'auto';
  chart?: string;
  currentChart?: string;
  proposedChart?: string;
  values: string[];
  set: string[];
  setString: string[];
  setJson: string[];
  setFile: string[];
  setLiteral: string[];
  deployments?: string;
  releaseName?: string;
  namespace: string;
  kubeVersion?: string;
  output: OutputFormat;
  context: string;
  detailedExitcode?: boolean;
  ignore: string[];
  showSecrets?: boolean;
  validate?: boolean;
  strict?: boolean;
  threads?: string;
}

/** registerDiff adds `podtpl diff` to program. */
export function registerDiff(program: Command, io: IO, setExit: (code: number) => void): void {
  const cmd = program
    .command('diff')
    .summary("what a platform config change does to every deployment's worker pod")
    .description(
      'Show what a change does to every deployment\'s worker pod: render the current and the proposed side for each deployment and compare the pods ' +
        '(containers, env, volumes, mounts, ports by name; tolerations by key+effect; maps by key; other lists by position). ' +
        'A side is a platform config.yaml (its astronomer.houston.config.deployments.helm section is merged under each deployment\'s values, as Houston does), ' +
        'an airflow-chart values file, a template file or an already rendered pod; without a file, the chart\'s default pod template.',
    )
    .option('--current <file>', 'the current side (config.yaml, chart values, template or rendered pod)')
    .option('--proposed <file>', 'the proposed side')
    .addOption(new Option('--current-type <type>', 'what --current holds').choices(SIDE_TYPES).default('auto'))
    .addOption(new Option('--proposed-type <type>', 'what --proposed holds').choices(SIDE_TYPES).default('auto'))
    .option('--chart <dir|tgz>', 'the chart both sides render with (default: the built-in templates)')
    .option('--current-chart <dir|tgz>', 'the chart of the current side (chart upgrades)')
    .option('--proposed-chart <dir|tgz>', 'the chart of the proposed side')
    .option('-f, --values <file>', 'deployment values (repeatable), shared by both sides', collect, []);
  addSetFlags(cmd)
    .option('--deployments <dir>', 'one values file per deployment (*.yaml; the name is the file name, also the release name)')
    .option('--release-name <name>', 'release name (default: the deployment file name, or "release-name")')
    .option('--namespace <ns>', 'namespace', 'default')
    .option('--kube-version <v>', 'Kubernetes version for .Capabilities and --validate')
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS).default('diff'))
    .option('--context <n>', 'context lines of the unified diff', '3')
    .option('--detailed-exitcode', 'exit 0 when nothing changes, 2 when something changes, 1 on errors')
    .option('--ignore <glob>', 'ignore changes under a semantic path glob (repeatable), e.g. metadata.labels, spec.containers[*].env[AIRFLOW__*]', collect, [])
    .option('--show-secrets', 'show secrets\' literal values (masked by default)')
    .option('--validate', 'report validation findings the proposed side introduces or fixes; new errors fail the deployment')
    .option('--strict', 'with --validate: unknown fields are errors')
    .addOption(new Option('--threads <n>', 'worker threads rendering beside the main thread (default: CPUs - 1, at most 3, none below 4 CPUs; 0: none)').hideHelp())
    .action(async (flags: DiffFlags) => {
      // Loaded here, so that other commands do not pay for the diff and render code.
      const { readDeploymentsDir, runDiff } = await import('../diff/deployments.js');
      const { formatReport } = await import('../diff/format.js');
      const { podRenderer, prepareSide, readSide, SideError } = await import('../diff/sides.js');
      const context = Number(flags.context);
      if (!Number.isInteger(context) || context < 0 || context > 100_000) throw new CliError(`--context: not a line count: ${flags.context}`, 2);
      if (flags.chart && (flags.currentChart || flags.proposedChart)) {
        throw new CliError('--chart cannot be combined with --current-chart/--proposed-chart', 2);
      }
      if (flags.current === undefined && flags.proposed === undefined && !flags.currentChart && !flags.proposedChart) {
        throw new CliError('nothing to compare: give --current and/or --proposed (or --current-chart/--proposed-chart)', 2);
      }
      const sets: SetOptions = {
        set: flags.set,
        setString: flags.setString,
        setJson: flags.setJson,
        setFile: flags.setFile,
        setLiteral: flags.setLiteral,
        readFile: (p) => readText(p),
      };
      const shared = flags.values.map((p) => ({ name: p, text: readText(p) }));
      const deployments: DeploymentInput[] = [];
      const base = { sets, namespace: flags.namespace, kubeVersion: flags.kubeVersion };
      if (flags.deployments !== undefined) {
        let files;
        try {
          files = readDeploymentsDir(flags.deployments);
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        if (files.length === 0) throw new CliError(`no deployment values files (*.yaml) in ${flags.deployments}`);
        for (const f of files) {
          deployments.push({ ...base, name: f.name, releaseName: flags.releaseName ?? f.name, valuesFiles: [{ name: f.path, text: f.text }, ...shared] });
        }
      } else {
        const name = flags.releaseName ?? 'release-name';
        deployments.push({ ...base, name, releaseName: name, valuesFiles: shared });
      }

      let current;
      let proposed;
      const renderer = podRenderer();
      try {
        current = prepareSide(readSide(flags.current, flags.currentType, flags.currentChart ?? flags.chart), 'current', renderer);
        proposed = prepareSide(readSide(flags.proposed, flags.proposedType, flags.proposedChart ?? flags.chart), 'proposed', renderer);
      } catch (e) {
        if (e instanceof SideError) throw new CliError(e.message);
        throw e;
      }
      if (deployments.length > 1) {
        // Many deployments: render them ahead, on worker threads too when that cannot change the result.
        const { prerender } = await import('../diff/parallel.js');
        const threads = flags.threads === undefined ? undefined : Number(flags.threads);
        if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0 && threads <= 16)) throw new CliError(`--threads: not a count from 0 to 16: ${flags.threads}`, 2);
        ({ current, proposed } = await prerender(current, proposed, deployments, renderer, { threads }));
      }
      let validate: { fn: ValidateFn; kubeVersion?: string; strict?: boolean } | undefined;
      if (flags.validate) {
        const mod = (await import('../validate/index.js')) as { validatePod: ValidateFn; normalizeKubeVersion: (v?: string) => string };
        try {
          mod.normalizeKubeVersion(flags.kubeVersion);
        } catch (e) {
          throw new CliError((e as Error).message, 2);
        }
        validate = { fn: mod.validatePod, kubeVersion: flags.kubeVersion, strict: flags.strict };
      }
      const progress = io.isTTY === true && deployments.length >= 20;
      const report = runDiff({
        current,
        proposed,
        deployments,
        ignore: flags.ignore,
        showSecrets: flags.showSecrets,
        validate,
        onProgress: progress
          ? (done, total) => {
              if (done % 10 === 0 || done === total) io.stderr.write(`\rdiff: ${done}/${total} deployments${done === total ? '\n' : ''}`);
            }
          : undefined,
      });
      const color = io.isTTY === true && !io.env?.NO_COLOR;
      io.stdout.write(formatReport(report, flags.output, { context, color }));
      const s = report.summary;
      if (s.failed) setExit(1);
      else if (flags.detailedExitcode && s.changed) setExit(2);
      else setExit(0);
    });
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}
