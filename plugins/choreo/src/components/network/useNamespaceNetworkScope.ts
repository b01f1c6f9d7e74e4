import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { choreoApiRef } from '../../api/choreoApi';
import { ChoreoResourceRef } from '../../hooks/useChoreoRef';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';
import useAsync from 'react-use/esm/useAsync';
import {
  EnvironmentInfo,
  PLATFORM_RESOURCE_TYPES,
  environmentInfo,
  orderEnvironments,
} from '../platform/platformEntities';
import {
  componentPromotionOrder,
  projectPromotionOrder,
} from '../platform/promotionOrder';

const NAMESPACE_KEY = `metadata.annotations.${CHOREO_ENTITY_ANNOTATIONS.namespace}`;
const KIND_KEY = `metadata.annotations.${CHOREO_ENTITY_ANNOTATIONS.kind}`;
const NAME_KEY = `metadata.annotations.${CHOREO_ENTITY_ANNOTATIONS.name}`;

export interface NamespaceNetworkScope {
  /** In promotion order. */
  environments: EnvironmentInfo[];
  /** Choreo names of the namespace's components: the peers a flow can have besides `world`. */
  components: string[];
}

/**
 * The environments and components of the namespace of a component or
 * project, from the catalog: what the Network tab lets you pick. The
 * environments come in the order of its pipeline.
 */
export function useNamespaceNetworkScope(ref: ChoreoResourceRef) {
  const catalogApi = useApi(catalogApiRef);
  const choreoApi = useApi(choreoApiRef);
  const { kind, namespace, name } = ref;
  return useAsync(async (): Promise<NamespaceNetworkScope> => {
    const [resources, components, order] = await Promise.all([
      catalogApi.getEntities({
        filter: {
          kind: 'Resource',
          'spec.type': PLATFORM_RESOURCE_TYPES.environment,
          [NAMESPACE_KEY]: namespace,
        },
      }),
      catalogApi.getEntities({
        filter: {
          kind: 'Component',
          [KIND_KEY]: 'Component',
          [NAMESPACE_KEY]: namespace,
        },
        fields: [`${NAME_KEY}`, 'metadata.name'],
      }),
      kind === 'Project'
        ? projectPromotionOrder(catalogApi, choreoApi, { namespace, name })
        : componentPromotionOrder(choreoApi, { namespace, name }),
    ]);
    return {
      environments: orderEnvironments(
        resources.items.map(environmentInfo),
        order,
      ),
      components: components.items
        .map(
          c =>
            c.metadata.annotations?.[CHOREO_ENTITY_ANNOTATIONS.name] ??
            c.metadata.name,
        )
        .sort(),
    };
  }, [catalogApi, choreoApi, kind, namespace, name]);
}
