import {
  AuthzCondition,
  AuthzEffect,
} from '@choreo-for-backstage/plugin-choreo-common';
import { actionMatch } from './actionMatch';
import { CelActivation, CelExpressionEvaluator } from './celExpression';
import { AuthzConditionRegistry, attributeLeaf } from './conditionRegistry';

/** Request attributes conditions can read, e.g. `{ resource: { environment: 'acme/dev' } }`. */
export interface AuthzRequestContext {
  resource?: Readonly<Record<string, string | undefined>>;
}

/**
 * How a mapping's conditions judged one request:
 * - `none`: the mapping has no conditions
 * - `not-targeted`: no condition entry names this action, so the grant or deny stands
 * - `true` / `false`: at least one targeting entry was true / all were false
 * - `error`: an entry failed to compile or evaluate, or was not a bool
 */
export type ConditionOutcome =
  | 'none'
  | 'not-targeted'
  | 'true'
  | 'false'
  | 'error';

export interface ConditionCheck {
  /** Whether the policy takes part in the decision. */
  holds: boolean;
  outcome: ConditionOutcome;
  /** For `error`: what went wrong, one line per failing entry. */
  errors?: string[];
}

const NONE: ConditionCheck = { holds: true, outcome: 'none' };
const NOT_TARGETED: ConditionCheck = { holds: true, outcome: 'not-targeted' };

/** Evaluates a role mapping's conditions for one request, the way openchoreo-api does. */
export class ConditionChecker {
  constructor(
    private readonly registry: AuthzConditionRegistry,
    private readonly cel: CelExpressionEvaluator = new CelExpressionEvaluator(),
  ) {}

  check(
    conditions: readonly AuthzCondition[],
    action: string,
    context: AuthzRequestContext | undefined,
    effect: AuthzEffect,
  ): ConditionCheck {
    if (conditions.length === 0) {
      return NONE;
    }
    const targeting = conditions.filter(entry =>
      (entry.actions ?? []).some(pattern => actionMatch(action, pattern)),
    );
    if (targeting.length === 0) {
      return NOT_TARGETED;
    }
    const activation = this.activation(action, context);
    let matched = false;
    const errors: string[] = [];
    // Every entry is evaluated: an error anywhere outweighs a sibling's true.
    for (const entry of targeting) {
      const outcome = this.cel.evaluate(entry.expression ?? '', activation);
      if ('error' in outcome) {
        errors.push(`${entry.expression}: ${outcome.error}`);
      } else if (outcome.result) {
        matched = true;
      }
    }
    if (errors.length > 0) {
      // Fail closed: a broken deny still denies, a broken allow grants nothing.
      return { holds: effect !== 'allow', outcome: 'error', errors };
    }
    return matched
      ? { holds: true, outcome: 'true' }
      : { holds: false, outcome: 'false' };
  }

  /**
   * Only the attributes registered for exactly this action are visible, each
   * defaulting to "" when the request lacks it; with none registered there is
   * no `resource` at all, so any reference to it errors.
   */
  private activation(
    action: string,
    context: AuthzRequestContext | undefined,
  ): CelActivation {
    const attributes = this.registry.attributesFor(action);
    if (attributes.length === 0) {
      return undefined;
    }
    const values = context?.resource;
    const resource = new Map<string, string>();
    for (const attribute of attributes) {
      const leaf = attributeLeaf(attribute);
      const value = values && Object.hasOwn(values, leaf) ? values[leaf] : '';
      resource.set(leaf, typeof value === 'string' ? value : '');
    }
    return resource;
  }
}
