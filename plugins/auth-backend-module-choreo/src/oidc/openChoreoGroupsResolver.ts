import { stringifyEntityRef } from '@backstage/catalog-model';
import { isError, NotAllowedError } from '@backstage/errors';
import {
  AuthResolverContext,
  createSignInResolverFactory,
  SignInInfo,
} from '@backstage/plugin-auth-node';
import { z } from 'zod/v3';
import { idpIdentityFromClaims } from './idpIdentity';

/**
 * The part of the oidc authenticator's result (`OidcAuthResult` of
 * @backstage/plugin-auth-backend-module-oidc-provider: openid-client's
 * userinfo response and token set) this resolver reads.
 */
export interface OidcClaimsResult {
  fullProfile: {
    userinfo: Record<string, unknown>;
    tokenset: { claims(): Record<string, unknown> };
  };
}

const optionsSchema = z
  .object({
    groupsClaim: z.string().default('groups'),
    userClaim: z.string().default('preferred_username'),
    dangerouslyAllowSignInWithoutUserInCatalog: z.boolean().default(false),
  })
  .default({});

/**
 * Signs in the person the identity provider names (`userClaim`, else the
 * local part of a verified email) and adds the IdP's groups (`groupsClaim`)
 * as `group:default/<group>` to the ownership refs (`ent`).
 *
 * The groups are added whatever the catalog says: OpenChoreo's role bindings
 * match the IdP's `groups` claim, and a Backstage permission policy sees only
 * `ownershipEntityRefs`, so this is how the same groups reach both.
 * Ownership from the catalog (the User entity and its `memberOf` groups)
 * comes on top when the User entity exists; when it does not, sign-in is
 * refused with a NotAllowedError that says what to do (not a NotFoundError:
 * Backstage would pass that on to the next resolver and show only a generic
 * message), unless `dangerouslyAllowSignInWithoutUserInCatalog` is set.
 */
export const openChoreoGroupsResolver = createSignInResolverFactory({
  optionsSchema,
  create(options) {
    return async (
      info: SignInInfo<OidcClaimsResult>,
      ctx: AuthResolverContext,
    ) => {
      const { userinfo, tokenset } = info.result.fullProfile;
      const identity = idpIdentityFromClaims(
        { userinfo, idToken: idTokenClaims(tokenset) },
        options,
      );

      let entity;
      try {
        ({ entity } = await ctx.findCatalogUser({
          entityRef: identity.userEntityRef,
        }));
      } catch (error) {
        if (!isError(error) || error.name !== 'NotFoundError') {
          throw error;
        }
        if (!options.dangerouslyAllowSignInWithoutUserInCatalog) {
          throw new NotAllowedError(
            `There is no User entity ${identity.userEntityRef} in the catalog for this sign-in. ` +
              `Add the person to the catalog's org data, or set dangerouslyAllowSignInWithoutUserInCatalog: true ` +
              `on the openChoreoGroups sign-in resolver to sign in with the identity provider's groups alone.`,
          );
        }
        return ctx.issueToken({
          claims: {
            sub: identity.userEntityRef,
            ent: [identity.userEntityRef, ...identity.groupEntityRefs],
          },
        });
      }

      const { ownershipEntityRefs } = await ctx.resolveOwnershipEntityRefs(
        entity,
      );
      return ctx.issueToken({
        claims: {
          sub: stringifyEntityRef(entity),
          ent: [
            ...new Set([...ownershipEntityRefs, ...identity.groupEntityRefs]),
          ],
        },
      });
    };
  },
});

/** A token set without an ID token (some refresh responses) has no claims to add. */
function idTokenClaims(tokenset: {
  claims(): Record<string, unknown>;
}): Record<string, unknown> {
  try {
    return tokenset.claims();
  } catch {
    return {};
  }
}
