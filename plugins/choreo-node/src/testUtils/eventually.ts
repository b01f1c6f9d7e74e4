/**
 * Retries `check` until it stops throwing, for behaviour that arrives through
 * a file watcher. The timeout is generous on purpose: tests assert what
 * happens, not how fast.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}
