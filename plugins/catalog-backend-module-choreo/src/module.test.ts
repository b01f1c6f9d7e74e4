import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import {
  ChoreoSourceSink,
  ChoreoStore,
  choreoStoreServiceFactoryFor,
} from '@choreo-for-backstage/plugin-choreo-node';
import {
  bulkProject,
  organization,
  project,
  storeWith,
  workload,
} from './__fixtures__/organization';
import { catalogModuleChoreo } from './module';

// each test waits (up to 30 s) for the catalog's processing loop
jest.setTimeout(60_000);

/** The shared store service, backed by a real ChoreoStore the test fills. */
const storeServiceFactory = (store: ChoreoStore) =>
  choreoStoreServiceFactoryFor(store, {
    writeRefusal: 'not used by the catalog module',
  });

/** Polls until `check` passes; the catalog processes entities asynchronously. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}

describe('catalog module choreo (real catalog backend)', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let sink: ChoreoSourceSink;
  let baseUrl: string;

  async function getEntity(ref: string): Promise<Entity | undefined> {
    const [kind, rest] = ref.split(':');
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/${kind}/${rest}`,
    );
    if (res.status === 404) {
      return undefined;
    }
    if (!res.ok) {
      throw new Error(`GET ${ref}: ${res.status} ${await res.text()}`);
    }
    return res.json();
  }

  const served = (ref: string) =>
    eventually(async () => {
      const entity = await getEntity(ref);
      expect(entity).toBeDefined();
      return entity!;
    });

  // The catalog stitches relations as the entities on both ends get
  // processed, so an entity can be served before all of its relations are.
  const servedWithRelations = (
    ref: string,
    relations: Array<{ type: string; targetRef: string }>,
  ) =>
    eventually(async () => {
      const entity = await getEntity(ref);
      expect(entity?.relations).toEqual(expect.arrayContaining(relations));
      return entity!;
    });

  beforeAll(async () => {
    const filled = storeWith([...organization(), ...bulkProject('bulk', 10)]);
    sink = filled.sink;
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        catalogModuleChoreo,
        storeServiceFactory(filled.store),
        mockServices.rootConfig.factory({
          data: {
            catalog: { processingInterval: { seconds: 1 } },
            choreo: {
              sources: [{ name: 'acme', type: 'directory', path: '.' }],
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it('serves the organization with its relations', async () => {
    const component = await servedWithRelations('component:acme/orders-api', [
      { type: 'partOf', targetRef: 'system:acme/shop' },
      { type: 'providesApi', targetRef: 'api:acme/orders-api-rest' },
      { type: 'consumesApi', targetRef: 'api:acme/payment-gateway-grpc' },
      { type: 'dependsOn', targetRef: 'resource:acme/production' },
      { type: 'ownedBy', targetRef: 'group:default/storefront-team' },
    ]);
    expect(component.spec).toMatchObject({
      type: 'service',
      lifecycle: 'production',
      system: 'system:acme/shop',
    });
    await servedWithRelations('system:acme/shop', [
      { type: 'partOf', targetRef: 'domain:acme/acme' },
      { type: 'dependsOn', targetRef: 'resource:acme/default-pipeline' },
    ]);
    const api = await served('api:acme/payment-gateway-grpc');
    expect(api.spec?.type).toBe('grpc');
    await servedWithRelations('resource:acme/production', [
      { type: 'dependsOn', targetRef: 'resource:acme/default-dataplane' },
    ]);
    await served('domain:acme/acme');
    await served('resource:acme/default-dataplane');
  });

  it('serves the generated templates (accepted by the scaffolder entity model)', async () => {
    const template = await served('template:acme/service');
    expect(template.spec?.steps).toEqual([
      expect.objectContaining({ action: 'choreo:component:create' }),
    ]);
  });

  it('shows a change within the processing loop', async () => {
    sink.applyChanges({
      upserts: [
        workload('orders-api', 'shop', {
          endpoints: {
            rest: { type: 'HTTP', port: 8080, visibility: ['namespace'] },
          },
        }),
      ],
    });
    await eventually(async () => {
      const api = await getEntity('api:acme/orders-api-rest');
      expect(api?.metadata.tags).toContain('visibility-namespace');
      expect(await getEntity('api:acme/orders-api-metrics')).toBeUndefined();
    });
  });

  it('removes a deleted component', async () => {
    await served('component:acme/nightly-report');
    sink.applyChanges({
      removals: [
        { kind: 'Component', namespace: 'acme', name: 'nightly-report' },
      ],
    });
    await eventually(async () => {
      expect(await getEntity('component:acme/nightly-report')).toBeUndefined();
    });
  });

  it('removes nothing while the source is failing', async () => {
    sink.setState('failing', 'the cluster is unreachable');
    sink.applyChanges({
      removals: [{ kind: 'Component', namespace: 'acme', name: 'shop-web' }],
      // A visible change after the removal: once it shows, the removal was handled.
      upserts: [project('shop', 'acme', { 'backstage.io/owner': 'web-team' })],
    });
    await eventually(async () => {
      const system = await getEntity('system:acme/shop');
      expect(system?.spec?.owner).toBe('group:default/web-team');
    });
    expect(await getEntity('component:acme/shop-web')).toBeDefined();
    sink.setState('synced');
  });

  it('refuses to remove most of the catalog in one go', async () => {
    const kept = organization().filter(
      r => !(r.kind === 'Component' && r.metadata.name === 'shop-web'),
    );
    sink.replaceAll([
      ...kept,
      project('payments', 'acme', { 'backstage.io/owner': 'payments-team' }),
    ]);
    await eventually(async () => {
      const system = await getEntity('system:acme/payments');
      expect(system?.spec?.owner).toBe('group:default/payments-team');
    });
    expect(await getEntity('component:acme/bulk-svc-3')).toBeDefined();
    expect(await getEntity('api:acme/bulk-svc-3-http')).toBeDefined();
  });
});
