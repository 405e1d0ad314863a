#!/usr/bin/env node
/**
 * The package ships only the declarations its entry points reach: the `types`
 * of package.json's `exports` and what they import, transitively. The others
 * (the zod schema's inferred types, the CLI's, the validation stages'…) are
 * internal, and no consumer's compiler reads them.
 *
 *   node scripts/prune-declarations.js            removes the others from lib/ (prepack, after the build), and
 *                                                 lib/.tsbuildinfo, so that the next `tsc -b` builds lib/ whole
 *   node scripts/prune-declarations.js --check D  fails when the package in D (e.g. an installed one) ships
 *                                                 a declaration no entry point reaches, or lacks one it imports
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** The .d.ts files under dir. */
function declarations(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? declarations(p) : e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The declarations reached from the package's entry points, and the relative imports that resolve to none. */
function reached(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const queue = Object.values(pkg.exports)
    .map((e) => (typeof e === 'object' ? e.types : undefined))
    .filter(Boolean)
    .map((t) => path.join(root, t));
  const seen = new Set();
  const missing = [];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    if (!fs.existsSync(file)) {
      missing.push(path.relative(root, file));
      continue;
    }
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from |import\(|require\()['"](\.{1,2}\/[^'"]*)['"]/g)) {
      const base = path.join(path.dirname(file), m[1]);
      const found = [`${base}.d.ts`, path.join(base, 'index.d.ts')].find((c) => fs.existsSync(c));
      queue.push(found ?? `${base}.d.ts`);
    }
  }
  return { seen, missing };
}

function main(argv) {
  const check = argv[0] === '--check';
  const root = path.resolve(check ? argv[1] : path.join(__dirname, '..'));
  const { seen, missing } = reached(root);
  const unreached = declarations(path.join(root, 'lib')).filter((f) => !seen.has(f));
  const bytes = unreached.reduce((n, f) => n + fs.statSync(f).size, 0);
  if (missing.length > 0) {
    console.error(`declarations imported but not in the package: ${missing.join(', ')}`);
    return 1;
  }
  if (check) {
    if (unreached.length > 0) {
      console.error(`declarations no entry point reaches (${bytes} bytes): ${unreached.map((f) => path.relative(root, f)).join(', ')}`);
      return 1;
    }
    console.log(`    ${seen.size} declarations, each reached from an entry point`);
    return 0;
  }
  for (const f of unreached) fs.rmSync(f);
  // The build info would tell `tsc -b` that lib/ is complete: without it, the next build writes every file again.
  fs.rmSync(path.join(root, 'lib', '.tsbuildinfo'), { force: true });
  console.log(
    `prune-declarations: kept ${seen.size} declarations, removed ${unreached.length} (${bytes} bytes) that no entry point reaches`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { reached, declarations };
