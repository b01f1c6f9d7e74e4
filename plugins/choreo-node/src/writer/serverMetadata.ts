import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';

type Plain = Record<string, unknown>;

/**
 * Metadata the API server owns and changes on its own: sending it back would
 * fail or pin stale values, a manifest in Git should not hold it, and nobody
 * decides on it.
 */
export const SERVER_METADATA: ReadonlySet<string> = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

/** The object without server-owned metadata (status stays). */
export function withoutServerMetadata(object: Plain): Plain {
  const metadata: Plain = {};
  for (const [key, value] of Object.entries(
    (object.metadata as Plain | undefined) ?? {},
  )) {
    if (!SERVER_METADATA.has(key)) metadata[key] = value;
  }
  return { ...object, metadata };
}

/**
 * The part of a resource a caller writes and decides on: without `status`
 * (the controllers' part) and without server-owned metadata.
 */
export function callerOwnedFields(resource: ChoreoResource): Plain {
  const { status: _status, ...rest } = resource as unknown as Plain;
  return withoutServerMetadata(rest);
}
