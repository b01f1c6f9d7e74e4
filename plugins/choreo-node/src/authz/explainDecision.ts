import { AuthzBindingRef } from './authzPolicies';
import { ConditionOutcome } from './celConditions';
import {
  AuthzEngine,
  evaluateAuthzRequest,
  matchPolicy,
  policiesOf,
} from './decide';
import { resourcePath } from './resourcePath';
import { AuthzDecision, AuthzEvaluateRequest } from './types';

/** A policy whose subject, scope and role cover the request. */
export interface AuthzPolicyMatch {
  binding: AuthzBindingRef;
  role: string;
  /** `*` for a ClusterAuthzRole, else the namespace of the AuthzRole. */
  roleDomain: string;
  effect: 'allow' | 'deny';
  /** The binding's scope as a path. */
  path: string;
  conditions: ConditionOutcome;
  conditionErrors?: string[];
  /** False when its conditions kept it out of the decision. */
  counts: boolean;
}

/** What one entitlement value contributed. */
export interface AuthzValueExplanation {
  value: string;
  /** `allow`: some policy allows and none denies; `deny`: a policy denies. */
  outcome: 'allow' | 'deny' | 'none';
  matches: AuthzPolicyMatch[];
}

export interface AuthzExplanation {
  decision: AuthzDecision;
  /** The request's hierarchy as a path. */
  path: string;
  /** In order, up to the value that was allowed (later ones are not looked at). */
  values: AuthzValueExplanation[];
}

/**
 * Decides a request and says why: per entitlement value, every binding and
 * role that covers the request, whether it allows or denies, and what its
 * conditions made of it. Throws the errors a decision throws.
 */
export function explainAuthzRequest(
  engine: AuthzEngine,
  request: AuthzEvaluateRequest,
): AuthzExplanation {
  const decision = evaluateAuthzRequest(engine, request);
  const path = resourcePath(request.resource.hierarchy);
  const values: AuthzValueExplanation[] = [];
  const claim = request.subject?.claim ?? '';
  for (const value of request.subject?.values ?? []) {
    const matches: AuthzPolicyMatch[] = [];
    for (const policy of policiesOf(engine, claim, value)) {
      const check = matchPolicy(engine, policy, path, request);
      if (check) {
        matches.push({
          binding: policy.binding,
          role: policy.role,
          roleDomain: policy.roleDomain,
          effect: policy.effect,
          path: policy.path,
          conditions: check.outcome,
          ...(check.errors ? { conditionErrors: check.errors } : {}),
          counts: check.holds,
        });
      }
    }
    const counting = matches.filter(m => m.counts);
    let outcome: AuthzValueExplanation['outcome'] = 'none';
    if (counting.some(m => m.effect === 'deny')) {
      outcome = 'deny';
    } else if (counting.length > 0) {
      outcome = 'allow';
    }
    values.push({ value, outcome, matches });
    if (outcome === 'allow') {
      break;
    }
  }
  return { decision, path, values };
}
