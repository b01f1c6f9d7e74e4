import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { sampleBackendForDescribe } from '../__testUtils__/choreoTestBackend';
import { denyAllPolicy } from '../__testUtils__/testPolicies';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { eventually } from '../__testUtils__/sampleOrganization';

jest.setTimeout(60_000);

describe('GET /projects/:namespace/:name/topology', () => {
  const backend = sampleBackendForDescribe();

  const topology = (project: string, environment?: string) =>
    request(backend.server)
      .get(`/api/choreo/projects/acme/${project}/topology`)
      .query(environment ? { environment } : {})
      .set('Authorization', mockCredentials.user.header());

  it('draws the payments cell of the sample organization in development', async () => {
    const { body } = await topology('payments', 'development').expect(200);
    expect(body.cellNamespace).toMatch(/^dp-acme-payments-development-/);
    const cell = body.nodes.filter(
      (n: any) => n.kind === 'component' && n.inCell,
    );
    expect(cell.map((n: any) => [n.name, n.status.state])).toEqual([
      ['checkout-api', 'ready'],
      ['ledger-service', 'ready'],
      ['payment-gateway', 'ready'],
      ['settlement-job', 'ready'],
    ]);
    const edges = body.edges.map((e: any) => `${e.kind} ${e.id}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'east-west component:acme/payments/checkout-api->component:acme/payments/payment-gateway#grpc',
        'east-west component:acme/payments/checkout-api->component:acme/payments/ledger-service#grpc',
        'east-west component:acme/payments/settlement-job->component:acme/payments/ledger-service#grpc',
        'cross-project component:acme/payments/checkout-api->component:acme/logistics/shipping-api#api',
        'cross-project component:acme/storefront/shop-web->component:acme/payments/checkout-api#api',
        'north-south gateway:ingress:external->component:acme/payments/checkout-api#api',
        'north-south gateway:ingress:internal->component:acme/payments/payment-gateway#admin',
      ]),
    );
    expect(body.edges.filter((e: any) => e.problem)).toEqual([]);
    const checkout = cell.find((n: any) => n.name === 'checkout-api');
    expect(checkout.endpoints.external[0].externalURL).toMatch(
      /^https:\/\/development-acme\./,
    );
  });

  it('marks components that are not deployed in the environment', async () => {
    const { body } = await topology('logistics', 'production').expect(200);
    const states = Object.fromEntries(
      body.nodes
        .filter((n: any) => n.kind === 'component' && n.inCell)
        .map((n: any) => [n.name, n.status.state]),
    );
    expect(states['tracking-web']).toBe('not-deployed');
    expect(states['shipping-api']).toBe('ready');
  });

  it('says what to fix for an unknown environment or project', async () => {
    const unknown = await topology('payments', 'qa');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /use one of development, staging, production/,
    );
    expect((await topology('nope', 'development')).status).toBe(404);
  });

  it("opens the first environment of the project's pipeline when none is named", async () => {
    const { body } = await topology('payments').expect(200);
    expect(body.environment).toBe('development');

    // a project without a pipeline has no first environment: say what to do
    await fs.mkdir(path.join(backend.sampleDir, 'projects/sandbox'), {
      recursive: true,
    });
    await fs.writeFile(
      path.join(backend.sampleDir, 'projects/sandbox/project.yaml'),
      [
        'apiVersion: openchoreo.dev/v1alpha1',
        'kind: Project',
        'metadata:',
        '  name: sandbox',
        '  namespace: acme',
        'spec: {}',
        '',
      ].join('\n'),
    );
    const refused = await eventually(() => topology('sandbox').expect(400));
    expect(refused.body.error.message).toBe(
      "Project 'sandbox' has no deployment pipeline with environments; pick an environment (API: ?environment=)",
    );
  });

  it('sends the topology gzipped to clients that accept it, and 304 while it has not changed', async () => {
    const plain = await topology('payments', 'development')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await topology('payments', 'development')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(gzipped.body).toEqual(plain.body);
    // each representation revalidates against its own ETag
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);
    await topology('payments', 'development')
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', gzipped.headers.etag)
      .expect(304);
  });
});

describe('GET /projects/:namespace/:name/topology access', () => {
  const backend = sampleBackendForDescribe(() => ({
    policy: denyAllPolicy,
  }));

  it('needs credentials and the read permission on the project', async () => {
    const url = '/api/choreo/projects/acme/payments/topology';
    await request(backend.server)
      .get(url)
      .query({ environment: 'development' })
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
    const denied = await request(backend.server)
      .get(url)
      .query({ environment: 'development' })
      .set('Authorization', mockCredentials.user.header());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(
      /You may not see the cell topology of acme\/payments: .*denies 'choreo.component.read' on choreo:ns\/acme\/project\/payments/,
    );
  });
});
