import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import permissionPlugin from '@backstage/plugin-permission-backend';
// the whole backend a deployment runs: its plugins come together here
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';
import {
  copySampleOrganization,
  eventually,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import { permissionModuleChoreoPolicy } from './module';

jest.setTimeout(120_000);

// The reuse of read decisions (choreo.permissions.readDecisionTtl) only
// happens with real sign-in tokens, so this backend is the real one a
// deployment runs: real auth, the guest provider issuing Paula's token with
// her group, the permission backend with this module's policy, and the choreo
// plugin over the sample. Paula's group holds `viewer` in acme
// (examples/acme/platform/access.yaml).
const PAULA = 'user:default/paula.payments';
const TTL_SECONDS = 60;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('reused read decisions, with real sign-in tokens', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: ReturnType<typeof createBackend>;
  let base: string;
  let token: string;

  beforeAll(async () => {
    sample = await copySampleOrganization();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    backend = createBackend();
    backend.add(
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://127.0.0.1:3000' },
          backend: {
            baseUrl: base,
            listen: { host: '127.0.0.1', port },
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          auth: {
            providers: {
              guest: {
                // jest runs with NODE_ENV=test
                dangerouslyAllowOutsideDevelopment: true,
                userEntityRef: PAULA,
                ownershipEntityRefs: [PAULA, 'group:default/payments-team'],
              },
            },
          },
          permission: { enabled: true },
          choreo: {
            // long enough that only forgetting on the change explains a quick refusal
            permissions: { readDecisionTtl: { seconds: TTL_SECONDS } },
            sources: [{ type: 'directory', name: 'acme', path: sample.dir }],
          },
        },
      }),
    );
    backend.add(mockServices.rootLogger.factory({ level: 'error' }));
    backend.add(authPlugin);
    backend.add(guestProvider);
    backend.add(permissionPlugin);
    backend.add(permissionModuleChoreoPolicy);
    backend.add(choreoPlugin);
    await backend.start();
    const signIn = await fetch(`${base}/api/auth/guest/refresh`);
    const identity = await signIn.json();
    token = identity.backstageIdentity?.token;
    if (typeof token !== 'string') {
      throw new Error(
        `The guest provider issued no token: ${JSON.stringify(identity)}`,
      );
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await sample?.cleanup();
  });

  const deployments = (component: string) =>
    fetch(`${base}/api/choreo/components/acme/${component}/deployments`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('stops reads as soon as the role that allowed them is revoked', async () => {
    expect((await deployments('checkout-api')).status).toBe(200);
    expect((await deployments('checkout-api')).status).toBe(200);

    // the platform team takes the payments team's binding away
    const access = path.join(sample.dir, 'platform', 'access.yaml');
    const text = await fs.readFile(access, 'utf8');
    await fs.writeFile(
      access,
      text.replace('value: payments-team', 'value: former-payments-team'),
    );

    // far sooner than the reused decision would expire
    await eventually(async () => {
      const response = await deployments('checkout-api');
      expect(response.status).toBe(403);
      expect((await response.json()).error.message).toMatch(
        /denies 'choreo\.component\.read'/,
      );
    }, (TTL_SECONDS / 2) * 1000);
  });
});
