/** One field where an existing resource differs from the one a request would write. */
export interface ManifestDifference {
  path: string;
  existing: unknown;
  requested: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every(k => equal(a[k], b[k]));
  }
  return a === b;
}

/**
 * Where `existing` does not already hold what `requested` says: every leaf of
 * `requested` (lists compare whole) must be in `existing` with the same
 * value. Fields only `existing` has (status, other annotations, defaults the
 * server filled in) do not count, so re-sending a create request finds no
 * differences and is a no-op.
 */
export function manifestDifferences(
  existing: unknown,
  requested: unknown,
  path: string[] = [],
): ManifestDifference[] {
  if (isObject(requested)) {
    const base = isObject(existing) ? existing : {};
    return Object.entries(requested).flatMap(([key, value]) =>
      manifestDifferences(base[key], value, [...path, key]),
    );
  }
  return equal(existing, requested)
    ? []
    : [{ path: path.join('.'), existing, requested }];
}

const show = (value: unknown) =>
  value === undefined ? 'not set' : JSON.stringify(value);

/** `spec.x is "a", the request says "b"; …`, for conflict messages. */
export function describeDifferences(
  differences: readonly ManifestDifference[],
  limit = 3,
): string {
  const shown = differences
    .slice(0, limit)
    .map(
      d =>
        `${d.path} is ${show(d.existing)}, the request says ${show(
          d.requested,
        )}`,
    );
  const more = differences.length - shown.length;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
