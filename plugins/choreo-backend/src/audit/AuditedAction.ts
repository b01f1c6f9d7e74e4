import { LoggerService } from '@backstage/backend-plugin-api';
import { Caller, actorOf } from '../shared/caller';
import { toPublicError } from '../shared/publicErrors';
import { AuditLog } from './AuditLog';
import { auditDetails } from './auditDetails';

export interface AuditContext {
  audit: AuditLog;
  logger: LoggerService;
}

/**
 * Runs a write between an audit intent and its outcome. No intent, no
 * write: when the log cannot be written, nothing happens. A failed outcome
 * update is logged, not thrown: the change happened and its intent row says
 * so. The caller gets plain errors (see toPublicError), and the log records
 * the same words. `details` may grow while the write runs.
 */
export async function audited<T>(
  ctx: AuditContext,
  caller: Caller,
  entry: { action: string; target: string; details: Record<string, unknown> },
  write: () => Promise<T>,
): Promise<T> {
  const id = await ctx.audit.begin({
    actor: actorOf(caller.credentials),
    action: entry.action,
    target: entry.target,
    details: auditDetails(entry.details),
    origin: caller.origin,
  });
  const finish = async (
    result: 'ok' | 'refused' | 'error',
    errorMessage?: string,
  ) => {
    try {
      await ctx.audit.finish(id, {
        result,
        details: auditDetails(entry.details),
        errorMessage,
      });
    } catch (error) {
      ctx.logger.error(
        `Could not record the outcome (${result}) of audit entry ${id}, ${entry.action} on ${entry.target}; the entry stays pending`,
        error as Error,
      );
    }
  };
  let result: T;
  try {
    result = await write();
  } catch (error) {
    const plain = toPublicError(error, ctx.logger);
    await finish(
      plain.name === 'NotAllowedError' ? 'refused' : 'error',
      plain.message,
    );
    throw plain;
  }
  await finish('ok');
  return result;
}
