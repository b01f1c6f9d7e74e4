import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ChoreoClient } from '@choreo-for-backstage/plugin-choreo-common';
import { choreoApiRef } from './api/choreoApi';

/*
 * The same features for apps still on the legacy frontend system
 * (@backstage/core-plugin-api): add the contents to the entity pages and the
 * pages to the app's routes yourself.
 */

const legacyMarketplaceRouteRef = createRouteRef({ id: 'choreo:marketplace' });
const legacyPlatformRouteRef = createRouteRef({ id: 'choreo:platform' });

export const legacyChoreoPlugin = createPlugin({
  id: 'choreo',
  apis: [
    createApiFactory({
      api: choreoApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ChoreoClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    marketplace: legacyMarketplaceRouteRef,
    platformOverview: legacyPlatformRouteRef,
  },
});

const component = (
  name: string,
  load: () => Promise<() => JSX.Element | null>,
) =>
  legacyChoreoPlugin.provide(
    createComponentExtension({ name, component: { lazy: load } }),
  );

export const EntityChoreoDeployContent = component(
  'EntityChoreoDeployContent',
  () => import('./components/deploy/DeployContent').then(m => m.DeployContent),
);
export const EntityChoreoBuildsContent = component(
  'EntityChoreoBuildsContent',
  () => import('./components/builds/BuildsContent').then(m => m.BuildsContent),
);
export const EntityChoreoCellContent = component(
  'EntityChoreoCellContent',
  () => import('./components/cell/CellContent').then(m => m.CellContent),
);
export const EntityChoreoNetworkContent = component(
  'EntityChoreoNetworkContent',
  () =>
    import('./components/network/NetworkContent').then(m => m.NetworkContent),
);
export const EntityChoreoDeploymentStatusCard = component(
  'EntityChoreoDeploymentStatusCard',
  () =>
    import('./components/overview/DeploymentStatusCard').then(
      m => m.DeploymentStatusCard,
    ),
);
export const EntityChoreoEndpointsCard = component(
  'EntityChoreoEndpointsCard',
  () =>
    import('./components/overview/EndpointsCard').then(m => m.EndpointsCard),
);

/** The home page's "Waiting for approval" content (wrap it in a card of your home page). */
export const ChoreoChangeRequestsContent = component(
  'ChoreoChangeRequestsContent',
  () =>
    import('./components/home/ChangeRequestsWidget').then(
      m => m.ChangeRequestsWidget,
    ),
);

export const ChoreoMarketplacePage = legacyChoreoPlugin.provide(
  createRoutableExtension({
    name: 'ChoreoMarketplacePage',
    mountPoint: legacyMarketplaceRouteRef,
    component: () =>
      import('./components/marketplace/MarketplacePage').then(
        m => m.MarketplacePage,
      ),
  }),
);
export const ChoreoPlatformOverviewPage = legacyChoreoPlugin.provide(
  createRoutableExtension({
    name: 'ChoreoPlatformOverviewPage',
    mountPoint: legacyPlatformRouteRef,
    component: () =>
      import('./components/platform/PlatformOverviewPage').then(
        m => m.PlatformOverviewPage,
      ),
  }),
);
