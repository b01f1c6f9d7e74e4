import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import {
  CookieJar,
  headlessLogin,
  startTestIdp,
  TestIdp,
} from '@internal/test-idp';
import { startAuthBackend } from '../__testUtils__/startAuthBackend';

/*
 * OIDC sign-in end to end without a browser: Backstage's own oidc
 * authenticator (openid-client) against a real OpenID Provider, through the
 * real auth backend with this module's openChoreoGroups resolver.
 */

// The IdP must know the redirect URI before the backend's port is known, so
// the backend is told a fixed callback URL and the test replays the
// callback against the real server.
const CALLBACK_URL = 'http://localhost:7007/api/auth/oidc/handler/frame';
const CLIENT = { clientId: 'backstage', clientSecret: 'test-secret' };

let idp: TestIdp;
let backend: string;

beforeAll(async () => {
  idp = await startTestIdp({
    client: { ...CLIENT, redirectUris: [CALLBACK_URL] },
    log: () => {},
  });
  const { server } = await startAuthBackend({
    nodeEnv: 'test',
    auth: {
      session: { secret: 'test-session-secret' },
      providers: {
        oidc: {
          development: {
            metadataUrl: idp.metadataUrl,
            ...CLIENT,
            callbackUrl: CALLBACK_URL,
            prompt: 'auto',
            additionalScopes: ['groups'],
            signIn: { resolvers: [{ resolver: 'openChoreoGroups' }] },
          },
        },
      },
    },
  });
  backend = `http://localhost:${
    ((server as Server).address() as AddressInfo).port
  }`;
}, 60_000);

afterAll(() => idp?.close());

/** The portal's side of one browser: its cookies for the backend. */
async function backendGet(path: string, jar: CookieJar, headers = {}) {
  const response = await fetch(`${backend}${path}`, {
    redirect: 'manual',
    headers: { cookie: jar.header(), ...headers },
  });
  jar.take(response);
  return response;
}

async function signIn(username: string) {
  const portal = new CookieJar();
  const start = await backendGet(
    '/api/auth/oidc/start?env=development&flow=redirect&redirectUrl=http://localhost:3000/',
    portal,
  );
  const authorization = new URL(start.headers.get('location')!);

  const callback = await headlessLogin(authorization.toString(), { username });
  const frame = await backendGet(
    `/api/auth/oidc/handler/frame${callback.search}`,
    portal,
  );
  const refresh = await backendGet(
    '/api/auth/oidc/refresh?env=development',
    portal,
    {
      'x-requested-with': 'XMLHttpRequest',
    },
  );
  return { authorization, frame, refresh };
}

describe('OIDC sign-in with the openChoreoGroups resolver', () => {
  it('sends an authorization code request with PKCE (S256)', async () => {
    const { authorization } = await signIn('paula.payments');
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('response_type')).toBe('code');
    expect(authorization.searchParams.get('code_challenge_method')).toBe(
      'S256',
    );
    expect(authorization.searchParams.get('code_challenge')).toMatch(
      /^[\w-]{43}$/,
    );
    expect(authorization.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'groups']),
    );
    // prompt: auto sends no prompt, so the IdP may show its login page
    expect(authorization.searchParams.has('prompt')).toBe(false);
  });

  it('signs the person in with their catalog teams and their IdP groups', async () => {
    const { frame, refresh } = await signIn('paula.payments');
    expect(frame.status).toBe(302);
    expect(frame.headers.get('location')).toBe('http://localhost:3000/');

    expect(refresh.status).toBe(200);
    const body = await refresh.json();
    expect(body.profile).toMatchObject({
      email: 'paula.payments@acme.example',
      displayName: 'Paula Payments',
    });
    expect(body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/paula.payments',
      ownershipEntityRefs: [
        'user:default/paula.payments',
        'group:default/payments-team',
      ],
    });
  });

  it('refuses someone the IdP knows but the catalog does not', async () => {
    const { frame } = await signIn('leo.logistics');
    const redirect = new URL(frame.headers.get('location')!);
    expect(redirect.searchParams.get('error')).toMatch(
      /^There is no User entity user:default\/leo\.logistics in the catalog for this sign-in\. Add the person to the catalog's org data, or set dangerouslyAllowSignInWithoutUserInCatalog: true/,
    );
  });
});
