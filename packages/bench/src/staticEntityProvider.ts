import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  DeferredEntity,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';

const PROVIDER_NAME = 'bench-static-entities';

/** `count` minimal Component entities: no relations beyond their owner, only the location annotations. */
export function plainEntities(
  count: number,
  namespace = 'bench',
): Array<DeferredEntity['entity']> {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `plain-${String(i).padStart(6, '0')}`,
      namespace,
      // what every provider sets: the catalog processes nothing without them
      annotations: {
        'backstage.io/managed-by-location': `${PROVIDER_NAME}:bench`,
        'backstage.io/managed-by-origin-location': `${PROVIDER_NAME}:bench`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'bench-team' },
  }));
}

/**
 * The ingest's baselines: a catalog module whose provider hands the catalog
 * `entities` in one full mutation when it connects, and does nothing else.
 * What the catalog then takes to serve them is its own cost.
 */
export function staticEntityProviderModule(entities: DeferredEntity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-static-entities',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => PROVIDER_NAME,
            connect: connection =>
              connection.applyMutation({ type: 'full', entities }),
          });
        },
      });
    },
  });
}

/** `count` plain entities, as a trivial provider delivers them. */
export function plainDeferredEntities(count: number): DeferredEntity[] {
  return plainEntities(count).map(entity => ({
    entity,
    locationKey: PROVIDER_NAME,
  }));
}
