import { IdentityApi } from '@backstage/frontend-plugin-api';

/** The same identity, with something to do before signing out. */
export function withSignOutStep(
  identity: IdentityApi,
  beforeSignOut: () => void,
): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      beforeSignOut();
      await identity.signOut();
    },
  };
}
