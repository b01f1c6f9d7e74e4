import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { choreoPlugin } from '../plugin';
import { copySampleOrganization } from './sampleOrganization';

/**
 * Decides a permission for a user (on `resourceRef`, the entity ref, for
 * permissions on one entity); the test's stand-in for a permission policy.
 */
export type TestPolicy = (
  user: string,
  permission: string,
  resourceRef?: string,
) => boolean;

export const allowAll: TestPolicy = () => true;

/** Starts the choreo backend over a directory source and the given database. */
export async function startChoreoBackend(options: {
  sourceDir: string;
  knex?: Knex;
  policy?: TestPolicy;
  config?: Record<string, unknown>;
  features?: BackendFeature[];
}) {
  const policy = options.policy ?? allowAll;
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) => {
      const principal = credentials.principal as { userEntityRef?: string };
      const user = principal.userEntityRef ?? 'service';
      return requests.map(r => ({
        result: policy(user, r.permission.name, r.resourceRef)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  });
  return startTestBackend({
    features: [
      choreoPlugin,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          choreo: {
            sources: [
              {
                type: 'directory',
                name: 'acme',
                path: options.sourceDir,
                git: { commit: true },
              },
            ],
            ...options.config,
          },
        },
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.features ?? []),
    ],
  });
}

type ChoreoBackendOptions = Parameters<typeof startChoreoBackend>[0];

/**
 * For the enclosing describe block: a choreo backend over a fresh copy of
 * the sample organization, started before its tests, stopped and the copy
 * removed after them. `options` may depend on where the copy is.
 */
export function sampleBackendForDescribe(
  options: (
    sampleDir: string,
  ) => Omit<ChoreoBackendOptions, 'sourceDir'> = () => ({}),
) {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>> | undefined;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>> | undefined;
  beforeAll(async () => {
    sample = await copySampleOrganization();
    backend = await startChoreoBackend({
      ...options(sample.dir),
      sourceDir: sample.dir,
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await sample?.cleanup();
  });
  return {
    get server() {
      return backend!.server;
    },
    get sampleDir() {
      return sample!.dir;
    },
  };
}

/**
 * SQLite always; PostgreSQL 16 too when BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING
 * points at a server (there is no docker here to start one).
 */
export const TEST_DATABASE_IDS: TestDatabaseId[] = [
  'SQLITE_3',
  ...(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING
    ? (['POSTGRES_16'] as const)
    : []),
];
