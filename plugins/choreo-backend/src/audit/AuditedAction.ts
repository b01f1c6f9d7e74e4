import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { AuditLog, RequestOrigin } from './AuditLog';
import { actorOf } from '../permissions/ComponentAuthorizer';

/** Who is asking, and from where: every mutation takes one. */
export interface Caller {
  credentials: BackstageCredentials;
  origin?: RequestOrigin;
}

/**
 * Runs a write and records it in the audit log whatever happens: success,
 * refusal (403) or failure. `details` may grow while the write runs.
 */
export async function audited<T>(
  audit: AuditLog,
  caller: Caller,
  entry: { action: string; target: string; details: Record<string, unknown> },
  write: () => Promise<T>,
): Promise<T> {
  const base = {
    actor: actorOf(caller.credentials),
    action: entry.action,
    target: entry.target,
    origin: caller.origin,
  };
  try {
    const result = await write();
    await audit.record({ ...base, details: entry.details, result: 'ok' });
    return result;
  } catch (error) {
    await audit.record({
      ...base,
      details: entry.details,
      result: 'error',
      errorMessage: stringifyError(error),
    });
    throw error;
  }
}
