import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's entity ref, e.g. `user:acme/alice`; undefined while loading. */
export function useSignedInUser(): {
  userEntityRef?: string;
  loading: boolean;
} {
  const identityApi = useApi(identityApiRef);
  const { value, loading } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  return { userEntityRef: value?.userEntityRef, loading };
}

/** Entity refs compare without regard to case, as the catalog does. */
export const sameEntityRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
