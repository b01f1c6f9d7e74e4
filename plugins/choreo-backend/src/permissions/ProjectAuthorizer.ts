import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { choreoComponentReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import { actorOf } from './ComponentAuthorizer';

/** The catalog System a Choreo project becomes. */
export const choreoSystemEntityRef = (ref: {
  namespace: string;
  name: string;
}) => `system:${ref.namespace}/${ref.name}`;

/**
 * Project-wide read models (the cell topology, its traffic) are read under
 * `choreo.component.read` on the project's System entity, as a component's
 * are on its Component entity. `what` names the thing in the refusal.
 */
export async function authorizeProjectRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  ref: { namespace: string; name: string },
  what: string,
): Promise<void> {
  const resourceRef = choreoSystemEntityRef(ref);
  const [decision] = await permissions.authorize(
    [{ permission: choreoComponentReadPermission, resourceRef }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return;
  throw new NotAllowedError(
    `You may not see ${what} of ${ref.namespace}/${
      ref.name
    }: the permission policy denies '${
      choreoComponentReadPermission.name
    }' on ${resourceRef} for ${actorOf(credentials)}`,
  );
}
