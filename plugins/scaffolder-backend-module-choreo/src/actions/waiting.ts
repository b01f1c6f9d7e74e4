/** Waits `ms`, or less when the task is cancelled. */
export function abortableSleep(
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise<void>(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/** `30 minute(s)`, or `12 second(s)` for waits under a minute. */
export function describeWait(ms: number): string {
  return ms >= 60_000
    ? `${Math.round(ms / 60_000)} minute(s)`
    : `${Math.round(ms / 1000)} second(s)`;
}
