/**
 * Values known to pass the schema without checking: the chart versions'
 * defaults (frozen, data we ship; a test checks each version's defaults with
 * the full schema). The fast check skips the Kubernetes checks for them, so
 * the Kubernetes definitions are loaded only for values someone gave.
 */
const known = new WeakSet<object>();

/** Marks a frozen value and everything in it as known valid. */
export function markKnownValid(value: unknown): void {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return;
  known.add(value);
  for (const v of Object.values(value)) markKnownValid(v);
}

/** True for a value marked known valid. */
export function isKnownValid(value: unknown): boolean {
  return value !== null && typeof value === 'object' && known.has(value);
}
