import { AUTHZ_KINDS } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader, StoreChangeEvent } from '../store/types';
import { CompiledAuthzPolicies, compileAuthzPolicies } from './authzPolicies';
import { ConditionChecker } from './celConditions';
import { CelExpressionEvaluator } from './celExpression';
import { AuthzConditionRegistry } from './conditionRegistry';
import {
  AuthzEngine,
  evaluateAuthzBatch,
  evaluateAuthzRequest,
} from './decide';
import { AuthzExplanation, explainAuthzRequest } from './explainDecision';
import { AuthzDecision, AuthzEvaluateRequest } from './types';

export interface AuthzDeciderOptions {
  /** Which attributes conditions may read per action (default: OpenChoreo's table). */
  conditionRegistry?: AuthzConditionRegistry;
}

/**
 * Decides access as openchoreo-api v1.2.3 does, in process, from the
 * AuthzRoles, ClusterAuthzRoles and their bindings in the store. Policies are
 * compiled on first use after a change of any of those kinds, so a page's
 * thousands of checks share one compilation; compiled CEL programs survive
 * recompilation.
 */
export class AuthzDecider {
  private readonly conditions: ConditionChecker;
  private readonly unsubscribe: () => void;
  private compiled: CompiledAuthzPolicies | undefined;

  constructor(
    private readonly store: ChoreoStoreReader,
    options: AuthzDeciderOptions = {},
  ) {
    this.conditions = new ConditionChecker(
      options.conditionRegistry ?? AuthzConditionRegistry.openchoreo(),
      new CelExpressionEvaluator(),
    );
    this.unsubscribe = store.subscribe(event => this.onStoreChange(event));
  }

  /** One decision; throws InputError (400) or AuthzSubjectError (500) like openchoreo-api. */
  evaluate(request: AuthzEvaluateRequest): AuthzDecision {
    return evaluateAuthzRequest(this.engine(), request);
  }

  /** Decisions in request order; one invalid item fails the whole batch. */
  evaluateBatch(requests: readonly AuthzEvaluateRequest[]): AuthzDecision[] {
    return evaluateAuthzBatch(this.engine(), requests);
  }

  /** The decision and which bindings and roles made it. */
  explain(request: AuthzEvaluateRequest): AuthzExplanation {
    return explainAuthzRequest(this.engine(), request);
  }

  /** The compiled policies, including the objects that were skipped and why. */
  policies(): CompiledAuthzPolicies {
    return this.engine().policies;
  }

  /** Stops following the store. */
  close(): void {
    this.unsubscribe();
  }

  private engine(): AuthzEngine {
    if (!this.compiled) {
      this.compiled = compileAuthzPolicies({
        roles: this.store.list('AuthzRole'),
        clusterRoles: this.store.list('ClusterAuthzRole'),
        bindings: this.store.list('AuthzRoleBinding'),
        clusterBindings: this.store.list('ClusterAuthzRoleBinding'),
      });
    }
    return { policies: this.compiled, conditions: this.conditions };
  }

  private onStoreChange(event: StoreChangeEvent): void {
    if (event.changes.some(change => AUTHZ_KINDS.has(change.resource.kind))) {
      this.compiled = undefined;
    }
  }
}
