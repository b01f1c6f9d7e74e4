/**
 * A Backstage permission policy that decides with OpenChoreo's own roles
 * and bindings, as openchoreo-api does.
 *
 * @packageDocumentation
 */
export { permissionModuleChoreoPolicy as default } from './module';
export { OpenChoreoRolesPolicy } from './OpenChoreoRolesPolicy';
export type { OpenChoreoRolesPolicyOptions } from './OpenChoreoRolesPolicy';
export { CatalogReadConditions } from './catalogReadConditions';
