import {
  Entity,
  RELATION_DEPENDS_ON,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';
import useAsync from 'react-use/esm/useAsync';

export interface CellEnvironment {
  /** The Choreo environment name, as the choreo API takes it. */
  name: string;
  title: string;
}

export interface PipelineEnvironments {
  /** The pipeline's name; absent when the project's pipeline is not in the catalog. */
  pipeline?: string;
  environments: CellEnvironment[];
}

const environmentOf = (e: Entity): CellEnvironment => {
  const name =
    e.metadata.annotations?.[CHOREO_ENTITY_ANNOTATIONS.name] ?? e.metadata.name;
  return { name, title: e.metadata.title ?? name };
};

/**
 * The environments of the project's deployment pipeline, in promotion order.
 * The catalog has them: the System depends on its pipeline Resource, which
 * depends on its environments in promotion order. When the pipeline is
 * missing, every environment of the namespace (by name) rather than nothing.
 */
export function usePipelineEnvironments() {
  const { entity } = useEntity();
  const catalog = useApi(catalogApiRef);
  const list = useAsync(async (): Promise<
    PipelineEnvironments & { refs: string[] }
  > => {
    const candidates = (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef)
      .filter(ref => ref.startsWith('resource:'));
    const { items } = candidates.length
      ? await catalog.getEntitiesByRefs({ entityRefs: candidates })
      : { items: [] };
    const pipeline = items.find(
      (e): e is Entity => e?.spec?.type === 'deployment-pipeline',
    );
    if (pipeline) {
      const refs = ((pipeline.spec?.dependsOn ?? []) as string[]).map(ref =>
        parseEntityRef(ref, {
          defaultKind: 'resource',
          defaultNamespace: pipeline.metadata.namespace,
        }),
      );
      // environment entities carry the plain environment name; their
      // titles come in afterwards, off the path to the diagram
      return {
        pipeline:
          pipeline.metadata.annotations?.[CHOREO_ENTITY_ANNOTATIONS.name] ??
          pipeline.metadata.name,
        environments: refs.map(r => ({ name: r.name, title: r.name })),
        refs: refs.map(r => stringifyEntityRef(r)),
      };
    }
    const all = await catalog.getEntities({
      filter: {
        kind: 'Resource',
        'spec.type': 'environment',
        'metadata.namespace': entity.metadata.namespace ?? 'default',
      },
    });
    return {
      environments: all.items
        .map(environmentOf)
        .sort((a, b) => a.name.localeCompare(b.name)),
      refs: [],
    };
  }, [entity, catalog]);

  const refs = list.value?.refs ?? [];
  const titles = useAsync(async () => {
    if (refs.length === 0) return new Map<string, CellEnvironment>();
    const { items } = await catalog.getEntitiesByRefs({ entityRefs: refs });
    return new Map(
      items
        .filter((e): e is Entity => !!e)
        .map(e => [e.metadata.name, environmentOf(e)]),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, refs.join(',')]);

  if (!list.value) return list;
  return {
    ...list,
    value: {
      pipeline: list.value.pipeline,
      environments: list.value.environments.map(
        e => titles.value?.get(e.name) ?? e,
      ),
    },
  };
}
