import { InputError } from '@backstage/errors';
import { AuthzSubjectError } from './authzErrors';
import { AuthzPolicy, CompiledAuthzPolicies } from './authzPolicies';
import { ConditionCheck, ConditionChecker } from './celConditions';
import { resourcePath, resourcePathCovers } from './resourcePath';
import {
  AuthzDecision,
  AuthzEvaluateRequest,
  AuthzSubjectContext,
} from './types';

/** Compiled policies plus the condition evaluator: all a decision reads. */
export interface AuthzEngine {
  policies: CompiledAuthzPolicies;
  conditions: ConditionChecker;
}

export const NO_MATCH_REASON = 'no matching policies found';

/**
 * Decides a batch like openchoreo-api's POST /api/v1/authz/evaluates: the
 * whole batch is rejected with an InputError (400) when it is empty or an
 * item lacks a resource type or action, and with an
 * AuthzSubjectError (500) when an evaluated entitlement is empty.
 */
export function evaluateAuthzBatch(
  engine: AuthzEngine,
  requests: readonly AuthzEvaluateRequest[],
): AuthzDecision[] {
  validateAuthzBatch(requests);
  return requests.map(request => evaluateValidated(engine, request));
}

/** One request, with the same errors as a batch of one. */
export function evaluateAuthzRequest(
  engine: AuthzEngine,
  request: AuthzEvaluateRequest,
): AuthzDecision {
  return evaluateAuthzBatch(engine, [request])[0];
}

export function validateAuthzBatch(
  requests: readonly AuthzEvaluateRequest[],
): void {
  if (requests.length === 0) {
    throw new InputError(
      'invalid request: batch evaluate request contains no requests',
    );
  }
  requests.forEach((request, index) => {
    if (!request.resource?.type) {
      throw new InputError(
        `invalid request: resource type is required at index ${index}`,
      );
    }
    if (!request.action) {
      throw new InputError(
        `invalid request: action is required at index ${index}`,
      );
    }
  });
}

/**
 * Each entitlement value is enforced on its own, in order: a deny cancels
 * allows of the same value only, and the first value that is allowed wins.
 */
function evaluateValidated(
  engine: AuthzEngine,
  request: AuthzEvaluateRequest,
): AuthzDecision {
  const path = resourcePath(request.resource.hierarchy);
  // openchoreo-api falls back to an empty subject, which nothing allows.
  const subject: Partial<AuthzSubjectContext> = request.subject ?? {};
  const { claim = '', values = [] } = subject;
  for (const value of values) {
    const policies = policiesOf(engine, claim, value);
    if (enforce(engine, policies, path, request)) {
      return { decision: true, reason: grantedReason(request, value, path) };
    }
  }
  return { decision: false, reason: NO_MATCH_REASON };
}

/** The policies of `claim:value`, failing like OpenChoreo when either is empty. */
export function policiesOf(
  engine: AuthzEngine,
  claim: string,
  value: string,
): readonly AuthzPolicy[] {
  if (claim === '' || value === '') {
    throw new AuthzSubjectError(
      'failed to format subject: claim and value cannot be empty',
    );
  }
  return engine.policies.bySubject.get(`${claim}:${value}`) ?? [];
}

/** Some policy allows and none denies. */
function enforce(
  engine: AuthzEngine,
  policies: readonly AuthzPolicy[],
  path: string,
  request: AuthzEvaluateRequest,
): boolean {
  let allowed = false;
  for (const policy of policies) {
    if (policy.effect === 'allow' && allowed) {
      continue;
    }
    if (matchPolicy(engine, policy, path, request)?.holds) {
      if (policy.effect === 'deny') {
        return false;
      }
      allowed = true;
    }
  }
  return allowed;
}

/**
 * Whether a policy of the subject covers the request's path and action;
 * undefined when it does not, else how its conditions judged the request.
 */
export function matchPolicy(
  engine: AuthzEngine,
  policy: AuthzPolicy,
  path: string,
  request: AuthzEvaluateRequest,
): ConditionCheck | undefined {
  if (
    !resourcePathCovers(path, policy.path) ||
    !engine.policies.roles.grants(
      policy.role,
      request.action,
      policy.roleDomain,
    )
  ) {
    return undefined;
  }
  return engine.conditions.check(
    policy.conditions,
    request.action,
    request.context,
    policy.effect,
  );
}

function grantedReason(
  request: AuthzEvaluateRequest,
  value: string,
  path: string,
): string {
  const id = request.resource.id;
  const where = `hierarchy '${path}'${id ? ` (id: ${id})` : ''}`;
  return `Access granted: entitlement value '${value}' authorized to perform '${request.action}' on ${where}`;
}
