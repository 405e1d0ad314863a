/**
 * What one release of the rstudio-pm chart is, as data: its version, the
 * Package Manager version it ships, its `values.yaml` exactly as Helm reads
 * it, how it builds the image tag, and what it refuses. The model, the
 * renderers, the values loader and the docs read these records; nothing else
 * knows which chart version does what.
 */

/** The chart versions this library renders. */
export const CHART_VERSIONS = ['0.5.29', '0.20.4'] as const;

/** A chart version this library renders. */
export type ChartVersion = (typeof CHART_VERSIONS)[number];

/** How a chart builds the image tag when `image.tag` is not set. */
export type ImageTagScheme =
  /** `<image.tagPrefix><versionOverride or appVersion>` (chart 0.5.29). */
  | 'prefix-version'
  /** `<versionOverride or appVersion>-<image.os>` (chart 0.20.x). */
  | 'version-os';

/** A value the chart refuses to render (`fail` in a template), by its path. */
export interface ChartGuard {
  /** Dotted path of the value. */
  readonly path: string;
  /** When the chart refuses it: the value is set to something non-empty. */
  readonly when: 'non-empty';
  /** The chart's reason and what to use instead. */
  readonly message: string;
}

/** One chart release. */
export interface ChartVersionRecord {
  /** The chart's name. */
  readonly name: 'rstudio-pm';
  /** The chart version (`Chart.yaml` `version`). */
  readonly version: ChartVersion;
  /** The Package Manager version it deploys (`Chart.yaml` `appVersion`). */
  readonly appVersion: string;
  /**
   * The chart's `values.yaml` as Helm reads it, with its `false`/`""`/`null`
   * spellings of "unset": what `.Values` holds before a values file is merged.
   */
  readonly values: Readonly<Record<string, unknown>>;
  /** How the image tag is built when `image.tag` is not set. */
  readonly imageTag: ImageTagScheme;
  /** Values the chart refuses. */
  readonly guards: readonly ChartGuard[];
}
