import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ChoreoPermission,
  ComponentRef,
  choreoComponentEntityRef,
} from '@choreo-for-backstage/plugin-choreo-common';

/** The entity ref (or service subject) a write is recorded under. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return principal.subject;
  }
  return 'unknown';
}

/** Checks Choreo permissions against the component's catalog entity. */
export class ComponentAuthorizer {
  constructor(private readonly permissions: PermissionsService) {}

  async allowed(
    credentials: BackstageCredentials,
    permission: ChoreoPermission,
    component: ComponentRef,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: choreoComponentEntityRef(component) }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * Throws NotAllowedError saying who may not do what, e.g.
   * "You may not promote acme/checkout-api to production: …".
   */
  async authorize(
    credentials: BackstageCredentials,
    permission: ChoreoPermission,
    component: ComponentRef,
    doWhat: string,
  ): Promise<void> {
    if (await this.allowed(credentials, permission, component)) return;
    throw new NotAllowedError(
      `You may not ${doWhat}: the permission policy denies '${
        permission.name
      }' on ${choreoComponentEntityRef(component)} for ${actorOf(credentials)}`,
    );
  }
}
