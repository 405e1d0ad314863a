/**
 * Warnings on the construct tree: each PackageManager records its warnings on
 * its node (cdk8s metadata of type `ppm:warning`); they can be acknowledged
 * per instance (`acknowledgeWarnings`) or for a whole scope
 * (`acknowledgeWarning`). Nothing is printed while constructing: `cdk8s-ppm`
 * prints them, and a `cdk8s synth` app opts in with `reportWarnings(app)`.
 */
import type { IConstruct } from 'constructs';
import { formatWarning, isWarningId, WARNINGS, type PackageManagerWarning, type WarningId } from './warnings';

/** The metadata type of a warning recorded on a construct node. */
export const WARNING_METADATA = 'ppm:warning';
/** The metadata type of an acknowledgement recorded on a construct node. */
const ACKNOWLEDGED_METADATA = 'ppm:acknowledged-warning';

/**
 * Acknowledges a warning for every PackageManager inside `scope` (an App, a
 * Chart, or one instance): `reportWarnings` and `cdk8s-ppm` no longer print it.
 */
export function acknowledgeWarning(scope: IConstruct, id: WarningId): void {
  if (!isWarningId(id))
    throw new Error(`acknowledgeWarning: unknown warning id ${JSON.stringify(id)}; known ids: ${Object.keys(WARNINGS).join(', ')}`);
  scope.node.addMetadata(ACKNOWLEDGED_METADATA, id);
}

/** True when `id` is acknowledged on `node` or one of its scopes. */
function acknowledged(construct: IConstruct, id: WarningId): boolean {
  for (const c of construct.node.scopes) {
    if (c.node.metadata.some((m) => m.type === ACKNOWLEDGED_METADATA && m.data === id)) return true;
  }
  return false;
}

/** A warning found on a construct, with where it was found. */
export interface FoundWarning extends PackageManagerWarning {
  /** Path of the construct in the tree. */
  readonly constructPath: string;
}

/** The warnings recorded in the tree under `scope` that nobody acknowledged, in tree order. */
export function collectWarnings(scope: IConstruct): FoundWarning[] {
  const out: FoundWarning[] = [];
  for (const c of scope.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type !== WARNING_METADATA) continue;
      const w = m.data as PackageManagerWarning;
      if (!acknowledged(c, w.id)) out.push({ ...w, constructPath: c.node.path });
    }
  }
  return out;
}

/** One line per distinct warning (a warning shared by many instances is printed once, naming how many). */
export function formatWarnings(found: readonly FoundWarning[]): string[] {
  const byWarning = new Map<string, FoundWarning[]>();
  for (const w of found) {
    const key = JSON.stringify([w.id, w.path, w.message]);
    byWarning.set(key, [...(byWarning.get(key) ?? []), w]);
  }
  return [...byWarning.values()].map((same) =>
    formatWarning(same[0], same.length === 1 ? same[0].constructPath : `${same[0].constructPath} and ${same.length - 1} more`),
  );
}

/**
 * Prints the unacknowledged warnings of every PackageManager under `scope`
 * to stderr, each distinct one once (call it after building the app, e.g.
 * just before `app.synth()`). Returns what it printed.
 */
export function reportWarnings(scope: IConstruct, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string[] {
  const lines = formatWarnings(collectWarnings(scope));
  for (const line of lines) write(`[cdk8s-posit-package-manager] ${line}`);
  return lines;
}
