import {
  mockCredentials,
  startTestBackend,
  mockServices,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleChoreo from '@choreo-for-backstage/plugin-catalog-backend-module-choreo';
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';
import {
  copySampleOrganization,
  eventually,
  permissionConfig,
  permissionFramework,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import request from 'supertest';
import { permissionModuleChoreoPolicy } from './module';

jest.setTimeout(90_000);

// The sample's people and their groups (examples/backstage-org.yaml), and
// the roles their groups hold (examples/acme/platform/access.yaml).
const PAT = 'user:default/pat.platform';
const RITA = 'user:default/rita.release';
const PAULA = 'user:default/paula.payments';
const STRANGER = 'user:default/someone-else';
const groups = {
  [PAT]: ['group:default/acme-platform'],
  [RITA]: ['group:default/release-managers'],
  [PAULA]: ['group:default/payments-team'],
};
const as = (user: string) => mockCredentials.user.header(user);

describe('OpenChoreo’s roles decide, through Backstage’s permission framework', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    sample = await copySampleOrganization();
    backend = await startTestBackend({
      features: [
        choreoPlugin,
        catalogPlugin,
        catalogModuleChoreo,
        permissionModuleChoreoPolicy,
        ...permissionFramework({ groups }),
        mockServices.rootConfig.factory({
          data: {
            ...permissionConfig,
            catalog: { processingInterval: { seconds: 1 } },
            choreo: {
              sources: [
                {
                  type: 'directory',
                  name: 'acme',
                  path: sample.dir,
                  git: { commit: true },
                },
              ],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await sample?.cleanup();
  });

  const post = (path: string, body: object, user: string) =>
    request(backend.server)
      .post(`/api/choreo${path}`)
      .set('Authorization', as(user))
      .send(body);

  it('lets a developer change their own project and not another team’s', async () => {
    await post(
      '/components/acme/checkout-api/restart',
      { environment: 'staging' },
      PAULA,
    ).expect(200);
    const other = await post(
      '/components/acme/route-planner/restart',
      { environment: 'development' },
      PAULA,
    ).expect(403);
    expect(other.body.error.message).toMatch(
      /'choreo\.release\.manage' on choreo:ns\/acme\/project\/logistics\/component\/route-planner\/environment\/development.*'releasebinding:update'/,
    );
  });

  it('lets a developer ask for production, and only a release approver approve it', async () => {
    const asked = await post(
      '/components/acme/checkout-api/promote',
      { from: 'staging', to: 'production' },
      PAULA,
    ).expect(202);
    const id = asked.body.request.id;
    // a developer holds no releasebinding:approve; a platform engineer neither
    await post(`/change-requests/${id}/approve`, {}, PAULA).expect(403);
    await post(`/change-requests/${id}/approve`, {}, PAT).expect(403);
    // the approver may not deploy anything herself
    await post(
      '/components/acme/shipping-api/restart',
      { environment: 'development' },
      RITA,
    ).expect(403);
    const approved = await post(
      `/change-requests/${id}/approve`,
      {},
      RITA,
    ).expect(200);
    expect(approved.body.request.state).toBe('applied');
  });

  it('shows the audit log and source details to platform engineers only', async () => {
    await request(backend.server)
      .get('/api/choreo/audit')
      .set('Authorization', as(PAT))
      .expect(200);
    const refused = await request(backend.server)
      .get('/api/choreo/audit')
      .set('Authorization', as(PAULA))
      .expect(403);
    expect(refused.body.error.message).toMatch(/'auditlog:view'/);
    const sources = await request(backend.server)
      .get('/api/choreo/sources')
      .set('Authorization', as(PAULA))
      .expect(200);
    expect(sources.body.items[0]).not.toHaveProperty('details');
  });

  it('lists in the catalog only the Choreo entities a person may view', async () => {
    const names = async (user: string) => {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-query?filter=kind=component&limit=200')
        .set('Authorization', as(user))
        .expect(200);
      return res.body.items.map(
        (e: { metadata: { namespace: string; name: string } }) =>
          `${e.metadata.namespace}/${e.metadata.name}`,
      );
    };
    await eventually(async () =>
      expect(await names(PAULA)).toContain('acme/checkout-api'),
    );
    // every team views the whole namespace in the sample
    expect(await names(PAULA)).toContain('acme/route-planner');
    // someone with no group is bound to no role: sees no Choreo component
    expect(
      (await names(STRANGER)).filter((n: string) => n.startsWith('acme/')),
    ).toEqual([]);
  });

  it('lists managed resources to those whose role views them', async () => {
    const resources = async (user: string) => {
      const res = await request(backend.server)
        .get(
          '/api/catalog/entities/by-query?filter=kind=resource,spec.type=postgres',
        )
        .set('Authorization', as(user))
        .expect(200);
      return res.body.items.map(
        (e: { metadata: { namespace: string; name: string } }) =>
          `${e.metadata.namespace}/${e.metadata.name}`,
      );
    };
    // the sample's viewer role holds resource:view in all of acme
    await eventually(async () =>
      expect(await resources(PAULA)).toEqual(['acme/orders-db-resource']),
    );
    expect(await resources(STRANGER)).toEqual([]);
  });
});
