import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';
import {
  TestPolicy,
  permissionConfig,
  permissionFramework,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';

// Like the choreo backend's own test utilities (which other packages may not
// import): the real plugin over a git copy of the Acme sample.

export {
  copySampleOrganization,
  eventually,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';

/** Each listed user may do what `grants(permission name)` says, others what `others` says. */
export function grantsPolicy(
  grants: Record<string, (permission: string) => boolean>,
  others: (permission: string) => boolean,
): TestPolicy {
  return (request, user) => {
    const allow = user ? grants[user.info.userEntityRef] ?? others : others;
    return {
      result: allow(request.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  };
}

/** The choreo plugin's config for a directory source in GitOps mode. */
export function choreoConfig(
  sourceDir: string,
  extra: Record<string, unknown> = {},
) {
  return {
    ...permissionConfig,
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

/** Starts the real choreo backend over a directory source, with Backstage's real permission framework. */
export async function startChoreoBackend(options: {
  sourceDir: string;
  policy: TestPolicy;
  config?: Record<string, unknown>;
  features?: BackendFeature[];
}) {
  return startTestBackend({
    features: [
      choreoPlugin,
      ...permissionFramework({ policy: options.policy }),
      mockServices.rootConfig.factory({
        data: choreoConfig(options.sourceDir, options.config),
      }),
      ...(options.features ?? []),
    ],
  });
}
