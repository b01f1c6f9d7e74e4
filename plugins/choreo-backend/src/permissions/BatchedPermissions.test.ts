import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  choreoComponentReadPermission,
  choreoReleasePromotePermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import { BatchedPermissions } from './BatchedPermissions';

/** Credentials as the default auth service makes them: the token rides along, hidden. */
function withToken(user: string, token: string): BackstageCredentials {
  const credentials = withoutToken(user);
  Object.defineProperty(credentials, 'token', { value: token });
  return credentials;
}

function withoutToken(user: string): BackstageCredentials {
  return {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: user },
  };
}

const read = (component: string): AuthorizePermissionRequest => ({
  permission: choreoComponentReadPermission,
  resourceRef: `component:acme/${component}`,
});

/** Allows reading everything but `secret`, and nothing else; records each call. */
function recordingPermissions() {
  const calls: Array<{ user: string; refs: string[] }> = [];
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) => {
      calls.push({
        user: (credentials.principal as { userEntityRef: string })
          .userEntityRef,
        refs: requests.map(r => r.resourceRef ?? r.permission.name),
      });
      return requests.map(r => ({
        result:
          r.permission.name === choreoComponentReadPermission.name &&
          r.resourceRef !== 'component:acme/secret'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
  });
  return { permissions, calls };
}

describe('BatchedPermissions', () => {
  it('asks once for concurrent requests with the same token, and answers each with its own decisions', async () => {
    const { permissions, calls } = recordingPermissions();
    const batched = new BatchedPermissions(permissions);
    const alice = withToken('user:default/alice', 'token-a');
    const [a, b, c] = await Promise.all([
      batched.authorize([read('shop')], { credentials: alice }),
      batched.authorize([read('secret'), read('cart')], {
        credentials: withToken('user:default/alice', 'token-a'),
      }),
      batched.authorize(
        [{ permission: choreoReleasePromotePermission, resourceRef: 'x' }],
        { credentials: alice },
      ),
    ]);
    expect(calls).toHaveLength(1);
    expect(a.map(d => d.result)).toEqual([AuthorizeResult.ALLOW]);
    expect(b.map(d => d.result)).toEqual([
      AuthorizeResult.DENY,
      AuthorizeResult.ALLOW,
    ]);
    expect(c.map(d => d.result)).toEqual([AuthorizeResult.DENY]);
  });

  it('never decides for one caller with the credentials of another', async () => {
    const { permissions, calls } = recordingPermissions();
    const batched = new BatchedPermissions(permissions);
    await Promise.all([
      batched.authorize([read('shop')], {
        credentials: withToken('user:default/alice', 'token-a'),
      }),
      batched.authorize([read('cart')], {
        credentials: withToken('user:default/bob', 'token-b'),
      }),
      // no token to tell them apart: each credentials object on its own
      batched.authorize([read('shop')], {
        credentials: withoutToken('user:default/carol'),
      }),
      batched.authorize([read('cart')], {
        credentials: withoutToken('user:default/carol'),
      }),
    ]);
    expect(calls).toEqual([
      { user: 'user:default/alice', refs: ['component:acme/shop'] },
      { user: 'user:default/bob', refs: ['component:acme/cart'] },
      { user: 'user:default/carol', refs: ['component:acme/shop'] },
      { user: 'user:default/carol', refs: ['component:acme/cart'] },
    ]);
  });

  it('keeps no decision: a later request asks the policy again', async () => {
    const { permissions, calls } = recordingPermissions();
    const batched = new BatchedPermissions(permissions);
    const alice = withToken('user:default/alice', 'token-a');
    await batched.authorize([read('shop')], { credentials: alice });
    await batched.authorize([read('shop')], { credentials: alice });
    expect(calls).toHaveLength(2);
  });

  it('fails every request of a batch when the permission backend fails', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async () => {
        throw new Error('permission backend unavailable');
      },
    });
    const batched = new BatchedPermissions(permissions);
    const alice = withToken('user:default/alice', 'token-a');
    const results = await Promise.allSettled([
      batched.authorize([read('shop')], { credentials: alice }),
      batched.authorize([read('cart')], { credentials: alice }),
    ]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
  });
});
