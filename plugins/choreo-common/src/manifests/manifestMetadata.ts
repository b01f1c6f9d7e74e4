import { CHOREO_ANNOTATIONS } from '../constants';
import { ObjectMeta } from '../resources';

/** What a person says about a new resource; all optional. */
export interface DescribedResource {
  displayName?: string;
  description?: string;
  /** Catalog entity ref of the Backstage owner (`group:default/team`). */
  owner?: string;
}

/**
 * Metadata of a new namespaced resource: display name and description in the
 * annotations OpenChoreo reads, the Backstage owner in ours. Empty values are
 * left out so a manifest carries only what was said.
 */
export function manifestMetadata(
  namespace: string,
  name: string,
  described: DescribedResource = {},
  labels?: Record<string, string>,
): ObjectMeta {
  const annotations: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed) annotations[key] = trimmed;
  };
  set(CHOREO_ANNOTATIONS.displayName, described.displayName);
  set(CHOREO_ANNOTATIONS.description, described.description);
  set(CHOREO_ANNOTATIONS.owner, described.owner);
  return {
    name,
    namespace,
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}
