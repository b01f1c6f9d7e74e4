import { EntityMeta } from '@backstage/catalog-model';
import {
  CHOREO_ANNOTATIONS,
  ObjectMeta,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  BACKSTAGE_ANNOTATIONS,
  CHOREO_ENTITY_ANNOTATIONS,
} from './annotations';
import { EntityIdentity, toTag } from './entityNames';

/** The location the catalog records for every entity of one source. */
export function sourceLocation(source: string): string {
  return `choreo:${source}`;
}

/**
 * Name, title, description and the annotations every emitted entity carries:
 * the managing location (the catalog needs one) and the Choreo identity.
 */
export function entityMetadata(options: {
  id: EntityIdentity;
  source: string;
  /** The Choreo resource the entity is made from. */
  resource?: { kind: string; metadata: ObjectMeta };
  annotations?: Record<string, string | undefined>;
  tags?: Array<string | undefined>;
  title?: string;
  description?: string;
}): EntityMeta {
  const { id, source, resource } = options;
  const metaAnnotations = resource?.metadata.annotations ?? {};
  const annotations: Record<string, string> = {
    [BACKSTAGE_ANNOTATIONS.managedByLocation]: sourceLocation(source),
    [BACKSTAGE_ANNOTATIONS.managedByOriginLocation]: sourceLocation(source),
    [CHOREO_ENTITY_ANNOTATIONS.source]: source,
  };
  if (resource) {
    annotations[CHOREO_ENTITY_ANNOTATIONS.kind] = resource.kind;
    annotations[CHOREO_ENTITY_ANNOTATIONS.name] = resource.metadata.name;
    if (resource.metadata.namespace) {
      annotations[CHOREO_ENTITY_ANNOTATIONS.namespace] =
        resource.metadata.namespace;
    }
  }
  for (const [key, value] of Object.entries(options.annotations ?? {})) {
    if (value !== undefined && value !== '') {
      annotations[key] = value;
    }
  }
  const title =
    options.title ?? metaAnnotations[CHOREO_ANNOTATIONS.displayName];
  const description =
    options.description ?? metaAnnotations[CHOREO_ANNOTATIONS.description];
  const tags = Array.from(
    new Set(
      (options.tags ?? [])
        .map(tag => (tag ? toTag(tag) : undefined))
        .filter((tag): tag is string => !!tag),
    ),
  );
  return {
    name: id.name,
    namespace: id.namespace,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    annotations,
    ...(tags.length > 0 ? { tags } : {}),
  };
}
