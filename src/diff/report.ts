/**
 * The migration report of `cdk8s-ppm diff`: as text for people, as JSON for
 * tools, and the exit code that gates a migration in CI. Secret values are
 * never shown in either.
 */
import type { ChartVersion } from '../chart-versions';
import type { PackageManagerWarning } from '../warnings';
import { DELIBERATE_FIXES, DIFF_KINDS, KIND_TITLES, worstKind, type ClassifiedObject, type DiffKind, type FixId } from './classify';
import { formatPath } from '../errors';
import { refKey, type ObjectRef } from './compare';

/** Everything `cdk8s-ppm diff` found. */
export interface DiffResult {
  readonly releaseName: string;
  readonly namespace: string;
  readonly chartVersion: ChartVersion;
  /** Every object of either render, ours first in our order, then those only the chart has. */
  readonly objects: readonly ClassifiedObject[];
  /** The warnings of our render (values that are stale, ignored, moved…). */
  readonly warnings: readonly PackageManagerWarning[];
}

/** Shown instead of a secret value. */
export const HIDDEN = '(hidden: a secret)';
/** Exit codes: nothing that matters differs / something does / the diff could not be made. */
export const EXIT = { same: 0, differs: 1, trouble: 2 } as const;

/** How many objects of each kind. */
export function countKinds(objects: readonly ClassifiedObject[]): Record<DiffKind, number> {
  const counts = Object.fromEntries(DIFF_KINDS.map((k) => [k, 0])) as Record<DiffKind, number>;
  for (const o of objects) counts[o.kind]++;
  return counts;
}

/** The deliberate fixes found, each once, in the order of DELIBERATE_FIXES. */
export function fixesFound(objects: readonly ClassifiedObject[]): FixId[] {
  const found = new Set<FixId>();
  for (const o of objects) {
    if (o.fix) found.add(o.fix);
    for (const d of o.differences) if (d.fix) found.add(d.fix);
  }
  return (Object.keys(DELIBERATE_FIXES) as FixId[]).filter((f) => found.has(f));
}

/**
 * 0 when nothing but labels, annotations and checksums differ (and the deliberate fixes
 * accepted: `accept` holds fix ids, or `all`); 1 otherwise.
 */
export function exitCodeOf(result: DiffResult, accept: readonly string[] = []): number {
  const kind = worstKind(result.objects);
  if (kind === 'change') return EXIT.differs;
  if (kind === 'fix') {
    const accepted = (f: FixId) => accept.includes('all') || accept.includes(f);
    return fixesFound(result.objects).every(accepted) ? EXIT.same : EXIT.differs;
  }
  return EXIT.same;
}

const show = (v: unknown, secret: boolean, max = 160): string => {
  if (v === undefined) return '(none)';
  if (secret) return HIDDEN;
  const text = JSON.stringify(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

const objectName = (ref: ObjectRef) => `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} (${ref.apiVersion})`;

/** The report for people. `source` names the chart's render (a file name, or `stdin`). */
export function formatReport(result: DiffResult, options: { readonly source: string; readonly accept?: readonly string[] }): string {
  const { objects } = result;
  const width = Math.max(...DIFF_KINDS.map((k) => KIND_TITLES[k].length));
  const lines: string[] = [
    `Migration report: the chart's render (${options.source}) against cdk8s-posit-package-manager`,
    `release ${result.releaseName}, namespace ${result.namespace}, chart ${result.chartVersion}`,
    '',
  ];
  for (const o of objects) {
    const where = o.presence === 'chart-only' ? ' — only in the chart render' : o.presence === 'ours-only' ? ' — only in ours' : '';
    lines.push(`${KIND_TITLES[o.kind].padEnd(width)}  ${objectName(o.ref)}${where}${o.fix ? `  [${o.fix}]` : ''}`);
    const indent = ' '.repeat(width + 4);
    // Labels and checksums on one line each: what they are matters, not their values.
    const labels = o.differences.filter((d) => d.kind === 'label');
    if (labels.length > 0) {
      const items = labels.map((d) => {
        const key = String(d.path[d.path.length - 1]);
        return d.chart === undefined
          ? `+${key}`
          : d.ours === undefined
            ? `-${key}`
            : `${key} ${show(d.chart, d.secret)} → ${show(d.ours, d.secret)}`;
      });
      lines.push(`${indent}labels and annotations: ${items.join(', ')}`);
    }
    const checksums = o.differences.filter((d) => d.kind === 'checksum');
    if (checksums.length > 0) {
      const items = checksums.map((d) => {
        const key = String(d.path[d.path.length - 1]);
        return d.chart === undefined ? `+${key}` : d.ours === undefined ? `-${key}` : key;
      });
      lines.push(`${indent}checksums (the pods roll once): ${items.join(', ')}`);
    }
    for (const d of o.differences.filter((x) => x.kind !== 'label' && x.kind !== 'checksum')) {
      const path = formatPath(d.path) || '(the object)';
      const change =
        d.note && d.chart === undefined && d.ours === undefined ? d.note : `${show(d.chart, d.secret)} → ${show(d.ours, d.secret)}`;
      const tail = [d.kind !== o.kind ? KIND_TITLES[d.kind] : undefined, d.fix, d.note && !change.includes(d.note) ? d.note : undefined]
        .filter(Boolean)
        .join('; ');
      lines.push(`${indent}${path}: ${change}${tail ? `  (${tail})` : ''}`);
    }
  }
  const fixes = fixesFound(objects);
  if (fixes.length > 0) {
    lines.push('', 'Deliberate fixes (differences on purpose; accept them with --accept-fix ID, or --accept-fix all):');
    for (const f of fixes) lines.push(`  ${f}: ${DELIBERATE_FIXES[f]}`);
  }
  if (objects.length > 0 && objects.every((o) => o.presence !== 'both')) {
    lines.push(
      '',
      `No object of the chart render matches one of ours: is ${result.releaseName} its release name, and ${result.namespace} its namespace (-n)?`,
    );
  }
  const counts = countKinds(objects);
  lines.push(
    '',
    `${objects.length} objects: ${DIFF_KINDS.map((k) => `${counts[k]} ${k === 'change' ? 'real change' : KIND_TITLES[k]}`).join(', ')}.`,
  );
  const code = exitCodeOf(result, options.accept);
  const kind = worstKind(objects);
  lines.push(
    code === EXIT.same
      ? kind === 'same'
        ? 'Nothing changes.'
        : kind === 'fix'
          ? 'Nothing changes but labels, annotations, checksums and the deliberate fixes accepted.'
          : 'Nothing changes but labels, annotations and checksums (pods roll once where a checksum changed).'
      : kind === 'change'
        ? 'Real changes: review them before switching (exit 1).'
        : 'Deliberate fixes to review before switching (exit 1 until accepted with --accept-fix).',
  );
  return `${lines.join('\n')}\n`;
}

/** The report for tools: plain JSON, secrets hidden, in a stable order. */
export function reportJson(result: DiffResult, accept: readonly string[] = []): unknown {
  return {
    releaseName: result.releaseName,
    namespace: result.namespace,
    chartVersion: result.chartVersion,
    classification: worstKind(result.objects),
    exitCode: exitCodeOf(result, accept),
    counts: countKinds(result.objects),
    fixes: Object.fromEntries(fixesFound(result.objects).map((f) => [f, DELIBERATE_FIXES[f]])),
    objects: result.objects.map((o) => ({
      key: refKey(o.ref),
      apiVersion: o.ref.apiVersion,
      kind: o.ref.kind,
      ...(o.ref.namespace ? { namespace: o.ref.namespace } : {}),
      name: o.ref.name,
      presence: o.presence,
      classification: o.kind,
      ...(o.fix ? { fix: o.fix } : {}),
      differences: o.differences.map((d) => ({
        path: formatPath(d.path),
        classification: d.kind,
        ...(d.fix ? { fix: d.fix } : {}),
        ...(d.chart !== undefined ? { chart: d.secret ? HIDDEN : d.chart } : {}),
        ...(d.ours !== undefined ? { ours: d.secret ? HIDDEN : d.ours } : {}),
        ...(d.note ? { note: d.note } : {}),
      })),
    })),
    warnings: result.warnings.map((w) => ({ id: w.id, path: w.path, message: w.message })),
  };
}
