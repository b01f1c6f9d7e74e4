import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ActionFacts,
  ChoreoPermission,
  ChoreoResourceScope,
  choreoResourceRef,
  openChoreoActionFor,
} from '@choreo-for-backstage/plugin-choreo-common';
import { actorOf, isUser } from '../shared/caller';
import { BatchedPermissions } from './BatchedPermissions';
import {
  CachedReadPermissions,
  DEFAULT_READ_DECISION_TTL_MS,
} from './CachedReadPermissions';

/**
 * Checks Choreo permissions with the caller's credentials, on the
 * `choreo-resource` of a scope. Permissions that change something are only
 * for people: Backstage answers ALLOW to every service principal without
 * asking the policy, so a plugin token would otherwise pass any check.
 */
export class ChoreoAuthorizer {
  private readonly permissions: CachedReadPermissions;

  constructor(
    permissions: PermissionsService,
    options: {
      /** How long a read decision is reused for the same token; 0 never. */
      readDecisionTtlMs?: number;
    } = {},
  ) {
    // read routes ask once per request: concurrent requests of a caller share
    // one call, and a page polling the same reads reuses the decision a while
    this.permissions = new CachedReadPermissions(
      BatchedPermissions.of(permissions),
      { ttlMs: options.readDecisionTtlMs ?? DEFAULT_READ_DECISION_TTL_MS },
    );
  }

  /** Forgets the reused read decisions: access rules changed. */
  forgetDecisions(): void {
    this.permissions.clear();
  }

  async allowed(
    credentials: BackstageCredentials,
    permission: ChoreoPermission,
    scope: ChoreoResourceScope,
  ): Promise<boolean> {
    if (permission.attributes.action !== 'read' && !isUser(credentials)) {
      return false;
    }
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: choreoResourceRef(scope) }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * Throws NotAllowedError saying who may not do what, and which OpenChoreo
   * action a role would have to grant, e.g. "You may not promote
   * acme/checkout-api to production: …".
   */
  async authorize(
    credentials: BackstageCredentials,
    permission: ChoreoPermission,
    scope: ChoreoResourceScope,
    doWhat: string,
    facts: ActionFacts = {},
  ): Promise<void> {
    if (await this.allowed(credentials, permission, scope)) return;
    if (!isUser(credentials)) {
      throw new NotAllowedError(
        `You may not ${doWhat}: ${actorOf(
          credentials,
        )} is a service, and only people may make changes`,
      );
    }
    const action = openChoreoActionFor(permission.name, scope, facts);
    throw new NotAllowedError(
      `You may not ${doWhat}: the permission policy denies '${
        permission.name
      }' on ${choreoResourceRef(scope)} for ${actorOf(credentials)}${
        action
          ? ` (an OpenChoreo role granting '${action}' there would allow it)`
          : ''
      }`,
    );
  }

  /** Checks a permission that is not about one resource (the audit log, source details). */
  async authorizeBasic(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    doWhat: string,
  ): Promise<void> {
    if (await this.allowedBasic(credentials, permission)) return;
    throw new NotAllowedError(
      `You may not ${doWhat}: the permission policy denies '${
        permission.name
      }' for ${actorOf(credentials)}${
        openChoreoActionFor(permission.name)
          ? ` (an OpenChoreo role granting '${openChoreoActionFor(
              permission.name,
            )}' cluster-wide would allow it)`
          : ''
      }`,
    );
  }

  async allowedBasic(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * The scopes among `scopes` the caller may read (`choreo.component.read`),
   * decided in one call for the whole list; keyed by resource ref.
   */
  async readable(
    credentials: BackstageCredentials,
    permission: ChoreoPermission,
    scopes: ChoreoResourceScope[],
  ): Promise<Set<string>> {
    const refs = [...new Set(scopes.map(choreoResourceRef))];
    if (refs.length === 0) return new Set();
    const decisions = await this.permissions.authorize(
      refs.map(resourceRef => ({ permission, resourceRef })),
      { credentials },
    );
    return new Set(
      refs.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
    );
  }
}
