import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { BatchedPermissions } from './BatchedPermissions';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ChoreoPermission,
  ComponentRef,
  choreoComponentEntityRef,
  choreoComponentReadPermission,
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
  private readonly permissions: PermissionsService;

  constructor(permissions: PermissionsService) {
    // read routes ask once per request: concurrent requests of a caller share one call
    this.permissions = BatchedPermissions.of(permissions);
  }

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
   * The component entity refs among `componentRefs` the caller may read
   * (`choreo.component.read`), decided in one call for the whole list.
   */
  async readable(
    credentials: BackstageCredentials,
    componentRefs: Iterable<string>,
  ): Promise<Set<string>> {
    const refs = [...new Set(componentRefs)];
    if (refs.length === 0) return new Set();
    const decisions = await this.permissions.authorize(
      refs.map(resourceRef => ({
        permission: choreoComponentReadPermission,
        resourceRef,
      })),
      { credentials },
    );
    return new Set(
      refs.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
    );
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
