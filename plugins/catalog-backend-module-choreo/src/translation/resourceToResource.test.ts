import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { StoreChange } from '@choreo-for-backstage/plugin-choreo-node';
import {
  component,
  organization,
  workload,
} from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { validateEntity } from '../__testUtils__/validateEntity';
import { affectedRoots } from '../providers/affectedRoots';
import { translateRoot, translateSource } from './translationRoots';

const API_VERSION = 'openchoreo.dev/v1alpha1';

const ordersDb = {
  apiVersion: API_VERSION,
  kind: 'Resource',
  metadata: {
    name: 'orders-db',
    namespace: 'acme',
    annotations: { 'openchoreo.dev/display-name': 'Orders database' },
  },
  spec: {
    owner: { projectName: 'shop' },
    type: { kind: 'ClusterResourceType', name: 'postgres' },
  },
} as ChoreoResource;

const rrb = (environment: string, resourceRelease?: string) =>
  ({
    apiVersion: API_VERSION,
    kind: 'ResourceReleaseBinding',
    metadata: { name: `orders-db-${environment}`, namespace: 'acme' },
    spec: {
      owner: { projectName: 'shop', resourceName: 'orders-db' },
      environment,
      ...(resourceRelease ? { resourceRelease } : {}),
    },
  } as ChoreoResource);

function shopWithDatabase(): ChoreoResource[] {
  return [
    ...organization().filter(
      r =>
        !(r.kind === 'Workload' && r.metadata.name === 'orders-api-workload'),
    ),
    ordersDb,
    rrb('development', 'orders-db-5f6d7c8b9'),
    rrb('production', 'orders-db-5f6d7c8b9'),
    // promoted nowhere yet: not provisioned there
    rrb('staging'),
    workload('orders-api', 'shop', {
      dependencies: {
        resources: [
          {
            ref: 'orders-db',
            envBindings: { host: 'DB_HOST', password: 'DB_PASSWORD' },
            fileBindings: { url: '/var/run/secrets/db/url' },
          },
        ],
      },
    }),
  ];
}

describe('resourceToResource', () => {
  const ctx = contextFor(shopWithDatabase());

  it('makes a managed Resource a Backstage Resource of its project, typed by its resource type', async () => {
    const [entity] = translateRoot(ctx, 'Resource:acme/orders-db');
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'orders-db-resource',
        namespace: 'acme',
        title: 'Orders database',
        tags: ['managed-resource', 'postgres'],
        annotations: {
          'openchoreo.dev/kind': 'Resource',
          'openchoreo.dev/name': 'orders-db',
          'openchoreo.dev/namespace': 'acme',
          'openchoreo.dev/project': 'shop',
          'openchoreo.dev/resource-type': 'ClusterResourceType:postgres',
          'openchoreo.dev/source': 'acme',
        },
      },
      spec: {
        type: 'postgres',
        // the project's owner, like its components
        owner: 'group:default/storefront-team',
        system: 'system:acme/shop',
        dependsOn: ['resource:acme/development', 'resource:acme/production'],
      },
    });
    await validateEntity(entity);
  });

  it('makes each consuming component depend on it', () => {
    const [orders] = translateRoot(ctx, 'Component:acme/orders-api');
    expect(orders.spec?.dependsOn).toContain(
      'resource:acme/orders-db-resource',
    );
    const [shopWeb] = translateRoot(ctx, 'Component:acme/shop-web');
    expect(shopWeb.spec?.dependsOn).not.toContain(
      'resource:acme/orders-db-resource',
    );
  });

  it('is one entity of the source, and a binding change re-translates it', () => {
    const refs = translateSource(ctx).map(
      e => `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`,
    );
    expect(refs).toContain('Resource:acme/orders-db-resource');
    const change = {
      resource: rrb('staging', 'orders-db-5f6d7c8b9'),
    } as StoreChange;
    expect(affectedRoots(ctx.reader, change)).toEqual([
      'Resource:acme/orders-db',
    ]);
  });

  it('takes a namespaced ResourceType by default and keeps the owner of a resource that names one', () => {
    const own = contextFor([
      ...organization(),
      component('ledger', 'payments'),
      {
        ...ordersDb,
        metadata: {
          name: 'ledger-db',
          namespace: 'acme',
          annotations: { 'backstage.io/owner': 'group:default/dba' },
        },
        spec: { owner: { projectName: 'payments' }, type: { name: 'pg' } },
      } as ChoreoResource,
    ]);
    const [entity] = translateRoot(own, 'Resource:acme/ledger-db');
    expect(entity.spec).toMatchObject({
      type: 'pg',
      owner: 'group:default/dba',
      system: 'system:acme/payments',
      dependsOn: [],
    });
    expect(entity.metadata.annotations?.['openchoreo.dev/resource-type']).toBe(
      'ResourceType:pg',
    );
  });
});
