/**
 * Below this many removals in one run the guard stays out of the way: a
 * small organization deleting a component (its Component and API entities)
 * removes a large share of few entities, and that is not an outage.
 */
export const MIN_GUARDED_REMOVALS = 10;

/**
 * Why a run that removes `removed` of the `previous` entities must not be
 * applied, or undefined when it may. A source that loses most of what it
 * had in one go is far more often broken (wrong path, lost permissions, a
 * half-synced cluster) than emptied on purpose.
 */
export function massRemovalRefusal(
  removed: number,
  previous: number,
  maxRemovalShare: number,
): string | undefined {
  if (previous === 0 || removed < MIN_GUARDED_REMOVALS) {
    return undefined;
  }
  const share = removed / previous;
  if (share <= maxRemovalShare) {
    return undefined;
  }
  return (
    `it would remove ${removed} of ${previous} entities (${Math.round(
      share * 100,
    )}%), more than choreo.catalog.maxRemovalShare (${Math.round(
      maxRemovalShare * 100,
    )}%). ` +
    'If the removal is intended, raise choreo.catalog.maxRemovalShare (up to 1) and restart, or remove the resources in smaller steps.'
  );
}
