const UNITS: Array<[string, number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes", or undefined under 45 seconds. */
function span(seconds: number): string | undefined {
  if (seconds < 45) return undefined;
  for (const [unit, size] of UNITS) {
    const n = Math.round(seconds / size);
    if (n >= 1 && seconds >= size * 0.75) {
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return undefined;
}

/** "5 minutes ago"; `now` is a parameter so tests need no clock. */
export function timeAgo(
  iso: string | undefined,
  now: Date = new Date(),
): string | undefined {
  if (!iso) return undefined;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  const words = span(Math.round((now.getTime() - then) / 1000));
  return words ? `${words} ago` : 'just now';
}

/** "in 3 hours"; undefined once the time has passed. */
export function timeUntil(
  iso: string | undefined,
  now: Date = new Date(),
): string | undefined {
  if (!iso) return undefined;
  const then = Date.parse(iso);
  if (Number.isNaN(then) || then <= now.getTime()) return undefined;
  const words = span(Math.round((then - now.getTime()) / 1000));
  return words ? `in ${words}` : 'in less than a minute';
}

/** "1m 05s", "42s", "2h 03m". */
export function formatDuration(
  seconds: number | undefined,
): string | undefined {
  if (seconds === undefined || seconds < 0) return undefined;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
