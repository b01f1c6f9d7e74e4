import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { authModuleChoreo } from '../module';

function user(
  name: string,
  displayName: string,
  description: string,
  team: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', description },
    spec: { profile: { displayName }, memberOf: [] },
    // what the catalog derives from the groups' members
    relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
  };
}

function group(name: string, displayName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', profile: { displayName }, children: [] },
  };
}

/** Two people of the sample organization and their teams, as the catalog has them. */
export const SAMPLE_CATALOG: Entity[] = [
  user(
    'paula.payments',
    'Paula Payments',
    'Payments developer',
    'payments-team',
  ),
  user(
    'rita.release',
    'Rita Release',
    'Approves promotions into production',
    'release-managers',
  ),
  group('payments-team', 'Payments'),
  group('release-managers', 'Release managers'),
];

/**
 * The real auth backend with this module, real tokens and user info, over a
 * catalog holding SAMPLE_CATALOG, started as if NODE_ENV were `nodeEnv`.
 */
export async function startAuthBackend(options: {
  auth: JsonObject;
  nodeEnv: string;
}) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = options.nodeEnv;
  try {
    return await startTestBackend({
      features: [
        authPlugin,
        authModuleChoreo,
        catalogServiceMock.factory({ entities: SAMPLE_CATALOG }),
        authServiceFactory,
        httpAuthServiceFactory,
        userInfoServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: 'http://localhost:7007',
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            auth: options.auth,
          },
        }),
      ],
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
