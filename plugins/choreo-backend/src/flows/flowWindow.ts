const UNITS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
const MAX_WINDOW_MS = 24 * 3_600_000;

/**
 * A traffic snapshot's window in ms from its query form (`30s`, `15m`,
 * `2h`, at most a day); 15 minutes when none is asked for.
 */
export function windowMs(window = '15m'): number {
  const ms = Number(window.slice(0, -1)) * UNITS[window.at(-1) as 's'];
  return Math.min(ms, MAX_WINDOW_MS);
}
