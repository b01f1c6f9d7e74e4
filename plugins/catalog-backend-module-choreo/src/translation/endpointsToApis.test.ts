import { ApiEntity } from '@backstage/catalog-model';
import {
  ORDERS_OPENAPI,
  PAYMENTS_PROTO,
  organization,
} from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { apiTypeOf, visibilitiesOf } from './endpointsToApis';
import { translateRoot } from './translationRoots';

function apisOf(component: string) {
  const ctx = contextFor(organization());
  return translateRoot(ctx, `Component:acme/${component}`).filter(
    (e): e is ApiEntity => e.kind === 'API',
  );
}

describe('endpointsToApis', () => {
  it('publishes an OpenAPI endpoint with its definition, owner, system and lifecycle', () => {
    const rest = apisOf('orders-api').find(
      a => a.metadata.name === 'orders-api-rest',
    )!;
    expect(rest.metadata.title).toBe('Orders REST API');
    expect(rest.spec).toEqual({
      type: 'openapi',
      lifecycle: 'production',
      owner: 'group:default/storefront-team',
      system: 'system:acme/shop',
      definition: ORDERS_OPENAPI,
    });
  });

  it('shows visibility as annotation and tags, project included', () => {
    const rest = apisOf('orders-api').find(
      a => a.metadata.name === 'orders-api-rest',
    )!;
    expect(
      rest.metadata.annotations?.['openchoreo.dev/endpoint-visibility'],
    ).toBe('project,external');
    expect(rest.metadata.tags).toEqual(
      expect.arrayContaining(['visibility-project', 'visibility-external']),
    );
    expect(rest.metadata.annotations).toMatchObject({
      'openchoreo.dev/component': 'orders-api',
      'openchoreo.dev/endpoint-name': 'rest',
      'openchoreo.dev/endpoint-port': '8080',
    });
  });

  it('publishes a gRPC endpoint with its proto', () => {
    const [grpc] = apisOf('payment-gateway');
    expect(grpc.metadata.name).toBe('payment-gateway-grpc');
    expect(grpc.spec.type).toBe('grpc');
    expect(grpc.spec.definition).toBe(PAYMENTS_PROTO);
    expect(grpc.spec.lifecycle).toBe('development');
  });

  it('says plainly when no definition was published, without pretending a format', () => {
    const metrics = apisOf('orders-api').find(
      a => a.metadata.name === 'orders-api-metrics',
    )!;
    expect(metrics.spec.type).toBe('tcp');
    expect(metrics.spec.definition).toContain(
      "No API definition was published for endpoint 'metrics'",
    );
    expect(metrics.spec.definition).toContain('schema: {type, content}');
  });

  it('chooses API types from schema and protocol', () => {
    expect(
      apiTypeOf({
        type: 'HTTP',
        port: 1,
        schema: { content: 'openapi: 3.0.0' },
      }),
    ).toBe('openapi');
    expect(
      apiTypeOf({
        type: 'Websocket',
        port: 1,
        schema: { type: 'asyncapi', content: 'asyncapi: 2.6.0' },
      }),
    ).toBe('asyncapi');
    expect(
      apiTypeOf({
        type: 'GraphQL',
        port: 1,
        schema: { content: 'type Query' },
      }),
    ).toBe('graphql');
    expect(apiTypeOf({ type: 'HTTP', port: 1 })).toBe('http');
    expect(apiTypeOf({ type: 'UDP', port: 1 })).toBe('udp');
  });

  it('orders visibilities from narrow to wide', () => {
    expect(
      visibilitiesOf({
        type: 'HTTP',
        port: 1,
        visibility: ['external', 'namespace'],
      }),
    ).toEqual(['project', 'namespace', 'external']);
  });

  it('has no APIs for a component without a workload', () => {
    expect(apisOf('nightly-report')).toEqual([]);
  });
});
