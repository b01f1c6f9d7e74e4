import { compileAuthzPolicies } from '../authzPolicies';
import { ConditionChecker } from '../celConditions';
import { AuthzConditionRegistry } from '../conditionRegistry';
import { AuthzEngine } from '../decide';
import { AuthzObject } from './randomAuthzObjects';

/** An engine over plain objects, without a store. */
export function engineFor(
  objects: readonly AuthzObject[],
  registry: AuthzConditionRegistry = AuthzConditionRegistry.openchoreo(),
): AuthzEngine {
  const of = <K extends AuthzObject['kind']>(kind: K) =>
    objects.filter(
      (o): o is Extract<AuthzObject, { kind: K }> => o.kind === kind,
    );
  return {
    policies: compileAuthzPolicies({
      roles: of('AuthzRole'),
      clusterRoles: of('ClusterAuthzRole'),
      bindings: of('AuthzRoleBinding'),
      clusterBindings: of('ClusterAuthzRoleBinding'),
    }),
    conditions: new ConditionChecker(registry),
  };
}
