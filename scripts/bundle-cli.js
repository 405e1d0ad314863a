#!/usr/bin/env node
/**
 * Bundles the command line into one file, `lib/cli/cdk8s-ppm-main.js`, run by `lib/cli/cdk8s-ppm.js` (package.json
 * `bin`, src/cli/launcher.ts bundled: V8's code cache of the bundle, see there); run by `npm run build` after
 * `tsc -b` (which keeps emitting the unbundled `lib/` that cdk8s apps import).
 *
 * Why: a fresh `cdk8s-ppm template` spent about as long finding, reading and compiling some 150 modules
 * (`yaml`'s 72, ours 78) as rendering. One file is read once and compiled lazily. The entry is
 * `src/cli/main.ts`, so that every command and flag added there is bundled without touching this script.
 * What a command does not use stays unexecuted: the code that `require()`s lazily (the `diff` command,
 * zod and the schema, which only explain invalid props, the values loader of the library entry) is bundled
 * in closures that run on first use, and the Kubernetes definitions (70 KB of JSON, read only for
 * Kubernetes-shaped values) stay a file next to the library's own copy, read on demand.
 *
 *   node scripts/bundle-cli.js            # writes lib/cli/cdk8s-ppm.js and lib/cli/cdk8s-ppm-main.js
 *   node scripts/bundle-cli.js --metafile # also prints what went into it, largest first
 */
const crypto = require('crypto');
const fs = require('fs');
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

/**
 * Writes the command line to `outfile` and `cdk8s-ppm-main.js` beside it (the Kubernetes definitions are then read
 * from `outfile`'s ../k8s/): the bundle of src/cli/main.ts, and `outfile` itself, the bundled launcher
 * (src/cli/launcher.ts) that runs it with V8's code cache, keyed by the bundle's SHA-256. Returns esbuild's metafile
 * of the command line's bundle.
 */
async function bundleCli(outfile = OUT) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Smaller to read and parse; identifiers are kept, so that an error's class and a bug report stay legible.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  };
  const main = await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
    write: false,
    outfile: path.join(path.dirname(outfile), 'cdk8s-ppm-main.js'),
    metafile: true,
    // zod explains invalid props only (loaded lazily): a dependency of the package, left in node_modules.
    external: ['zod'],
    plugins: [definitionsOnDisk],
  });
  // The launcher is the file that is run: the bundle needs no hashbang of its own.
  const text = main.outputFiles[0].text.replace(/^#![^\n]*\n/, '');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(main.outputFiles[0].path, text);
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'src', 'cli', 'launcher.ts')],
    outfile,
    define: { CDK8S_PPM_BUNDLE_ID: JSON.stringify(crypto.createHash('sha256').update(text).digest('hex')) },
  });
  fs.chmodSync(outfile, 0o755);
  return main.metafile;
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
