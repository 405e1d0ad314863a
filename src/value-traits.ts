/** The types of the traits table: what a chart value is besides its type, by prop path (a path that is not a prop does not compile). */
import type { PackageManagerProps, SecretsByName } from './props';

/** One step less of recursion depth. */
type Prev = [never, 0, 1, 2, 3, 4];

/** Dotted paths of the maps inside `T` (lists and their items are leaves), at most `D` levels deep. */
export type PathsOf<T, D extends number = 4> = [D] extends [never]
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? { [K in keyof T & string]-?: K | `${K}.${PathsOf<NonNullable<T[K]>, Prev[D]>}` }[keyof T & string]
      : never;

/** The path of a prop of `P`: `license.file.secretKey`, `pod.env`, `strategy.rollingUpdate.maxSurge`. */
export type PropPath<P = PackageManagerProps> = PathsOf<
  SecretsByName<Omit<P, 'releaseName' | 'namespace' | 'chartVersion' | 'acknowledgeWarnings'>>
>;

/** Keys of older chart versions (or of the chart's own CI files) that no version we render reads. */
export type StalePath = 'storageClaim' | 'nodePort' | 'metricsNodePort' | 'image.pullPolicy';

/** What a chart value is, besides its type. */
export interface ValueTraits {
  /**
   * The chart tests it with `if`/`with`/`default`: in a values file, `false`,
   * `""`, `0`, `null`, `{}` and `[]` there mean "none".
   */
  readonly falsyUnset?: true;
  /** The chart prints it unquoted into YAML: a string there that reads as a number becomes that number. */
  readonly printedAsYaml?: true;
  /** The chart only uses it as text: a number or boolean there is its text (`tag: 2024.04` is "2024.04"). */
  readonly usedAsText?: true;
  /** A secret: never shown in a message, never in a ConfigMap, an annotation or a label. */
  readonly secret?: true;
  /** Evaluated by the chart as a template (`tpl`) before use. */
  readonly templated?: true;
  /**
   * The chart reads fields of it (`.Values.x.enabled`): `null` or a scalar there makes Helm fail, so a values file
   * may not remove it.
   */
  readonly dereferenced?: true;
  /**
   * The chart's default is a constant, but this library derives it instead
   * (the same value with the chart's other defaults): what it follows.
   */
  readonly derivedFrom?: string;
  /** The chart prints it with `toYaml`, and a string there is YAML: `'["sleep","1000"]'`; a list's items are printed as text. */
  readonly readAsYaml?: true;
  /** The chart quotes each value of this map as Go prints it (`1000000` is "1e+06"). */
  readonly quotedAsText?: true;
}

/** A traits table for the props `P`: only paths of `P` compile. */
export type TraitsTable<P = PackageManagerProps> = { readonly [K in PropPath<P>]?: ValueTraits };
