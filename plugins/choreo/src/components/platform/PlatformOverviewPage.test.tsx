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
import { acmeAccess } from '../../__testUtils__/accessFixtures';
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
    resourceCount: 84,
    summary: 'Healthy',
    problemCount: 0,
  },
  {
    source: 'prod-control-plane',
    type: 'kubernetes',
    state: 'failing',
    since: '2026-11-21T09:30:00Z',
    resourceCount: 0,
    summary: 'Failing: nothing could be read',
    whatToDo:
      'The portal shows nothing from this source until it recovers. Ask a platform engineer: the Platform page shows them the cause.',
    problemCount: 1,
  },
];

/** As a platform engineer allowed to see paths and server URLs gets them. */
const sourcesWithDetails = [
  { ...sources[0], details: { problems: [] } },
  {
    ...sources[1],
    details: {
      message: 'Cannot reach https://cp.acme.example:6443: connection refused',
      problems: [
        {
          message: 'unknown field spec.foo',
          file: 'projects/storefront/project.yaml',
          line: 12,
        },
      ],
    },
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
  beforeEach(() => {
    server.on('GET /access', { json: acmeAccess() });
    server.on('GET /flows/status', {
      status: 503,
      json: errorBody(
        'ServiceUnavailableError',
        'Network flows need a Hubble flow source: set choreo.hubble (file: a Hubble JSON flow log, or relay.address: hubble-relay)',
      ),
    });
  });

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
    server.on('GET /sources', { json: { items: sourcesWithDetails } });
    await render();
    await screen.findByRole('table', { name: 'Sources' });
    const [acme, prod] = rowsOf('Sources');
    expect(acme).toHaveTextContent('Synced');
    expect(acme).toHaveTextContent('Healthy');
    expect(acme).toHaveTextContent('84');
    expect(prod).toHaveTextContent('Failing');
    expect(prod).toHaveTextContent(/Ask a platform engineer/);
    expect(
      within(prod).getByText(
        'Cannot reach https://cp.acme.example:6443: connection refused',
      ),
    ).toBeInTheDocument();
    expect(prod).toHaveTextContent(
      'projects/storefront/project.yaml:12: unknown field spec.foo',
    );
  });

  it('tells people who may not see the details what a failing source means, without paths or URLs', async () => {
    server.on('GET /sources', { json: { items: sources } });
    await render();
    const table = await screen.findByRole('table', { name: 'Sources' });
    const [, prod] = rowsOf('Sources');
    expect(prod).toHaveTextContent('Failing: nothing could be read');
    expect(prod).toHaveTextContent(
      'The portal shows nothing from this source until it recovers.',
    );
    expect(prod).toHaveTextContent('1 resource could not be read');
    expect(
      within(table).queryByRole('columnheader', { name: 'Details' }),
    ).not.toBeInTheDocument();
    expect(table).not.toHaveTextContent(/https:|\.yaml/);
  });

  it('says a failing source that had loaded still shows what it read last', async () => {
    server.on('GET /sources', {
      json: {
        items: [
          {
            ...sources[1],
            resourceCount: 84,
            summary: 'Failing: showing the last data it read',
            whatToDo:
              'What you see may be out of date, and changes to it may not go through until it recovers. Ask a platform engineer: the Platform page shows them the cause.',
          },
        ],
      },
    });
    await render();
    await screen.findByRole('table', { name: 'Sources' });
    const [prod] = rowsOf('Sources');
    expect(prod).toHaveTextContent('Failing: showing the last data it read');
    expect(prod).not.toHaveTextContent('nothing could be read');
  });

  it('shows a Hubble relay that keeps failing, with its error for those who may see it', async () => {
    server.on('GET /sources', { json: { items: sources } });
    server.on('GET /flows/status', {
      json: {
        type: 'hubble-relay',
        state: 'reconnecting',
        since: '2026-11-21T09:30:00Z',
        received: 12840,
        invalid: 3,
        reconnects: 7,
        lostEvents: 120,
        message:
          'hubble-relay at hubble-relay.kube-system:4245: 14 UNAVAILABLE: connection refused',
        problems: [
          { message: 'undecodable flow', time: '2026-11-21T09:29:00Z' },
        ],
      },
    });
    await render();
    await screen.findByRole('table', { name: 'Network flow source' });
    const [relay] = rowsOf('Network flow source');
    expect(relay).toHaveTextContent('Hubble relay');
    expect(relay).toHaveTextContent('Reconnecting');
    expect(relay).toHaveTextContent('12,840');
    expect(relay).toHaveTextContent(
      'The connection dropped; the Cell and Network tabs show the flows kept so far',
    );
    expect(relay).toHaveTextContent('14 UNAVAILABLE: connection refused');
    expect(relay).toHaveTextContent('undecodable flow');
  });

  it('says how to connect Hubble when no flow source is configured', async () => {
    server.on('GET /sources', { json: { items: sources } });
    await render();
    expect(
      await screen.findByText('No network flow source is configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/set choreo\.hubble\.relay\.address/),
    ).toBeInTheDocument();
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

  it('lists the roles with their actions, and who may approve changes that wait for a second person', async () => {
    server.on('GET /sources', { json: { items: sources } });
    await render();
    await screen.findByRole('table', { name: 'Roles' });
    expect(
      screen.getByText(/Who may approve changes that wait for a second person/),
    ).toHaveTextContent(
      'Who may approve changes that wait for a second person: releasebinding:approve, granted by roles admin, release-approver, held by groups = platform-team, groups = release-managers. Nobody approves their own request.',
    );
    const [admin, developer, approver] = rowsOf('Roles');
    expect(admin).toHaveTextContent(/^admin.*cluster-wide\*$/);
    expect(developer).toHaveTextContent('releasebinding:update');
    expect(developer).not.toHaveTextContent('releasebinding:approve');
    expect(approver).toHaveTextContent(
      'release-approvernamespace acmereleasebinding:view, releasebinding:approve',
    );
  });

  it('shows bindings as who gets which role where, with conditions as code and deny bindings marked', async () => {
    server.on('GET /sources', { json: { items: sources } });
    await render();
    await screen.findByRole('table', { name: 'Bindings' });
    const bindings = rowsOf('Bindings');
    const developers = bindings.find(r =>
      r.textContent?.includes('storefront-developers'),
    )!;
    expect(developers).toHaveTextContent(
      'groups = storefront-team → developer in project storefront (allow)',
    );
    expect(
      within(developers).getByText("resource.environment != 'production'")
        .tagName,
    ).toBe('CODE');
    const contractors = bindings.find(r =>
      r.textContent?.includes('contractors'),
    )!;
    expect(contractors).toHaveTextContent(
      'groups = contractors → developer in project payments (deny)',
    );
    expect(within(contractors).getByText('deny')).toBeInTheDocument();
    expect(bindings[0]).toHaveTextContent(
      'groups = platform-team → admin everywhere (allow)',
    );
  });

  it('says so when the roles and bindings cannot be read, and still shows the rest', async () => {
    server.on('GET /sources', { json: { items: sources } });
    server.on('GET /access', {
      status: 500,
      json: errorBody(
        'Error',
        'The store is not ready yet; try again in a minute',
      ),
    });
    await render();
    expect(
      await screen.findByText(/Could not see who may do what \(HTTP 500\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The store is not ready yet; try again in a minute'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Environments' }),
    ).toBeInTheDocument();
  });
});
