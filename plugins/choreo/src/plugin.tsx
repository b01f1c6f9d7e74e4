import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { ChoreoClient } from '@choreo-for-backstage/plugin-choreo-common';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import StorefrontIcon from '@material-ui/icons/Storefront';
import { choreoApiRef } from './api/choreoApi';
import { isChoreoKind } from './hooks/useChoreoRef';
import { marketplaceRouteRef, platformOverviewRouteRef } from './routes';

const isChoreoComponent = isChoreoKind('Component');
const isChoreoProject = isChoreoKind('Project');

const choreoApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: choreoApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ChoreoClient({ discoveryApi, fetchApi }),
    }),
});

const deployContent = EntityContentBlueprint.make({
  name: 'deploy',
  params: {
    path: 'deploy',
    title: 'Deploy',
    filter: isChoreoComponent,
    loader: () =>
      import('./components/deploy/DeployContent').then(m => (
        <m.DeployContent />
      )),
  },
});

const buildsContent = EntityContentBlueprint.make({
  name: 'builds',
  params: {
    path: 'builds',
    title: 'Builds',
    filter: isChoreoComponent,
    loader: () =>
      import('./components/builds/BuildsContent').then(m => (
        <m.BuildsContent />
      )),
  },
});

const cellContent = EntityContentBlueprint.make({
  name: 'cell',
  params: {
    path: 'cell',
    title: 'Cell',
    filter: isChoreoProject,
    loader: () =>
      import('./components/cell/CellContent').then(m => <m.CellContent />),
  },
});

const networkContent = EntityContentBlueprint.make({
  name: 'network',
  params: {
    path: 'network',
    title: 'Network',
    filter: entity => isChoreoComponent(entity) || isChoreoProject(entity),
    loader: () =>
      import('./components/network/NetworkContent').then(m => (
        <m.NetworkContent />
      )),
  },
});

const deploymentStatusCard = EntityCardBlueprint.make({
  name: 'deployment-status',
  params: {
    filter: isChoreoComponent,
    loader: () =>
      import('./components/overview/DeploymentStatusCard').then(m => (
        <m.DeploymentStatusCard />
      )),
  },
});

const endpointsCard = EntityCardBlueprint.make({
  name: 'endpoints',
  params: {
    filter: isChoreoComponent,
    loader: () =>
      import('./components/overview/EndpointsCard').then(m => (
        <m.EndpointsCard />
      )),
  },
});

const marketplacePage = PageBlueprint.make({
  name: 'marketplace',
  params: {
    path: '/choreo/marketplace',
    title: 'Marketplace',
    icon: <StorefrontIcon />,
    routeRef: marketplaceRouteRef,
    loader: () =>
      import('./components/marketplace/MarketplacePage').then(m => (
        <m.MarketplacePage />
      )),
  },
});

const platformOverviewPage = PageBlueprint.make({
  name: 'platform',
  params: {
    path: '/choreo/platform',
    title: 'Platform',
    icon: <DeviceHubIcon />,
    routeRef: platformOverviewRouteRef,
    loader: () =>
      import('./components/platform/PlatformOverviewPage').then(m => (
        <m.PlatformOverviewPage />
      )),
  },
});

/** Choreo for Backstage, for apps on the new frontend system. */
/** Home page: the changes that wait for approval (HomePageChoreoChangeRequests in the layout). */
const changeRequestsWidget = HomePageWidgetBlueprint.make({
  name: 'change-requests',
  params: {
    name: 'HomePageChoreoChangeRequests',
    title: 'Waiting for approval',
    description:
      'Changes to what runs in an environment that wait for someone to approve them',
    components: () =>
      import('./components/home/ChangeRequestsWidget').then(m => ({
        Content: m.ChangeRequestsWidget,
      })),
  },
});

export const choreoPlugin = createFrontendPlugin({
  pluginId: 'choreo',
  info: { packageJson: () => import('../package.json') },
  routes: {
    marketplace: marketplaceRouteRef,
    platformOverview: platformOverviewRouteRef,
  },
  extensions: [
    choreoApi,
    deployContent,
    buildsContent,
    cellContent,
    networkContent,
    deploymentStatusCard,
    endpointsCard,
    marketplacePage,
    platformOverviewPage,
    changeRequestsWidget,
  ],
});
