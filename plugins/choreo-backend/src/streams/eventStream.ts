import { scrubMessage } from '../shared/publicErrors';
import { Response } from 'express';

export interface EventStreamOptions {
  /** The stream ends with an `timeout` event after this long, whatever happens. */
  timeoutMs: number;
  /** A comment line every so often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

export type StreamEnd = 'complete' | 'timeout' | 'closed' | 'error';

/**
 * Sends the items of `produce` as server-sent events. Backpressure: the next
 * item is pulled only once the socket took the previous one. The producer's
 * signal aborts when the client disconnects or the hard timeout passes.
 */
export async function sendEventStream<T>(
  res: Response,
  produce: (signal: AbortSignal) => AsyncIterable<T>,
  options: EventStreamOptions & {
    event: string;
    /** Names the event per item (e.g. `flow` and `lost`); default: `event` with the item as data. */
    toEvent?: (item: T) => { event: string; data: unknown };
    onEnd?: (end: StreamEnd) => Record<string, unknown>;
  },
): Promise<StreamEnd> {
  const controller = new AbortController();
  let end: StreamEnd | undefined;
  const stop = (why: StreamEnd) => {
    end ??= why;
    controller.abort();
  };
  // the response closes early when the client goes away
  const onClose = () => {
    if (!res.writableFinished) stop('closed');
  };
  res.on('close', onClose);
  const timeout = setTimeout(() => stop('timeout'), options.timeoutMs);
  const heartbeat = setInterval(
    () => write(': keep-alive\n\n'),
    options.heartbeatMs ?? 15_000,
  );

  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform keeps the compression middleware from buffering the stream
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();

  function write(chunk: string): boolean {
    if (res.writableEnded || res.destroyed) return true;
    const ok = res.write(chunk);
    (res as Response & { flush?: () => void }).flush?.();
    return ok;
  }
  const drained = () =>
    new Promise<void>(resolve => {
      const done = () => {
        res.off('drain', done);
        controller.signal.removeEventListener('abort', done);
        resolve();
      };
      res.on('drain', done);
      controller.signal.addEventListener('abort', done);
    });
  const event = (name: string, data: unknown) =>
    write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

  const iterator = produce(controller.signal)[Symbol.asyncIterator]();
  // a producer that ignores the signal must not hold the stream past the timeout
  const aborted = new Promise<'aborted'>(resolve =>
    controller.signal.addEventListener('abort', () => resolve('aborted')),
  );
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === 'aborted' || next.done) break;
      const item = options.toEvent
        ? options.toEvent(next.value)
        : { event: options.event, data: next.value };
      if (!event(item.event, item.data)) await drained();
    }
    end ??= 'complete';
  } catch (error) {
    if (!controller.signal.aborted) {
      end = 'error';
      // plain words only: a source's error may name paths and servers
      event('error', {
        message: scrubMessage((error as Error).message ?? String(error)),
      });
    }
  } finally {
    clearTimeout(timeout);
    clearInterval(heartbeat);
    controller.abort();
    iterator.return?.().catch(() => undefined);
  }
  const finalEnd = end ?? 'complete';
  if (finalEnd !== 'closed') {
    event('end', { reason: finalEnd, ...options.onEnd?.(finalEnd) });
    res.end();
  }
  return finalEnd;
}
