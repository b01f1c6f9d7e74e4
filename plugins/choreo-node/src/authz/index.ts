export { AuthzDecider } from './AuthzDecider';
export type { AuthzDeciderOptions } from './AuthzDecider';
export { compileAuthzPolicies } from './authzPolicies';
export type {
  AuthzBindingRef,
  AuthzObjects,
  AuthzPolicy,
  CompiledAuthzPolicies,
  SkippedAuthzObject,
} from './authzPolicies';
export { AuthzSubjectError, authzErrorStatus } from './authzErrors';
export { actionMatch } from './actionMatch';
export {
  AuthzConditionRegistry,
  OPENCHOREO_CONDITION_ATTRIBUTES,
} from './conditionRegistry';
export type { AuthzConditionAttribute } from './conditionRegistry';
export { ConditionChecker } from './celConditions';
export type {
  AuthzRequestContext,
  ConditionCheck,
  ConditionOutcome,
} from './celConditions';
export { CelExpressionEvaluator } from './celExpression';
export type { CelActivation, CelOutcome } from './celExpression';
export {
  NO_MATCH_REASON,
  evaluateAuthzBatch,
  evaluateAuthzRequest,
} from './decide';
export type { AuthzEngine } from './decide';
export { explainAuthzRequest } from './explainDecision';
export type {
  AuthzExplanation,
  AuthzPolicyMatch,
  AuthzValueExplanation,
} from './explainDecision';
export { CLUSTER_PATH, resourcePath, resourcePathCovers } from './resourcePath';
export type { AuthzResourceHierarchy } from './resourcePath';
export { RoleGraph, CLUSTER_ROLE_DOMAIN } from './roleGraph';
export type {
  AuthzDecision,
  AuthzEvaluateRequest,
  AuthzSubjectContext,
} from './types';
export { portalAuthzDecider } from './portalAuthzDecider';
