import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  ChoreoSourceSink,
  choreoStoreServiceFactoryFor,
} from '@choreo-for-backstage/plugin-choreo-node';
import {
  component,
  organization,
  storeWith,
} from '../__fixtures__/organization';
import { catalogModuleChoreo } from '../module';

jest.setTimeout(60_000);

async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}

const registered = (name: string, namespace: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
  spec: { type: 'service', lifecycle: 'production', owner },
});

/** Lets tests register file locations through the API, as catalog-import registers URLs. */
const fileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

describe('registering what only the Choreo provider may serve', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let sink: ChoreoSourceSink;
  let baseUrl: string;
  let dir: string;
  const file = (name: string, entities: object[]) => {
    const target = path.join(dir, name);
    writeFileSync(target, entities.map(e => JSON.stringify(e)).join('\n---\n'));
    return target;
  };

  const getEntity = async (ref: string): Promise<Entity | undefined> => {
    const [kind, rest] = ref.split(':');
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/${kind}/${rest}`,
    );
    return res.status === 404 ? undefined : res.json();
  };
  /** What catalog-import does before it registers a location. */
  const dryRunRegister = (target: string) =>
    fetch(`${baseUrl}/api/catalog/locations?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'file', target }),
    });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'squat-'));
    // someone registers a name the platform will use, owned by themselves
    const squat = file('squat.yaml', [
      registered('fraud-check', 'acme', 'user:default/mallory'),
    ]);
    const own = file('own.yaml', [
      registered('side-project', 'sandbox', 'user:default/mallory'),
    ]);
    const filled = storeWith(organization());
    sink = filled.sink;
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        catalogModuleChoreo,
        fileLocations,
        choreoStoreServiceFactoryFor(filled.store, {
          writeRefusal: 'not used by the catalog module',
        }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              locations: [
                { type: 'file', target: squat },
                { type: 'file', target: own },
              ],
            },
            choreo: {
              sources: [{ name: 'acme', type: 'directory', path: '.' }],
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
  });

  afterAll(async () => {
    await backend?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to register a Choreo entity, with the reason', async () => {
    const refused = await dryRunRegister(path.join(dir, 'squat.yaml'));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toContain(
      "component:acme/fraud-check is in namespace 'acme', which a Choreo source serves: its Component entities come only from the Choreo provider",
    );
    // the provider's own placeholder group cannot be taken over either
    const group = await dryRunRegister(
      file('group.yaml', [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'acme-team', namespace: 'acme' },
          spec: { type: 'team', children: [], members: ['mallory'] },
        },
      ]),
    );
    expect(group.status).toBe(400);
    // other namespaces register as before
    const fine = await dryRunRegister(path.join(dir, 'own.yaml'));
    expect(fine.status).toBe(201);
  });

  it('keeps the squatter out of the catalog and serves the platform’s entity once it exists', async () => {
    await eventually(async () =>
      expect(await getEntity('component:sandbox/side-project')).toBeDefined(),
    );
    expect(await getEntity('component:acme/fraud-check')).toBeUndefined();
    sink.applyChanges({ upserts: [component('fraud-check', 'payments')] });
    const served = await eventually(async () => {
      const entity = await getEntity('component:acme/fraud-check');
      expect(entity).toBeDefined();
      return entity!;
    });
    expect(served.spec?.owner).not.toBe('user:default/mallory');
  });
});
