import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  TestPolicy,
  allowAllPolicy,
  permissionConfig,
  permissionFramework,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { choreoPlugin } from '../plugin';
import { copySampleOrganization } from './sampleOrganization';

/**
 * Starts the choreo backend over a directory source and the given database,
 * with Backstage's real permission framework deciding with `policy` (see
 * permissionFramework): the decisions a test sees are the ones production
 * would make, conditional decisions and service principals included.
 */
export async function startChoreoBackend(options: {
  sourceDir: string;
  knex?: Knex;
  policy?: TestPolicy;
  /** Group refs of each user, for policies that look at ownership. */
  groups?: Record<string, string[]>;
  config?: Record<string, unknown>;
  features?: BackendFeature[];
}) {
  return startTestBackend({
    features: [
      choreoPlugin,
      ...permissionFramework({
        policy: options.policy ?? allowAllPolicy,
        groups: options.groups,
      }),
      mockServices.rootConfig.factory({
        data: {
          ...permissionConfig,
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

/** The choreo backend whose only source is a cluster (a kube-testenv's kubeconfig). */
export function startChoreoBackendOnCluster(
  cluster: { dir: string; kubeconfigPath: string },
  options: Omit<ChoreoBackendOptions, 'sourceDir' | 'config'> = {},
) {
  return startChoreoBackend({
    ...options,
    // unused: the only source is the cluster
    sourceDir: cluster.dir,
    config: {
      sources: [
        {
          type: 'kubernetes',
          name: 'cluster',
          kubeconfig: cluster.kubeconfigPath,
        },
      ],
    },
  });
}

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
