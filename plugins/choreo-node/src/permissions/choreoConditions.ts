import { createConditionExports } from '@backstage/plugin-permission-node';
import { choreoPermissionResourceRef } from './choreoPermissionResourceRef';
import { choreoPermissionRules } from './choreoPermissionRules';

/**
 * Conditions for permission policies, e.g. "owners may roll back outside
 * production":
 *
 * ```ts
 * createChoreoConditionalDecision(request.permission, {
 *   allOf: [
 *     choreoConditions.isOwner({ claims: user.info.ownershipEntityRefs }),
 *     { not: choreoConditions.isInProductionEnvironment() },
 *   ],
 * });
 * ```
 */
export const {
  conditions: choreoConditions,
  createConditionalDecision: createChoreoConditionalDecision,
} = createConditionExports({
  resourceRef: choreoPermissionResourceRef,
  rules: choreoPermissionRules,
});
