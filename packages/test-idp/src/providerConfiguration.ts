import { randomBytes } from 'node:crypto';
import type { Account, Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { TestIdpAccount } from './accounts';
import { sessionLifetimeOf, TestIdpLifetimes } from './lifetimes';
import { generateSigningKey } from './signingKey';

/** The one confidential client: the portal's backend. */
export interface TestIdpClient {
  clientId: string;
  clientSecret: string;
  /** The portal's oidc handler, e.g. http://localhost:7007/api/auth/oidc/handler/frame */
  redirectUris: string[];
}

/** Every scope the client may get; the portal asks for `groups` with additionalScopes. */
const SCOPES = ['openid', 'profile', 'email', 'groups', 'offline_access'];

/**
 * The oidc-provider configuration of the test IdP: authorization code flow
 * with PKCE required, the sample's people as accounts with their groups,
 * RS256 keys made at start, and lifetimes a test can make short.
 */
export function providerConfiguration(options: {
  client: TestIdpClient;
  accounts: ReadonlyMap<string, TestIdpAccount>;
  lifetimes: TestIdpLifetimes;
  sessionLifetimeFor: Readonly<Record<string, number>>;
}): Configuration {
  const { client, accounts, lifetimes, sessionLifetimeFor } = options;
  const sessionLifetime = (accountId: string | undefined) =>
    sessionLifetimeOf(accountId, lifetimes, sessionLifetimeFor);

  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    // Public and confidential clients alike must send a code_challenge (S256).
    pkce: { required: () => true },
    jwks: { keys: [generateSigningKey()] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: SCOPES,
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // Like Keycloak: the ID token carries the profile claims too, not only userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? accountClaims(account) : undefined;
    },
    // A first-party client: no consent screen, every scope granted at login.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const grantId =
        oidc.result?.consent?.grantId ??
        (oidc.client
          ? oidc.session?.grantIdFor(oidc.client.clientId)
          : undefined);
      const existing = grantId
        ? await oidc.provider.Grant.find(grantId)
        : undefined;
      if (existing || !oidc.client || !oidc.session?.accountId) {
        return existing;
      }
      const grant = new oidc.provider.Grant({
        clientId: oidc.client.clientId,
        accountId: oidc.session.accountId,
      });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    // Refresh tokens without offline_access, as Keycloak hands them out; they
    // end with the IdP session (oidc-provider's expiresWithSession).
    issueRefreshToken: async (_ctx, oidcClient) =>
      oidcClient.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: lifetimes.accessToken,
      IdToken: lifetimes.idToken,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Grant: 24 * 60 * 60,
      Session: (_ctx, session) => sessionLifetime(session.accountId),
      RefreshToken: (_ctx, token) => sessionLifetime(token.accountId),
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
  };
}

function accountClaims(account: TestIdpAccount): Account {
  return {
    accountId: account.username,
    claims: () => ({
      sub: account.username,
      name: account.name,
      preferred_username: account.username,
      email: account.email,
      email_verified: true,
      groups: account.groups,
    }),
  };
}
