#!/usr/bin/env node
/**
 * Bundles the command line into one file, `lib/cli/cdk8s-ppm.js` (package.json `bin`), run by `npm run build`
 * after `tsc -b` (which keeps emitting the unbundled `lib/` that cdk8s apps import).
 *
 * Why: a fresh `cdk8s-ppm template` spent about as long finding, reading and compiling some 150 modules
 * (`yaml`'s 72, ours 78) as rendering. One file is read once and compiled lazily. The entry is
 * `src/cli/main.ts`, so that every command and flag added there is bundled without touching this script.
 * What a command does not use stays unexecuted: the code that `require()`s lazily (the `diff` command,
 * zod and the schema, which only explain invalid props, the values loader of the library entry) is bundled
 * in closures that run on first use, and the Kubernetes definitions (70 KB of JSON, read only for
 * Kubernetes-shaped values) stay a file next to the library's own copy, read on demand.
 *
 *   node scripts/bundle-cli.js            # writes lib/cli/cdk8s-ppm.js
 *   node scripts/bundle-cli.js --metafile # also prints what went into it, largest first
 */
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'lib', 'cli', 'cdk8s-ppm.js');

/** `require('./definitions.json')` (src/k8s/validate.ts) → the library's copy, lib/k8s/definitions.json, at run time. */
const definitionsOnDisk = {
  name: 'definitions-on-disk',
  setup(build) {
    build.onResolve({ filter: /[\\/]definitions\.json$/ }, () => ({ path: '../k8s/definitions.json', external: true }));
  },
};

/** Writes the bundle to `outfile` (the Kubernetes definitions are then read from `outfile`'s ../k8s/); returns esbuild's metafile. */
async function bundleCli(outfile = OUT) {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Smaller to read and parse; identifiers are kept, so that an error's class and a bug report stay legible.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // zod explains invalid props only (loaded lazily): a dependency of the package, left in node_modules.
    external: ['zod'],
    plugins: [definitionsOnDisk],
  });
  return result.metafile;
}

if (require.main === module) {
  bundleCli()
    .then(async (metafile) => {
      if (process.argv.includes('--metafile')) console.log(await esbuild.analyzeMetafile(metafile));
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}

module.exports = { bundleCli };
