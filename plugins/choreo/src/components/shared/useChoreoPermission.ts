import { usePermission } from '@backstage/plugin-permission-react';
import {
  ActionFacts,
  ChoreoPermission,
  ChoreoResourceScope,
  choreoResourceRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import { deniedReason } from './accessHintWords';
import { useAccessOverview } from './ChoreoAccessProvider';

export interface ChoreoPermissionState {
  allowed: boolean;
  loading: boolean;
  /** Why a button is disabled, for its tooltip; undefined when allowed. */
  deniedReason?: string;
}

/** A component scope without its project cannot be asked about. */
function refOf(scope: ChoreoResourceScope | undefined): string | undefined {
  if (!scope || (scope.component && !scope.project)) return undefined;
  return choreoResourceRef(scope);
}

/**
 * Whether the user may `what` (a verb phrase naming the place, e.g. "roll
 * back in production") on `scope`, with the reason when not: the
 * OpenChoreo action and the roles that grant it, from the page's
 * ChoreoAccessProvider. The backend checks again on every write; this only
 * greys out buttons early.
 */
export function useChoreoPermission(
  permission: ChoreoPermission,
  scope: ChoreoResourceScope | undefined,
  what: string,
  facts?: ActionFacts,
): ChoreoPermissionState {
  const resourceRef = refOf(scope);
  const { allowed, loading } = usePermission({ permission, resourceRef });
  const access = useAccessOverview();
  if (allowed || loading) return { allowed, loading };
  return {
    allowed,
    loading,
    deniedReason: deniedReason({
      what,
      permissionName: permission.name,
      scope: resourceRef ? scope : undefined,
      facts,
      access: access.value,
    }),
  };
}
