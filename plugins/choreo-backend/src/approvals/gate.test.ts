import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import {
  ComponentRelease,
  ReleaseBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import request from 'supertest';
import {
  TEST_DATABASE_IDS,
  startChoreoBackend,
} from '../__testUtils__/choreoTestBackend';
import {
  componentFile,
  copySampleOrganization,
  editSampleManifests,
  eventually,
  sampleComponent,
} from '../__testUtils__/sampleOrganization';

jest.setTimeout(90_000);

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const as = (user: string) => mockCredentials.user.header(user);
const api = (path: string) => `/api/choreo${path}`;

const databases = TestDatabases.create({ ids: TEST_DATABASE_IDS });

/**
 * The four-eyes gate holds on every path: every change to what runs in
 * production waits for someone else, and approval applies only what the
 * requester saw. Alice and Bob may do anything; the gate still holds them.
 */
describe.each(databases.eachSupportedId())('the approval gate on %s', id => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
  let knex: Awaited<ReturnType<typeof databases.init>>;

  const start = async (config?: Record<string, unknown>) => {
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      knex,
      config,
    });
  };

  beforeEach(async () => {
    sample = await copySampleOrganization();
    knex = await databases.init(id);
  });

  afterEach(async () => {
    await backend?.stop();
    await sample.cleanup();
  });

  const post = (path: string, body: object, user = ALICE) =>
    request(backend.server)
      .post(api(path))
      .set('Authorization', as(user))
      .send(body);
  const change = (
    component: string,
    path: string,
    body: object,
    user = ALICE,
  ) => post(`/components/acme/${component}/${path}`, body, user);
  const decide = (requestId: string, decision: string, user: string) =>
    post(`/change-requests/${requestId}/${decision}`, {}, user);
  const runs = async (component: string, environment: string) => {
    const { body } = await request(backend.server)
      .get(api(`/components/acme/${component}/deployments`))
      .set('Authorization', as(ALICE))
      .expect(200);
    return body.environments.find((e: any) => e.environment === environment);
  };
  const commits = () => Number(sample.git('rev-list', '--count', 'HEAD'));

  it('holds a rollback into production: the newer release from staging does not go live until someone else approves', async () => {
    await start();
    const checkout = await sampleComponent(
      sample.dir,
      'payments',
      'checkout-api',
    );
    const [older, newer] = checkout.releases;
    expect(checkout.bound.production).toBe(older);
    const before = commits();

    // the attack: "roll back" production to what staging runs
    const asked = await change('checkout-api', 'rollback', {
      environment: 'production',
      releaseName: newer,
    }).expect(202);
    expect(asked.body.request).toMatchObject({
      environment: 'production',
      change: { kind: 'rollback', releaseName: newer },
      basis: { bound: true, releaseName: older, state: 'Active' },
      requestedBy: ALICE,
      state: 'pending',
    });
    expect(commits()).toBe(before);
    expect((await runs('checkout-api', 'production')).releaseName).toBe(older);

    await decide(asked.body.request.id, 'approve', BOB).expect(200);
    await eventually(async () =>
      expect((await runs('checkout-api', 'production')).releaseName).toBe(
        newer,
      ),
    );
    expect(sample.git('log', '-1', '--format=%B')).toMatch(
      /Roll back acme\/checkout-api in production to .*approved by user:default\/bob/s,
    );
  });

  it('holds undeploy, redeploy and restart of production too, one open request per environment', async () => {
    await start();
    const before = commits();
    const undeploy = await change('checkout-api', 'undeploy', {
      environment: 'production',
    }).expect(202);
    const { id: undeployId } = undeploy.body.request;

    // the same change again returns the open request; another one is refused
    const again = await change('checkout-api', 'undeploy', {
      environment: 'production',
    }).expect(202);
    expect(again.body.request.id).toBe(undeployId);
    const other = await change('checkout-api', 'restart', {
      environment: 'production',
    }).expect(409);
    expect(other.body.error.message).toBe(
      `A change to acme/checkout-api in 'production' is already waiting for approval: request ${undeployId} by ${ALICE} to undeploy. Approve, reject or withdraw it first.`,
    );

    // only the requester withdraws; then the environment is free again
    const notMine = await decide(undeployId, 'withdraw', BOB).expect(403);
    expect(notMine.body.error.message).toMatch(/Only user:default\/alice/);
    await decide(undeployId, 'withdraw', ALICE).expect(200);
    const restart = await change('checkout-api', 'restart', {
      environment: 'production',
    }).expect(202);
    expect(commits()).toBe(before);
    await decide(restart.body.request.id, 'approve', BOB).expect(200);
    expect(commits()).toBe(before + 1);
    await change('checkout-api', 'redeploy', {
      environment: 'production',
    }).expect(202);
  });

  it('lets a platform team configure restarts to go through without approval', async () => {
    await start({
      approvals: { changes: ['promote', 'rollback', 'undeploy', 'redeploy'] },
    });
    const restarted = await change('checkout-api', 'restart', {
      environment: 'production',
    }).expect(200);
    expect(restarted.body).toMatchObject({ result: 'applied' });
    await change('checkout-api', 'undeploy', {
      environment: 'production',
    }).expect(202);
  });

  it('applies an approval only while production still runs what the requester saw', async () => {
    await start();
    const checkout = await sampleComponent(
      sample.dir,
      'payments',
      'checkout-api',
    );
    const [older, newer] = checkout.releases;
    const asked = await change('checkout-api', 'promote', {
      from: 'staging',
      to: 'production',
    }).expect(202);
    expect(asked.body.request.change.releaseName).toBe(newer);

    // meanwhile a hotfix release reached production outside the portal
    await editSampleManifests(
      sample.dir,
      componentFile('payments', 'checkout-api'),
      resources => {
        const release = resources.find(
          r => r.kind === 'ComponentRelease' && r.metadata.name === newer,
        ) as ComponentRelease;
        const hotfix = {
          ...release,
          metadata: { ...release.metadata, name: `${newer}-hotfix` },
        };
        return [
          ...resources.map(r =>
            r.kind === 'ReleaseBinding' &&
            (r as ReleaseBinding).spec.environment === 'production'
              ? {
                  ...r,
                  spec: { ...r.spec, releaseName: `${newer}-hotfix` },
                }
              : r,
          ),
          hotfix,
        ];
      },
    );
    await eventually(async () =>
      expect((await runs('checkout-api', 'production')).releaseName).toBe(
        `${newer}-hotfix`,
      ),
    );

    // approving the old request now would roll the hotfix back
    const stale = await decide(asked.body.request.id, 'approve', BOB).expect(
      409,
    );
    expect(stale.body.error.message).toBe(
      `Request ${asked.body.request.id} no longer applies: acme/checkout-api in 'production' changed since it was asked for: it ran ${older} then and runs ${newer}-hotfix now. Ask for the change again with what runs now.`,
    );
    expect((await runs('checkout-api', 'production')).releaseName).toBe(
      `${newer}-hotfix`,
    );
    const listed = await request(backend.server)
      .get(api('/change-requests'))
      .set('Authorization', as(BOB))
      .expect(200);
    expect(listed.body.items[0]).toMatchObject({ state: 'stale' });
  });

  it('lets a request expire when nobody decides in time', async () => {
    await start({ approvals: { expireAfter: { milliseconds: 1 } } });
    const asked = await change('checkout-api', 'restart', {
      environment: 'production',
    }).expect(202);
    await new Promise(resolve => setTimeout(resolve, 20));
    const expired = await decide(asked.body.request.id, 'approve', BOB).expect(
      409,
    );
    expect(expired.body.error.message).toMatch(
      /^Change request '.*' is expired, not pending|expired at/,
    );
    // the environment is free for a new request
    await change('checkout-api', 'restart', {
      environment: 'production',
    }).expect(202);
  });

  it('settles a request whose apply was interrupted, so it does not block the environment', async () => {
    await start();
    // what a replica that died between "approved" and "written" leaves behind
    await knex('change_requests').insert({
      id: '00000000-0000-4000-8000-000000000001',
      component_ref: 'component:acme/checkout-api',
      environment: 'production',
      kind: 'restart',
      change: JSON.stringify({ kind: 'restart' }),
      basis: JSON.stringify({ bound: true, state: 'Active' }),
      requested_by: ALICE,
      requested_at: new Date(Date.now() - 3_600_000).toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      state: 'applying',
      open_key: 'component:acme/checkout-api|production',
      applying_since: new Date(Date.now() - 3_600_000).toISOString(),
      decided_by: BOB,
    });
    const { body } = await request(backend.server)
      .get(api('/change-requests'))
      .set('Authorization', as(ALICE))
      .expect(200);
    expect(body.items[0]).toMatchObject({
      state: 'failed',
      outcome:
        'Interrupted while being applied (the backend stopped); nothing changed. Ask again.',
    });
    await change('checkout-api', 'restart', {
      environment: 'production',
    }).expect(202);
  });

  it('says a request being applied is not pending, not that its environment changed', async () => {
    await start();
    // another replica is applying it right now (or died doing so a moment ago)
    await knex('change_requests').insert({
      id: '00000000-0000-4000-8000-000000000002',
      component_ref: 'component:acme/checkout-api',
      environment: 'production',
      kind: 'restart',
      change: JSON.stringify({ kind: 'restart' }),
      basis: JSON.stringify({ bound: false }),
      requested_by: ALICE,
      requested_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      state: 'applying',
      open_key: 'component:acme/checkout-api|production',
      applying_since: new Date().toISOString(),
      decided_by: BOB,
    });
    const again = await request(backend.server)
      .post(
        api('/change-requests/00000000-0000-4000-8000-000000000002/approve'),
      )
      .set('Authorization', as(BOB))
      .send({})
      .expect(409);
    expect(again.body.error.message).toBe(
      "Change request '00000000-0000-4000-8000-000000000002' is applying, not pending; only pending requests can be approved",
    );
  });

  it('treats a pipeline environment no source knows as one that needs approval', async () => {
    await editSampleManifests(
      sample.dir,
      'platform/environments.yaml',
      resources => resources.filter(r => r.metadata.name !== 'production'),
    );
    await start();
    const planner = await runs('route-planner', 'production');
    expect(planner.requiresApproval).toBe(true);
    await change('route-planner', 'promote', {
      from: 'staging',
      to: 'production',
    }).expect(202);
  });

  it('refuses to start when an approval environment is misspelled', async () => {
    await expect(
      start({ approvals: { environments: ['prodution'] } }),
    ).rejects.toThrow(
      "choreo.approvals.environments names 'prodution', but no source has an Environment of that name (known: development, production, staging). Fix the name or remove it.",
    );
  });

  it('refuses a pipeline whose first environment needs approval, and says why', async () => {
    await start();
    const refused = await post('/namespaces/acme/pipelines', {
      name: 'straight-to-prod',
      promotionPaths: [
        { sourceEnvironment: 'production', targets: ['staging'] },
      ],
    }).expect(400);
    expect(refused.body.error.message).toMatch(
      /^The first environment of pipeline 'straight-to-prod', 'production', needs approval, but OpenChoreo deploys every build of an autoDeploy component there without asking anyone/,
    );
  });

  it('lists change requests a page at a time, newest first', async () => {
    await start();
    for (const component of [
      'checkout-api',
      'payment-gateway',
      'cart-service',
    ]) {
      await change(component, 'restart', { environment: 'production' }).expect(
        202,
      );
    }
    const first = await request(backend.server)
      .get(api('/change-requests?limit=2'))
      .set('Authorization', as(ALICE))
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(backend.server)
      .get(api(`/change-requests?limit=2&cursor=${first.body.nextCursor}`))
      .set('Authorization', as(ALICE))
      .expect(200);
    const ids = [...first.body.items, ...second.body.items].map(
      (r: any) => r.componentRef,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.body.nextCursor).toBeUndefined();
  });
});
