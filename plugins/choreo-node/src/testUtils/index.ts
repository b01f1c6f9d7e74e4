/**
 * Test helpers shared by the Choreo backend packages
 * (`@choreo-for-backstage/plugin-choreo-node/testUtils`).
 */
export { eventually } from './eventually';
export {
  copySampleOrganization,
  sampleRemoteSource,
} from './sampleOrganizationCopy';
export {
  permissionFramework,
  permissionConfig,
  testPolicyModule,
  allowAllPolicy,
} from './permissionFramework';
export type { TestPolicy } from './permissionFramework';
export { SeededRandom } from './seededRandom';
