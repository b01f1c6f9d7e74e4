import {
  BackendFeature,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';

// Like the choreo backend's own test utilities (which other packages may not
// import): the real plugin over a git copy of the Acme sample.

export {
  copySampleOrganization,
  eventually,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';

type Decision = Awaited<
  ReturnType<PermissionsService['authorize']>
>[number]['result'];

/** Decides a permission for a user; the test's stand-in for a permission policy. */
export type TestPolicy = (user: string, permission: string) => boolean;

/** The choreo backend plugin's permission decisions, made by `policy`. */
export function choreoPermissions(policy: TestPolicy) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const principal = options?.credentials.principal as {
        userEntityRef?: string;
      };
      const user = principal?.userEntityRef ?? 'service';
      return requests.map(r => ({
        result: (policy(user, r.permission.name)
          ? 'ALLOW'
          : 'DENY') as Decision,
      }));
    },
  });
}

/** The choreo plugin's config for a directory source in GitOps mode. */
export function choreoConfig(
  sourceDir: string,
  extra: Record<string, unknown> = {},
) {
  return {
    choreo: {
      sources: [
        {
          type: 'directory',
          name: 'acme',
          path: sourceDir,
          git: { commit: true },
        },
      ],
      ...extra,
    },
  };
}

/** Starts the real choreo backend over a directory source. */
export async function startChoreoBackend(options: {
  sourceDir: string;
  policy: TestPolicy;
  config?: Record<string, unknown>;
  features?: BackendFeature[];
}) {
  return startTestBackend({
    features: [
      choreoPlugin,
      choreoPermissions(options.policy).factory,
      mockServices.rootConfig.factory({
        data: choreoConfig(options.sourceDir, options.config),
      }),
      ...(options.features ?? []),
    ],
  });
}
