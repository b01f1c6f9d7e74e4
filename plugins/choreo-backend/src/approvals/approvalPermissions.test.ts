import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CHOREO_RESOURCE_TYPE,
  choreoComponentReadPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  choreoConditions,
  createChoreoConditionalDecision,
} from '@choreo-for-backstage/plugin-choreo-node';
import { TestPolicy } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  TEST_DATABASE_IDS,
  startChoreoBackend,
} from '../__testUtils__/choreoTestBackend';
import { copySampleOrganization } from '../__testUtils__/sampleOrganization';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const AUDITOR = 'user:default/auditor';
const MALLORY = 'user:default/mallory';
const as = (user: string) => mockCredentials.user.header(user);
const CHECKOUT = 'component:acme/checkout-api';
const PLANNER = 'component:acme/route-planner';

const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const DENY = { result: AuthorizeResult.DENY } as const;

/**
 * Alice may do anything; the auditor may read components and the audit log;
 * Mallory may read every component but those of payments (checkout-api),
 * and not the audit log.
 */
const policy: TestPolicy = ({ permission }, user) => {
  const who = user?.info.userEntityRef;
  if (who === ALICE) return ALLOW;
  if (permission.name === 'choreo.audit.read') {
    return who === AUDITOR ? ALLOW : DENY;
  }
  if (permission.name !== choreoComponentReadPermission.name) return DENY;
  if (
    who !== MALLORY ||
    !isResourcePermission(permission, CHOREO_RESOURCE_TYPE)
  ) {
    return ALLOW;
  }
  return createChoreoConditionalDecision(permission, {
    not: choreoConditions.isInProject({ projects: ['acme/payments'] }),
  });
};

const databases = TestDatabases.create({ ids: TEST_DATABASE_IDS });

describe.each(databases.eachSupportedId())(
  'who may read change requests and the audit log, on %s',
  id => {
    let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
    let backend: Awaited<ReturnType<typeof startChoreoBackend>>;

    beforeEach(async () => {
      sample = await copySampleOrganization();
      backend = await startChoreoBackend({
        sourceDir: sample.dir,
        knex: await databases.init(id),
        policy,
      });
      // two production promotions waiting for approval
      for (const name of ['checkout-api', 'route-planner']) {
        await request(backend.server)
          .post(`/api/choreo/components/acme/${name}/promote`)
          .set('Authorization', as(ALICE))
          .send({ from: 'staging', to: 'production' })
          .expect(202);
      }
    });

    afterEach(async () => {
      await backend.stop();
      await sample.cleanup();
    });

    const requestsSeenBy = async (user: string, component?: string) =>
      (
        await request(backend.server)
          .get('/api/choreo/change-requests')
          .query(component ? { component } : {})
          .set('Authorization', as(user))
          .expect(200)
      ).body.items.map((r: { componentRef: string }) => r.componentRef);

    it('lists only the change requests of components the caller may read', async () => {
      expect((await requestsSeenBy(ALICE)).sort()).toEqual([CHECKOUT, PLANNER]);
      expect(await requestsSeenBy(MALLORY)).toEqual([PLANNER]);
      expect(await requestsSeenBy(MALLORY, CHECKOUT)).toEqual([]);
      expect(await requestsSeenBy(MALLORY, PLANNER)).toEqual([PLANNER]);
      await request(backend.server)
        .get('/api/choreo/change-requests')
        .set('Authorization', mockCredentials.none.header())
        .expect(401);
    });

    it('shows the audit log only to callers with choreo.audit.read, and says why to the others', async () => {
      const refused = await request(backend.server)
        .get('/api/choreo/audit')
        .set('Authorization', as(MALLORY))
        .expect(403);
      expect(refused.body.error.message).toBe(
        `You may not read the audit log: the permission policy denies 'choreo.audit.read' for ${MALLORY} (an OpenChoreo role granting 'auditlog:view' cluster-wide would allow it)`,
      );
      await request(backend.server)
        .get('/api/choreo/audit')
        .set('Authorization', mockCredentials.none.header())
        .expect(401);

      const allowed = await request(backend.server)
        .get('/api/choreo/audit')
        .query({ actor: ALICE })
        .set('Authorization', as(AUDITOR))
        .expect(200);
      expect(
        allowed.body.items.map((e: { target: string }) => e.target).sort(),
      ).toEqual([CHECKOUT, PLANNER]);
    });
  },
);
