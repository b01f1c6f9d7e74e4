import { isDeepStrictEqual } from 'node:util';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';

/**
 * Whether `next` differs from `previous`. Kubernetes bumps `resourceVersion`
 * on every change, so when both carry one it is the cheap and exact answer;
 * objects from files have none and are compared in full.
 */
export function resourceChanged(
  previous: ChoreoResource,
  next: ChoreoResource,
): boolean {
  if (previous === next) {
    return false;
  }
  const before = previous.metadata.resourceVersion;
  const after = next.metadata.resourceVersion;
  if (before !== undefined && after !== undefined) {
    return before !== after;
  }
  return !isDeepStrictEqual(previous, next);
}
