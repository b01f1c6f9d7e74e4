import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { PromotionRequest } from '@choreo-for-backstage/plugin-choreo-common';
import { abortableSleep, describeWait } from './waiting';

/**
 * Waits until someone decides a promotion request. Resolves when it was
 * applied; throws when it was rejected, failed to apply, or nobody decided in
 * time (the request stays open: an approver can still apply it later).
 */
export async function awaitApproval(options: {
  request: PromotionRequest;
  list: () => Promise<PromotionRequest[]>;
  logger: LoggerService;
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}): Promise<PromotionRequest> {
  const { request, logger } = options;
  const deadline = Date.now() + options.timeoutMs;
  let state = request.state;
  for (;;) {
    const current = (await options.list()).find(r => r.id === request.id);
    if (current && current.state !== state) {
      state = current.state;
      logger.info(
        `Promotion request ${request.id} is ${state}${
          current.decidedBy ? ` (by ${current.decidedBy})` : ''
        }`,
      );
    }
    const why = current?.decisionComment ? `: ${current.decisionComment}` : '';
    switch (current?.state) {
      case 'applied':
        return current;
      case 'rejected':
        throw new NotAllowedError(
          `Promotion request ${request.id} was rejected by ${current.decidedBy}${why}`,
        );
      case 'failed':
        throw new ConflictError(
          `Promotion request ${request.id} was approved by ${current.decidedBy} but could not be applied${why}; see the audit log`,
        );
      default:
    }
    if (options.signal?.aborted) {
      throw new Error(
        `Stopped waiting for promotion request ${request.id}: the task was cancelled`,
      );
    }
    if (Date.now() + options.pollMs > deadline) {
      throw new Error(
        `Nobody decided promotion request ${request.id} within ${describeWait(
          options.timeoutMs,
        )}; it stays open, and approving it later still applies it`,
      );
    }
    await abortableSleep(options.pollMs, options.signal);
  }
}
