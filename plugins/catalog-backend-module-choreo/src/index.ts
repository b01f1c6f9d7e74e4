/**
 * The Choreo entity provider for the catalog: OpenChoreo namespaces,
 * projects, components, endpoints, platform resources and component types
 * as Backstage entities.
 *
 * @packageDocumentation
 */

export { catalogModuleChoreo as default } from './module';
export { ChoreoEntityProvider } from './providers/ChoreoEntityProvider';
export type {
  ChoreoEntityProviderOptions,
  FullSyncOutcome,
} from './providers/ChoreoEntityProvider';
