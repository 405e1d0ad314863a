'use strict';
/**
 * What the checksums of Secrets cost: a guess for someone who reads the
 * Deployment and tries passwords offline, and a render for us.
 *
 *   node bench/checksum.js          # 20 repeats
 *   node bench/checksum.js 50       # 50 repeats
 *
 * Uses the compiled lib/ (build first: npx tsc -p tsconfig.build.json).
 * Printed, median and minimum over the repeats (each with a new secret, so
 * that the in-process cache of results never answers):
 *   - one guess: scrypt with lib's SECRET_CHECKSUM_COST (what testing one
 *     password against checksum/key costs), and the SHA-256 of the same
 *     material (what it cost before);
 *   - per instance: render() of an instance with all four checksummed
 *     Secrets created here (license key with restartOnLicenseChange, AWS
 *     credentials, encryption key, a Postgres password in config), minus
 *     render() of the same instance with the secrets taken by reference.
 */
const { createHash, scryptSync } = require('crypto');
const path = require('path');
const { median } = require('./harness');

const LIB = path.join(__dirname, '..', 'lib');
const { SECRET_CHECKSUM_COST } = require(path.join(LIB, 'checksums.js'));
const { render } = require(path.join(LIB, 'index.js'));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const min = (xs) => Math.min(...xs);

function inline(i) {
  return {
    license: { key: `license-${i}` },
    restartOnLicenseChange: true,
    awsAccessKeyId: 'AKIAEXAMPLE',
    awsSecretAccessKey: `aws-${i}`,
    rstudioPMKey: `key-${i}`,
    config: { Postgres: { Password: `pw-${i}` } },
  };
}
function byReference() {
  const ref = { name: 'ppm', key: 'k' };
  return {
    license: { keySecret: ref },
    awsCredentialsSecret: { name: 'aws' },
    rstudioPMKeySecret: ref,
    configFromSecrets: { Postgres: { Password: ref } },
  };
}

function main(argv) {
  const reps = Number(argv.find((a) => /^\d+$/.test(a)) ?? 20);
  const { N, r, p, keyLength } = SECRET_CHECKSUM_COST;
  const material = (i) => JSON.stringify([{ data: {}, stringData: { 'rstudio-pm.key': `sunshine${i}` }, type: 'Opaque' }]);
  const scrypt = [];
  const sha = [];
  for (let i = 0; i < reps; i++) {
    let t = process.hrtime.bigint();
    scryptSync(material(i), 'salt', keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 });
    scrypt.push(ms(t));
    t = process.hrtime.bigint();
    for (let j = 0; j < 1000; j++) createHash('sha256').update(material(i)).digest('hex');
    sha.push(ms(t) / 1000);
  }
  render(inline(-1));
  render(byReference());
  const withSecrets = [];
  const withRefs = [];
  for (let i = 0; i < reps; i++) {
    let t = process.hrtime.bigint();
    render(inline(i));
    withSecrets.push(ms(t));
    t = process.hrtime.bigint();
    render(byReference());
    withRefs.push(ms(t));
  }
  const row = (name, xs) => console.log(`| ${name} | ${median(xs).toFixed(3)} | ${min(xs).toFixed(3)} |`);
  console.log(`scrypt N=2^${Math.log2(N)}, r=${r}, p=${p} (${(128 * N * r) / 1024 / 1024} MiB per guess), ${reps} repeats\n`);
  console.log('| what | median ms | min ms |');
  console.log('|---|---:|---:|');
  row('one guess: scrypt (now)', scrypt);
  row('one guess: sha256 (before)', sha);
  row('render, 4 Secrets created here', withSecrets);
  row('render, the same by reference', withRefs);
  const perInstance = withSecrets.map((x, i) => x - withRefs[i]);
  console.log(
    `\nchecksums per instance (4 Secrets): ${median(perInstance).toFixed(1)} ms (median); one guess costs ${(median(scrypt) / median(sha)).toFixed(0)}x a SHA-256`,
  );
}

main(process.argv.slice(2));
