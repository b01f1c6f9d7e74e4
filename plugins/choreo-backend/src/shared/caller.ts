import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { Request } from 'express';

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  /** The client's address; behind a proxy, as `backend.trustProxy` lets Express read it. */
  ip?: string;
  userAgent?: string;
}

/** Who is asking, and from where: every service call takes one. */
export interface Caller {
  credentials: BackstageCredentials;
  origin?: RequestOrigin;
  /** From the `Idempotency-Key` header of a write. */
  idempotencyKey?: string;
}

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

export const isUser = (credentials: BackstageCredentials) =>
  (credentials.principal as { type?: string }).type === 'user';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The authenticated caller (401 without credentials). Writes take only
 * people: Backstage lets plugin and external-access tokens past every
 * permission check without asking the policy, so a service could otherwise
 * approve production changes. The scaffolder's actions call on behalf of
 * the user who started the task, which counts as that user.
 */
export async function callerOf(
  httpAuth: HttpAuthService,
  req: Request,
  options: { write?: boolean } = {},
): Promise<Caller> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  if (options.write && !isUser(credentials)) {
    throw new NotAllowedError(
      `Only people may change things through the choreo API; ${actorOf(
        credentials,
      )} is a service. A plugin acting for someone must call on behalf of that user.`,
    );
  }
  const key = req.get('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new InputError(
      'Idempotency-Key must be 1 to 128 letters, digits or . _ : -',
    );
  }
  return {
    credentials,
    origin: {
      ip: req.ip,
      userAgent: req.get('user-agent')?.slice(0, 256),
    },
    ...(key ? { idempotencyKey: key } : {}),
  };
}
