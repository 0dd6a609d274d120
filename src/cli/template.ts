// `podtpl template`: render a chart like `helm template`. Only flags and printing live here;
// the pipeline is src/chart/helm-template.ts, loaded when the command runs.
import type { Command } from 'commander';
import type { OutputFile, PrintOptions } from '../chart/helm-template.js';
import { CliError, type IO } from './io.js';
import { addSetFlags, collect } from './values-flags.js';


function collectComma(v: string, prev: string[]): string[] {
  // Helm: pflag StringSlice splits each value on commas.
  return [...prev, ...v.split(',')];
}

async function readStream(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

interface Flags {
  values: string[];
  set: string[];
  setString: string[];
  setJson: string[];
  setFile: string[];
  setLiteral: string[];
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  apiVersions: string[];
  isUpgrade?: boolean;
  showOnly: string[];
  outputDir?: string;
  skipDependencyCheck?: boolean;
  skipSchemaValidation?: boolean;
  includeCrds?: boolean;
  hooks?: boolean;
  skipTests?: boolean;
}

/** registerTemplate adds `podtpl template` to program. */
export function registerTemplate(program: Command, io: IO, setExit: (code: number) => void): void {
  const cmd = program
    .command('template')
    .description('render a chart (directory or .tgz) like `helm template`: --- framed, sorted by kind, hooks last')
    .argument('[name]', 'release name (as `helm template NAME CHART`), or the chart when it is the only argument')
    .argument('[chart]', 'chart directory or .tgz archive')
    .option('-f, --values <file>', 'values YAML file (repeatable, comma-separated; - is stdin)', collectComma, []);
  addSetFlags(cmd)
    .option('--release-name <name>', 'release name (default "release-name")')
    .option('-n, --namespace <ns>', 'release namespace (default "default")')
    .option('--kube-version <v>', 'Kubernetes version for Capabilities.KubeVersion (default v1.20.0)')
    .option('-a, --api-versions <gv>', 'extra Capabilities.APIVersions (repeatable, comma-separated)', collectComma, [])
    .option('--is-upgrade', 'set .Release.IsUpgrade instead of .Release.IsInstall')
    .option('-s, --show-only <path>', 'only show manifests rendered from the given templates (globs; repeatable)', collect, [])
    .option('--output-dir <dir>', 'write each template to a file under dir instead of stdout')
    .option('--skip-dependency-check', 'render even when a Chart.yaml dependency is missing from charts/')
    .option('--skip-schema-validation', 'do not validate values against values.schema.json')
    .option('--include-crds', 'include the crds/ files of the chart and its subcharts')
    .option('--no-hooks', 'do not print hooks')
    .option('--skip-tests', 'do not print test hooks')
    .action(async (a: string | undefined, b: string | undefined, flags: Flags) => {
      const { ShowOnlyError } = await import('../chart/manifests.js');
      const { TemplateError, helmTemplate, outputFiles, templateText, writeOutputDir } = await import('../chart/helm-template.js');
      const chartArg = b ?? a;
      if (chartArg === undefined) throw new CliError('"podtpl template" requires at least 1 argument\n\nUsage:  podtpl template [NAME] CHART [flags]', 1);
      const releaseName = b !== undefined ? a : flags.releaseName;
      const stdinText = flags.values.includes('-') ? await readStream(io.stdin) : undefined;
      const warnings: string[] = [];
      let out: string;
      try {
        const r = helmTemplate({
          chart: chartArg,
          releaseName,
          namespace: flags.namespace,
          isUpgrade: flags.isUpgrade === true,
          kubeVersion: flags.kubeVersion,
          apiVersions: flags.apiVersions,
          valuesFiles: flags.values,
          set: flags.set,
          setString: flags.setString,
          setJson: flags.setJson,
          setFile: flags.setFile,
          setLiteral: flags.setLiteral,
          skipDependencyCheck: flags.skipDependencyCheck === true,
          skipSchemaValidation: flags.skipSchemaValidation === true,
          stdinText,
          warn: (m) => {
            if (!warnings.includes(m)) {
              warnings.push(m);
              io.stderr.write(m + '\n');
            }
          },
        });
        const print: PrintOptions = {
          showOnly: flags.showOnly,
          includeCrds: flags.includeCrds === true,
          noHooks: flags.hooks === false,
          skipTests: flags.skipTests === true,
        };
        if (flags.outputDir !== undefined) {
          let files: OutputFile[];
          try {
            files = outputFiles(r, print);
          } catch (e) {
            if (e instanceof ShowOnlyError) throw new TemplateError(e.message);
            throw e;
          }
          // Helm prints the (empty) manifest buffer after the `wrote` lines: one newline.
          out = writeOutputDir(flags.outputDir, files) + '\n';
        } else {
          out = templateText(r, print);
        }
      } catch (e) {
        if (e instanceof TemplateError) throw new CliError(e.message, 1);
        throw e;
      }
      io.stdout.write(out);
      setExit(0);
    });
}
