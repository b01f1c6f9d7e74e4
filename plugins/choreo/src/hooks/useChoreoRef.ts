import { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';

/** The Choreo resource behind a catalog entity: its control-plane namespace, kind and name. */
export interface ChoreoResourceRef {
  kind: string;
  namespace: string;
  name: string;
  project?: string;
}

export function choreoRefOf(entity: Entity): ChoreoResourceRef | undefined {
  const a = entity.metadata.annotations ?? {};
  const kind = a[CHOREO_ENTITY_ANNOTATIONS.kind];
  const namespace = a[CHOREO_ENTITY_ANNOTATIONS.namespace];
  const name = a[CHOREO_ENTITY_ANNOTATIONS.name];
  if (!kind || !namespace || !name) return undefined;
  return {
    kind,
    namespace,
    name,
    project: a[CHOREO_ENTITY_ANNOTATIONS.project],
  };
}

/** True for entities the choreo catalog provider made from a Choreo resource of `kind`. */
export const isChoreoKind = (kind: string) => (entity: Entity) =>
  choreoRefOf(entity)?.kind === kind;

/** The current entity's Choreo resource; throws for entities that have none (the filters keep them out). */
export function useChoreoRef(): ChoreoResourceRef {
  const { entity } = useEntity();
  const ref = choreoRefOf(entity);
  if (!ref) {
    throw new Error(
      `${entity.kind} ${entity.metadata.name} was not made from a Choreo resource (no ${CHOREO_ENTITY_ANNOTATIONS.kind} annotation)`,
    );
  }
  return ref;
}
