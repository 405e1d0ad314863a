/**
 * Checksums of rendered objects, so that pods restart when what they read changes.
 *
 * A checksum annotation is public: anyone who may read Deployments (the
 * built-in `view` role) reads it, also without access to Secrets. A fast
 * hash of a Secret would let such a reader test guesses of a short password
 * offline at millions per second, so the checksums of the Secrets we create
 * are keyed by scrypt, a memory-hard function (16 MiB and tens of
 * milliseconds per guess, see `SECRET_CHECKSUM_COST`), derived once per
 * instance over its Secrets' data only (`secretChecksums`). The salt is
 * public but differs per instance (the Secrets' kinds, namespace and names),
 * so that nobody can precompute guesses once for every installation. The
 * result is deterministic: the same data gives the same annotations, other
 * data other ones.
 *
 * The ConfigMap holds no secret: its checksum is a plain SHA-256.
 */
import { createHash, createHmac, scryptSync } from 'crypto';
import type { Manifest } from './parts/manifest';
import { allSecretsStrong } from './leaf/secret-strength';

/** An object's canonical JSON (sorted keys). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** sha256 of the empty string: the chart's checksum of an object it does not render. */
const EMPTY = createHash('sha256').update('').digest('hex');

/** sha256 of an object's canonical JSON; of the empty string when absent. For objects that hold no secret. */
export function checksum(manifest: Manifest | undefined): string {
  return manifest
    ? createHash('sha256')
        .update(JSON.stringify(canonical(manifest)))
        .digest('hex')
    : EMPTY;
}

/**
 * scrypt's parameters for the checksums of Secrets: N = 2^14, r = 8, p = 1
 * (16 MiB of memory per guess; about 30-40 ms of CPU on the 2-core
 * development machine, see `node bench/checksum.js`), a 32-byte key.
 */
export const SECRET_CHECKSUM_COST = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 } as const;

/** A fixed prefix of every salt: these checksums are of this library, version 2 of the scheme (one key per instance). */
export const SECRET_CHECKSUM_SALT = 'cdk8s-posit-package-manager/secret-checksum/v2';

/** What a Secret's checksum covers: its data, nothing else (name and labels are public anyway). */
function secretMaterial(secret: Manifest): unknown {
  return { data: secret.data ?? {}, stringData: secret.stringData ?? {}, type: secret.type ?? 'Opaque' };
}

/** A Secret's public identity: kind, namespace, name. */
function identity(secret: Manifest): string {
  return `${secret.kind}/${secret.metadata.namespace ?? ''}/${secret.metadata.name}`;
}

/**
 * Keys already derived in this process, by (salt, material) digest: rendering the same props again (a second
 * synth, `cdk8s-ppm diff`, tests) costs no second scrypt. One entry (32 bytes of key, a 64-digit id) per
 * instance, bounded far above any app's instance count; least recently used entries go first.
 */
const keys = new Map<string, Buffer>();
const KEY_CACHE_SIZE = 10_000;

function derivedKey(material: string, salt: string, stretch: boolean): Buffer {
  // Every secret estimated unguessable (secret-strength.ts): stretching adds nothing a guess has to pay for.
  if (!stretch) return createHmac('sha256', salt).update(material).digest();
  // The cache is this process's own memory, which holds the Secrets' data anyway.
  const id = createHash('sha256').update(salt).update('\0').update(material).digest('hex');
  const hit = keys.get(id);
  if (hit !== undefined) {
    keys.delete(id);
    keys.set(id, hit);
    return hit;
  }
  const { N, r, p, keyLength } = SECRET_CHECKSUM_COST;
  const key = scryptSync(material, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 });
  if (keys.size >= KEY_CACHE_SIZE) keys.delete(keys.keys().next().value as string);
  keys.set(id, key);
  return key;
}

const fromBase64 = (v: unknown) => Buffer.from(String(v), 'base64').toString('utf8');

/**
 * The checksums of the Secrets one instance creates, one per group (a group is one annotation: the AWS
 * credentials, the license key and license file, ...); a group without a rendered Secret gets the chart's
 * checksum of an object it does not render (the SHA-256 of the empty string).
 *
 * One scrypt per instance, over the data of all its Secrets (salted with all their kinds, namespaces and
 * names), gives a key; each group's checksum is the HMAC-SHA256, under that key, of the group's identities and
 * data. A guess of any one secret costs one scrypt (16 MiB) and needs every other secret of the instance too;
 * when every secret is estimated unguessable (at least 128 bits, secret-strength.ts: generated keys and tokens),
 * the key is an HMAC-SHA256 of the same data instead, and a guess is a search of 2^128;
 * a change of any Secret changes every checksum of the instance (they restart the same pods anyway).
 */
export function secretChecksums<G extends string>(groups: Record<G, readonly (Manifest | undefined)[]>): Record<G, string> {
  const present = (g: G) => groups[g].filter((s): s is Manifest => s !== undefined);
  const names = (Object.keys(groups) as G[]).sort();
  const all = names.flatMap(present);
  const out = {} as Record<G, string>;
  if (all.length === 0) {
    for (const g of names) out[g] = EMPTY;
    return out;
  }
  const salt = [SECRET_CHECKSUM_SALT, ...all.map(identity)].join('\0');
  const entries = all.flatMap((s) => [...Object.values(s.stringData ?? {}), ...Object.values(s.data ?? {}).map(fromBase64)]);
  const key = derivedKey(JSON.stringify(canonical(all.map(secretMaterial))), salt, !allSecretsStrong(entries.map(String)));
  for (const g of names) {
    const secrets = present(g);
    out[g] =
      secrets.length === 0
        ? EMPTY
        : createHmac('sha256', key)
            .update(JSON.stringify(canonical(secrets.map((s) => [identity(s), secretMaterial(s)]))))
            .digest('hex');
  }
  return out;
}
