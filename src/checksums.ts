/** Checksums of rendered objects, so that pods restart when what they read changes. */
import { createHash } from 'crypto';
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

/** sha256 of an object's canonical JSON; of the empty string when absent. */
export function checksum(manifest: Manifest | undefined): string {
  return manifest
    ? createHash('sha256')
        .update(JSON.stringify(canonical(manifest)))
        .digest('hex')
    : EMPTY;
}

/** sha256 of several objects' canonical JSON. */
export function checksumOf(manifests: readonly (Manifest | undefined)[]): string {
  return checksum({ apiVersion: 'v1', kind: 'List', metadata: { name: 'checksum' }, items: manifests.filter(Boolean) });
}
