import { Component } from '@choreo-for-backstage/plugin-choreo-common';
import {
  binding,
  component,
  organization,
  workload,
} from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { TranslationContext } from './context';
import { translateRoot } from './translationRoots';

function translatedComponent(ctx: TranslationContext, name: string) {
  const [entity] = translateRoot(ctx, `Component:acme/${name}`);
  expect(entity.kind).toBe('Component');
  return entity;
}

describe('componentToComponent', () => {
  const ctx = contextFor(organization());

  it('places the component in its project, with its owner and a production lifecycle once deployed there', () => {
    const entity = translatedComponent(ctx, 'orders-api');
    expect(entity.metadata).toMatchObject({
      name: 'orders-api',
      namespace: 'acme',
    });
    expect(entity.spec).toMatchObject({
      type: 'service',
      lifecycle: 'production',
      system: 'system:acme/shop',
      owner: 'group:default/storefront-team',
    });
  });

  it('maps component types to the types Backstage users know', () => {
    expect(translatedComponent(ctx, 'shop-web').spec?.type).toBe('website');
    expect(translatedComponent(ctx, 'nightly-report').spec?.type).toBe(
      'scheduled-task',
    );
    const custom = contextFor([
      ...organization(),
      component('ledger', 'payments', 'statefulset/database'),
    ]);
    expect(translatedComponent(custom, 'ledger').spec?.type).toBe('database');
  });

  it('stays in development while no production environment runs it', () => {
    expect(translatedComponent(ctx, 'shop-web').spec?.lifecycle).toBe(
      'development',
    );
    expect(translatedComponent(ctx, 'nightly-report').spec?.lifecycle).toBe(
      'development',
    );
  });

  it('provides an API per endpoint and consumes the endpoints it depends on, across projects', () => {
    const entity = translatedComponent(ctx, 'orders-api');
    expect(entity.spec?.providesApis).toEqual([
      'api:acme/orders-api-metrics',
      'api:acme/orders-api-rest',
    ]);
    expect(entity.spec?.consumesApis).toEqual([
      'api:acme/payment-gateway-grpc',
    ]);
  });

  it('depends on the components it calls and on the environments it is deployed to (not undeployed ones)', () => {
    expect(translatedComponent(ctx, 'orders-api').spec?.dependsOn).toEqual([
      'component:acme/payment-gateway',
      'resource:acme/development',
      'resource:acme/production',
    ]);
    expect(translatedComponent(ctx, 'payment-gateway').spec?.dependsOn).toEqual(
      ['resource:acme/development'],
    );
  });

  it('lets the Kubernetes plugin find its workloads in every cell and links to the source folder', () => {
    const annotations = translatedComponent(ctx, 'orders-api').metadata
      .annotations!;
    expect(annotations['backstage.io/kubernetes-label-selector']).toBe(
      'openchoreo.dev/component=orders-api,openchoreo.dev/project=shop,openchoreo.dev/namespace=acme',
    );
    // The repository fields sit where the workflow's schema markers say.
    expect(annotations['backstage.io/source-location']).toBe(
      'url:https://github.com/acme/shop/tree/main/orders-api/',
    );
    expect(annotations).toMatchObject({
      'openchoreo.dev/namespace': 'acme',
      'openchoreo.dev/project': 'shop',
      'openchoreo.dev/component': 'orders-api',
      'openchoreo.dev/kind': 'Component',
      'openchoreo.dev/component-type':
        'ClusterComponentType:deployment/service',
    });
  });

  it('reads the repository from repository.url when the workflow has no markers', () => {
    const resources = organization().filter(
      r => r.metadata.name !== 'shop-web',
    );
    const web = component('shop-web', 'shop', 'deployment/web-application', {
      workflow: {
        name: 'unknown-builder',
        parameters: {
          repository: {
            url: 'https://gitlab.com/acme/web',
            revision: { branch: 'release' },
            appPath: '.',
          },
        },
      },
    }) as Component;
    const entity = translatedComponent(
      contextFor([...resources, web]),
      'shop-web',
    );
    expect(entity.metadata.annotations?.['backstage.io/source-location']).toBe(
      'url:https://gitlab.com/acme/web/-/tree/release/',
    );
  });

  it('follows workload and deployment changes', () => {
    const resources = [
      ...organization().filter(
        r =>
          !(r.kind === 'Workload' && r.metadata.name === 'orders-api-workload'),
      ),
      workload('orders-api', 'shop', {
        endpoints: { rest: { type: 'HTTP', port: 8080 } },
      }),
      binding('shop-web', 'shop', 'production'),
    ];
    const changed = contextFor(resources);
    expect(translatedComponent(changed, 'orders-api').spec).toMatchObject({
      providesApis: ['api:acme/orders-api-rest'],
      consumesApis: [],
    });
    expect(translatedComponent(changed, 'shop-web').spec?.lifecycle).toBe(
      'production',
    );
  });
});
