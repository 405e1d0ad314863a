/** `extraObjects`: rendered as given. */
import type { Model } from '../model';
import type { Manifest } from './manifest';

export function renderExtraObjects(model: Model): Manifest[] {
  return (model.values.extraObjects ?? []).map((o) => o as Manifest);
}
