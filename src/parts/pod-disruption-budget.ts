/** PodDisruptionBudget `FULL` (policy/v1, when `podDisruptionBudget` is set). */
import type { Model } from '../model';
import { nonEmpty, type Manifest } from './manifest';

export function renderPodDisruptionBudget(model: Model): Manifest | undefined {
  const pdb = nonEmpty(model.values.podDisruptionBudget);
  if (!pdb) return undefined;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: model.fullName, namespace: model.namespace, labels: model.labels },
    spec: { selector: { matchLabels: model.selectorLabels }, ...pdb },
  };
}
