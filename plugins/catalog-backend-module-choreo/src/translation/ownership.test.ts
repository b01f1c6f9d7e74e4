import {
  component,
  namespace,
  organization,
  platform,
  project,
} from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { normalizeOwnerRef, ownerOf } from './ownership';

describe('ownership', () => {
  it('takes the annotation on the resource first', () => {
    const orders = component('orders-api', 'shop');
    orders.metadata.annotations = { 'backstage.io/owner': 'user:default/sam' };
    const ctx = contextFor([
      project('shop', 'acme', { 'backstage.io/owner': 'storefront-team' }),
      orders,
    ]);
    expect(ownerOf(ctx, orders, 'shop')).toBe('user:default/sam');
  });

  it('then the project annotation, then config for the project, then the namespace', () => {
    const resources = [
      namespace('acme', {
        'backstage.io/owner': 'group:default/acme-platform',
      }),
      project('shop', 'acme', { 'backstage.io/owner': 'storefront-team' }),
      project('payments'),
      project('logistics'),
      component('orders-api', 'shop'),
      component('payment-gateway', 'payments'),
      component('route-planner', 'logistics'),
    ];
    const ctx = contextFor(resources, [
      { namespace: 'acme', project: 'payments', owner: 'payments-team' },
    ]);
    expect(ownerOf(ctx, resources[4], 'shop')).toBe(
      'group:default/storefront-team',
    );
    expect(ownerOf(ctx, resources[5], 'payments')).toBe(
      'group:default/payments-team',
    );
    expect(ownerOf(ctx, resources[6], 'logistics')).toBe(
      'group:default/acme-platform',
    );
  });

  it('falls back to the configured namespace owner, then to a group of the namespace', () => {
    const resources = [project('payments'), ...platform()];
    expect(ownerOf(contextFor(resources), resources[0], 'payments')).toBe(
      'group:acme/acme-team',
    );
    expect(
      ownerOf(
        contextFor(resources, [{ namespace: 'acme', owner: 'group:ops/sre' }]),
        resources[0],
        'payments',
      ),
    ).toBe('group:ops/sre');
  });

  it('gives cluster-scoped resources the owner configured for the source, else the source group', () => {
    const ctx = contextFor(organization());
    const dataPlane = ctx.reader.get('ClusterDataPlane', 'default')!;
    expect(ownerOf(ctx, dataPlane)).toBe('group:acme/acme-team');
    expect(
      ownerOf(
        { ...ctx, owners: [{ namespace: 'acme', owner: 'platform' }] },
        dataPlane,
      ),
    ).toBe('group:default/platform');
  });

  it('ignores owner values that are not entity refs', () => {
    expect(normalizeOwnerRef('team a/b:c')).toBeUndefined();
    expect(normalizeOwnerRef('  ')).toBeUndefined();
    expect(normalizeOwnerRef('User:people/ann')).toBe('user:people/ann');
  });
});
