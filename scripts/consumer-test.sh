#!/usr/bin/env bash
# Packaging test: the published tarball works in fresh consumer apps.
#
#   scripts/consumer-test.sh        (from anywhere; it runs from the repository root)
#
# Packs this package (`npm pack`, whose prepack builds lib/), then, in two fresh
# apps in a temporary directory:
#   newest  the README's quick start as written (scripts/quickstart.js), the
#           tarball installed in place of the registry's package, with the
#           newest cdk8s, cdk8s-plus-28, constructs and cdk8s-cli;
#   lowest  the same quick start with the lowest versions the peer ranges allow
#           (LOWEST below) and an old cdk8s-cli.
# In each: checks what `cdk8s synth` wrote, type-checks the published typings
# strictly (the quick start's main.ts and checks.ts, which uses more of the API,
# the diff subpath and a cdk8s-plus Secret reference), runs checks.ts, and runs
# the installed `cdk8s-ppm`. Prints the time of each step and the versions
# installed; exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

# The lowest versions the peer ranges of package.json allow that this registry has
# (cdk8s-plus-28 2.5.6 needs cdk8s >= 2.68.11; 2.68.12 is the first such release).
LOWEST_CDK8S=2.68.12
LOWEST_PLUS=2.5.6
LOWEST_CONSTRUCTS=10.3.0
LOWEST_CLI=2.196.0

TMP="$(mktemp -d "${TMPDIR:-/tmp}/ppm-consumer.XXXXXX")"
CURRENT="setup"
finish() {
  local rc=$?
  rm -rf "$TMP"
  if [ "$rc" -ne 0 ]; then echo "FAILED (exit $rc): $CURRENT" >&2; fi
}
trap finish EXIT

START=$(date +%s%N)
# step NAME COMMAND...: runs the command (under set -e, so any failing line in it ends the script) and prints its time.
step() {
  CURRENT=$1
  shift
  local t0
  t0=$(date +%s%N)
  echo "==> $CURRENT"
  "$@"
  printf '    %s: %d ms\n' "$CURRENT" $((($(date +%s%N) - t0) / 1000000))
}

# The peer ranges must start at the lowest versions tested here.
check_ranges() {
  node -e "
    const p = require('./package.json').peerDependencies;
    const want = { cdk8s: '^$LOWEST_CDK8S', 'cdk8s-plus-28': '^$LOWEST_PLUS', constructs: '^$LOWEST_CONSTRUCTS' };
    for (const [k, v] of Object.entries(want)) if (p[k] !== v) { console.error('peerDependencies.' + k + ' is ' + p[k] + ', tested ' + v); process.exit(1); }
  "
}
step "peer ranges = lowest versions tested" check_ranges

# --- pack -----------------------------------------------------------------------
pack() {
  npm pack --silent --pack-destination "$TMP" >"$TMP/pack.out"
  TARBALL="$TMP/$(tail -n 1 "$TMP/pack.out")"
  test -f "$TARBALL"
  echo "    $(basename "$TARBALL") ($(du -k "$TARBALL" | cut -f1) KiB)"
}
step "npm pack (prepack builds lib/)" pack

node scripts/quickstart.js README.md >"$TMP/quickstart.sh"
lock_version() { node -p "require('$ROOT/package-lock.json').packages['node_modules/$1'].version"; }

# --- what each app gets besides the quick start ------------------------------------
write_checks() {
  cat >tsconfig.checks.json <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "moduleResolution": "node",
    "lib": ["ES2022"],
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": false,
    "types": ["node"]
  },
  "files": ["main.ts", "checks.ts"]
}
EOF
  cat >checks.ts <<'EOF'
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PackageManager, render, type PackageManagerProps } from 'cdk8s-posit-package-manager';
import { diffRelease, exitCodeOf } from 'cdk8s-posit-package-manager/diff';

const app = new App();

const typed = new Chart(app, 'typed', { namespace: 'posit', disableResourceNameHashes: true });
const db = kplus.Secret.fromSecretName(typed, 'db', 'ppm-db');
const props: PackageManagerProps = {
  sharedStorage: { create: true, storageClassName: 'efs-sc', requests: { storage: '50Gi' } },
  replicas: 2,
  ingress: {
    enabled: true,
    ingressClassName: 'nginx',
    hosts: [{ host: 'packages.example.com', paths: ['/'] }],
    tls: [{ hosts: ['packages.example.com'], secretName: 'packages-tls' }],
  },
  config: { Server: { Address: 'https://packages.example.com' }, Database: { Provider: 'postgres' } },
  configFromSecrets: { Postgres: { URL: { secret: db, key: 'uri' } } },
};
const pm = new PackageManager(typed, 'ppm', props);
if (pm.fullName !== 'ppm-rstudio-pm') throw new Error(`unexpected full name ${pm.fullName}`);
const env = JSON.stringify(typed.toJson().find((o) => o.kind === 'Deployment'));
if (!env.includes('"PACKAGEMANAGER_POSTGRES_URL"') || !env.includes('"ppm-db"')) throw new Error('the Secret reference did not reach the Deployment');

const migrated = new Chart(app, 'from-values', { namespace: 'legacy', disableResourceNameHashes: true });
PackageManager.fromValues(migrated, 'old', { service: { type: 'NodePort', nodePort: 30080 }, replicas: 1 }, { releaseName: 'old' });

// The migration diff as a library: our own render against itself changes nothing.
const ours = render({ replicas: 1 }, { releaseName: 'same', namespace: 'posit' });
const result = diffRelease({ chartManifests: ours as unknown as Record<string, unknown>[], values: { replicas: 1 }, releaseName: 'same', namespace: 'posit' });
if (exitCodeOf(result) !== 0) throw new Error('diffRelease of a render against itself found differences');

app.synth();
EOF
}

check_quickstart_synth() {
  node - <<'EOF'
const fs = require('fs');
const { parseAllDocuments } = require('yaml');
const found = new Set();
for (const o of parseAllDocuments(fs.readFileSync('dist/packages.k8s.yaml', 'utf8')).map((d) => d.toJS())) {
  if (o) found.add(`${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
}
// Chart 0.20.4 (the quick start's chartVersion) runs no migration Job by default.
const expected = ['ServiceAccount', 'ConfigMap', 'PersistentVolumeClaim', 'Service', 'Deployment', 'Ingress'];
const missing = expected.filter((k) => ![...found].some((f) => f.startsWith(`${k} posit/ppm-rstudio-pm`)));
if ([...found].some((f) => f.startsWith('Job '))) missing.push('(no Job: chart 0.20.4 runs none by default)');
if (missing.length) {
  console.error(`dist/packages.k8s.yaml lacks: ${missing.join(', ')}\nit has:\n  ${[...found].join('\n  ')}`);
  process.exit(1);
}
console.log(`    ${found.size} objects, as the README says`);
EOF
}

check_checks_synth() {
  node - <<'EOF'
const fs = require('fs');
const { parseAllDocuments } = require('yaml');
const found = new Set();
for (const file of fs.readdirSync('checks-dist').filter((f) => f.endsWith('.k8s.yaml'))) {
  for (const o of parseAllDocuments(fs.readFileSync(`checks-dist/${file}`, 'utf8')).map((d) => d.toJS())) {
    if (o) found.add(`${file} ${o.kind} ${o.metadata.namespace} ${o.metadata.name}`);
  }
}
const expected = [
  'typed.k8s.yaml Deployment posit ppm-rstudio-pm',
  'typed.k8s.yaml Ingress posit ppm-rstudio-pm',
  'typed.k8s.yaml PersistentVolumeClaim posit ppm-rstudio-pm-shared-storage',
  'from-values.k8s.yaml Deployment legacy old-rstudio-pm',
  'from-values.k8s.yaml Service legacy old-rstudio-pm',
];
const missing = expected.filter((e) => !found.has(e));
if (missing.length) {
  console.error(`missing objects:\n  ${missing.join('\n  ')}\nsynthesized:\n  ${[...found].join('\n  ')}`);
  process.exit(1);
}
console.log(`    ${found.size} objects, all ${expected.length} expected ones present`);
EOF
}

check_cli() {
  local out
  out=$(npx --no-install cdk8s-ppm template rel -n ns --set replicas=1)
  grep -q '^kind: Deployment$' <<<"$out" || { echo "cdk8s-ppm printed no Deployment:" >&2; echo "$out" >&2; return 1; }
  grep -q '^  name: rel-rstudio-pm$' <<<"$out" || { echo "cdk8s-ppm printed no rel-rstudio-pm" >&2; return 1; }
  grep -q '^  namespace: ns$' <<<"$out" || { echo "cdk8s-ppm ignored -n ns" >&2; return 1; }
  echo "    $(grep -c '^kind:' <<<"$out") objects printed"
}

versions() {
  node -e "
    for (const p of ['cdk8s', 'cdk8s-plus-28', 'constructs', 'cdk8s-cli', 'typescript', 'ts-node', 'cdk8s-posit-package-manager'])
      console.log('    ' + p + ' ' + require('./node_modules/' + p + '/package.json').version);
  "
}

check_lowest() {
  node -e "
    const want = { cdk8s: '$LOWEST_CDK8S', 'cdk8s-plus-28': '$LOWEST_PLUS', constructs: '$LOWEST_CONSTRUCTS', 'cdk8s-cli': '$LOWEST_CLI' };
    for (const [p, v] of Object.entries(want)) {
      const got = require('./node_modules/' + p + '/package.json').version;
      if (got !== v) { console.error(p + ' ' + got + ' installed, not ' + v); process.exit(1); }
    }
  "
}

# consumer_app FLAVOR: the quick start and the checks in a fresh app.
consumer_app() {
  local flavor=$1
  local app="$TMP/$flavor"
  mkdir -p "$app"
  cd "$app"
  export QS_FLAVOR=$flavor
  # `npm install` of the quick start: the tarball for this package; pinned versions for `lowest`.
  qs_npm_install() {
    local args=()
    for a in "$@"; do
      case "$QS_FLAVOR:$a" in
        *:cdk8s-posit-package-manager) args+=("$TARBALL") ;;
        lowest:cdk8s) args+=("cdk8s@$LOWEST_CDK8S") ;;
        lowest:cdk8s-plus-28) args+=("cdk8s-plus-28@$LOWEST_PLUS") ;;
        lowest:constructs) args+=("constructs@$LOWEST_CONSTRUCTS") ;;
        lowest:cdk8s-cli) args+=("cdk8s-cli@$LOWEST_CLI") ;;
        lowest:ts-node) args+=("ts-node@$(lock_version ts-node)") ;;
        lowest:typescript@5) args+=("typescript@$(lock_version typescript)") ;;
        lowest:@types/node@20) args+=("@types/node@$(lock_version @types/node)") ;;
        *) args+=("$a") ;;
      esac
    done
    # Exact versions for `lowest`: a later install must not lift a pinned package within its range.
    local exact=()
    if [ "$QS_FLAVOR" = lowest ]; then exact=(--save-exact); fi
    npm install --no-audit --no-fund --loglevel=error --prefer-offline "${exact[@]}" "${args[@]}"
  }
  export -f qs_npm_install
  export TARBALL LOWEST_CDK8S LOWEST_PLUS LOWEST_CONSTRUCTS LOWEST_CLI ROOT
  export -f lock_version
  step "$flavor: the README quick start" bash "$TMP/quickstart.sh"
  versions
  if [ "$flavor" = lowest ]; then step "lowest: the versions pinned" check_lowest; fi
  step "$flavor: dist/packages.k8s.yaml" check_quickstart_synth
  write_checks
  step "$flavor: tsc --strict (published typings)" npx --no-install tsc --noEmit -p tsconfig.checks.json
  step "$flavor: checks.ts" env CDK8S_OUTDIR=checks-dist npx --no-install ts-node checks.ts
  step "$flavor: checks.ts objects" check_checks_synth
  step "$flavor: cdk8s-ppm template (installed CLI)" check_cli
  cd "$ROOT"
}

consumer_app newest
consumer_app lowest

printf 'consumer test passed in %d ms\n' $((($(date +%s%N) - START) / 1000000))
