#!/usr/bin/env node
// scripts/bundle.mjs: bundles the CLI (src/cli/main.ts) with esbuild so that `podtpl` starts
// fast: Node then loads a few files instead of ~70 ES modules plus commander's. Run by
// `npm run build` after tsc; it replaces tsc's dist/src/cli/main.js (the `bin`) with the bundle,
// whose code-split chunks sit in dist/src/cli/chunks/ (each command loads its own code when it
// runs). Library modules (dist/src/**) stay tsc's output.
//   node scripts/bundle.mjs [--outdir DIR] [--metafile FILE]
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const outdir = resolve(root, opt('--outdir', 'dist/src/cli'));
const metafile = opt('--metafile', undefined);

/**
 * lazyChildProcess: commander requires node:child_process at load time, for executable
 * subcommands podtpl does not have; loading that built-in (and net, streams…) costs every
 * start several milliseconds. Commander gets a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) =>
      /[\\/]commander[\\/]/.test(a.importer) ? { path: 'child_process', namespace: 'podtpl-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'podtpl-lazy' }, () => ({
      loader: 'js',
      contents:
        "let m; const get = () => (m ??= require('node:child_process'));\n" +
        'module.exports = new Proxy({}, { get: (_, k) => get()[k], has: (_, k) => k in get() });\n',
    }));
  },
};

rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The diff's render worker is started by file name, next to the chunk that starts it.
  entryPoints: { main: 'src/cli/main.ts', 'chunks/render-worker': 'src/diff/render-worker.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages loaded on demand through createRequire (lazy-require.ts) stay in node_modules.
  packages: 'bundle',
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: metafile !== undefined,
  plugins: [lazyChildProcess],
  logLevel: 'warning',
  // Bundled CommonJS packages (commander, yaml) require Node's built-ins.
  banner: { js: "import { createRequire as __podtplCreateRequire } from 'node:module'; const require = __podtplCreateRequire(import.meta.url);" },
  // The shebang of src/cli/main.ts is kept by esbuild.
});
if (metafile) writeFileSync(resolve(metafile), JSON.stringify(result.metafile));
