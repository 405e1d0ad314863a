#!/usr/bin/env bash
# Packaging test: the published tarball works in fresh consumer apps.
#
#   scripts/consumer-test.sh        (from anywhere; it runs from the repository root)
#
# Packs this package (`npm pack`, whose prepack builds lib/ and drops the
# declarations no entry point reaches), then, in three fresh apps in a temporary
# directory (installs prefer npm's cache: offline where it has the packages):
#   newest  the README's quick start as written (scripts/quickstart.js), the
#           tarball installed in place of the registry's package, with the
#           newest cdk8s, constructs and cdk8s-cli, and no cdk8s-plus but the
#           one cdk8s-cli itself depends on;
#   lowest  the same quick start with the lowest versions the peer ranges allow
#           (LOWEST below), an old cdk8s-cli, and the lowest cdk8s-plus-28;
#   init    the app `cdk8s init typescript-app` makes today: the dependencies
#           and tsconfig.json of cdk8s-cli's template (cdk8s-plus-33, strict,
#           no skipLibCheck), without its network-bound `cdk8s import` step.
# In each: checks what `cdk8s synth` wrote, type-checks the published typings
# strictly without skipLibCheck (the quick start's main.ts and checks.ts, which
# uses more of the API and the diff subpath; plus.ts where a cdk8s-plus is
# installed: its Secret as the license reference and the database URL, its
# NetworkPolicy selecting the pods), runs them, and runs the installed
# `cdk8s-ppm`. The init app must have no cdk8s-plus besides its own 33, and runs
# a shipped example from node_modules. Prints the time of each step and the
# versions installed; exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

# The lowest versions the peer ranges of package.json allow that this registry has
# (cdk8s-plus-28 2.5.6, the lowest cdk8s-plus tested, needs cdk8s >= 2.68.11; 2.68.12 is the first such release).
LOWEST_CDK8S=2.68.12
LOWEST_PLUS=2.5.6
LOWEST_CONSTRUCTS=10.3.0
LOWEST_CLI=2.196.0

TMP="$(mktemp -d "${TMPDIR:-/tmp}/ppm-consumer.XXXXXX")"
# The installed cdk8s-ppm keeps its code cache here (src/cli/launcher.ts), not in the user's ~/.cache.
export XDG_CACHE_HOME="$TMP/xdg-cache"
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

# The peer ranges must start at the lowest versions tested here; no cdk8s-plus among them.
check_ranges() {
  node -e "
    const p = require('./package.json').peerDependencies;
    const want = { cdk8s: '^$LOWEST_CDK8S', constructs: '^$LOWEST_CONSTRUCTS' };
    if (JSON.stringify(Object.keys(p).sort()) !== JSON.stringify(Object.keys(want))) { console.error('peerDependencies are ' + Object.keys(p) + ', tested ' + Object.keys(want)); process.exit(1); }
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
import { PackageManager, render, type PackageManagerProps } from 'cdk8s-posit-package-manager';
import { diffRelease, exitCodeOf } from 'cdk8s-posit-package-manager/diff';

const app = new App();

const typed = new Chart(app, 'typed', { namespace: 'posit', disableResourceNameHashes: true });
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
  configFromSecrets: { Postgres: { URL: { name: 'ppm-db', key: 'uri' } } },
  affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } }] } },
};
// Kubernetes-shaped props are typed precisely, not `any`: a string where a number belongs is an error.
// @ts-expect-error a probe's periodSeconds is a number
const wrong: PackageManagerProps = { readinessProbe: { periodSeconds: 'often' } };
void wrong;
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

# plus.ts PLUS: a cdk8s-plus Secret as the license reference and the database URL, a NetworkPolicy selecting the pods.
write_plus() {
  sed "s/PLUS_PACKAGE/$1/" >plus.ts <<'EOF'
import { App, Chart } from 'cdk8s';
import * as kplus from 'PLUS_PACKAGE';
import { PackageManager } from 'cdk8s-posit-package-manager';

const app = new App();
const chart = new Chart(app, 'plus', { namespace: 'posit', disableResourceNameHashes: true });
const license = new kplus.Secret(chart, 'license', { metadata: { name: 'ppm-license' } });
const db = kplus.Secret.fromSecretName(chart, 'db', 'ppm-db');
const pm = new PackageManager(chart, 'ppm', {
  license: { file: { secret: license } },
  config: { Database: { Provider: 'postgres' } },
  configFromSecrets: { Postgres: { URL: { secret: db, key: 'uri' } } },
});
const policy = new kplus.NetworkPolicy(chart, 'allow', { selector: kplus.Pods.select(chart, 'ppm-pods', { labels: pm.selectorLabels }) });
policy.addIngressRule(kplus.Pods.all(chart, 'all'), [kplus.NetworkPolicyPort.tcp(pm.targetPort)]);
const objects = chart.toJson();
const deployment = objects.find((o) => o.kind === 'Deployment');
const netpol = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name !== pm.fullName);
const text = JSON.stringify(deployment);
if (!text.includes('"secretName":"ppm-license"') || !text.includes('"name":"ppm-db"')) throw new Error('a cdk8s-plus Secret did not reach the Deployment');
const podLabels = deployment.spec.template.metadata.labels;
const selected = Object.entries(netpol.spec.podSelector.matchLabels as Record<string, string>);
if (selected.length === 0 || !selected.every(([k, v]) => podLabels[k] === v)) throw new Error('the NetworkPolicy does not select the pods');
if (netpol.spec.ingress[0].ports[0].port !== 4242) throw new Error('the NetworkPolicy does not allow the pods port');
app.synth();
console.log('    a cdk8s-plus Secret as license and database references, a NetworkPolicy selecting the pods');
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
  # The second run uses the code cache the first one wrote, and prints the same.
  ls "$XDG_CACHE_HOME"/cdk8s-ppm/*.v8cache >/dev/null || { echo "cdk8s-ppm wrote no code cache" >&2; return 1; }
  [ "$(npx --no-install cdk8s-ppm template rel -n ns --set replicas=1)" = "$out" ] || { echo "cdk8s-ppm printed otherwise with its code cache" >&2; return 1; }
  echo "    $(grep -c '^kind:' <<<"$out") objects printed, the same again with the code cache"
}

versions() {
  node -e "
    const fs = require('fs');
    for (const p of ['cdk8s', 'cdk8s-plus-28', 'cdk8s-plus-33', 'constructs', 'cdk8s-cli', 'typescript', 'ts-node', 'cdk8s-posit-package-manager'])
      if (fs.existsSync('./node_modules/' + p)) console.log('    ' + p + ' ' + require('./node_modules/' + p + '/package.json').version);
  "
}

# only_plus [PLUS...]: the cdk8s-plus packages in node_modules are exactly PLUS (cdk8s-cli depends on the newest
# one itself), and this package brought none of them.
only_plus() {
  local found
  found=$(find node_modules -type d -name 'cdk8s-plus-*' -prune | sed 's|.*/||' | sort -u | tr '\n' ' ')
  if [ "${found% }" != "$*" ]; then
    echo "cdk8s-plus packages installed: '${found% }', expected '$*'" >&2
    return 1
  fi
  for p in $found; do
    if npm explain "$p" 2>/dev/null | grep -q 'cdk8s-posit-package-manager'; then
      echo "cdk8s-posit-package-manager brings $p:" >&2
      npm explain "$p" >&2
      return 1
    fi
  done
  echo "    cdk8s-plus installed: ${found:-none} (none through cdk8s-posit-package-manager)"
}

# The cdk8s-plus packages of the lowest app: cdk8s-plus-28 and whichever the old cdk8s-cli depends on, sorted.
lowest_plus() {
  node -p "[...new Set(['cdk8s-plus-28', ...Object.keys(require('./node_modules/cdk8s-cli/package.json').dependencies).filter((d) => d.startsWith('cdk8s-plus-'))])].sort().join(' ')"
}

# The declarations the package ships are those its entry points reach.
check_declarations() {
  node "$ROOT/scripts/prune-declarations.js" --check node_modules/cdk8s-posit-package-manager
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
  if [ "$flavor" = lowest ]; then step "lowest: cdk8s-plus-28 (the lowest)" qs_npm_install cdk8s-plus-28; fi
  if [ "$flavor" = lowest ]; then step "lowest: cdk8s-plus-28 and the old cdk8s-cli's own" only_plus $(lowest_plus); fi
  versions
  if [ "$flavor" = lowest ]; then step "lowest: the versions pinned" check_lowest; fi
  if [ "$flavor" = newest ]; then step "newest: no cdk8s-plus but cdk8s-cli's own" only_plus cdk8s-plus-33; fi
  step "$flavor: dist/packages.k8s.yaml" check_quickstart_synth
  write_checks
  if [ "$flavor" = lowest ]; then
    write_plus cdk8s-plus-28
    node -e "const f='tsconfig.checks.json',c=JSON.parse(require('fs').readFileSync(f));c.files.push('plus.ts');require('fs').writeFileSync(f,JSON.stringify(c))"
  fi
  step "$flavor: tsc --strict, no skipLibCheck (published typings)" npx --no-install tsc --noEmit -p tsconfig.checks.json
  step "$flavor: checks.ts" env CDK8S_OUTDIR=checks-dist npx --no-install ts-node checks.ts
  step "$flavor: checks.ts objects" check_checks_synth
  if [ "$flavor" = lowest ]; then step "lowest: plus.ts (cdk8s-plus-28)" env CDK8S_OUTDIR=plus-dist npx --no-install ts-node plus.ts; fi
  step "$flavor: cdk8s-ppm template (installed CLI)" check_cli
  step "$flavor: declarations shipped = declarations reached" check_declarations
  cd "$ROOT"
}

# The app `cdk8s init typescript-app` makes: its template's dependencies (the newest of each `{{ }}` placeholder) and
# tsconfig.json, plus this package; `cdk8s import` (which downloads Kubernetes schemas) is left out.
init_app() {
  local app="$TMP/init"
  mkdir -p "$app"
  cd "$app"
  npm init -y >/dev/null
  step "init: cdk8s-cli" npm install --no-audit --no-fund --loglevel=error --prefer-offline --save-dev cdk8s-cli
  local template=node_modules/cdk8s-cli/templates/typescript-app
  cp "$template/tsconfig.json" tsconfig.json
  local deps dev
  deps=$(node -p "Object.entries(require('./$template/package.json').dependencies).map(([n, v]) => v.includes('{{') ? n : n + '@' + v).join(' ')")
  dev=$(node -p "Object.entries(require('./$template/package.json').devDependencies).filter(([n]) => n !== 'cdk8s-cli').map(([n, v]) => n + '@' + v).join(' ')")
  PLUS=$(node -p "Object.keys(require('./$template/package.json').dependencies).find((n) => n.startsWith('cdk8s-plus-'))")
  echo "    template: $deps | $dev"
  # shellcheck disable=SC2086
  step "init: the template's dependencies and the tarball" npm install --no-audit --no-fund --loglevel=error --prefer-offline $deps "$TARBALL"
  # shellcheck disable=SC2086
  step "init: the template's dev dependencies" npm install --no-audit --no-fund --loglevel=error --prefer-offline --save-dev $dev
  versions
  step "init: only $PLUS" only_plus "$PLUS"
  write_plus "$PLUS"
  step "init: tsc with the template's tsconfig (strict, no skipLibCheck)" npx --no-install tsc --noEmit -p tsconfig.json
  step "init: plus.ts ($PLUS)" env CDK8S_OUTDIR=plus-dist npx --no-install ts-node plus.ts
  step "init: examples/wiring.ts from node_modules" env CDK8S_OUTDIR=wiring-dist npx --no-install ts-node --skipIgnore node_modules/cdk8s-posit-package-manager/examples/wiring.ts
  grep -q '^kind: NetworkPolicy$' wiring-dist/wiring.k8s.yaml
  cd "$ROOT"
}

consumer_app newest
consumer_app lowest
init_app

printf 'consumer test passed in %d ms\n' $((($(date +%s%N) - START) / 1000000))
