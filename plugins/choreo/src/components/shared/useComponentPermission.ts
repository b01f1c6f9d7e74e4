import { usePermission } from '@backstage/plugin-permission-react';
import {
  ChoreoPermission,
  choreoComponentEntityRef,
} from '@choreo-for-backstage/plugin-choreo-common';

export interface ComponentPermission {
  allowed: boolean;
  loading: boolean;
  /** Why a button is disabled, for its tooltip; undefined when allowed. */
  deniedReason?: string;
}

/**
 * Whether the user may do `action` (e.g. "promote releases") on the component.
 * The backend checks again on every write; this only greys out buttons early.
 */
export function useComponentPermission(
  permission: ChoreoPermission,
  component: { namespace: string; name: string },
  action: string,
): ComponentPermission {
  const { allowed, loading } = usePermission({
    permission,
    resourceRef: choreoComponentEntityRef(component),
  });
  return {
    allowed,
    loading,
    deniedReason:
      allowed || loading
        ? undefined
        : `You do not have permission to ${action} of ${component.name}`,
  };
}
