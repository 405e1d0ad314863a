/**
 * A migration diff: the chart's render of a release (`helm get manifest`,
 * `helm template`) against what this library renders from the same values,
 * classified object by object. Pure: no cdk8s, no files.
 */
import { DEFAULT_CHART_VERSION, type ChartVersion } from '../chart-versions';
import { sanitize } from '../parts/manifest';
import { renderInstance } from '../render';
import { valuesToProps } from '../values/from-values';
import { classify } from './classify';
import type { Obj } from '../leaf/objects';
import { compareManifests } from './compare';
import type { DiffResult } from './report';

/** What to compare. */
export interface DiffInput {
  /** The chart's render, parsed: one manifest per YAML document. */
  readonly chartManifests: readonly Obj[];
  /** The chart values (merged `-f` files and `--set`s), as for `PackageManager.fromValues`. */
  readonly values: unknown;
  readonly releaseName: string;
  readonly namespace: string;
  /** The chart version the values are for. @default '0.5.29' */
  readonly chartVersion?: ChartVersion;
}

/**
 * Renders the values as `cdk8s-ppm template` does and compares the result
 * with the chart's render.
 * @throws PackageManagerValidationError when the values cannot be rendered
 */
export function diffRelease(input: DiffInput): DiffResult {
  const chartVersion = input.chartVersion ?? DEFAULT_CHART_VERSION;
  const identity = { releaseName: input.releaseName, namespace: input.namespace, chartVersion };
  const { props, warnings } = valuesToProps(input.values, identity);
  const rendered = renderInstance({ ...props, ...identity }, { ...identity, context: 'cdk8s-ppm diff', valuesWarnings: warnings });
  const ours = rendered.objects.map((o) => sanitize(o.manifest) as unknown as Obj);
  const objects = classify(compareManifests(input.chartManifests, ours, { namespace: input.namespace }), { props });
  return { ...identity, objects, warnings: rendered.warnings };
}
