import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  TEST_DATABASE_IDS,
  startChoreoBackend,
} from '../__testUtils__/choreoTestBackend';
import { grantsPolicy } from '../__testUtils__/testPolicies';
import {
  copySampleOrganization,
  eventually,
  sampleComponent,
} from '../__testUtils__/sampleOrganization';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const MALLORY = 'user:default/mallory';
const as = (user: string) => mockCredentials.user.header(user);

/** Alice and Bob may do anything; Mallory may only read. */
const policy = grantsPolicy(
  { [MALLORY]: permission => permission === 'choreo.component.read' },
  () => true,
);

const databases = TestDatabases.create({ ids: TEST_DATABASE_IDS });

describe.each(databases.eachSupportedId())('choreo backend on %s', id => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
  let knex: Awaited<ReturnType<typeof databases.init>>;

  beforeEach(async () => {
    sample = await copySampleOrganization();
    knex = await databases.init(id);
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      knex,
      policy,
    });
  });

  afterEach(async () => {
    await backend.stop();
    await sample.cleanup();
  });

  const api = (path: string) => `/api/choreo${path}`;
  const deploymentsOf = async (name: string) =>
    (
      await request(backend.server)
        .get(api(`/components/acme/${name}/deployments`))
        .set('Authorization', as(ALICE))
        .expect(200)
    ).body;
  const auditOf = async (target: string) =>
    (
      await request(backend.server)
        .get(api('/audit'))
        .query({ target })
        .set('Authorization', as(ALICE))
        .expect(200)
    ).body.items;

  it('shows every pipeline environment with its release, status, URLs and next promotions', async () => {
    const checkout = await sampleComponent(
      sample.dir,
      'payments',
      'checkout-api',
    );
    const [older, newer] = checkout.releases;
    // the sample runs the newer release in development and staging only
    expect(checkout.bound).toEqual({
      development: newer,
      staging: newer,
      production: older,
    });
    const body = await deploymentsOf('checkout-api');
    expect(body.pipeline.environments).toEqual([
      'development',
      'staging',
      'production',
    ]);
    const [dev, staging, prod] = body.environments;
    expect(dev).toMatchObject({
      environment: 'development',
      releaseName: newer,
      status: { state: 'ready' },
      promotions: [{ to: 'staging', requiresApproval: false }],
    });
    expect(dev.endpoints[0].externalURL).toBe(
      'https://development-acme.acme.example.com/checkout-api-api',
    );
    // who may call it, as the Workload declares (the Endpoints card shows it)
    expect(body.component.endpoints).toEqual([
      {
        name: 'api',
        type: 'HTTP',
        port: 8080,
        visibility: ['project', 'namespace', 'external'],
        displayName: 'Checkout API',
      },
    ]);
    expect(staging.promotions).toEqual([
      { to: 'production', requiresApproval: true },
    ]);
    expect(prod).toMatchObject({
      releaseName: older,
      isProduction: true,
      requiresApproval: true,
      promotions: [],
    });
    expect(
      body.releases.map((r: any) => [r.name, r.deployedIn, r.latest]),
    ).toEqual([
      [newer, ['development', 'staging'], true],
      [older, ['production'], false],
    ]);

    const tracking = await deploymentsOf('tracking-web');
    expect(tracking.environments[2]).toMatchObject({
      environment: 'production',
      status: { state: 'not-deployed' },
      endpoints: [],
    });
  });

  it('promotes along an allowed path and records who did it', async () => {
    const planner = await sampleComponent(
      sample.dir,
      'logistics',
      'route-planner',
    );
    expect(planner.bound.development).not.toBe(planner.bound.staging);
    const res = await request(backend.server)
      .post(api('/components/acme/route-planner/promote'))
      .set('Authorization', as(ALICE))
      .set('User-Agent', 'jest-test')
      .send({ from: 'development', to: 'staging' })
      .expect(200);
    expect(res.body).toMatchObject({
      result: 'applied',
      action: 'updated',
      resource: { name: 'route-planner-staging' },
    });
    expect(res.body.commit).toMatch(/^[0-9a-f]{7,}$/);

    await eventually(async () => {
      const staging = (await deploymentsOf('route-planner')).environments[1];
      expect(staging.releaseName).toBe(planner.bound.development);
    });
    expect(sample.git('log', '-1', '--format=%B')).toMatch(
      /Promote acme\/route-planner to staging/,
    );
    const [entry] = await auditOf('component:acme/route-planner');
    expect(entry).toMatchObject({
      actor: ALICE,
      action: 'release.promote',
      result: 'ok',
      details: {
        from: 'development',
        to: 'staging',
        releaseName: planner.bound.development,
      },
      origin: { userAgent: 'jest-test' },
    });
  });

  it('refuses promotions the pipeline does not allow, and audits the refusal', async () => {
    const res = await request(backend.server)
      .post(api('/components/acme/route-planner/promote'))
      .set('Authorization', as(ALICE))
      .send({ from: 'development', to: 'production' })
      .expect(400);
    expect(res.body.error.message).toMatch(
      /Cannot promote from 'development' to 'production'.*'development' promotes only to 'staging'/,
    );
    await request(backend.server)
      .post(api('/components/acme/tracking-web/promote'))
      .set('Authorization', as(ALICE))
      .send({ from: 'production', to: 'staging' })
      .expect(400);
    await request(backend.server)
      .post(api('/components/acme/route-planner/promote'))
      .set('Authorization', as(ALICE))
      .send({ from: 'development' })
      .expect(400, /to:/);

    const [entry] = await auditOf('component:acme/tracking-web');
    expect(entry).toMatchObject({
      action: 'release.promote',
      result: 'error',
      errorMessage: expect.stringMatching(/^Cannot promote from 'production'/),
    });
  });

  it('needs a second person to approve a promotion to production (four-eyes)', async () => {
    const planner = await sampleComponent(
      sample.dir,
      'logistics',
      'route-planner',
    );
    expect(planner.bound.production).toBeUndefined();
    const requested = await request(backend.server)
      .post(api('/components/acme/route-planner/promote'))
      .set('Authorization', as(ALICE))
      .send({ from: 'staging', to: 'production' })
      .expect(202);
    const { request: promotion } = requested.body;
    expect(promotion).toMatchObject({
      componentRef: 'component:acme/route-planner',
      environment: 'production',
      change: {
        kind: 'promote',
        from: 'staging',
        releaseName: planner.bound.staging,
      },
      basis: { bound: false },
      requestedBy: ALICE,
      state: 'pending',
    });
    // nothing was written yet
    expect(
      (await deploymentsOf('route-planner')).environments[2].status.state,
    ).toBe('not-deployed');

    // asking again returns the open request instead of a second one
    const again = await request(backend.server)
      .post(api('/components/acme/route-planner/promote'))
      .set('Authorization', as(ALICE))
      .send({ from: 'staging', to: 'production' })
      .expect(202);
    expect(again.body.request.id).toBe(promotion.id);

    const self = await request(backend.server)
      .post(api(`/change-requests/${promotion.id}/approve`))
      .set('Authorization', as(ALICE))
      .send({})
      .expect(403);
    expect(self.body.error.message).toMatch(
      /You may not approve the change of acme\/route-planner in 'production': you asked for it.*four-eyes/,
    );

    const approved = await request(backend.server)
      .post(api(`/change-requests/${promotion.id}/approve`))
      .set('Authorization', as(BOB))
      .send({ comment: 'release notes checked' })
      .expect(200);
    expect(approved.body.request).toMatchObject({
      state: 'applied',
      decidedBy: BOB,
      decisionComment: 'release notes checked',
    });
    expect(approved.body.mutation).toMatchObject({
      action: 'created',
      resource: { name: 'route-planner-production' },
    });
    await eventually(async () => {
      const prod = (await deploymentsOf('route-planner')).environments[2];
      expect(prod.releaseName).toBe(planner.bound.staging);
    });

    // a decided request cannot be decided again
    await request(backend.server)
      .post(api(`/change-requests/${promotion.id}/reject`))
      .set('Authorization', as(BOB))
      .send({})
      .expect(409);

    const list = await request(backend.server)
      .get(api('/change-requests'))
      .query({ component: 'component:acme/route-planner' })
      .set('Authorization', as(BOB))
      .expect(200);
    expect(list.body.items.map((r: any) => r.state)).toEqual(['applied']);

    const audit = await auditOf('component:acme/route-planner');
    expect(audit.map((e: any) => [e.action, e.actor, e.result])).toEqual([
      ['change.reject', BOB, 'error'],
      ['change.approve', BOB, 'ok'],
      ['change.approve', ALICE, 'refused'],
      ['release.promote', ALICE, 'ok'],
      ['release.promote', ALICE, 'ok'],
    ]);
  });

  it('answers 401 without credentials and 403 with the reason without permission', async () => {
    const checkout = await sampleComponent(
      sample.dir,
      'payments',
      'checkout-api',
    );
    await request(backend.server)
      .post(api('/components/acme/checkout-api/restart'))
      .set('Authorization', mockCredentials.none.header())
      .send({ environment: 'staging' })
      .expect(401);

    const res = await request(backend.server)
      .post(api('/components/acme/checkout-api/promote'))
      .set('Authorization', as(MALLORY))
      .send({ from: 'development', to: 'staging' })
      .expect(403);
    expect(res.body.error.message).toMatch(
      /^You may not promote acme\/checkout-api to staging: .*choreo\.release\.promote.*releasebinding:update/,
    );
    for (const [path, body] of [
      [
        'rollback',
        { environment: 'staging', releaseName: checkout.releases[0] },
      ],
      ['undeploy', { environment: 'staging' }],
      ['restart', { environment: 'staging' }],
    ] as const) {
      await request(backend.server)
        .post(api(`/components/acme/checkout-api/${path}`))
        .set('Authorization', as(MALLORY))
        .send(body)
        .expect(403);
    }
    const audit = await auditOf('component:acme/checkout-api');
    expect(audit.map((e: any) => [e.action, e.actor, e.result])).toEqual([
      ['release.restart', MALLORY, 'refused'],
      ['release.undeploy', MALLORY, 'refused'],
      ['release.rollback', MALLORY, 'refused'],
      ['release.promote', MALLORY, 'refused'],
    ]);
  });

  it('rolls back, undeploys, redeploys and restarts through the ReleaseBinding', async () => {
    const cart = await sampleComponent(
      sample.dir,
      'storefront',
      'cart-service',
    );
    const checkout = await sampleComponent(
      sample.dir,
      'payments',
      'checkout-api',
    );
    const rollback = await request(backend.server)
      .post(api('/components/acme/cart-service/rollback'))
      .set('Authorization', as(ALICE))
      .send({ environment: 'development', releaseName: cart.releases[0] })
      .expect(200);
    expect(rollback.body.warnings[0]).toMatch(/autoDeploy/);
    await eventually(async () => {
      const dev = (await deploymentsOf('cart-service')).environments[0];
      expect(dev.releaseName).toBe(cart.releases[0]);
    });

    await request(backend.server)
      .post(api('/components/acme/cart-service/rollback'))
      .set('Authorization', as(ALICE))
      .send({ environment: 'staging', releaseName: checkout.releases[0] })
      .expect(400, /is not a release of acme\/cart-service/);

    await request(backend.server)
      .post(api('/components/acme/cart-service/undeploy'))
      .set('Authorization', as(ALICE))
      .send({ environment: 'staging' })
      .expect(200);
    await eventually(async () => {
      const staging = (await deploymentsOf('cart-service')).environments[1];
      expect(staging.status.state).toBe('undeployed');
    });
    await request(backend.server)
      .post(api('/components/acme/cart-service/restart'))
      .set('Authorization', as(ALICE))
      .send({ environment: 'staging' })
      .expect(409, /redeploy it instead/);
    await request(backend.server)
      .post(api('/components/acme/cart-service/redeploy'))
      .set('Authorization', as(ALICE))
      .send({ environment: 'staging' })
      .expect(200);
    await eventually(async () => {
      const staging = (await deploymentsOf('cart-service')).environments[1];
      expect(staging.status.state).not.toBe('undeployed');
    });
    await request(backend.server)
      .post(api('/components/acme/cart-service/restart'))
      .set('Authorization', as(ALICE))
      .send({ environment: 'staging' })
      .expect(200);
    await eventually(async () => {
      const staging = (await deploymentsOf('cart-service')).environments[1];
      expect(Date.parse(staging.lastChange)).toBeGreaterThan(
        Date.now() - 60_000,
      );
    });

    const audit = await auditOf('component:acme/cart-service');
    expect(audit.map((e: any) => [e.action, e.result])).toEqual([
      ['release.restart', 'ok'],
      ['release.redeploy', 'ok'],
      ['release.restart', 'error'],
      ['release.undeploy', 'ok'],
      ['release.rollback', 'error'],
      ['release.rollback', 'ok'],
    ]);
  });

  it('lets a second backend on the same database approve what the first one requested', async () => {
    const other = await startChoreoBackend({
      sourceDir: sample.dir,
      knex,
      policy,
    });
    try {
      const requested = await request(backend.server)
        .post(api('/components/acme/tracking-web/promote'))
        .set('Authorization', as(ALICE))
        .send({ from: 'staging', to: 'production' })
        .expect(202);
      const seen = await request(other.server)
        .get(api('/change-requests'))
        .set('Authorization', as(BOB))
        .expect(200);
      expect(seen.body.items.map((r: any) => r.id)).toContain(
        requested.body.request.id,
      );
      await request(other.server)
        .post(api(`/change-requests/${requested.body.request.id}/approve`))
        .set('Authorization', as(BOB))
        .send({})
        .expect(200);
    } finally {
      await other.stop();
    }
  });

  it('lists the sources of the store', async () => {
    const res = await request(backend.server)
      .get(api('/sources'))
      .set('Authorization', as(ALICE))
      .expect(200);
    expect(res.body.items).toMatchObject([
      { source: 'acme', type: 'directory', state: 'synced' },
    ]);
  });
});

describe('choreo backend with configured approval environments', () => {
  it('asks for approval where the config says, besides production', async () => {
    const sample = await copySampleOrganization();
    const backend = await startChoreoBackend({
      sourceDir: sample.dir,
      config: { approvals: { environments: ['staging'] } },
    });
    try {
      const planner = await sampleComponent(
        sample.dir,
        'logistics',
        'route-planner',
      );
      const toStaging = await request(backend.server)
        .post('/api/choreo/components/acme/route-planner/promote')
        .send({ from: 'development', to: 'staging' })
        .expect(202);
      expect(toStaging.body.request).toMatchObject({
        environment: 'staging',
        change: { releaseName: planner.bound.development },
      });
      // naming staging never opens production up
      await request(backend.server)
        .post('/api/choreo/components/acme/route-planner/promote')
        .send({ from: 'staging', to: 'production' })
        .expect(202);

      // promoting what already runs there changes nothing and asks nobody
      const checkout = await sampleComponent(
        sample.dir,
        'payments',
        'checkout-api',
      );
      expect(checkout.bound.development).toBe(checkout.bound.staging);
      const same = await request(backend.server)
        .post('/api/choreo/components/acme/checkout-api/promote')
        .send({ from: 'development', to: 'staging' })
        .expect(200);
      expect(same.body).toMatchObject({ action: 'unchanged' });
      expect(same.body.warnings[0]).toMatch(/already runs/);
    } finally {
      await backend.stop();
      await sample.cleanup();
    }
  });
});
