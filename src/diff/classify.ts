/**
 * What each difference between the chart's render and ours means for a
 * migration: nothing at all, a label or annotation, a checksum (the pods roll
 * once), one of the chart's bugs this library fixes on purpose (named), or a
 * real change of what runs.
 */
import { isSecretSetting, settingEnvName } from '../config/secrets';
import { isPlainObject, valueAt, type PathSegment } from '../leaf/objects';
import type { PackageManagerProps } from '../props';
import { GCFG_KEY, sameData, type Difference, type ObjectComparison, type ObjectRef } from './compare';
import { listenPort } from '../config/spec';

/** The kinds, from harmless to real: an object's kind is that of its worst difference. */
export const DIFF_KINDS = ['same', 'label', 'checksum', 'fix', 'change'] as const;
/** `same`, `label` (label/annotation only), `checksum` (checksum only: pods roll once), `fix` (a deliberate fix), `change` (a real change). */
export type DiffKind = (typeof DIFF_KINDS)[number];

/** How each kind is written in the report. */
export const KIND_TITLES: Record<DiffKind, string> = {
  same: 'same',
  label: 'label/annotation only',
  checksum: 'checksum only',
  fix: 'deliberate fix',
  change: 'REAL CHANGE',
};

/** The chart's behaviours this library changes on purpose, by id, with what changes. */
export const DELIBERATE_FIXES = {
  'service-account-labels': 'serviceAccount.labels are applied to the ServiceAccount (the chart declares them but never renders them)',
  'command-args-lists':
    'command/args given as lists stay lists (the chart prints a list with Go\'s %v, so ["a", "b"] becomes the one argument "a b")',
  'gcfg-escaping':
    'rstudio-pm.gcfg is written so that Package Manager reads back the value given (the chart writes ; # " \\ edge spaces and newlines unescaped, and numbers of 1e6 or more as 1e+06)',
  'secrets-out-of-configmap':
    'a secret setting (a password, token or URL with a password) moves out of the ConfigMap into the Secret FULL-config-secrets and reaches Package Manager as an environment variable',
  'ports-follow-config':
    "the probes and the Service's target port follow config.HTTP.Listen (pod.port names the container port only), and the metrics port follows Metrics.Listen (the chart keeps 4242 and 2112, where Package Manager does not listen)",
  'helm-hook-job':
    'the migration Job is a Helm post-upgrade hook, which `helm get manifest` does not list; applied by kubectl, Argo CD or Flux it is an ordinary Job that runs once',
} as const;
/** The id of a deliberate fix. */
export type FixId = keyof typeof DELIBERATE_FIXES;

/** A difference and what it means. */
export interface ClassifiedDifference extends Difference {
  readonly kind: Exclude<DiffKind, 'same'>;
  /** Which deliberate fix, when `kind` is `fix`. */
  readonly fix?: FixId;
  /** The values are secret: a report shows neither. */
  readonly secret: boolean;
}

/** An object and what its differences mean. */
export interface ClassifiedObject {
  readonly ref: ObjectRef;
  readonly presence: ObjectComparison['presence'];
  /** The worst kind among its differences (`change` for an object on the chart's side only…). */
  readonly kind: DiffKind;
  /** For an object on one side only: the deliberate fix it belongs to. */
  readonly fix?: FixId;
  readonly differences: readonly ClassifiedDifference[];
}

/** What the classification knows besides the two renders. */
export interface ClassifyContext {
  /** The props the values translate to (as given, before the chart's defaults): to recognize the chart's bugs. */
  readonly props?: PackageManagerProps;
}

const HOOK_ANNOTATION = 'helm.sh/hook';
const CONFIG_SECRETS_SUFFIX = '-config-secrets';
const SECRET_NAME = /(password|secret|token|key|credential|license)/i;
/** The ports the chart hard-codes: HTTP and metrics. */
const CHART_PORTS = new Set<unknown>([4242, '4242', 2112, '2112']);

const worst = (kinds: readonly DiffKind[]): DiffKind =>
  kinds.reduce<DiffKind>((w, k) => (DIFF_KINDS.indexOf(k) > DIFF_KINDS.indexOf(w) ? k : w), 'same');

/** A value of a map whose keys are matched case-insensitively (gcfg names). */
function lookup(map: unknown, name: string): unknown {
  if (!isPlainObject(map)) return undefined;
  const k = Object.keys(map).find((x) => x.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : map[k];
}

/** The config value given for a parsed gcfg section and key (`config` or `extraConfig`). */
function givenSetting(props: PackageManagerProps | undefined, section: string, key: string): unknown {
  for (const source of [props?.config, props?.extraConfig]) {
    const v = lookup(lookup(source, section), key);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A config value the chart's template writes so that gcfg reads back something else. */
function chartCorrupts(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) =>
    typeof v === 'number' ? Math.abs(v) >= 1e6 : typeof v === 'string' && (/[;#"\\\n\r]/.test(v) || /^\s|\s$/.test(v)),
  );
}

/** The port of a listen address, as Package Manager reads it (a bare "2112" too): the one `listenPort`. */
const listenOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? listenPort(String(v)) : undefined);

/** The ports our config moves away from the chart's constants. */
function configuredPorts(props: PackageManagerProps | undefined): Set<number> {
  const ports = new Set<number>();
  const add = (p: number | undefined) => p !== undefined && ports.add(p);
  add(listenOf(givenSetting(props, 'HTTP', 'Listen')));
  add(listenOf(givenSetting(props, 'Metrics', 'Listen')));
  add(typeof props?.pod?.port === 'number' ? props.pod.port : undefined);
  return ports;
}

/**
 * A list's words: the chart prints a list with Go's `%v` (`[a b]`), which YAML
 * reads back as a flow list split at the commas. Two lists with the same words
 * are the same list before and after the chart's mangling.
 */
function goListText(list: readonly unknown[]): string {
  return list
    .map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))
    .join(' ')
    .replace(/[\s,]+/g, ' ')
    .trim();
}

/** The environment variables of our Package Manager container that come from our config-secrets Secret. */
function configSecretEnv(comparisons: readonly ObjectComparison[]): Set<string> {
  const env = new Set<string>();
  for (const c of comparisons) {
    if (c.ref.kind !== 'Deployment' || !c.ours) continue;
    for (const container of c.ours.spec?.template?.spec?.containers ?? []) {
      for (const e of container.env ?? []) {
        const secret = e?.valueFrom?.secretKeyRef?.name;
        if (typeof secret === 'string' && secret.endsWith(CONFIG_SECRETS_SUFFIX)) env.add(e.name);
      }
    }
  }
  return env;
}

const seg = (path: readonly PathSegment[], i: number) => path[i];
const isName = (s: PathSegment | undefined): s is { name: string } => typeof s === 'object' && s !== null;

/** Whether the values of a difference are secret (never shown). */
function isSecretDifference(c: ObjectComparison, d: Difference): boolean {
  const p = d.path;
  if (c.ref.kind === 'Secret') return true;
  if (p[0] === 'data' && p[1] === GCFG_KEY && typeof p[3] === 'string') {
    const flat = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
    return [d.chart, d.ours].some((v) => isSecretSetting(p[3] as string, flat(v)));
  }
  const envAt = p.findIndex((s, i) => s === 'env' && isName(p[i + 1]));
  if (envAt >= 0) return SECRET_NAME.test((p[envAt + 1] as { name: string }).name) && !p.includes('valueFrom');
  return false;
}

/** The deliberate fix a difference inside an object is, if any. */
function fixOf(
  c: ObjectComparison,
  d: Difference,
  ctx: ClassifyContext,
  configEnv: ReadonlySet<string>,
  ports: ReadonlySet<number>,
): FixId | undefined {
  const p = d.path;
  const kind = c.ref.kind;
  // serviceAccount.labels on the ServiceAccount.
  if (kind === 'ServiceAccount' && p.length === 3 && p[0] === 'metadata' && p[1] === 'labels' && d.chart === undefined) {
    const given = ctx.props?.serviceAccount?.labels as Record<string, unknown> | undefined;
    if (given && given[p[2] as string] === d.ours) return 'service-account-labels';
  }
  // command/args given as lists.
  const last = p[p.length - 1];
  if (kind === 'Deployment' && (last === 'command' || last === 'args' || p[p.length - 2] === 'command' || p[p.length - 2] === 'args')) {
    const at = p.findIndex((s) => s === 'command' || s === 'args');
    const listPath = p.slice(0, at + 1);
    const given = ctx.props?.[p[at] as 'command' | 'args'];
    const chartList = valueAt(c.chart, listPath);
    const ourList = valueAt(c.ours, listPath);
    if (Array.isArray(given) && Array.isArray(chartList) && Array.isArray(ourList) && sameData(ourList, given)) {
      if (goListText(chartList) === goListText(given)) return 'command-args-lists';
    }
  }
  // rstudio-pm.gcfg.
  if (kind === 'ConfigMap' && p[0] === 'data' && p[1] === GCFG_KEY && p.length === 4) {
    const [section, key] = [p[2] as string, p[3] as string];
    if (d.ours === undefined && d.chart !== undefined) {
      const plainSection = section.replace(/ ".*$/, '');
      const sub = / "(.*)"$/.exec(section)?.[1];
      const env = settingEnvName(sub === undefined ? plainSection : `${plainSection} "${sub}"`, key);
      if (configEnv.has(env)) return 'secrets-out-of-configmap';
    }
    const given = givenSetting(ctx.props, section, key);
    if (given !== undefined && chartCorrupts(given)) {
      const readBack = (Array.isArray(given) ? given : [given]).map((v) => String(v));
      if (sameData(d.ours, readBack)) return 'gcfg-escaping';
    }
  }
  // Environment variables from our config-secrets Secret.
  if (kind === 'Deployment' && d.chart === undefined) {
    const envAt = p.findIndex((s, i) => s === 'env' && isName(p[i + 1]));
    if (envAt >= 0 && envAt + 2 === p.length && configEnv.has((p[envAt + 1] as { name: string }).name)) return 'secrets-out-of-configmap';
  }
  // Ports that follow the configuration.
  if (
    ['Deployment', 'Service', 'ServiceMonitor', 'NetworkPolicy'].includes(kind) &&
    CHART_PORTS.has(d.chart) &&
    (typeof d.ours === 'number' || typeof d.ours === 'string') &&
    ports.has(Number(d.ours)) &&
    typeof last === 'string' &&
    /^(containerPort|port|targetPort|prometheus\.io\/port)$/.test(last)
  )
    return 'ports-follow-config';
  return undefined;
}

/** Classifies every difference of every object. */
export function classify(comparisons: readonly ObjectComparison[], ctx: ClassifyContext = {}): ClassifiedObject[] {
  const configEnv = configSecretEnv(comparisons);
  const ports = configuredPorts(ctx.props);
  return comparisons.map((c): ClassifiedObject => {
    if (c.presence === 'ours-only') {
      const annotations = c.ours?.metadata?.annotations ?? {};
      const fix: FixId | undefined =
        HOOK_ANNOTATION in annotations
          ? 'helm-hook-job'
          : c.ref.kind === 'Secret' && c.ref.name.endsWith(CONFIG_SECRETS_SUFFIX) && configEnv.size > 0
            ? 'secrets-out-of-configmap'
            : undefined;
      return { ref: c.ref, presence: c.presence, kind: fix ? 'fix' : 'change', ...(fix ? { fix } : {}), differences: [] };
    }
    if (c.presence === 'chart-only') return { ref: c.ref, presence: c.presence, kind: 'change', differences: [] };
    const differences = c.differences
      .filter((d) => d.tag !== 'namespace-added') // Helm puts it there too
      .map((d): ClassifiedDifference => {
        const secret = isSecretDifference(c, d);
        if (d.tag === 'helm-label' || d.tag === 'app-label' || d.tag === 'app-version') return { ...d, kind: 'label', secret };
        if (d.tag === 'checksum-value' || d.tag === 'checksum-key') return { ...d, kind: 'checksum', secret };
        const p = d.path;
        if (p.length === 3 && p[0] === 'metadata' && p[1] === 'annotations' && String(seg(p, 2)).startsWith('meta.helm.sh/'))
          return { ...d, kind: 'label', secret };
        const fix = fixOf(c, d, ctx, configEnv, ports);
        return fix ? { ...d, kind: 'fix', fix, secret } : { ...d, kind: 'change', secret };
      });
    return { ref: c.ref, presence: c.presence, kind: worst(differences.map((d) => d.kind)), differences };
  });
}

/** The worst kind of a whole comparison. */
export function worstKind(objects: readonly ClassifiedObject[]): DiffKind {
  return worst(objects.map((o) => o.kind));
}
