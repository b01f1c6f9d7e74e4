/**
 * Benchmarks of Choreo for Backstage and the synthetic data they share.
 *
 * @packageDocumentation
 */
export { syntheticOrganization } from './syntheticOrganization';
export type {
  SyntheticOrganization,
  SyntheticOrganizationOptions,
} from './syntheticOrganization';
export {
  SYNTHETIC_COMPONENT_TYPES,
  SYNTHETIC_ENVIRONMENTS,
  syntheticPlatform,
} from './syntheticPlatform';
export type { SyntheticComponentType } from './syntheticPlatform';
export { SeededRandom } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
