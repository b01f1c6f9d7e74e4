/** The longest wait between two push attempts. */
export const MAX_RETRY_DELAY_MS = 5_000;

/**
 * How long to wait before push attempt `attempt + 1`: `baseMs` doubled per
 * attempt, times a random factor from 0.5 to 1.5 so that replicas that lost
 * the same race do not push at the same moment again.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(
    Math.min(MAX_RETRY_DELAY_MS, exponential) * (0.5 + random()),
  );
}
