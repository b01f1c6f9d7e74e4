import { actionMatch } from '../actionMatch';
import { AuthzResourceHierarchy } from '../resourcePath';
import { AuthzEvaluateRequest } from '../types';
import { AuthzObject, UNIVERSE } from './randomAuthzObjects';
import { SeededRandom } from '../../testUtils/seededRandom';
import { byWeight } from './byWeight';

export interface RandomRequestsOptions {
  /** OpenChoreo's action names. */
  actions: readonly string[];
  /** Role names to use as request actions (they are granted by themselves). */
  roleNames: readonly string[];
  /** More entitlement values worth asking about (from sample and bootstrap bindings). */
  extraGroups?: readonly string[];
  extraSubs?: readonly string[];
}

/**
 * Seeded requests: 0–3 entitlement values (repeats and values no binding
 * names included), actions from OpenChoreo's list plus wildcards, role names
 * and unknown ones, hierarchies at every level (and ones nothing covers),
 * and request attributes present, empty or missing.
 */
export function randomAuthzRequests(
  random: SeededRandom,
  count: number,
  options: RandomRequestsOptions,
): AuthzEvaluateRequest[] {
  const groups = [...UNIVERSE.groups, ...(options.extraGroups ?? []), 'nobody'];
  const subs = [...(options.extraSubs ?? []), 'g1', 'some-client'];
  return Array.from({ length: count }, () => {
    const claimKind = byWeight(random, [
      [20, 'groups'],
      [2, 'sub'],
      [1, 'colon'],
    ]);
    const subject =
      claimKind === 'colon'
        ? { type: 'user', claim: 'groups:team', values: ['a'] }
        : {
            type: claimKind === 'sub' ? 'service_account' : 'user',
            claim: claimKind,
            values: random.some(
              claimKind === 'sub' ? subs : groups,
              byWeight(random, [
                [1, 0],
                [5, 1],
                [4, 2],
                [3, 3],
              ]),
            ),
          };
    const action = requestAction(random, options);
    const hierarchy = requestHierarchy(random);
    const id = random.chance(0.3) ? 'id-1' : undefined;
    const context = requestContext(random);
    return {
      subject,
      action,
      resource: {
        type: action.includes(':') ? action.split(':')[0] : 'component',
        ...(id ? { id } : {}),
        ...(hierarchy ? { hierarchy } : {}),
      },
      ...(context ? { context } : {}),
    };
  });
}

function requestAction(
  random: SeededRandom,
  options: RandomRequestsOptions,
): string {
  return byWeight<() => string>(random, [
    [30, () => random.pick(options.actions)],
    [
      14,
      () =>
        random.pick([
          'releasebinding:create',
          'component:create',
          'component:exec',
          'workflowrun:create',
          'resource:update',
          'logs:view',
        ]),
    ],
    [1, () => '*'],
    [2, () => `${random.pick(options.actions).split(':')[0]}:*`],
    [1, () => random.pick(options.roleNames)],
    [1, () => random.pick(['portal:invoke', 'unknown:act', 'viewer'])],
  ])();
}

function requestHierarchy(
  random: SeededRandom,
): AuthzResourceHierarchy | undefined {
  const ns = () =>
    random.chance(0.9) ? random.pick(UNIVERSE.namespaces) : 'zeta';
  const project = () =>
    random.chance(0.9) ? random.pick(UNIVERSE.projects) : 'other';
  return byWeight<() => AuthzResourceHierarchy | undefined>(random, [
    [2, () => undefined],
    [4, () => ({ namespace: ns() })],
    [5, () => ({ namespace: ns(), project: project() })],
    [
      6,
      () => ({
        namespace: ns(),
        project: project(),
        component: random.pick(UNIVERSE.components),
      }),
    ],
    [
      3,
      () => ({
        namespace: ns(),
        project: project(),
        resource: random.pick(UNIVERSE.resources),
      }),
    ],
    [
      1,
      () => ({
        namespace: ns(),
        project: project(),
        component: random.pick(UNIVERSE.components),
        resource: random.pick(UNIVERSE.resources),
      }),
    ],
    // Levels skipped, and a namespace that spells a deeper path.
    [1, () => ({ namespace: ns(), component: 'c1' })],
    [1, () => ({ project: project() })],
    [1, () => ({ namespace: 'acme/project/crm' })],
  ])();
}

function requestContext(random: SeededRandom) {
  if (random.chance(0.2)) return undefined;
  const resource: Record<string, string> = {};
  if (random.chance(0.7))
    resource.environment = random.pick(UNIVERSE.environments);
  if (random.chance(0.5))
    resource.componentType = random.pick(UNIVERSE.componentTypes);
  if (random.chance(0.3))
    resource.resourceType = random.pick(UNIVERSE.resourceTypes);
  if (random.chance(0.3)) resource.workflow = random.pick(UNIVERSE.workflows);
  return { resource };
}

/**
 * Requests aimed at bindings with conditions: the binding's own subject, a
 * path inside its scope and an action its conditions name, so that the
 * conditions (not the scope or the role) decide.
 */
export function conditionTargetedRequests(
  random: SeededRandom,
  count: number,
  objects: readonly AuthzObject[],
  actions: readonly string[],
): AuthzEvaluateRequest[] {
  const targets = objects.flatMap(object => {
    if (
      object.kind !== 'AuthzRoleBinding' &&
      object.kind !== 'ClusterAuthzRoleBinding'
    ) {
      return [];
    }
    return object.spec.roleMappings
      .filter(mapping => (mapping.conditions ?? []).length > 0)
      .map(mapping => ({ object, mapping }));
  });
  if (targets.length === 0) return [];
  return Array.from({ length: count }, () => {
    const { object, mapping } = random.pick(targets);
    const scope: AuthzResourceHierarchy = {
      ...(object.metadata.namespace
        ? { namespace: object.metadata.namespace }
        : {}),
      ...mapping.scope,
    };
    const hierarchy = deepen(random, scope);
    const pattern = random.pick(random.pick(mapping.conditions ?? []).actions);
    const concrete = actions.filter(a => actionMatch(a, pattern));
    const action =
      concrete.length > 0 && random.chance(0.9)
        ? random.pick(concrete)
        : pattern;
    const { entitlement } = object.spec;
    return {
      subject: {
        type: 'user',
        claim: entitlement.claim,
        values: random.chance(0.7)
          ? [entitlement.value]
          : [random.pick(UNIVERSE.groups), entitlement.value],
      },
      action,
      resource: {
        type: action.split(':')[0] || 'component',
        ...(Object.keys(hierarchy).length > 0 ? { hierarchy } : {}),
      },
      context: requestContext(random) ?? { resource: {} },
    };
  });
}

/** The scope itself or a level below it. */
function deepen(
  random: SeededRandom,
  scope: AuthzResourceHierarchy,
): AuthzResourceHierarchy {
  if (!random.chance(0.5)) return scope;
  if (!scope.namespace) return { namespace: random.pick(UNIVERSE.namespaces) };
  if (!scope.project)
    return { ...scope, project: random.pick(UNIVERSE.projects) };
  if (!scope.component && !scope.resource) {
    return { ...scope, component: random.pick(UNIVERSE.components) };
  }
  return scope;
}
