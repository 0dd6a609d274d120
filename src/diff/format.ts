// format.ts: a diff report as text: `-o diff` (unified YAML diff per deployment), `-o simple` (one
// line per deployment and a plan line), `-o json` (changes with path, old, new; findings) and
// `-o markdown` (a pull-request comment).
import { structuredPatch } from 'diff';
import { formatFindings, type Finding } from '../validate/finding.js';
import type { Change } from './objects.js';
import { podToYaml } from './pod-yaml.js';
import type { DeploymentDiff, DiffReport } from './deployments.js';

/** OutputFormat is `-o`'s value. */
import { OUTPUT_FORMATS, type OutputFormat } from './formats.js';

export { OUTPUT_FORMATS, type OutputFormat };


/** FormatOptions: context lines of the unified diff (default 3) and ANSI colour. */
export interface FormatOptions {
  context?: number;
  color?: boolean;
}

/** formatReport prints a report in the given format. */
export function formatReport(r: DiffReport, format: OutputFormat, o: FormatOptions = {}): string {
  switch (format) {
    case 'diff':
      return formatDiff(r, o);
    case 'simple':
      return formatSimple(r, o);
    case 'json':
      return formatJson(r);
    case 'markdown':
      return formatMarkdown(r, o);
  }
}

// ---------------------------------------------------------------- helpers

const ansi = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m', bold: '\x1b[1m', reset: '\x1b[0m' };
type Paint = (code: keyof typeof ansi, s: string) => string;
const painter = (color: boolean | undefined): Paint => (color ? (c, s) => ansi[c] + s + ansi.reset : (_c, s) => s);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** planLine is the summary line: `Plan: N deployments change, M unchanged, K fail`. */
export function planLine(r: DiffReport): string {
  const s = r.summary;
  return `Plan: ${s.changed} deployment${s.changed === 1 ? '' : 's'} change, ${s.unchanged} unchanged, ${s.failed} fail`;
}

function counts(d: DeploymentDiff): string {
  const parts = [plural(d.changes.length, 'change')];
  if (d.ignored.length) parts.push(`${d.ignored.length} ignored`);
  return parts.join(', ');
}

/** unifiedDiff is the unified diff of two texts with `context` lines around each hunk. */
export function unifiedDiff(a: string, b: string, aName: string, bName: string, context: number, paint: Paint = (_c, s) => s): string {
  if (a === b) return '';
  const p = structuredPatch(aName, bName, a, b, undefined, undefined, { context });
  let out = paint('bold', `--- ${aName}`) + '\n' + paint('bold', `+++ ${bName}`) + '\n';
  for (const h of p.hunks) {
    out += paint('cyan', `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`) + '\n';
    for (const line of h.lines) {
      if (line.startsWith('\\')) continue; // "\ No newline at end of file": our YAML always ends with one
      out += (line[0] === '-' ? paint('red', line) : line[0] === '+' ? paint('green', line) : line) + '\n';
    }
  }
  return out;
}

function findingLines(d: DeploymentDiff, paint: Paint, prefix = ''): string {
  if (!d.findings) return '';
  let out = '';
  const text = (fs: Finding[]): string[] => formatFindings(fs).split('\n').filter((l) => l !== '');
  for (const l of text(d.findings.introduced)) out += prefix + paint('red', `introduces: ${l}`) + '\n';
  for (const l of text(d.findings.fixed)) out += prefix + paint('green', `fixes: ${l}`) + '\n';
  return out;
}

// ---------------------------------------------------------------- -o diff

function formatDiff(r: DiffReport, o: FormatOptions): string {
  const paint = painter(o.color);
  const ctx = o.context ?? 3;
  let out = '';
  for (const d of r.deployments) {
    if (d.status === 'unchanged' && !d.findings?.fixed.length) continue;
    if (d.status === 'failed' && d.current === undefined) {
      out += paint('bold', `# ${d.name}: failed`) + '\n' + paint('red', `  ${d.error ?? ''}`) + '\n\n';
      continue;
    }
    out += paint('bold', `# ${d.name}: ${d.status === 'failed' ? `failed: ${d.error}` : counts(d)}`) + '\n';
    out += unifiedDiff(podToYaml(d.current), podToYaml(d.proposed), `current/${d.name}`, `proposed/${d.name}`, ctx, paint);
    out += findingLines(d, paint);
    out += '\n';
  }
  return out + planLine(r) + '\n';
}

// ---------------------------------------------------------------- -o simple

const SIMPLE_PATHS = 3;

function formatSimple(r: DiffReport, o: FormatOptions): string {
  const paint = painter(o.color);
  let out = '';
  for (const d of r.deployments) {
    if (d.status === 'failed') {
      out += paint('red', `! ${d.name}: failed: ${d.error ?? ''}`) + '\n';
    } else if (d.status === 'changed') {
      const paths = d.changes.slice(0, SIMPLE_PATHS).map((c) => c.path);
      const more = d.changes.length > SIMPLE_PATHS ? `, … ${d.changes.length - SIMPLE_PATHS} more` : '';
      out += paint('yellow', `~ ${d.name}: ${counts(d)}: ${paths.join(', ')}${more}`) + '\n';
    } else {
      out += `= ${d.name}: no changes${d.ignored.length ? ` (${d.ignored.length} ignored)` : ''}\n`;
    }
  }
  return out + planLine(r) + '\n';
}

// ---------------------------------------------------------------- -o json

/** jsonReport is the `-o json` document (also the library's machine-readable form). */
export function jsonReport(r: DiffReport): unknown {
  return {
    deployments: r.deployments.map((d) => ({
      name: d.name,
      status: d.status,
      ...(d.error !== undefined ? { error: d.error } : {}),
      changes: d.changes.map(jsonChange),
      ignored: d.ignored.map(jsonChange),
      ...(d.findings ? { findings: d.findings } : {}),
      ...(d.warnings.length ? { warnings: d.warnings } : {}),
    })),
    summary: r.summary,
  };
}

function jsonChange(c: Change): unknown {
  return {
    path: c.path,
    kind: c.kind,
    ...(c.kind !== 'added' ? { old: c.old ?? null } : {}),
    ...(c.kind !== 'removed' ? { new: c.new ?? null } : {}),
  };
}

function formatJson(r: DiffReport): string {
  return JSON.stringify(jsonReport(r), null, 2) + '\n';
}

// ---------------------------------------------------------------- -o markdown

const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mdCode = (s: string): string => {
  const t = mdCell(s);
  const ticks = t.includes('`') ? '``' : '`';
  return `${ticks}${ticks === '``' ? ' ' : ''}${t}${ticks === '``' ? ' ' : ''}${ticks}`;
};
const fence = (s: string): string => {
  let f = '```';
  while (s.includes(f)) f += '`';
  return f;
};

function shortValue(v: unknown): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

function formatMarkdown(r: DiffReport, o: FormatOptions): string {
  const ctx = o.context ?? 3;
  const s = r.summary;
  let out = `### podtpl diff: ${plural(s.changed, 'deployment')} change, ${s.unchanged} unchanged, ${s.failed} fail\n\n`;
  out += '| Deployment | Result | Changes |\n|---|---|---|\n';
  for (const d of r.deployments) {
    const result = d.status === 'failed' ? ':x: failed' : d.status === 'changed' ? ':pencil2: changed' : ':white_check_mark: unchanged';
    const detail = d.status === 'failed' ? mdCell(d.error ?? '') : counts(d);
    out += `| ${mdCode(d.name)} | ${result} | ${detail} |\n`;
  }
  for (const d of r.deployments) {
    if (d.status === 'unchanged' || d.current === undefined) continue;
    out += `\n<details><summary><code>${escapeHtml(d.name)}</code>: ${counts(d)}</summary>\n\n`;
    if (d.changes.length) {
      out += '| Path | Change | Old | New |\n|---|---|---|---|\n';
      for (const c of d.changes) {
        out += `| ${mdCode(c.path)} | ${c.kind} | ${c.kind === 'added' ? '' : mdCode(shortValue(c.old))} | ${c.kind === 'removed' ? '' : mdCode(shortValue(c.new))} |\n`;
      }
      out += '\n';
    }
    const text = unifiedDiff(podToYaml(d.current), podToYaml(d.proposed), `current/${d.name}`, `proposed/${d.name}`, ctx);
    if (text) {
      const f = fence(text);
      out += `${f}diff\n${text}${f}\n`;
    }
    if (d.findings && (d.findings.introduced.length || d.findings.fixed.length)) {
      out += '\nValidation:\n\n';
      for (const f of d.findings.introduced) out += `- introduces ${mdCode(`${f.path}: ${f.message}`)} (${f.rule})\n`;
      for (const f of d.findings.fixed) out += `- fixes ${mdCode(`${f.path}: ${f.message}`)} (${f.rule})\n`;
    }
    out += '\n</details>\n';
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
