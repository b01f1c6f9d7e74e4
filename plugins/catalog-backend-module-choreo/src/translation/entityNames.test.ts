import {
  entityNamespace,
  entityRefs,
  toEntityName,
  toEntityNamespace,
  toTag,
} from './entityNames';

describe('entity names', () => {
  it('keeps Kubernetes names that are valid Backstage names as they are', () => {
    expect(toEntityName('orders-api')).toBe('orders-api');
    expect(toEntityName('v1.2_x')).toBe('v1.2_x');
    expect(toEntityNamespace('acme')).toBe('acme');
  });

  it('shortens long names to 63 characters and keeps different inputs apart', () => {
    const a = toEntityName(`${'a'.repeat(60)}-first-endpoint`);
    const b = toEntityName(`${'a'.repeat(60)}-second-endpoint`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/^[a-z0-9-]+$/);
    expect(a).not.toBe(b);
  });

  it('repairs separators Backstage rejects (double dashes) without collisions', () => {
    const name = toEntityName('shop--web');
    expect(name).toMatch(/^shop-web-[0-9a-f]{8}$/);
    expect(name).not.toBe('shop-web');
  });

  it('puts namespaced resources in their Choreo namespace and cluster-scoped ones under the source', () => {
    expect(entityRefs.component('acme', 'orders-api')).toBe(
      'component:acme/orders-api',
    );
    expect(entityRefs.api('acme', 'orders-api', 'rest')).toBe(
      'api:acme/orders-api-rest',
    );
    expect(entityRefs.environment('acme', 'production')).toBe(
      'resource:acme/production',
    );
    expect(entityRefs.pipeline('acme', 'default')).toBe(
      'resource:acme/default-pipeline',
    );
    expect(
      entityRefs.dataPlane({ cluster: true, source: 'prod-cp' }, 'default'),
    ).toBe('resource:prod-cp/default-dataplane');
    expect(entityNamespace({ cluster: true, source: 'Prod CP' })).toMatch(
      /^prod-cp-[0-9a-f]{8}$/,
    );
  });

  it('turns free text into valid tags', () => {
    expect(toTag('gRPC')).toBe('grpc');
    expect(toTag('visibility-external')).toBe('visibility-external');
    expect(toTag('--')).toBeUndefined();
  });
});
