import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { storeWith } from '../__fixtures__/organization';
import { TranslationContext } from '../translation/context';
import { OwnerRule } from '../translation/ownership';

/** A translation context over a real ChoreoStore holding `resources` (source `acme`). */
export function contextFor(
  resources: ChoreoResource[],
  owners: OwnerRule[] = [],
): TranslationContext {
  const { store } = storeWith(resources);
  return { source: 'acme', reader: store, owners };
}
