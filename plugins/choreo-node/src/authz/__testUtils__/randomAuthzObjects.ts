import {
  AuthzClusterTargetScope,
  AuthzCondition,
  AuthzRole,
  AuthzRoleBinding,
  AuthzRoleMapping,
  AuthzTargetScope,
  CHOREO_API_VERSION,
  ClusterAuthzRole,
  ClusterAuthzRoleBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import { SeededRandom } from '../../testUtils/seededRandom';
import { byWeight } from './byWeight';

export type AuthzObject =
  | AuthzRole
  | ClusterAuthzRole
  | AuthzRoleBinding
  | ClusterAuthzRoleBinding;

/** The names random objects and requests share, so that requests hit bindings. */
export const UNIVERSE = {
  namespaces: ['acme', 'globex', 'acme-org'],
  projects: ['crm', 'prod', 'shop'],
  components: ['c1', 'api'],
  resources: ['db', 'cache'],
  groups: ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'],
  clusterRoles: ['rc0', 'rc1', 'rc2', 'rc3', 'rc4', 'rc5', 'rc6', 'rc7', 'ops'],
  // Some namespaced role names repeat cluster role names on purpose.
  namespacedRoles: ['rn0', 'rn1', 'rn2', 'rc1', 'rc7'],
  environments: ['acme/dev', 'acme/prod', 'globex/dev', 'dev', ''],
  componentTypes: ['web', 'worker-svc', 'deployment/service', ''],
  resourceTypes: ['postgres', 'redis', ''],
  workflows: ['docker-build', 'buildpacks', ''],
};

/**
 * Condition expressions that are true, false or erroring depending on the
 * action and the request's attributes: plain comparisons, list membership,
 * string functions, has(), absorption of errors by `||`, compile errors,
 * non-bool results and functions cel-go lacks.
 */
export const EXPRESSIONS = [
  'resource.environment == "acme/dev"',
  'resource.environment in ["acme/dev", "globex/dev"]',
  '!(resource.environment in ["acme/prod"])',
  'resource.environment.startsWith("acme/")',
  'resource.environment.matches("^[a-z]+/dev$")',
  'resource.environment == ""',
  'has(resource.environment)',
  'resource.componentType == "web"',
  'resource.componentType.endsWith("-svc")',
  'resource.componentType.contains("/")',
  'resource.resourceType in ["postgres"]',
  'resource.workflow.contains("docker")',
  'true || resource.workflow == "x"',
  'false || resource.environment == "acme/dev"',
  'resource.environment == "acme/dev" && resource.componentType == "web"',
  'size(resource) == 1',
  'true',
  'false',
  'resource.environment',
  'resource.environment ==',
  'team == "a"',
  'resource.environment.lowerAscii() == "acme/dev"',
  '1 == "a"',
  'resource.environment == 1',
  '"environment" in resource',
  'resource.environment in ["acme/dev", 1]',
  'resource.environment.size() > 4',
  'resource.environment.matches("[")',
];

const OPS_ACTIONS = [
  'releasebinding:*',
  'component:*',
  'workflowrun:create',
  'resource:*',
  'logs:view',
  'project:view',
];

/** Action patterns conditions name: conditional, not conditional, and wildcards. */
const CONDITION_ACTIONS = [
  'releasebinding:create',
  'releasebinding:view',
  'releasebinding:*',
  'component:create',
  'component:*',
  'component:view',
  'component:exec',
  'resource:update',
  'workflowrun:create',
  'logs:view',
  'project:view',
  '*',
];

export interface RandomObjectsOptions {
  /** OpenChoreo's action names (from GET /api/v1/authz/actions). */
  actions: readonly string[];
}

/**
 * A seeded set of roles and bindings exercising every feature the CRDs let
 * through: wildcards and inheritance in roles, namespaced and cluster
 * bindings at every scope, deny and allow, conditions, missing roles.
 */
export function randomAuthzObjects(
  random: SeededRandom,
  options: RandomObjectsOptions,
): AuthzObject[] {
  const objects: AuthzObject[] = [];
  const prefixes = [
    ...new Set(options.actions.map(a => a.slice(0, a.lastIndexOf(':')))),
  ];
  const roleActions = (own: string, peers: readonly string[]) => {
    const actions = random.some(options.actions, random.int(1, 6));
    if (random.chance(0.4)) actions.push(`${random.pick(prefixes)}:*`);
    if (random.chance(0.05)) actions.push('*');
    // A peer role's name as an action: inheritance (sometimes a chain).
    if (random.chance(0.3)) {
      actions.push(random.pick(peers.filter(p => p !== own)));
    }
    if (random.chance(0.05)) actions.push('portal:invoke');
    return actions;
  };

  // A broad role over the conditional actions, so that conditions decide often.
  objects.push({
    apiVersion: CHOREO_API_VERSION,
    kind: 'ClusterAuthzRole',
    metadata: { name: 'ops' },
    spec: { actions: OPS_ACTIONS },
  });
  for (const name of UNIVERSE.clusterRoles.filter(n => n !== 'ops')) {
    objects.push({
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRole',
      metadata: { name },
      spec: { actions: roleActions(name, UNIVERSE.clusterRoles) },
    });
  }
  for (const namespace of UNIVERSE.namespaces) {
    for (const name of UNIVERSE.namespacedRoles) {
      if (random.chance(0.6)) {
        objects.push({
          apiVersion: CHOREO_API_VERSION,
          kind: 'AuthzRole',
          metadata: { name, namespace },
          spec: { actions: roleActions(name, UNIVERSE.namespacedRoles) },
        });
      }
    }
  }

  for (let i = 0; i < 16; i++) {
    objects.push({
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterAuthzRoleBinding',
      metadata: { name: `rcb${i}` },
      spec: {
        ...bindingHead(random),
        roleMappings: Array.from({ length: random.int(1, 3) }, () => {
          const conditions = withConditions(random);
          let name = random.pick(UNIVERSE.clusterRoles);
          if (conditions.conditions && random.chance(0.5)) name = 'ops';
          if (random.chance(0.08)) name = 'missing-role';
          return {
            roleRef: { kind: 'ClusterAuthzRole' as const, name },
            ...withScope(clusterScope(random)),
            ...conditions,
          };
        }),
      },
    });
  }
  for (let i = 0; i < 18; i++) {
    const namespace = random.pick(UNIVERSE.namespaces);
    objects.push({
      apiVersion: CHOREO_API_VERSION,
      kind: 'AuthzRoleBinding',
      metadata: { name: `rnb${i}`, namespace },
      spec: {
        ...bindingHead(random),
        roleMappings: Array.from(
          { length: random.int(1, 3) },
          (): AuthzRoleMapping => {
            const conditions = withConditions(random);
            const roleRef: AuthzRoleMapping['roleRef'] =
              conditions.conditions && random.chance(0.5)
                ? { kind: 'ClusterAuthzRole', name: 'ops' }
                : random.pick([
                    {
                      kind: 'AuthzRole',
                      name: random.pick(UNIVERSE.namespacedRoles),
                    },
                    {
                      kind: 'ClusterAuthzRole',
                      name: random.pick(UNIVERSE.clusterRoles),
                    },
                  ] as const);
            return {
              roleRef,
              ...withScope(namespacedScope(random)),
              ...conditions,
            };
          },
        ),
      },
    });
  }
  return objects;
}

function bindingHead(random: SeededRandom) {
  const claim = byWeight<string>(random, [
    [12, 'groups'],
    [1, 'sub'],
  ]);
  // A value with a colon: the subject `groups:team:a` also matches claim
  // `groups:team` with value `a`.
  const value = random.chance(0.04) ? 'team:a' : random.pick(UNIVERSE.groups);
  // Explicit deny, explicit allow, or no effect (the CRD default, allow).
  const effect = byWeight<'allow' | 'deny' | undefined>(random, [
    [6, 'deny'],
    [7, 'allow'],
    [7, undefined],
  ]);
  return {
    entitlement: { claim, value },
    ...(effect ? { effect } : {}),
  };
}

function withScope<S>(scope: S | undefined): { scope?: S } {
  return scope ? { scope } : {};
}

function clusterScope(
  random: SeededRandom,
): AuthzClusterTargetScope | undefined {
  const depth = byWeight(random, [
    [4, 0],
    [3, 1],
    [2, 2],
    [2, 3],
  ]);
  if (depth === 0) return undefined;
  const scope: AuthzClusterTargetScope = {
    namespace: random.pick(UNIVERSE.namespaces),
  };
  if (depth >= 2) scope.project = random.pick(UNIVERSE.projects);
  if (depth >= 3) {
    if (random.chance(0.6)) scope.component = random.pick(UNIVERSE.components);
    else scope.resource = random.pick(UNIVERSE.resources);
  }
  return scope;
}

function namespacedScope(random: SeededRandom): AuthzTargetScope | undefined {
  const depth = byWeight(random, [
    [4, 0],
    [3, 1],
    [2, 2],
  ]);
  if (depth === 0) return undefined;
  const scope: AuthzTargetScope = { project: random.pick(UNIVERSE.projects) };
  if (depth === 2) {
    if (random.chance(0.6)) scope.component = random.pick(UNIVERSE.components);
    else scope.resource = random.pick(UNIVERSE.resources);
  }
  return scope;
}

function withConditions(random: SeededRandom): {
  conditions?: AuthzCondition[];
} {
  if (!random.chance(0.45)) return {};
  return {
    conditions: Array.from({ length: random.int(1, 2) }, () => ({
      actions: [...new Set(random.some(CONDITION_ACTIONS, random.int(1, 2)))],
      expression: random.pick(EXPRESSIONS),
    })),
  };
}
