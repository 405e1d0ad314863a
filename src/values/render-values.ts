/**
 * Chart values → the rendered objects, without cdk8s: the translation of the
 * chart's habits (`valuesToProps`) followed by the pure core. What
 * `cdk8s-ppm` renders.
 */
import { isWarningId, WARNINGS, type WarningId } from '../warnings';
import { PackageManagerValidationError } from '../errors';
import { renderInstance, type RenderResult } from '../render';
import { valuesToProps } from './from-values';
import type { FromValuesOptions } from './options';

/** Renders chart values (the user's values, before the chart's defaults) for a release. @throws PackageManagerValidationError */
export function renderValues(values: unknown, options: FromValuesOptions & { releaseName: string }, context = 'values'): RenderResult {
  const acknowledged = options.acknowledgeWarnings ?? [];
  const unknown = acknowledged.filter((id) => !isWarningId(id));
  if (unknown.length > 0) {
    throw new PackageManagerValidationError(
      unknown.map((id) => ({
        path: 'acknowledgeWarnings',
        message: `unknown warning id ${JSON.stringify(id)}; known ids: ${Object.keys(WARNINGS).join(', ')}`,
      })),
      context,
    );
  }
  const namespace = options.namespace;
  const { props, warnings } = valuesToProps(values, {
    releaseName: options.releaseName,
    namespace: namespace ?? 'default',
    chartVersion: options.chartVersion,
    subchart: options.subchart,
  });
  return renderInstance(
    {
      ...props,
      releaseName: options.releaseName,
      namespace,
      chartVersion: options.chartVersion,
      acknowledgeWarnings: acknowledged as WarningId[],
    },
    { context, valuesWarnings: warnings },
  );
}
