import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  CHOREO_RESOURCE_TYPE,
  choreoReleaseApprovePermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  choreoConditions,
  createChoreoConditionalDecision,
} from '@choreo-for-backstage/plugin-choreo-node';
import { TestPolicy } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import request from 'supertest';
import { startChoreoBackend } from '../__testUtils__/choreoTestBackend';
import {
  copySampleOrganization,
  sampleComponent,
} from '../__testUtils__/sampleOrganization';

jest.setTimeout(60_000);

const PAULA = 'user:default/paula.payments';
const RITA = 'user:default/rita.release';
const as = (user: string) => mockCredentials.user.header(user);
const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const DENY = { result: AuthorizeResult.DENY } as const;

/**
 * The README's example: owners may change their components outside
 * production and ask for production; only release managers approve.
 */
const ownersOutsideProduction: TestPolicy = (req, user) => {
  const { permission } = req;
  if (!user || !isResourcePermission(permission, CHOREO_RESOURCE_TYPE)) {
    return DENY;
  }
  const groups = user.info.ownershipEntityRefs;
  if (permission.name === choreoReleaseApprovePermission.name) {
    return groups.includes('group:default/release-managers') ? ALLOW : DENY;
  }
  if (permission.attributes.action === 'read') return ALLOW;
  return createChoreoConditionalDecision(permission, {
    allOf: [
      choreoConditions.isOwner({ claims: groups }),
      {
        anyOf: [
          { not: choreoConditions.isInProductionEnvironment() },
          // asking for production is fine: the gate makes it a request
          choreoConditions.needsApproval(),
        ],
      },
    ],
  });
};

describe('permissions a policy can write', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>> | undefined;

  beforeEach(async () => {
    sample = await copySampleOrganization();
  });
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await sample.cleanup();
  });

  const start = async (policy: TestPolicy) => {
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      policy,
      groups: {
        [PAULA]: ['group:default/payments-team'],
        [RITA]: ['group:default/release-managers'],
      },
    });
    return backend;
  };
  const post = (path: string, body: object, auth: string) =>
    request(backend!.server)
      .post(`/api/choreo${path}`)
      .set('Authorization', auth)
      .send(body);

  it('tells production from development: owners roll back in staging, only release managers approve production', async () => {
    await start(ownersOutsideProduction);
    const checkout = await sampleComponent(
      sample.dir,
      'payments',
      'checkout-api',
    );
    const [older] = checkout.releases;
    // payments-team owns checkout-api (backstage.io/owner on its project)
    await post(
      '/components/acme/checkout-api/rollback',
      { environment: 'staging', releaseName: older },
      as(PAULA),
    ).expect(200);
    const asked = await post(
      '/components/acme/checkout-api/rollback',
      { environment: 'production', releaseName: older },
      as(PAULA),
    ).expect(202);
    // not her component: shipping-api belongs to logistics
    const shipping = await post(
      '/components/acme/shipping-api/restart',
      { environment: 'staging' },
      as(PAULA),
    ).expect(403);
    expect(shipping.body.error.message).toMatch(
      /^You may not restart acme\/shipping-api in staging: the permission policy denies 'choreo\.release\.manage' on choreo:ns\/acme\/project\/logistics\/component\/shipping-api\/environment\/staging for user:default\/paula\.payments/,
    );
    const selfApproval = await post(
      `/change-requests/${asked.body.request.id}/approve`,
      {},
      as(PAULA),
    ).expect(403);
    expect(selfApproval.body.error.message).toMatch(
      /denies 'choreo\.release\.approve'.*releasebinding:approve/,
    );
    await post(
      `/change-requests/${asked.body.request.id}/approve`,
      {},
      as(RITA),
    ).expect(200);
  });

  it('gives nothing of Choreo to a policy that grants every catalog-entity permission to owners', async () => {
    // the usual Backstage policy, reduced to its effect: catalog-entity permissions allowed
    await start(req =>
      isResourcePermission(req.permission, 'catalog-entity') ? ALLOW : DENY,
    );
    const refused = await post(
      '/components/acme/checkout-api/promote',
      { from: 'development', to: 'staging' },
      as(PAULA),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /denies 'choreo\.release\.promote' on choreo:ns\/acme/,
    );
  });

  it('lets only people request, approve or reject: Backstage allows service tokens without asking the policy', async () => {
    await start(() => ALLOW);
    const service = mockCredentials.service.header();
    const promote = await post(
      '/components/acme/checkout-api/promote',
      { from: 'staging', to: 'production' },
      service,
    ).expect(403);
    expect(promote.body.error.message).toMatch(
      /^Only people may change things through the choreo API; .* is a service/,
    );
    const asked = await post(
      '/components/acme/checkout-api/promote',
      { from: 'staging', to: 'production' },
      as(PAULA),
    ).expect(202);
    for (const decision of ['approve', 'reject']) {
      await post(
        `/change-requests/${asked.body.request.id}/${decision}`,
        {},
        service,
      ).expect(403);
    }
    // reading stays open to services (search, other plugins)
    await request(backend!.server)
      .get('/api/choreo/components/acme/checkout-api/deployments')
      .set('Authorization', service)
      .expect(200);
  });
});
