import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CookieJar, headlessLogin } from './headlessLogin';

/*
 * The test IdP as the portal meets it: started from its CLI in a process of
 * its own, driven through the authorization code flow with PKCE by plain
 * HTTP requests, the way openid-client (Backstage's oidc authenticator) and
 * a browser do.
 */
const CLIENT = { id: 'backstage', secret: 'test-secret' };
const REDIRECT_URI = 'http://localhost:7007/api/auth/oidc/handler/frame';

let idp: ChildProcess;
let issuer: string;

beforeAll(async () => {
  idp = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.resolve(__dirname, 'cli.ts'),
      '--client-id',
      CLIENT.id,
      '--client-secret',
      CLIENT.secret,
      '--redirect-uri',
      REDIRECT_URI,
      '--session-lifetime-for',
      'leo.logistics=2',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: idp.stdout! }).once('line', resolve);
    idp.once('exit', code => reject(new Error(`test IdP exited with ${code}`)));
  });
  issuer = JSON.parse(firstLine).issuer;
}, 30_000);

afterAll(() => {
  idp?.kill('SIGTERM');
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(challenge?: string): string {
  const params = new URLSearchParams({
    client_id: CLIENT.id,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile email groups',
    state: 'state-1',
    nonce: 'nonce-1',
    ...(challenge
      ? { code_challenge: challenge, code_challenge_method: 'S256' }
      : {}),
  });
  return `${issuer}/auth?${params}`;
}

async function codeFor(username: string, challenge: string): Promise<string> {
  const callback = await headlessLogin(authorizeUrl(challenge), { username });
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('state')).toBe('state-1');
  return callback.searchParams.get('code')!;
}

async function tokenRequest(body: Record<string, string>) {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(
        `${CLIENT.id}:${CLIENT.secret}`,
      ).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(body),
  });
  return { status: response.status, body: await response.json() };
}

function jwtPart(jwt: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString());
}

describe('the test IdP', () => {
  it('announces PKCE with S256, the groups scope and a userinfo endpoint', async () => {
    const metadata = await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json();
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.userinfo_endpoint).toBe(`${issuer}/me`);
    expect(metadata.scopes_supported).toContain('groups');
  });

  it('refuses an authorization request without PKCE', async () => {
    const callback = await headlessLogin(authorizeUrl(), {
      username: 'paula.payments',
    });
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('signs a person in with code + PKCE: their groups in the ID token and userinfo', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('paula.payments', challenge);

    const tokens = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body.refresh_token).toEqual(expect.any(String));
    expect(jwtPart(tokens.body.id_token, 0).alg).toBe('RS256');
    expect(jwtPart(tokens.body.id_token, 1)).toMatchObject({
      iss: issuer,
      aud: CLIENT.id,
      sub: 'paula.payments',
      preferred_username: 'paula.payments',
      email: 'paula.payments@acme.example',
      email_verified: true,
      groups: ['payments-team'],
    });

    const userinfo = await fetch(`${issuer}/me`, {
      headers: { authorization: `Bearer ${tokens.body.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({
      sub: 'paula.payments',
      groups: ['payments-team'],
    });
  });

  it('refuses the code without the PKCE verifier', async () => {
    const code = await codeFor('sam.storefront', pkce().challenge);
    const tokens = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
    });
    expect(tokens.status).toBe(400);
    expect(tokens.body.error).toBe('invalid_grant');
  });

  it('shows its login page again on a wrong password', async () => {
    await expect(
      headlessLogin(authorizeUrl(pkce().challenge), {
        username: 'rita.release',
        password: 'nope',
      }),
    ).rejects.toThrow(
      /refused the login of rita.release.*Unknown username or wrong password\./s,
    );
  });

  it('remembers the sign-in: a second request in the same browser needs no login', async () => {
    const jar = new CookieJar();
    await headlessLogin(
      authorizeUrl(pkce().challenge),
      { username: 'pat.platform' },
      jar,
    );
    const again = await headlessLogin(
      authorizeUrl(pkce().challenge),
      { username: 'nobody', password: 'never used' },
      jar,
    );
    expect(again.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('ends a short session: its refresh token stops working', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('leo.logistics', challenge);
    const tokens = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    const refresh = () =>
      tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: tokens.body.refresh_token,
      });
    expect((await refresh()).status).toBe(200);

    await new Promise(resolve => setTimeout(resolve, 2_500));
    const expired = await refresh();
    expect(expired.status).toBe(400);
    expect(expired.body.error).toBe('invalid_grant');
  });
});
