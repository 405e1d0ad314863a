/** PodDisruptionBudget `FULL` (policy/v1, when `podDisruptionBudget` is set). */
import type { Model } from '../model';
import type { Manifest } from './manifest';

export function renderPodDisruptionBudget(model: Model): Manifest | undefined {
  const own = model.objects.podDisruptionBudget;
  if (!own) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: own.name, namespace: model.namespace, labels: model.labels },
    spec: { selector: { matchLabels: model.selectorLabels }, ...model.values.podDisruptionBudget },
  };
}
