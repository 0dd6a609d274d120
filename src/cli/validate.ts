import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_KUBE_VERSION, KUBE_VERSIONS } from '../validate/versions.js';
import { CliError, type IO } from './io.js';

interface ValidateFlags {
  kubeVersion?: string;
  strict?: boolean;
  output: string;
}

/** readInput reads FILE, or standard input for "-" or no file. */
async function readInput(file: string | undefined, io: IO): Promise<{ name: string; text: string }> {
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return { name: '<stdin>', text: Buffer.concat(chunks).toString('utf8') };
  }
  try {
    return { name: file, text: readFileSync(file, 'utf8') };
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** registerValidate adds `podtpl validate` to program. */
export function registerValidate(program: Command, io: IO, setExit: (code: number) => void): void {
  program
    .command('validate')
    .summary('check a rendered pod against Kubernetes (schema, API-server rules) and PyYAML')
    .description(
      'check a rendered pod (a Pod, a PodSpec or a pod template file; several documents allowed) against the ' +
        "Kubernetes schema and the API server's own rules, and as Airflow's scheduler loads it (PyYAML); exit 1 on any error",
    )
    .argument('[file]', 'the YAML to check; - or nothing reads standard input')
    .option('--kube-version <version>', `Kubernetes version, one of ${KUBE_VERSIONS.join(', ')}`, DEFAULT_KUBE_VERSION)
    .option('--strict', 'reject fields the schema does not define')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(async (file: string | undefined, flags: ValidateFlags) => {
      // Loaded here: the validators are large and only this command needs them.
      const { formatFindings, normalizeKubeVersion, validatePod } = await import('../validate/index.js');
      if (flags.output !== 'text' && flags.output !== 'json') {
        throw new CliError(`-o must be text or json, not ${JSON.stringify(flags.output)}`, 2);
      }
      let kubeVersion: string;
      try {
        kubeVersion = normalizeKubeVersion(flags.kubeVersion);
      } catch (e) {
        throw new CliError((e as Error).message, 2);
      }
      const input = await readInput(file, io);
      const findings = validatePod(input.text, { kubeVersion, strict: flags.strict === true, file: input.name });
      const out = formatFindings(findings, flags.output as 'text' | 'json');
      if (out !== '') io.stdout.write(out.endsWith('\n') ? out : out + '\n');
      if (findings.some((f) => f.severity === 'error')) setExit(1);
    });
}
