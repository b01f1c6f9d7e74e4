export type { ChoreoAuthzResource, AuthzSubject } from './ChoreoAuthzResource';
export { choreoPermissionResourceRef } from './choreoPermissionResourceRef';
export type { ChoreoResourceFilter } from './choreoPermissionResourceRef';
export { choreoPermissionRules } from './choreoPermissionRules';
export {
  choreoConditions,
  createChoreoConditionalDecision,
} from './choreoConditions';
