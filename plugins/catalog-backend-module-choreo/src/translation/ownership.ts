import {
  OwnershipInput,
  clusterOwner,
  resourceOwner,
} from '@choreo-for-backstage/plugin-choreo-node';
import { ObjectMeta } from '@choreo-for-backstage/plugin-choreo-common';
import { entityNamespace, entityRefs } from './entityNames';

export {
  namespaceOwner,
  normalizeOwnerRef,
  clusterOwner,
} from '@choreo-for-backstage/plugin-choreo-node';
export type { OwnerRule } from '@choreo-for-backstage/plugin-choreo-node';

/**
 * Who owns the entity made from `resource`: the owner named for it (see
 * resourceOwner in choreo-node, which permission decisions use too), else the
 * generated `<namespace>-team` group of its Backstage namespace, so that every
 * organization gets its own placeholder that says what to do.
 */
export function ownerOf(
  input: OwnershipInput & { source: string },
  resource: { metadata: ObjectMeta },
  project?: string,
): string {
  const named = resourceOwner(input, resource, project);
  if (named) {
    return named;
  }
  const namespace = resource.metadata.namespace;
  if (!namespace) {
    return (
      clusterOwner(input) ??
      entityRefs.fallbackOwnerGroup(
        entityNamespace({ cluster: true, source: input.source }),
      )
    );
  }
  return entityRefs.fallbackOwnerGroup(entityNamespace({ namespace }));
}
