#!/usr/bin/env bash
# Packaging test: proves the published tarball works in a fresh consumer app.
#
#   scripts/consumer-test.sh        (from anywhere; it runs from the repository root)
#
# Builds and packs this package, installs the tarball into a new cdk8s app in a
# temporary directory (with the cdk8s, constructs, cdk8s-plus-28, cdk8s-cli,
# ts-node and typescript versions package-lock.json resolves), type-checks and
# synthesizes that app, checks the objects it wrote, and runs the installed
# `cdk8s-ppm` CLI. Prints the time of each step; exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

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

# --- build and pack -----------------------------------------------------------
step "npm run build" npm run build --silent
pack() {
  npm pack --silent --pack-destination "$TMP" >"$TMP/pack.out"
  TARBALL="$TMP/$(tail -n 1 "$TMP/pack.out")"
  test -f "$TARBALL"
  echo "    $(basename "$TARBALL") ($(du -k "$TARBALL" | cut -f1) KiB)"
}
step "npm pack" pack

# --- the consumer app -----------------------------------------------------------
APP="$TMP/app"
mkdir -p "$APP"

# The versions package-lock.json resolves, so the cache already holds them.
version() { node -p "require('$ROOT/package-lock.json').packages['node_modules/$1'].version"; }

cat >"$APP/package.json" <<EOF
{
  "name": "ppm-consumer-test",
  "version": "0.0.0",
  "private": true,
  "dependencies": {
    "cdk8s": "$(version cdk8s)",
    "cdk8s-plus-28": "$(version cdk8s-plus-28)",
    "cdk8s-posit-package-manager": "file:$TARBALL",
    "constructs": "$(version constructs)"
  },
  "devDependencies": {
    "cdk8s-cli": "$(version cdk8s-cli)",
    "ts-node": "$(version ts-node)",
    "typescript": "$(version typescript)"
  }
}
EOF

cat >"$APP/cdk8s.yaml" <<'EOF'
language: typescript
app: npx ts-node --transpile-only main.ts
output: dist
EOF

cat >"$APP/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "moduleResolution": "node",
    "lib": ["ES2022"],
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": true,
    "types": []
  },
  "include": ["main.ts"]
}
EOF

cat >"$APP/main.ts" <<'EOF'
import { App, Chart } from 'cdk8s';
import { PackageManager, type PackageManagerProps } from 'cdk8s-posit-package-manager';

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
  config: { Server: { Address: 'https://packages.example.com' } },
};
const pm = new PackageManager(typed, 'ppm', props);
if (pm.fullName !== 'ppm-rstudio-pm') throw new Error(`unexpected full name ${pm.fullName}`);

const migrated = new Chart(app, 'from-values', { namespace: 'legacy', disableResourceNameHashes: true });
PackageManager.fromValues(migrated, 'old', { service: { type: 'NodePort', nodePort: 30080 }, replicas: 1 }, { releaseName: 'old' });

app.synth();
EOF

cd "$APP"
# Everything is in the npm cache already (--prefer-offline: no revalidation against the registry).
step "npm install (tarball + pinned cdk8s)" npm install --prefer-offline --no-audit --no-fund --loglevel=error
step "tsc --noEmit (the published typings)" npx --no-install tsc --noEmit -p tsconfig.json
# --no-check-upgrade: no request to the registry for the latest cdk8s-cli version.
step "cdk8s synth" npx --no-install cdk8s synth --no-check-upgrade

# --- check what was synthesized ---------------------------------------------------
check_synth() {
  node - <<'EOF'
const fs = require('fs');
const { parseAllDocuments } = require('yaml');
const found = new Set();
for (const file of fs.readdirSync('dist').filter((f) => f.endsWith('.k8s.yaml'))) {
  for (const doc of parseAllDocuments(fs.readFileSync(`dist/${file}`, 'utf8'))) {
    const o = doc.toJS();
    if (o) found.add(`${file} ${o.kind} ${o.metadata.namespace} ${o.metadata.name}`);
  }
}
const expected = [
  'typed.k8s.yaml Deployment posit ppm-rstudio-pm',
  'typed.k8s.yaml Service posit ppm-rstudio-pm',
  'typed.k8s.yaml ConfigMap posit ppm-rstudio-pm-config',
  'typed.k8s.yaml ServiceAccount posit ppm-rstudio-pm',
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
step "check dist/*.k8s.yaml" check_synth

check_cli() {
  local out
  out=$(npx --no-install cdk8s-ppm template rel -n ns --set replicas=1)
  grep -q '^kind: Deployment$' <<<"$out" || { echo "cdk8s-ppm printed no Deployment:" >&2; echo "$out" >&2; return 1; }
  grep -q '^  name: rel-rstudio-pm$' <<<"$out" || { echo "cdk8s-ppm printed no rel-rstudio-pm" >&2; return 1; }
  grep -q '^  namespace: ns$' <<<"$out" || { echo "cdk8s-ppm ignored -n ns" >&2; return 1; }
  echo "    $(grep -c '^kind:' <<<"$out") objects printed"
}
step "cdk8s-ppm template (installed CLI)" check_cli

printf 'consumer test passed in %d ms\n' $((($(date +%s%N) - START) / 1000000))
