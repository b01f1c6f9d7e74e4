/**
 * The backend process of `yarn bench:api` (forked by apiBench.ts, so the
 * load tool can be pinned to another core): the real backend from
 * @backstage/backend-defaults with real auth, httpAuth and permissions
 * services, the auth plugin with the guest provider that issues the user
 * token, the permission plugin with the Choreo policy a deployment installs
 * (OpenChoreo's roles decide; a ClusterAuthzRoleBinding in the store grants
 * the signed-in person's group everything), the choreo plugin over a store
 * filled with one synthetic project, and the bench-only reference plugin
 * whose authenticated no-op route is the floor (referencePlugin.ts).
 *
 * IPC: sends `{ type: 'ready', ... }` once serving; stops on `{ type: 'stop' }`.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { benchAccessResources } from './benchAccess';
import { benchStoreServiceFactory, filledStore } from './benchStore';
import { benchReferencePlugin } from './referencePlugin';
import { stderrLogger } from './stderrLogger';
import { syntheticOrganization } from './syntheticOrganization';

/** The permission policy the backend runs: `choreo` as deployed, or Backstage's allow-all to see what the policy costs. */
export type ApiBenchPolicy = 'choreo' | 'allow-all';

export interface ApiBenchServerOptions {
  port: number;
  components: number;
  policy: ApiBenchPolicy;
  /** choreo.permissions.readDecisionTtl; the plugin's default when left out. */
  readDecisionTtlSeconds?: number;
}

/** The person the guest provider signs in, and the group the policy sees. */
export const BENCH_USER = 'user:default/bench-engineer';
const BENCH_GROUP = 'bench-platform';

export interface ApiBenchServerReady {
  type: 'ready';
  namespace: string;
  project: string;
  components: string[];
}

async function start(options: ApiBenchServerOptions) {
  // one project holding every component: the largest cell the topology route serves
  const organization = syntheticOrganization({
    projects: 1,
    components: options.components,
    deployedStatus: true,
  });
  const { store } = filledStore([
    ...organization.resources,
    ...benchAccessResources(BENCH_GROUP),
  ]);
  const baseUrl = `http://127.0.0.1:${options.port}`;

  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        app: { baseUrl: 'http://127.0.0.1:3000' },
        backend: {
          baseUrl,
          listen: { host: '127.0.0.1', port: options.port },
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        auth: {
          providers: {
            guest: {
              dangerouslyAllowOutsideDevelopment: true,
              // no catalog here: the token carries these refs, as an
              // OpenID Connect sign-in carries the IdP's groups
              userEntityRef: BENCH_USER,
              ownershipEntityRefs: [BENCH_USER, `group:default/${BENCH_GROUP}`],
            },
          },
        },
        permission: { enabled: true },
        ...(options.readDecisionTtlSeconds === undefined
          ? {}
          : {
              choreo: {
                permissions: {
                  readDecisionTtl: { seconds: options.readDecisionTtlSeconds },
                },
              },
            }),
      },
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => stderrLogger('warn'),
    }),
  );
  backend.add(
    benchStoreServiceFactory(store, 'The API benchmark does not write'),
  );
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    options.policy === 'allow-all'
      ? import('@backstage/plugin-permission-backend-module-allow-all-policy')
      : import('@choreo-for-backstage/plugin-permission-backend-module-choreo'),
  );
  // a backend assembled like packages/backend, so it adds the backend plugin
  // eslint-disable-next-line @backstage/no-mixed-plugin-imports
  backend.add(import('@choreo-for-backstage/plugin-choreo-backend'));
  backend.add(benchReferencePlugin);
  await backend.start();

  const project = organization.projects[0];
  const ready: ApiBenchServerReady = {
    type: 'ready',
    namespace: organization.namespace,
    project,
    components: organization.components.map(c => c.name),
  };
  process.send!(ready);
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') {
      backend.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
}

if (process.send) {
  process.once('message', (message: ApiBenchServerOptions) => {
    start(message).catch(error => {
      process.stderr.write(`bench:api server: ${error?.stack ?? error}\n`);
      process.exit(1);
    });
  });
}
