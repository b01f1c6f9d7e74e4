import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { actorOf } from '../permissions/ComponentAuthorizer';

/** A permission to check: basic, or on one catalog entity. */
export type CreationPermission =
  | { permission: BasicPermission; resourceRef?: undefined }
  | { permission: ResourcePermission; resourceRef: string };

/**
 * Checks the permissions of resource creation with the caller's credentials.
 * The refusal says which permission is missing, on what, for whom.
 */
export class ResourceCreationAuthorizer {
  constructor(private readonly permissions: PermissionsService) {}

  async authorize(
    credentials: BackstageCredentials,
    check: CreationPermission,
    doWhat: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize([check], {
      credentials,
    });
    if (decision.result === AuthorizeResult.ALLOW) return;
    const on = check.resourceRef ? ` on ${check.resourceRef}` : '';
    throw new NotAllowedError(
      `You may not ${doWhat}: the permission policy denies '${
        check.permission.name
      }'${on} for ${actorOf(credentials)}`,
    );
  }
}
