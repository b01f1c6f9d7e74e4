import request from 'supertest';
import { startAuthBackend } from '../__testUtils__/startAuthBackend';

/*
 * Sample sign-in through the real auth backend: the `sample` provider's
 * refresh endpoint, as the sign-in page's ProxiedSignInPage calls it, the
 * people it offers, and its refusal outside development.
 */
const SAMPLE = {
  providers: {
    sample: {
      people: ['user:default/paula.payments', 'user:default/rita.release'],
    },
  },
};

function refresh(server: Parameters<typeof request>[0], person?: string) {
  const call = request(server)
    .get('/api/auth/sample/refresh')
    .set('x-requested-with', 'XMLHttpRequest');
  return person ? call.set('x-choreo-sample-user', person) : call;
}

describe('sample sign-in in development', () => {
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    ({ server } = await startAuthBackend({
      auth: SAMPLE,
      nodeEnv: 'development',
    }));
  });

  it('signs in as the picked person with their teams from the catalog', async () => {
    const response = await refresh(server, 'user:default/paula.payments');
    expect(response.status).toBe(200);
    expect(response.body.profile).toEqual({ displayName: 'Paula Payments' });
    expect(response.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/paula.payments',
      ownershipEntityRefs: [
        'user:default/paula.payments',
        'group:default/payments-team',
      ],
    });

    // a real Backstage token: the auth backend knows whose it is
    const userinfo = await request(server)
      .get('/api/auth/v1/userinfo')
      .set('authorization', `Bearer ${response.body.backstageIdentity.token}`);
    expect(userinfo.body.claims).toMatchObject({
      sub: 'user:default/paula.payments',
      ent: ['user:default/paula.payments', 'group:default/payments-team'],
    });
  });

  it('takes a short name for the person too', async () => {
    const response = await refresh(server, 'rita.release');
    expect(response.body.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/rita.release',
    );
  });

  it('refuses a person who is not listed in auth.providers.sample.people', async () => {
    const response = await refresh(server, 'user:default/mallory');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      "user:default/mallory is not one of the sample's people; auth.providers.sample.people lists user:default/paula.payments, user:default/rita.release",
    );
  });

  it('refuses a request without X-Requested-With (another site cannot sign you in)', async () => {
    const response = await request(server)
      .get('/api/auth/sample/refresh')
      .set('x-choreo-sample-user', 'user:default/paula.payments');
    expect(response.status).toBe(403);
  });

  it('asks for the person when none is named', async () => {
    const response = await refresh(server);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /needs the header x-choreo-sample-user/,
    );
  });

  it('lists the people for the sign-in page, without a token', async () => {
    const response = await request(server).get('/api/auth/sample/people');
    expect(response.status).toBe(200);
    expect(response.body.people).toEqual([
      {
        userEntityRef: 'user:default/paula.payments',
        displayName: 'Paula Payments',
        description: 'Payments developer',
        teams: [
          { entityRef: 'group:default/payments-team', displayName: 'Payments' },
        ],
      },
      {
        userEntityRef: 'user:default/rita.release',
        displayName: 'Rita Release',
        description: 'Approves promotions into production',
        teams: [
          {
            entityRef: 'group:default/release-managers',
            displayName: 'Release managers',
          },
        ],
      },
    ]);
  });
});

describe('sample sign-in outside development', () => {
  it('is refused under NODE_ENV=production, saying why and what to configure instead', async () => {
    const { server } = await startAuthBackend({
      auth: SAMPLE,
      nodeEnv: 'production',
    });

    const response = await refresh(server, 'user:default/paula.payments');
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    const message: string = response.body.error.message;
    expect(message).toContain(
      'is for development only, and this backend runs with NODE_ENV=production',
    );
    expect(message).toContain(
      'auth.providers.oidc with the openChoreoGroups sign-in resolver',
    );
    expect(message).toContain('"Sign-in" section of the README');

    const people = await request(server).get('/api/auth/sample/people');
    expect(people.status).toBe(403);
    expect(people.body.error.message).toBe(message);
  });

  it('offers nothing when auth.providers.sample is not configured', async () => {
    const { server } = await startAuthBackend({
      auth: { providers: {} },
      nodeEnv: 'development',
    });
    expect((await refresh(server, 'user:default/paula.payments')).status).toBe(
      404,
    );
    expect((await request(server).get('/api/auth/sample/people')).status).toBe(
      404,
    );
  });
});
