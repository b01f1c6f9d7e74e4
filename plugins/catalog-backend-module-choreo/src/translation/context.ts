import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { OwnerRule } from './ownership';

/**
 * What every translator reads: the store (for lookups such as a component's
 * workloads or its project's owner) and the provider's configuration. The
 * translators do no I/O, so the same store contents always give the same
 * entities.
 */
export interface TranslationContext {
  /** The source whose resources become entities; it names the managing location. */
  source: string;
  reader: ChoreoStoreReader;
  owners: OwnerRule[];
}
