'use strict';
/**
 * Inline secrets against secrets by reference: N instances (bench/fixture.js fullProps(i)) synthesized in a
 * cdk8s app, with every secret written inline (the Helm habit: license key with restartOnLicenseChange,
 * AWS keys, rstudioPMKey, a Postgres password in config: four Secrets created, each checksummed) as generated
 * secrets ("inline") and as short guessable ones ("weak"), and with every secret taken from a Secret of one's own. Each instance has its own secrets (as teams do), so
 * no cache answers across instances.
 *
 *   node bench/secrets.js              # N = 50 and 1000, 3 interleaved rounds
 *   node bench/secrets.js --reps 5 50
 *
 * Each measurement is a fresh child process: load, warm up with one instance of each kind, then one timed
 * build of N instances; CPU = process.cpuUsage() (user + system) of the build. Printed: medians per
 * instance, and the ratio inline / by reference (CPU).
 */
const os = require('os');
const path = require('path');
const { forkChild, median, runAsChild } = require('./harness');

const { createHash } = require('crypto');

/** Deterministic stand-ins for generated secrets: `openssl rand -base64 32` / `-hex 32` style, per instance. */
const generated = (what, i, encoding) => createHash('sha256').update(`${what}-${i}`).digest(encoding);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const licenseKey = (i) =>
  [...createHash('sha512').update(`license-${i}`).digest()]
    .slice(0, 35)
    .map((b, k) => (k % 5 === 4 ? '-' : UPPER[b % UPPER.length]))
    .join('');

/** Every secret inline, as operators generate them (license key, AWS keys, encryption key, a database password). */
function inline(i) {
  return {
    license: { key: licenseKey(i) },
    restartOnLicenseChange: true,
    awsAccessKeyId: `AKIA${generated('aws-id', i, 'hex').slice(0, 16).toUpperCase()}`,
    awsSecretAccessKey: generated('aws-secret', i, 'base64').slice(0, 40),
    rstudioPMKey: generated('key', i, 'hex'),
  };
}

/** Every secret inline and guessable (short, patterned): the checksums pay scrypt. */
function inlineWeak(i) {
  return {
    license: { key: `license-${i}` },
    restartOnLicenseChange: true,
    awsAccessKeyId: `AKIAEXAMPLE${i}`,
    awsSecretAccessKey: `aws-secret-${i}`,
    rstudioPMKey: `key-${i}`,
  };
}

function byReference(i) {
  const ref = { name: `ppm-secrets-${i}`, key: 'k' };
  return {
    license: { keySecret: ref },
    awsCredentialsSecret: { name: `aws-${i}` },
    rstudioPMKeySecret: ref,
  };
}

/** Props of instance i: fullProps(i) with its secrets inline or by reference. */
function propsOf(kind, i, fullProps) {
  const base = fullProps(i);
  const extra = kind === 'inline' ? inline(i) : kind === 'weak' ? inlineWeak(i) : byReference(i);
  const password = kind === 'inline' ? generated('pg', i, 'base64') : `pw-${i}`;
  const postgres =
    kind !== 'reference'
      ? { config: { ...base.config, Postgres: { Password: password } } }
      : {
          configFromSecrets: { Postgres: { Password: { name: `ppm-secrets-${i}`, key: 'pg' } } },
        };
  const { license: _license, ...rest } = base;
  return { ...rest, ...extra, ...postgres };
}

function child(kind, n, libDir) {
  const { App, Chart } = require('cdk8s');
  const lib = require(libDir);
  const { fullProps } = require('./fixture');
  const build = (count, offset) => {
    const app = new App();
    const chart = new Chart(app, 'bench', { disableResourceNameHashes: true });
    for (let i = 0; i < count; i++) new lib.PackageManager(chart, `pm${i}`, propsOf(kind, offset + i, fullProps));
    return app.synthYaml();
  };
  build(1, -1); // warm-up (its own secrets)
  const c0 = process.cpuUsage();
  const yaml = build(n, 0);
  const c = process.cpuUsage(c0);
  if (!yaml.includes('kind: Deployment')) throw new Error('no Deployment');
  const secrets = (yaml.match(/^kind: Secret$/gm) || []).length;
  return { cpuMs: (c.user + c.system) / 1000, secrets };
}

const forkOnce = (kind, n, libDir) => forkChild(__filename, [kind, String(n), libDir], `${kind} N=${n}`);

async function measure({ ns = [50, 1000], reps = 3, libDir }) {
  const rows = [];
  for (const n of ns) {
    const runs = { inline: [], weak: [], reference: [] };
    let secrets = 0;
    const kinds = Object.keys(runs);
    for (let r = 0; r < reps; r++) {
      for (const kind of kinds.map((_, k) => kinds[(k + r) % kinds.length])) {
        const res = await forkOnce(kind, n, libDir);
        runs[kind].push(res.cpuMs / n);
        if (kind === 'inline') secrets = res.secrets;
      }
    }
    rows.push({
      n,
      inline: median(runs.inline),
      weak: median(runs.weak),
      reference: median(runs.reference),
      secrets,
      load: os.loadavg()[0],
    });
  }
  return rows;
}

function report(rows, reps) {
  const out = [
    `## inline secrets vs by reference: N instances in one app, CPU ms per instance (median of ${reps} interleaved fresh processes)\n`,
    'inline: generated secrets (unguessable: no key stretching); weak: short, patterned ones (one scrypt per instance)\n',
    'N     Secrets  inline  weak    by ref  inline/by ref  weak/by ref  load (1 min)',
  ];
  for (const r of rows) {
    out.push(
      `${String(r.n).padEnd(5)} ${String(r.secrets).padStart(7)}  ${r.inline.toFixed(2).padStart(6)}  ${r.weak.toFixed(2).padStart(6)}  ${r.reference.toFixed(2).padStart(6)}  ${(r.inline / r.reference).toFixed(2).padStart(13)}  ${(r.weak / r.reference).toFixed(2).padStart(11)}  ${r.load.toFixed(2).padStart(12)}`,
    );
  }
  return out.join('\n');
}

if (runAsChild((kind, n, libDir) => child(kind, Number(n), libDir))) {
  // A measurement in its own process.
} else if (require.main === module) {
  const argv = process.argv.slice(2);
  let reps = 3;
  const ns = [];
  let libDir = path.join(__dirname, '..', 'lib');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') reps = Number(argv[++i]);
    else if (argv[i] === '--lib') libDir = path.resolve(argv[++i]);
    else ns.push(Number(argv[i]));
  }
  measure({ ns: ns.length ? ns : undefined, reps, libDir })
    .then((rows) => console.log(report(rows, reps)))
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}

module.exports = { measure, report, propsOf };
