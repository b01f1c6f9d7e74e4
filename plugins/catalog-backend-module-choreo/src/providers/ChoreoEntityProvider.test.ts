import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  bulkProject,
  namespace,
  organization,
  platform,
  project,
  storeWith,
  workload,
} from '../__fixtures__/organization';
import { FakeCatalog } from '../__testUtils__/FakeCatalog';
import { ChoreoEntityProvider } from './ChoreoEntityProvider';

async function connected(
  resources = organization(),
  options: { maxRemovalShare?: number } = {},
) {
  const { store, sink } = storeWith(resources);
  const logger = mockServices.logger.mock();
  const provider = new ChoreoEntityProvider({
    source: 'acme',
    reader: store,
    logger,
    ...options,
  });
  const catalog = new FakeCatalog();
  await provider.connect(catalog);
  await provider.whenIdle();
  return { store, sink, provider, catalog, logger };
}

describe('ChoreoEntityProvider', () => {
  it('is named after its source and brings in what the store holds when it connects', async () => {
    const { provider, catalog } = await connected();
    expect(provider.getProviderName()).toBe('choreo-provider:acme');
    expect(catalog.refs()).toContain('component:acme/orders-api');
    expect(catalog.refs()).toContain('api:acme/payment-gateway-grpc');
    expect(catalog.refs()).toHaveLength(20);
  });

  it('replaces everything with a full mutation on refresh', async () => {
    const { provider, catalog } = await connected();
    await expect(provider.refresh()).resolves.toEqual({
      status: 'applied',
      entities: 20,
      removed: 0,
    });
    const full = catalog.mutations[catalog.mutations.length - 1];
    expect(full.type).toBe('full');
    expect(
      full.type === 'full' &&
        full.entities.every(e => e.locationKey === 'choreo-provider:acme'),
    ).toBe(true);
  });

  it('sends only the entities a change affects', async () => {
    const { sink, provider, catalog } = await connected();
    sink.applyChanges({
      upserts: [
        workload('orders-api', 'shop', {
          endpoints: { rest: { type: 'HTTP', port: 8081 } },
        }),
      ],
    });
    await provider.whenIdle();
    // The component loses its metrics API and its dependency; the REST API changes port.
    expect(catalog.lastDelta()).toEqual({
      added: ['api:acme/orders-api-rest', 'component:acme/orders-api'],
      removed: ['api:acme/orders-api-metrics'],
    });
    expect(
      catalog.get('api:acme/orders-api-rest')?.metadata.annotations?.[
        'openchoreo.dev/endpoint-port'
      ],
    ).toBe('8081');
  });

  it('removes only the APIs when a workload goes away, and everything of a deleted component', async () => {
    const { sink, provider, catalog } = await connected();
    sink.applyChanges({
      removals: [
        { kind: 'Workload', namespace: 'acme', name: 'orders-api-workload' },
      ],
    });
    await provider.whenIdle();
    expect(catalog.lastDelta()?.removed).toEqual([
      'api:acme/orders-api-metrics',
      'api:acme/orders-api-rest',
    ]);
    expect(
      catalog.get('component:acme/orders-api')?.spec?.providesApis,
    ).toEqual([]);

    sink.applyChanges({
      removals: [{ kind: 'Component', namespace: 'acme', name: 'orders-api' }],
    });
    await provider.whenIdle();
    expect(catalog.get('component:acme/orders-api')).toBeUndefined();
  });

  it('passes an owner change on a project to its system, components and APIs', async () => {
    const { sink, provider, catalog } = await connected();
    sink.applyChanges({
      upserts: [
        project('payments', 'acme', { 'backstage.io/owner': 'payments-team' }),
      ],
    });
    await provider.whenIdle();
    expect(catalog.lastDelta()?.added).toEqual([
      'api:acme/payment-gateway-grpc',
      'component:acme/payment-gateway',
      'system:acme/payments',
    ]);
    expect(catalog.get('api:acme/payment-gateway-grpc')?.spec?.owner).toBe(
      'group:default/payments-team',
    );
  });

  it('updates the lifecycle of what runs in an environment that becomes production', async () => {
    const { store, sink, provider, catalog } = await connected();
    const development = store.get('Environment', 'development', 'acme')!;
    sink.applyChanges({
      upserts: [
        { ...development, spec: { ...development.spec, isProduction: true } },
      ],
    });
    await provider.whenIdle();
    // orders-api was already in production: unchanged, not sent again.
    expect(catalog.lastDelta()).toEqual({
      added: [
        'api:acme/payment-gateway-grpc',
        'component:acme/payment-gateway',
        'component:acme/shop-web',
        'resource:acme/development',
      ],
      removed: [],
    });
    expect(catalog.get('component:acme/shop-web')?.spec?.lifecycle).toBe(
      'production',
    );
  });

  it('removes nothing while the source is failing, and skips the full sync', async () => {
    const { sink, provider, catalog, logger } = await connected();
    sink.setState('failing', 'connection refused');
    sink.applyChanges({
      removals: [{ kind: 'Component', namespace: 'acme', name: 'shop-web' }],
    });
    await provider.whenIdle();
    expect(catalog.get('component:acme/shop-web')).toBeDefined();
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'skipped',
    });
    expect(catalog.get('component:acme/shop-web')).toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('connection refused'),
    );

    // Once the source is back, the next full sync catches up.
    sink.setState('synced');
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'applied',
      removed: 1,
    });
    expect(catalog.get('component:acme/shop-web')).toBeUndefined();
  });

  it('does not start with a full sync before the source has loaded', async () => {
    const { sink, provider } = await connected();
    sink.setState('starting');
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'skipped',
    });
  });

  it('keeps everything when the source suddenly returns nothing', async () => {
    const { sink, provider, catalog } = await connected();
    sink.replaceAll([]);
    await provider.whenIdle();
    expect(catalog.refs()).toHaveLength(20);
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('returned nothing'),
    });
    expect(catalog.refs()).toHaveLength(20);
  });

  it('refuses to remove most entities in one go, and allows it when configured', async () => {
    const resources = [...organization(), ...bulkProject('bulk', 10)];
    const { sink, provider, catalog, logger } = await connected(resources);
    expect(catalog.refs()).toHaveLength(41);
    sink.replaceAll([...organization()]);
    await provider.whenIdle();
    expect(catalog.refs()).toHaveLength(41);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('would remove 21 of 41 entities'),
    );
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('choreo.catalog.maxRemovalShare'),
    });
    expect(catalog.refs()).toHaveLength(41);

    const lenient = await connected(resources, { maxRemovalShare: 1 });
    lenient.sink.replaceAll([...organization()]);
    await lenient.provider.whenIdle();
    expect(lenient.catalog.refs()).toHaveLength(20);
  });

  it('lets small removals through even when they are a large share', async () => {
    const resources = [namespace(), ...platform().slice(0, 1), project('solo')];
    const { sink, provider, catalog } = await connected(resources);
    sink.applyChanges({
      removals: [{ kind: 'Project', namespace: 'acme', name: 'solo' }],
    });
    await provider.whenIdle();
    expect(catalog.get('system:acme/solo')).toBeUndefined();
  });

  it('creates one provider per configured source with a global schedule', () => {
    const { store } = storeWith([]);
    const scheduler = mockServices.scheduler.mock();
    const providers = ChoreoEntityProvider.fromConfig(
      new ConfigReader({
        choreo: {
          sources: [
            { name: 'acme', type: 'directory', path: '.' },
            { name: 'prod-cp', type: 'kubernetes' },
          ],
          catalog: {
            schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
          },
        },
      }),
      { store, logger: mockServices.logger.mock(), scheduler },
    );
    expect(providers.map(p => p.getProviderName())).toEqual([
      'choreo-provider:acme',
      'choreo-provider:prod-cp',
    ]);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({ frequency: { minutes: 5 }, scope: 'global' }),
    );
  });

  it('explains bad configuration', () => {
    const { store } = storeWith([]);
    const build = (catalog: object) =>
      ChoreoEntityProvider.fromConfig(
        new ConfigReader({ choreo: { sources: [], catalog } }),
        {
          store,
          logger: mockServices.logger.mock(),
          scheduler: mockServices.scheduler.mock(),
        },
      );
    expect(() => build({ maxRemovalShare: 2 })).toThrow(
      'choreo.catalog.maxRemovalShare must be a number from 0 to 1',
    );
    expect(() =>
      build({ owners: [{ namespace: 'acme', owner: 'not a/valid:ref' }] }),
    ).toThrow(
      "choreo.catalog.owners[0].owner 'not a/valid:ref' is not an entity ref",
    );
  });
});
