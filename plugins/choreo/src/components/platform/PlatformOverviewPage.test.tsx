import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { configure, screen, within } from '@testing-library/react';
import { choreoApiRef } from '../../api/choreoApi';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import {
  environmentResource,
  platformResource,
} from '../../__testUtils__/platformResources';
import { PlatformOverviewPage } from './PlatformOverviewPage';

/*
 * Source health comes from the real client against a test server; the
 * environments, pipelines and planes from a catalog test double
 * (catalogApiMock), shaped like the choreo catalog provider's entities.
 */

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

const cartService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'cart-service',
    namespace: 'acme',
    annotations: {
      'openchoreo.dev/kind': 'Component',
      'openchoreo.dev/name': 'cart-service',
      'openchoreo.dev/namespace': 'acme',
      'openchoreo.dev/project': 'storefront',
    },
  },
  spec: { type: 'service', owner: 'group:acme/team', lifecycle: 'production' },
};

const entities = [
  cartService,
  environmentResource('production', 'Production', true),
  environmentResource('development', 'Development'),
  environmentResource('staging', 'Staging'),
  platformResource({
    name: 'default-pipeline',
    kind: 'DeploymentPipeline',
    choreoName: 'default',
    type: 'deployment-pipeline',
    title: 'Default pipeline',
    spec: {
      dependsOn: [
        'resource:acme/development',
        'resource:acme/staging',
        'resource:acme/production',
      ],
      dependencyOf: ['system:acme/storefront'],
    },
  }),
  platformResource({
    name: 'default-dataplane',
    kind: 'DataPlane',
    choreoName: 'default',
    type: 'kubernetes-cluster',
    title: 'EU West data plane',
    annotations: {
      'openchoreo.dev/plane-id': 'eu-west-1',
      'openchoreo.dev/networkpolicyprovider': 'cilium',
    },
  }),
  platformResource({
    name: 'default-workflowplane',
    kind: 'WorkflowPlane',
    choreoName: 'default',
    type: 'workflow-plane',
    title: 'Build cluster',
  }),
];

const sources = [
  {
    source: 'acme',
    type: 'directory',
    state: 'synced',
    since: '2026-11-21T09:00:00Z',
    problems: [],
    resourceCount: 84,
  },
  {
    source: 'prod-control-plane',
    type: 'kubernetes',
    state: 'failing',
    since: '2026-11-21T09:30:00Z',
    message: 'Cannot reach https://cp.acme.example:6443: connection refused',
    problems: [
      {
        message: 'unknown field spec.foo',
        file: 'projects/storefront/project.yaml',
        line: 12,
      },
    ],
    resourceCount: 0,
  },
];

describe('the platform overview', () => {
  const server = new ChoreoTestServer();
  beforeAll(async () => {
    await server.start();
    // the promotion order comes from the backend, through a component of a project on the pipeline
    server.on('GET /components/acme/cart-service/deployments', {
      json: {
        pipeline: {
          name: 'default',
          environments: ['development', 'staging', 'production'],
          problems: [],
        },
      },
    });
  });
  afterAll(() => server.stop());

  const render = () =>
    renderInTestApp(<PlatformOverviewPage />, {
      apis: [
        [choreoApiRef, server.client()],
        [catalogApiRef, catalogApiMock({ entities })],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

  const rowsOf = (table: string) =>
    within(screen.getByRole('table', { name: table }))
      .getAllByRole('row')
      .slice(1);

  it('shows the health of every source, a failing one with its message and problems', async () => {
    server.on('GET /sources', { json: { items: sources } });
    await render();
    await screen.findByRole('table', { name: 'Sources' });
    const [acme, prod] = rowsOf('Sources');
    expect(acme).toHaveTextContent('Synced');
    expect(acme).toHaveTextContent('84');
    expect(prod).toHaveTextContent('Failing');
    expect(
      within(prod).getByText(
        'Cannot reach https://cp.acme.example:6443: connection refused',
      ),
    ).toBeInTheDocument();
    expect(prod).toHaveTextContent(
      'projects/storefront/project.yaml:12: unknown field spec.foo',
    );
  });

  it('lists environments in promotion order with their data plane, and the pipeline path', async () => {
    server.on('GET /sources', { json: { items: sources } });
    await render();
    await screen.findByRole('table', { name: 'Environments' });
    const environments = rowsOf('Environments');
    expect(
      environments.map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual(['Development', 'Staging', 'Production']);
    expect(environments[2]).toHaveTextContent('Production');
    expect(within(environments[2]).getAllByRole('cell')[2]).toHaveTextContent(
      'Production',
    );
    expect(within(environments[0]).getAllByRole('cell')[2]).toHaveTextContent(
      'No',
    );
    expect(
      within(environments[0]).getByRole('link', { name: 'EU West data plane' }),
    ).toHaveAttribute('href', '/catalog/acme/resource/default-dataplane');

    const path = screen.getByLabelText('Promotion path of Default pipeline');
    expect(
      within(path)
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual(['Development', 'Staging', 'Production']);

    const [plane] = rowsOf('Data planes');
    expect(plane).toHaveTextContent(
      'EU West data plane · network policies: cilium',
    );
    expect(plane).toHaveTextContent('eu-west-1');
    expect(plane).toHaveTextContent('Development, Staging, Production');
    expect(rowsOf('Workflow planes')[0]).toHaveTextContent('Build cluster');
  });

  it('says so when the sources may not be seen', async () => {
    server.on('GET /sources', {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        'Only platform engineers may see the sources',
      ),
    });
    await render();
    expect(
      await screen.findByText(/You do not have permission to see the sources/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Only platform engineers may see the sources'),
    ).toBeInTheDocument();
    // the rest of the platform still shows
    expect(
      await screen.findByRole('table', { name: 'Environments' }),
    ).toBeInTheDocument();
  });
});
