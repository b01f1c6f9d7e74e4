import { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthResolverContext } from '@backstage/plugin-auth-node';
import { openChoreoGroupsResolver } from './openChoreoGroupsResolver';

const paula: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'paula.payments', namespace: 'default' },
  spec: { memberOf: [] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments-team' }],
};

/** An auth resolver context over a catalog holding `users`. */
function context(users: Entity[]) {
  const issueToken = jest.fn(async (params: { claims: object }) => ({
    token: JSON.stringify(params.claims),
  }));
  const ctx: AuthResolverContext = {
    issueToken,
    async findCatalogUser(query) {
      const ref = 'entityRef' in query ? query.entityRef : undefined;
      const entity = users.find(u => `user:default/${u.metadata.name}` === ref);
      if (!entity) {
        throw new NotFoundError('User not found');
      }
      return { entity };
    },
    async signInWithCatalogUser() {
      throw new Error('not used');
    },
    async resolveOwnershipEntityRefs(entity) {
      return {
        ownershipEntityRefs: [
          `user:default/${entity.metadata.name}`,
          ...(entity.relations ?? []).map(r => r.targetRef),
        ],
      };
    },
  };
  return { ctx, issueToken };
}

/** What openid-client hands the resolver: userinfo and the ID token's claims. */
function signIn(userinfo: Record<string, unknown>, idToken = {}) {
  return {
    profile: {},
    result: {
      fullProfile: { userinfo, tokenset: { claims: () => idToken } },
    },
  };
}

describe('openChoreoGroups sign-in resolver', () => {
  it('signs in the catalog user and adds the IdP groups to the ownership refs', async () => {
    const { ctx, issueToken } = context([paula]);
    await openChoreoGroupsResolver()(
      signIn({
        sub: 'f3a1',
        preferred_username: 'paula.payments',
        groups: ['payments-team', 'oncall', '/Release Managers'],
      }),
      ctx,
    );
    expect(issueToken).toHaveBeenCalledWith({
      claims: {
        sub: 'user:default/paula.payments',
        ent: [
          'user:default/paula.payments',
          'group:default/payments-team',
          'group:default/oncall',
          'group:default/release-managers',
        ],
      },
    });
  });

  it('reads the claims from the ID token when userinfo lacks them', async () => {
    const { ctx, issueToken } = context([paula]);
    await openChoreoGroupsResolver()(
      signIn(
        { sub: 'f3a1' },
        { preferred_username: 'paula.payments', groups: ['auditors'] },
      ),
      ctx,
    );
    expect(issueToken.mock.calls[0][0].claims).toMatchObject({
      sub: 'user:default/paula.payments',
      ent: expect.arrayContaining(['group:default/auditors']),
    });
  });

  it('uses the configured claims, and a verified email when the user claim is missing', async () => {
    const { ctx, issueToken } = context([paula]);
    await openChoreoGroupsResolver({
      userClaim: 'upn',
      groupsClaim: 'roles',
    })(
      signIn({
        email: 'paula.payments@acme.example',
        email_verified: true,
        roles: 'payments-team',
        groups: ['ignored'],
      }),
      ctx,
    );
    expect(issueToken.mock.calls[0][0].claims).toEqual({
      sub: 'user:default/paula.payments',
      ent: ['user:default/paula.payments', 'group:default/payments-team'],
    });
  });

  it('does not trust an unverified email to name the person', async () => {
    const { ctx } = context([paula]);
    await expect(
      openChoreoGroupsResolver()(
        signIn({ email: 'paula.payments@acme.example', email_verified: false }),
        ctx,
      ),
    ).rejects.toThrow(
      "The identity provider sent neither a 'preferred_username' claim nor a verified email",
    );
  });

  it('refuses a person who is not in the catalog, saying what to do', async () => {
    const { ctx, issueToken } = context([]);
    const signingIn = openChoreoGroupsResolver()(
      signIn({ preferred_username: 'nina.new', groups: ['payments-team'] }),
      ctx,
    );
    await expect(signingIn).rejects.toThrow(NotAllowedError);
    await expect(signingIn).rejects.toThrow(
      /no User entity user:default\/nina\.new .* dangerouslyAllowSignInWithoutUserInCatalog/,
    );
    expect(issueToken).not.toHaveBeenCalled();
  });

  it('with dangerouslyAllowSignInWithoutUserInCatalog, signs them in with the IdP groups alone', async () => {
    const { ctx, issueToken } = context([]);
    await openChoreoGroupsResolver({
      dangerouslyAllowSignInWithoutUserInCatalog: true,
    })(
      signIn({ preferred_username: 'Nina.New', groups: ['payments-team'] }),
      ctx,
    );
    expect(issueToken).toHaveBeenCalledWith({
      claims: {
        sub: 'user:default/nina.new',
        ent: ['user:default/nina.new', 'group:default/payments-team'],
      },
    });
  });

  it('passes on catalog failures other than a missing user', async () => {
    const { ctx } = context([]);
    ctx.findCatalogUser = async () => {
      throw new Error('catalog unavailable');
    };
    await expect(
      openChoreoGroupsResolver({
        dangerouslyAllowSignInWithoutUserInCatalog: true,
      })(signIn({ preferred_username: 'paula.payments' }), ctx),
    ).rejects.toThrow('catalog unavailable');
  });
});
