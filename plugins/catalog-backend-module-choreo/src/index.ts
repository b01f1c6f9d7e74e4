/***/
/**
 * The choreo backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleChoreo as default } from './module';
