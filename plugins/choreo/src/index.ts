/**
 * Choreo for Backstage, frontend: deploy and builds tabs, overview cards,
 * the cell topology with network flows, the endpoint marketplace and the
 * platform overview. The default export is the plugin for the new frontend
 * system; the named `legacy*`/`EntityChoreo*` exports serve older apps.
 *
 * @packageDocumentation
 */
export { choreoPlugin as default } from './plugin';
export { choreoApiRef, type ChoreoApi } from './api/choreoApi';
export { choreoRefOf, type ChoreoResourceRef } from './hooks/useChoreoRef';
export * from './legacy';
