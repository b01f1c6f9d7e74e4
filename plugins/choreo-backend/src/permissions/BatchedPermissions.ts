import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import { callerToken } from './callerToken';

interface Waiter {
  requests: AuthorizePermissionRequest[];
  resolve: (decisions: AuthorizePermissionResponse[]) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  credentials: BackstageCredentials;
  waiters: Waiter[];
}

/**
 * The caller's own token when the credentials carry one (the default auth
 * service keeps it as a hidden property), so only requests made with the very
 * same token share a batch; otherwise the credentials object itself, which
 * batches nothing across requests.
 */
function batchKey(credentials: BackstageCredentials): unknown {
  return callerToken(credentials) ?? credentials;
}

/**
 * A PermissionsService that sends the `authorize` calls made during one turn
 * of the event loop with the same credentials as one call. Each decision
 * still comes from the policy, for that caller, at that moment: nothing is
 * kept here (CachedReadPermissions, in front of it, reuses read decisions
 * for a few seconds), and callers with different tokens are never mixed. It saves what a
 * call costs beyond the decision itself: a token issued for the permission
 * backend, the HTTP round trip, and the token checks on the other side —
 * under load most of the time a read route spends.
 */
export class BatchedPermissions implements PermissionsService {
  private readonly pending = new Map<unknown, Batch>();
  private scheduled = false;

  constructor(private readonly permissions: PermissionsService) {}

  /** Wraps `permissions` unless it already batches. */
  static of(permissions: PermissionsService): BatchedPermissions {
    return permissions instanceof BatchedPermissions
      ? permissions
      : new BatchedPermissions(permissions);
  }

  authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const key = batchKey(options.credentials);
    let batch = this.pending.get(key);
    if (!batch) {
      batch = { credentials: options.credentials, waiters: [] };
      this.pending.set(key, batch);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      // after the I/O phase: every request that arrived with it has asked by then
      setImmediate(() => this.flush());
    }
    const waiters = batch.waiters;
    return new Promise((resolve, reject) =>
      waiters.push({ requests, resolve, reject }),
    );
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.permissions.authorizeConditional(requests, options);
  }

  private flush() {
    this.scheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const { credentials, waiters } of batches) {
      const all = waiters.flatMap(w => w.requests);
      this.permissions.authorize(all, { credentials }).then(
        decisions => {
          let offset = 0;
          for (const waiter of waiters) {
            const end = offset + waiter.requests.length;
            waiter.resolve(decisions.slice(offset, end));
            offset = end;
          }
        },
        error => waiters.forEach(w => w.reject(error)),
      );
    }
  }
}
