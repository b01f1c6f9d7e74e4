import {
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  AuthorizeResult,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import { callerToken } from './callerToken';

/** How long a read decision is reused by default. */
export const DEFAULT_READ_DECISION_TTL_MS = 10_000;

/** Beyond this many decisions the oldest are dropped. */
const MAX_ENTRIES = 20_000;

interface Entry {
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  expires: number;
}

const isRead = (request: AuthorizePermissionRequest) =>
  request.permission.attributes.action === 'read';

const keyOf = (token: string, request: AuthorizePermissionRequest) =>
  `${token}\u0000${request.permission.name}\u0000${
    'resourceRef' in request ? request.resourceRef ?? '' : ''
  }`;

/**
 * A PermissionsService that reuses the decision on a *read* permission for
 * the same token, permission and resource for a few seconds, the way the
 * Kubernetes API server caches its authorization webhook's answers. A page
 * polls the same reads every few seconds; each decision otherwise costs a
 * round trip to the permission backend and, for conditional decisions, one
 * back to this plugin: most of a read route's time.
 *
 * What changes something is never cached: every other permission goes to
 * the policy each time. The token names the caller and carries their
 * groups, and it is verified on every request before any decision is
 * looked up, so an expired or forged token never meets a cached answer.
 * `clear()` forgets everything (the plugin calls it when an OpenChoreo role
 * or binding changes), so a revoked role stops reads at once; a change the
 * plugin cannot see (another policy's own data) takes effect within the TTL.
 */
export class CachedReadPermissions implements PermissionsService {
  private readonly decisions = new Map<string, Entry>();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly options: { ttlMs: number; now?: () => number },
  ) {}

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const token = callerToken(options.credentials);
    if (!token || this.options.ttlMs <= 0) {
      return this.permissions.authorize(requests, options);
    }
    const now = this.now();
    const answers: (AuthorizePermissionResponse | undefined)[] = requests.map(
      request => {
        if (!isRead(request)) return undefined;
        const entry = this.decisions.get(keyOf(token, request));
        return entry && entry.expires > now
          ? { result: entry.result }
          : undefined;
      },
    );
    const missing = requests.filter((_, i) => !answers[i]);
    if (missing.length === 0) {
      return answers as AuthorizePermissionResponse[];
    }
    const decided = await this.permissions.authorize(missing, options);
    const expires = this.now() + this.options.ttlMs;
    let next = 0;
    return answers.map((answer, i) => {
      if (answer) return answer;
      const decision = decided[next++];
      if (isRead(requests[i])) {
        this.remember(keyOf(token, requests[i]), {
          result: decision.result,
          expires,
        });
      }
      return decision;
    });
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.permissions.authorizeConditional(requests, options);
  }

  /** Forgets every decision. */
  clear(): void {
    this.decisions.clear();
  }

  private remember(key: string, entry: Entry) {
    this.decisions.delete(key);
    this.decisions.set(key, entry);
    if (this.decisions.size > MAX_ENTRIES) {
      // a Map iterates in insertion order: the first key is the oldest
      this.decisions.delete(this.decisions.keys().next().value!);
    }
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }
}
