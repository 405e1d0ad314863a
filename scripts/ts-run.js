'use strict';
/**
 * Runs a TypeScript file of this repository as the main module, fast:
 *
 *   node scripts/ts-run.js examples/main.ts [args...]
 *
 * Each .ts file of the repository it loads (the example, src/…) is
 * transpiled once with TypeScript's transpileModule (types dropped, no type
 * check: `npm run typecheck` does that) and the JavaScript is cached under
 * .cache/ts-run/, keyed by the file's path and content and the TypeScript
 * version. A run whose files are all cached does not load TypeScript at all.
 * `npm run synth` (cdk8s.yaml's app) uses it. The package's own name
 * (`cdk8s-posit-package-manager`, `…/values`, `…/diff`), which the examples
 * import, resolves to src/ here (installed, it resolves to lib/).
 */
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CACHE = path.join(ROOT, '.cache', 'ts-run');
const TS_VERSION = require('typescript/package.json').version;
const COMPILER_OPTIONS = {
  module: 'commonjs',
  target: 'es2022',
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

let ts;

function transpile(source, filename) {
  const key = crypto
    .createHash('sha256')
    .update(`${TS_VERSION}\0${JSON.stringify(COMPILER_OPTIONS)}\0${filename}\0${source}`)
    .digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  ts ??= require('typescript');
  const compilerOptions = ts.convertCompilerOptionsFromJson(COMPILER_OPTIONS, ROOT).options;
  const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions });
  fs.mkdirSync(CACHE, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, outputText);
  fs.renameSync(tmp, cached);
  return outputText;
}

const PACKAGE = require('../package.json').name;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const own = request === PACKAGE || request.startsWith(`${PACKAGE}/`);
  return resolveFilename.call(this, own ? path.join(ROOT, 'src', request.slice(PACKAGE.length)) : request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  if (path.relative(ROOT, filename).split(path.sep).includes('node_modules')) {
    throw new Error(`${filename}: scripts/ts-run.js runs this repository's TypeScript only`);
  }
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
process.setSourceMapsEnabled(true);

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node scripts/ts-run.js FILE.ts [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
Module.runMain();
