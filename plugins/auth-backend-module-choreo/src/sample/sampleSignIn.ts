import { isUserEntity } from '@backstage/catalog-model';
import { isError, NotFoundError } from '@backstage/errors';
import {
  AuthResolverContext,
  ProfileTransform,
  SignInResolver,
} from '@backstage/plugin-auth-node';
import { SamplePerson } from './sampleAuthenticator';

/**
 * Signs in as the picked person's User entity, so ownership (the person and
 * the groups they are a member of) comes from the catalog as it would for
 * anyone signing in through the identity provider.
 */
export const signInAsSamplePerson: SignInResolver<SamplePerson> = async (
  { result },
  ctx,
) => {
  try {
    return await ctx.signInWithCatalogUser({ entityRef: result.userEntityRef });
  } catch (error) {
    if (isError(error) && error.name === 'NotFoundError') {
      throw new NotFoundError(
        `${result.userEntityRef} is listed in auth.providers.sample.people but is not in the catalog ` +
          `(the sample's people are in examples/backstage-org.yaml); the catalog may still be loading`,
      );
    }
    throw error;
  }
};

/** The profile shown in the portal: the person's display name from the catalog. */
export const sampleProfileTransform: ProfileTransform<SamplePerson> = async (
  { userEntityRef },
  ctx: AuthResolverContext,
) => {
  const displayName = await ctx
    .findCatalogUser({ entityRef: userEntityRef })
    .then(({ entity }) =>
      isUserEntity(entity) && entity.spec.profile?.displayName
        ? entity.spec.profile.displayName
        : entity.metadata.name,
    )
    // the sign-in resolver says what is wrong when the person is missing
    .catch(() => undefined);
  return { profile: displayName ? { displayName } : {} };
};
