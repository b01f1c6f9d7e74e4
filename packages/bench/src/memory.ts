import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, so RSS readings compare what is retained rather
 * than what happens to be uncollected. Uses `global.gc` when node runs with
 * --expose-gc, else enables it at runtime.
 */
function gcFunction(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) {
    return exposed;
  }
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  gc ??= gcFunction();
  gc();
  gc();
}

/** Resident set size in MB after a full collection. */
export function settledRssMb(): number {
  collectGarbage();
  return process.memoryUsage().rss / (1024 * 1024);
}
