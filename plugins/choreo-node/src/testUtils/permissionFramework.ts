import {
  AuthService,
  BackendFeature,
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
// test utilities: used by tests only, which have these as devDependencies
// eslint-disable-next-line @backstage/no-undeclared-imports
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-undeclared-imports
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** A permission policy for a test: Backstage's own interface, decided by Backstage's own framework. */
export type TestPolicy = (
  request: PolicyQuery,
  user?: PolicyQueryUser,
) => PolicyDecision | Promise<PolicyDecision>;

export const allowAllPolicy: TestPolicy = () => ({
  result: AuthorizeResult.ALLOW,
});

/** Installs `policy` as the permission backend's policy. */
export function testPolicyModule(policy: TestPolicy | PermissionPolicy) {
  const handler: PermissionPolicy =
    typeof policy === 'function'
      ? { handle: async (request, user) => policy(request, user) }
      : policy;
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'test-policy',
    register(reg) {
      reg.registerInit({
        deps: { policies: policyExtensionPoint },
        async init({ policies }) {
          policies.setPolicy(handler);
        },
      });
    },
  });
}

/**
 * The mock auth service, except that on-behalf-of tokens carry the calling
 * plugin as their actor, as the real auth service's do: the permission
 * backend's call back into a plugin (to apply a conditional decision) is
 * refused without one.
 */
const actorAwareAuth = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => inner.authenticate(token, options),
      isPrincipal: inner.isPrincipal.bind(inner) as AuthService['isPrincipal'],
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const principal = options.onBehalfOf.principal as { type: string };
        if (principal.type !== 'user')
          return inner.getPluginRequestToken(options);
        return {
          token: mockCredentials.user.token(
            (principal as BackstageUserPrincipal).userEntityRef,
            { actor: { subject: `plugin:${plugin.getId()}` } },
          ),
        };
      },
    };
  },
});

/** Each user's ownership refs: themselves plus the groups given for them. */
function userInfoWith(groups: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const ref = (credentials.principal as BackstageUserPrincipal)
          .userEntityRef;
        return {
          userEntityRef: ref,
          ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
        };
      },
    }),
  });
}

/**
 * Backstage's real permission framework for a test backend: the permission
 * backend with `policy`, users in `groups`, and `permission.enabled` set
 * (add it to the test's config: `permissionConfig`). Decisions go through
 * the same code as in production, including ALLOW for service principals
 * without asking the policy.
 */
export function permissionFramework(options: {
  /** Omit it to install a policy module of your own among the features. */
  policy?: TestPolicy | PermissionPolicy;
  groups?: Record<string, string[]>;
}): BackendFeature[] {
  return [
    permissionPlugin,
    ...(options.policy ? [testPolicyModule(options.policy)] : []),
    actorAwareAuth,
    userInfoWith(options.groups ?? {}),
  ];
}

/** The config that turns the permission framework on. */
export const permissionConfig = { permission: { enabled: true } };
