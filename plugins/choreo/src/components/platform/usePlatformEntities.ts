import { useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { choreoApiRef } from '../../api/choreoApi';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';
import useAsync from 'react-use/esm/useAsync';
import {
  EnvironmentInfo,
  PLATFORM_RESOURCE_TYPES,
  PipelineInfo,
  PlaneInfo,
  environmentInfo,
  orderEnvironments,
  pipelineInfo,
  planeInfo,
} from './platformEntities';
import { projectPromotionOrder } from './promotionOrder';

export interface PipelineOverview extends PipelineInfo {
  /** Environment refs in promotion order, when a project using it could tell. */
  promotionOrder?: string[];
}

export interface PlatformEntities {
  environments: EnvironmentInfo[];
  pipelines: PipelineOverview[];
  dataPlanes: PlaneInfo[];
  workflowPlanes: PlaneInfo[];
}

const byTitle = <T extends { title: string }>(a: T, b: T) =>
  a.title.localeCompare(b.title);

/** The platform kinds as the choreo catalog provider put them in the catalog (Resource entities). */
export function usePlatformEntities() {
  const catalogApi = useApi(catalogApiRef);
  const choreoApi = useApi(choreoApiRef);
  return useAsync(async (): Promise<PlatformEntities> => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Resource',
        'spec.type': Object.values(PLATFORM_RESOURCE_TYPES),
        [`metadata.annotations.${CHOREO_ENTITY_ANNOTATIONS.kind}`]: [
          'Environment',
          'DeploymentPipeline',
          'DataPlane',
          'ClusterDataPlane',
          'WorkflowPlane',
          'ClusterWorkflowPlane',
        ],
      },
    });
    const ofType = (type: string) => items.filter(e => e.spec?.type === type);
    const environments = ofType(PLATFORM_RESOURCE_TYPES.environment).map(
      environmentInfo,
    );
    // the catalog keeps no order: ask the backend through a project that uses the pipeline
    const pipelines: PipelineOverview[] = await Promise.all(
      ofType(PLATFORM_RESOURCE_TYPES.pipeline)
        .map(pipelineInfo)
        .sort(byTitle)
        .map(async pipeline => {
          const project = pipeline.projectRefs[0];
          const names = project
            ? await projectPromotionOrder(catalogApi, choreoApi, {
                namespace: pipeline.namespace,
                name: parseEntityRef(project).name,
              })
            : undefined;
          const refOf = (env: string) =>
            environments.find(
              e => e.namespace === pipeline.namespace && e.name === env,
            )?.ref;
          const promotionOrder = names
            ?.map(refOf)
            .filter((ref): ref is string => !!ref);
          return { ...pipeline, promotionOrder };
        }),
    );
    // one namespace after the other, each in the order of its first ordered pipeline
    const namespaces = Array.from(
      new Set(environments.map(e => e.namespace)),
    ).sort();
    const orderOf = (ns: string) =>
      pipelines
        .find(p => p.namespace === ns && p.promotionOrder)
        ?.promotionOrder?.map(
          ref => environments.find(e => e.ref === ref)?.name ?? '',
        );
    return {
      environments: namespaces.flatMap(ns =>
        orderEnvironments(
          environments.filter(e => e.namespace === ns),
          orderOf(ns),
        ),
      ),
      pipelines,
      dataPlanes: ofType(PLATFORM_RESOURCE_TYPES.dataPlane)
        .map(planeInfo)
        .sort(byTitle),
      workflowPlanes: ofType(PLATFORM_RESOURCE_TYPES.workflowPlane)
        .map(planeInfo)
        .sort(byTitle),
    };
  }, [catalogApi, choreoApi]);
}
