import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  choreoComponentReadPermission,
  choreoReleaseManagePermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import { CachedReadPermissions } from './CachedReadPermissions';

// The policy itself is tested through Backstage's permission framework
// (permission-backend-module-choreo, readDecisionReuse.test.ts shows a revoked
// role stopping reads at once). Here: which questions reach the policy.

/** Stands in for the permission backend: answers from `allow` and records each question. */
function recordingPermissionsTestDouble(allow: () => boolean) {
  const asked: string[] = [];
  const service: PermissionsService = {
    async authorize(requests: AuthorizePermissionRequest[]) {
      return requests.map(r => {
        asked.push(
          `${r.permission.name} ${'resourceRef' in r ? r.resourceRef : ''}`,
        );
        return {
          result: allow() ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      });
    },
    authorizeConditional: async () => [],
  };
  return { service, asked };
}

/** User credentials as the default auth service makes them: with the token they came with. */
const signedIn = (token: string): BackstageCredentials =>
  Object.defineProperty(
    { ...mockCredentials.user('user:default/paula.payments') },
    'token',
    { value: token, enumerable: false },
  );

const REF = 'choreo:ns/acme/project/payments/component/checkout-api';
const read = { permission: choreoComponentReadPermission, resourceRef: REF };
const manage = {
  permission: choreoReleaseManagePermission,
  resourceRef: `${REF}/environment/staging`,
};

describe('CachedReadPermissions', () => {
  let now: number;
  let allowed: boolean;
  let policy: ReturnType<typeof recordingPermissionsTestDouble>;
  let permissions: CachedReadPermissions;
  beforeEach(() => {
    now = 0;
    allowed = true;
    policy = recordingPermissionsTestDouble(() => allowed);
    permissions = new CachedReadPermissions(policy.service, {
      ttlMs: 5_000,
      now: () => now,
    });
  });
  const ask = (credentials: BackstageCredentials, ...requests: any[]) =>
    permissions
      .authorize(requests, { credentials })
      .then(ds => ds.map(d => d.result));

  it('asks once for the same read with the same token, until the decision is old', async () => {
    const paula = signedIn('token-1');
    expect(await ask(paula, read)).toEqual([AuthorizeResult.ALLOW]);
    allowed = false;
    now = 4_999;
    expect(await ask(paula, read)).toEqual([AuthorizeResult.ALLOW]);
    expect(policy.asked).toHaveLength(1);
    now = 5_000;
    expect(await ask(paula, read)).toEqual([AuthorizeResult.DENY]);
    expect(policy.asked).toHaveLength(2);
  });

  it('always asks about changes, and never lends a decision to another token', async () => {
    await ask(signedIn('token-1'), manage, read);
    await ask(signedIn('token-1'), manage, read);
    await ask(signedIn('token-2'), read);
    expect(policy.asked).toEqual([
      `choreo.release.manage ${manage.resourceRef}`,
      `choreo.component.read ${REF}`,
      `choreo.release.manage ${manage.resourceRef}`,
      `choreo.component.read ${REF}`,
    ]);
  });

  it('keeps decisions in request order when only some were known', async () => {
    const paula = signedIn('token-1');
    await ask(paula, read);
    allowed = false;
    expect(await ask(paula, manage, read, manage)).toEqual([
      AuthorizeResult.DENY,
      AuthorizeResult.ALLOW,
      AuthorizeResult.DENY,
    ]);
  });

  it('forgets everything on clear, and reuses nothing without a token or a TTL', async () => {
    const paula = signedIn('token-1');
    await ask(paula, read);
    permissions.clear();
    await ask(paula, read);
    expect(policy.asked).toHaveLength(2);

    // spread: without the token the mock keeps out of sight
    const tokenless = {
      ...mockCredentials.user('user:default/paula.payments'),
    };
    await ask(tokenless, read);
    await ask(tokenless, read);
    expect(policy.asked).toHaveLength(4);

    const off = new CachedReadPermissions(policy.service, { ttlMs: 0 });
    await off.authorize([read], { credentials: paula });
    await off.authorize([read], { credentials: paula });
    expect(policy.asked).toHaveLength(6);
  });
});
