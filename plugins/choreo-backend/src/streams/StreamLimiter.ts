import { TooManyRequestsError } from '../shared/publicErrors';

export interface StreamLimits {
  /** Open streams (build logs, flows) one person may have. */
  perCaller: number;
  /** Open streams of everyone together. */
  total: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perCaller: 8, total: 200 };

/**
 * Counts open server-sent event streams per caller and overall. Each open
 * stream holds a socket, a timer and a producer (a pod log or a flow
 * subscription), so without a cap one tab-happy person or script could
 * starve everyone; the limit answers 429 with what to do.
 */
export class StreamLimiter {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: StreamLimits = DEFAULT_STREAM_LIMITS) {}

  /** Takes a slot for `caller`; call the returned function once the stream ends. */
  acquire(caller: string): () => void {
    const mine = this.open.get(caller) ?? 0;
    if (mine >= this.limits.perCaller) {
      throw new TooManyRequestsError(
        `You have ${mine} live streams open (build logs, network flows), the most one person may have; close some tabs or views and try again`,
      );
    }
    if (this.total >= this.limits.total) {
      throw new TooManyRequestsError(
        `The backend is serving ${this.total} live streams, as many as it is configured for (choreo.streams.maxTotal); try again in a minute`,
      );
    }
    this.open.set(caller, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.open.get(caller) ?? 1) - 1;
      if (left > 0) this.open.set(caller, left);
      else this.open.delete(caller);
    };
  }

  /** Open streams: of one caller, or of everyone. */
  count(caller?: string): number {
    return caller === undefined ? this.total : this.open.get(caller) ?? 0;
  }
}
