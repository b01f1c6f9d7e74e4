import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { ChangeRequest } from '@choreo-for-backstage/plugin-choreo-common';
import { abortableSleep, describeWait } from './waiting';

/**
 * Waits until someone decides a change request. Resolves when it was
 * applied; throws when it was rejected, withdrawn, went stale, expired,
 * failed to apply, or nobody decided in time (the request stays open: an
 * approver can still apply it later).
 */
export async function awaitApproval(options: {
  request: ChangeRequest;
  /** The request as the backend has it now. */
  fetch: () => Promise<ChangeRequest | undefined>;
  logger: LoggerService;
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}): Promise<ChangeRequest> {
  const { request, logger } = options;
  const deadline = Date.now() + options.timeoutMs;
  let state = request.state;
  for (;;) {
    const current = await options.fetch();
    if (current && current.state !== state) {
      state = current.state;
      logger.info(
        `Change request ${request.id} is ${state}${
          current.decidedBy ? ` (by ${current.decidedBy})` : ''
        }`,
      );
    }
    const reason = current?.decisionComment ?? current?.outcome;
    const why = reason ? `: ${reason}` : '';
    switch (current?.state) {
      case 'applied':
        return current;
      case 'rejected':
      case 'withdrawn':
        throw new NotAllowedError(
          `Change request ${request.id} was ${current.state} by ${current.decidedBy}${why}`,
        );
      case 'failed':
      case 'stale':
      case 'expired':
        throw new ConflictError(
          `Change request ${request.id} ${
            current.state === 'failed'
              ? `was approved by ${current.decidedBy} but could not be applied`
              : `is ${current.state}`
          }${why}`,
        );
      default:
    }
    if (options.signal?.aborted) {
      throw new Error(
        `Stopped waiting for change request ${request.id}: the task was cancelled`,
      );
    }
    if (Date.now() + options.pollMs > deadline) {
      throw new Error(
        `Nobody decided change request ${request.id} within ${describeWait(
          options.timeoutMs,
        )}; it stays open until it expires at ${
          request.expiresAt
        }, and approving it before then still applies it`,
      );
    }
    await abortableSleep(options.pollMs, options.signal);
  }
}
