/**
 * Checksums of rendered objects, so that pods restart when what they read changes.
 *
 * A checksum annotation is public: anyone who may read Deployments (the
 * built-in `view` role) reads it, also without access to Secrets. A fast
 * hash of a Secret would let such a reader test guesses of a short password
 * offline at millions per second, so the checksums of the Secrets we create
 * are derived with scrypt, a memory-hard function (16 MiB and tens of
 * milliseconds per guess, see `SECRET_CHECKSUM_COST`), over the Secret's
 * data only. The salt is public but differs per object (its kind, namespace
 * and name), so that nobody can precompute guesses once for every
 * installation. The result is deterministic: the same data gives the same
 * annotation, other data another one.
 *
 * The ConfigMap holds no secret: its checksum is a plain SHA-256.
 */
import { createHash, scryptSync } from 'crypto';
import type { Manifest } from './parts/manifest';

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
 * (16 MiB of memory per guess; about 30-60 ms on the 2-core development
 * machine, see `node bench/checksum.js`), a 32-byte result (64 hex digits,
 * like SHA-256).
 */
export const SECRET_CHECKSUM_COST = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 } as const;

/** A fixed prefix of every salt: these checksums are of this library, version 1 of the scheme. */
const SALT_PREFIX = 'cdk8s-posit-package-manager/secret-checksum/v1';

/** What a Secret's checksum covers: its data, nothing else (name and labels are public anyway). */
function secretMaterial(secret: Manifest): unknown {
  return { data: secret.data ?? {}, stringData: secret.stringData ?? {}, type: secret.type ?? 'Opaque' };
}

/** Recent results, so that rendering the same props twice costs scrypt once (a few entries; deterministic anyway). */
const cache = new Map<string, string>();
const CACHE_SIZE = 64;

function scryptHex(material: string, salt: string): string {
  // The cache is this process's own memory, which holds the Secret's data anyway.
  const id = createHash('sha256').update(salt).update('\0').update(material).digest('hex');
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const { N, r, p, keyLength } = SECRET_CHECKSUM_COST;
  const out = scryptSync(material, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 }).toString('hex');
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(id, out);
  return out;
}

/**
 * The checksum of Secrets we create: scrypt over their data, salted per
 * object; of the empty string when none is rendered (as the chart's
 * checksum of a Secret it does not render).
 */
export function secretChecksum(secrets: readonly (Manifest | undefined)[]): string {
  const present = secrets.filter((s): s is Manifest => s !== undefined);
  if (present.length === 0) return EMPTY;
  const salt = [SALT_PREFIX, ...present.map((s) => `${s.kind}/${s.metadata.namespace ?? ''}/${s.metadata.name}`)].join('\0');
  return scryptHex(JSON.stringify(canonical(present.map(secretMaterial))), salt);
}
