/** What the chart version refuses, and the defaults whose removal (`null`) would make the chart render something broken. */
import { valueAt } from '../../leaf/objects';
import { helmTruthy } from '../../model';
import type { Rule } from './context';

/** The chart version's own refusals (`fail` in its templates). */
export const chartGuards: Rule = ({ model, error }) => {
  for (const guard of model.chart.guards) {
    const value = valueAt(model.values, guard.path.split('.'));
    if (guard.when === 'non-empty' && helmTruthy(value))
      error(guard.path, `is set, but chart ${model.chart.version} refuses it: it ${guard.message}`);
  }
};

/** Defaults that `null` may not remove, because what the chart then renders is broken. */
export const requiredDefaults: Rule = ({ model, error }) => {
  const v = model.values;
  const removed = (path: string, what: string, fix: string) => error(path, `is removed (null), which would render ${what}: ${fix}`);
  if (!v.image?.tag && model.chart.imageTag === 'prefix-version' && v.image?.tagPrefix === undefined) {
    removed('image.tagPrefix', 'an image tag with "%!s(<nil>)" in it', 'set it to "" for no prefix, or set image.tag');
  }
  if (!v.image?.tag && model.chart.imageTag === 'version-os' && !v.image?.os) {
    removed('image.os', `the image tag "${model.imageTag}"`, 'set it (e.g. "ubuntu-24.04"), or set image.tag');
  }
  if (model.objects.persistentVolumeClaim) {
    if (!v.sharedStorage?.accessModes?.length)
      error(
        'sharedStorage.accessModes',
        'is empty or removed, which renders a claim without access modes (Kubernetes refuses it): give e.g. ["ReadWriteMany"]',
      );
    if (v.sharedStorage?.requests?.storage === undefined)
      removed('sharedStorage.requests.storage', 'a claim without a size (Kubernetes refuses it)', 'give a size such as "10Gi"');
  }
  if (model.mountSharedStorage && v.sharedStorage?.path === undefined) {
    removed(
      'sharedStorage.path',
      'the shared storage without a mount path (Kubernetes refuses it)',
      'give the path, e.g. "/var/lib/rstudio-pm"',
    );
  }
  if (v.strategy?.type === 'RollingUpdate' && v.strategy.rollingUpdate === undefined) {
    removed(
      'strategy.rollingUpdate',
      'a rolling update without its parameters (Helm fails to render it)',
      'give maxSurge and maxUnavailable, or set strategy.type: Recreate',
    );
  }
  if (v.service?.port === undefined)
    removed('service.port', 'a Service port without a number (Kubernetes refuses it)', 'give a port such as 80');
  if (model.objects.migrationJob && !v.migrationJob?.image)
    removed('migrationJob.image', 'a Job without an image', 'give an image such as "busybox:1.36"');
};
