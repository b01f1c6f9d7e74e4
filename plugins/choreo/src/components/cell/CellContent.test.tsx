import { Entity } from '@backstage/catalog-model';
import {
  CellLayoutGraph,
  buildCellView,
  cellLayoutId,
  layoutGraphOf,
  openingViewOptions,
} from '@choreo-for-backstage/plugin-choreo-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import {
  environmentResource,
  platformResource,
} from '../../__testUtils__/platformResources';
import { choreoEntity } from '../../__testUtils__/renderChoreo';
import { renderWithCatalog } from '../../__testUtils__/renderWithCatalog';
import { CellContent } from './CellContent';
import {
  largeTopology,
  logisticsFlows,
  logisticsTopology,
  PAYMENT_GATEWAY,
  SHIPPING,
  WAREHOUSE,
} from './__testUtils__/cellFixtures';
import { installReactFlowJsdomStubs } from './__testUtils__/reactFlowJsdomStubs';

installReactFlowJsdomStubs();
jest.setTimeout(30_000);

const system: Entity = {
  ...choreoEntity('System', {
    kind: 'Project',
    namespace: 'acme',
    name: 'logistics',
  }),
  relations: [
    { type: 'dependsOn', targetRef: 'resource:acme/default-pipeline' },
  ],
};

const catalog = [
  system,
  platformResource({
    name: 'default-pipeline',
    kind: 'DeploymentPipeline',
    choreoName: 'default',
    type: 'deployment-pipeline',
    spec: {
      dependsOn: [
        'resource:acme/development',
        'resource:acme/staging',
        'resource:acme/production',
      ],
    },
  }),
  environmentResource('development', 'Development'),
  environmentResource('staging', 'Staging'),
  environmentResource('production', 'Production', true),
];

/** As the backend does: without an environment, the first of the pipeline. */
const environmentOf = (url: string) =>
  new URL(url, 'http://x').searchParams.get('environment') ?? 'development';

describe('the Cell tab', () => {
  const server = new ChoreoTestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server
      .on('GET /sources', { json: { items: [] } })
      .on('GET /projects/acme/logistics/topology', req => ({
        json: logisticsTopology(environmentOf(req.url)),
      }))
      .on('GET /projects/acme/logistics/flows', req => ({
        json: logisticsFlows(environmentOf(req.url)),
      }));
  });

  const render = () =>
    renderWithCatalog(<CellContent />, { server, entity: system, catalog });

  const diagramReady = async () =>
    waitFor(
      () =>
        expect(
          document.querySelector('[data-cell-diagram="ready"]'),
        ).not.toBeNull(),
      {
        timeout: 10_000,
      },
    );

  it('draws the components of the first environment and marks the dropped call with its reason', async () => {
    await render();
    await diagramReady();
    expect(
      screen.getByRole('button', { name: 'Environment' }),
    ).toHaveTextContent('Development');
    const diagram = screen.getByRole('figure', {
      name: 'Cell diagram of logistics in development',
    });
    // asked at once, without waiting for the catalog's pipeline
    expect(server.requests.map(r => `${r.method} ${r.url}`)).toContain(
      'GET /projects/acme/logistics/topology',
    );
    for (const name of [
      'Shipping API',
      'Tracking web',
      'Warehouse service',
      'payment-gateway',
      'External ingress',
    ]) {
      expect(within(diagram).getByText(name)).toBeInTheDocument();
    }
    const dropped = within(diagram).getByLabelText(
      'Shipping API → payment-gateway (grpc): observed call, DROPPED (POLICY_DENIED ×4)',
    );
    expect(dropped).toHaveClass('cell-edge--dropped-undeclared');
    expect(
      within(diagram).getByLabelText(
        /Tracking web → Shipping API \(rest\): east-west dependency, 12 flows/,
      ),
    ).toHaveClass('cell-edge--declared-flowing');
    const attention = screen.getByRole('region', {
      name: 'Traffic that needs attention',
    });
    expect(
      within(attention).getByText(/DROPPED \(POLICY_DENIED ×4\)/),
    ).toBeInTheDocument();
    expect(
      within(attention).getByText(
        /has no dependency on payments\/payment-gateway.grpc/,
      ),
    ).toBeInTheDocument();
  });

  it('search highlights and focuses the component it finds', async () => {
    await render();
    await diagramReady();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Find a component' }),
      'warehouse',
    );
    expect(
      await screen.findByText('Warehouse service (1 of 1)'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId(`rf__node-${WAREHOUSE}`)).toHaveClass(
        'cell-node--focused',
      ),
    );
    expect(screen.getByTestId(`rf__node-${PAYMENT_GATEWAY}`)).not.toHaveClass(
      'cell-node--focused',
    );
  });

  it('leaves the traffic overlay off when Hubble saw nothing in the window, and draws dependencies by kind', async () => {
    server.on('GET /projects/acme/logistics/flows', req => ({
      json: {
        ...logisticsFlows(environmentOf(req.url)),
        flows: 0,
        edges: [],
        unclassified: [],
      },
    }));
    await render();
    await diagramReady();
    const overlay = screen.getByRole('checkbox', {
      name: 'Observed traffic (Hubble)',
    });
    expect(overlay).not.toBeChecked();
    expect(overlay).toBeEnabled();
    const diagram = screen.getByRole('figure', {
      name: 'Cell diagram of logistics in development',
    });
    expect(
      within(diagram).getByLabelText(
        /Tracking web → Shipping API \(rest\): east-west dependency$/,
      ),
    ).toHaveClass('cell-edge--east-west');
  });

  it('loads the cell again when another environment is picked', async () => {
    await render();
    await diagramReady();
    await userEvent.click(screen.getByRole('button', { name: 'Environment' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Staging' }),
    );
    expect(
      await screen.findByRole('figure', {
        name: 'Cell diagram of logistics in staging',
      }),
    ).toBeInTheDocument();
    const urls = server.requests.map(r => `${r.method} ${r.url}`);
    expect(urls).toContain(
      'GET /projects/acme/logistics/topology?environment=staging',
    );
    expect(urls).toContain(
      'GET /projects/acme/logistics/flows?environment=staging',
    );
  });

  it('"Add this dependency" shows what it adds and sends it for the calling component', async () => {
    server.on('POST /components/acme/shipping-api/dependencies', {
      status: 201,
      json: {
        result: 'applied',
        resources: [],
        warnings: [],
        commit: 'abc1234567',
      },
    });
    await render();
    await diagramReady();
    const attention = screen.getByRole('region', {
      name: 'Traffic that needs attention',
    });
    await userEvent.click(
      within(attention).getByRole('button', { name: 'Add this dependency' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Add a dependency of shipping-api on payments/payment-gateway',
      ),
    ).toBeInTheDocument();
    // the snippet is highlighted asynchronously
    await waitFor(() =>
      expect(dialog).toHaveTextContent('component: payment-gateway'),
    );
    expect(dialog).toHaveTextContent(
      "Endpoint 'grpc' of payments/payment-gateway is only visible inside project payments",
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add dependency' }),
    );
    expect(
      await within(dialog).findByText(
        /Added the dependency to shipping-api \(commit abc12345\)/,
      ),
    ).toBeInTheDocument();
    const post = server.requests.find(r => r.method === 'POST')!;
    expect(post.url).toBe('/components/acme/shipping-api/dependencies');
    expect(post.body).toEqual({
      project: 'payments',
      component: 'payment-gateway',
      name: 'grpc',
      visibility: 'namespace',
    });
  });

  it('says so when the user may not add the dependency', async () => {
    server.on('POST /components/acme/shipping-api/dependencies', {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        'You are not an owner of shipping-api',
      ),
    });
    await render();
    await diagramReady();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Add this dependency' })[0],
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add dependency' }),
    );
    expect(
      await within(dialog).findByText(
        /You do not have permission to add a dependency to shipping-api/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('You are not an owner of shipping-api'),
    ).toBeInTheDocument();
  });

  it('shows permission denied, empty and traffic-unavailable states', async () => {
    server.on('GET /projects/acme/logistics/topology', {
      status: 403,
      json: errorBody('NotAllowedError', 'You may not read project logistics'),
    });
    const first = await render();
    expect(
      await screen.findByText(
        /You do not have permission to load the cell of logistics/,
      ),
    ).toBeInTheDocument();
    first.unmount();

    server
      .on('GET /projects/acme/logistics/topology', {
        json: { ...logisticsTopology(), nodes: [], edges: [] },
      })
      .on('GET /projects/acme/logistics/flows', {
        status: 503,
        json: errorBody(
          'ServiceUnavailableError',
          'No Hubble source is configured',
        ),
      });
    const second = await render();
    expect(
      await screen.findByText('Project logistics has no components yet'),
    ).toBeInTheDocument();
    second.unmount();

    server.on('GET /projects/acme/logistics/topology', {
      json: logisticsTopology(),
    });
    await render();
    await diagramReady();
    expect(
      screen.getByText(
        'Observed traffic is not available: No Hubble source is configured',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Observed traffic (Hubble)' }),
    ).toBeDisabled();
  });
  describe('layout', () => {
    beforeEach(() => window.sessionStorage.clear());

    // the backend keeps a project's layouts: the browser asks with the project
    const LAYOUT = '/projects/acme/logistics/cell-layout';
    const layoutAsks = () =>
      server.requests.filter(r => r.method === 'POST' && r.url === LAYOUT);

    /** The graph's nodes in a grid, row by row, 300 × 250 apart. */
    const grid = (graph: CellLayoutGraph, columns: number) =>
      Object.fromEntries(
        graph.nodes.map((n, i) => [
          n.id,
          { x: (i % columns) * 300, y: Math.floor(i / columns) * 250 },
        ]),
      );
    /** The backend's answer to the browser's graph: a grid. */
    const gridLayout = (columns: number) => (req: { body: unknown }) => ({
      json: {
        id: `grid-${columns}`,
        positions: grid(req.body as CellLayoutGraph, columns),
      },
    });
    const gridAt = (graph: CellLayoutGraph, id: string, columns: number) => {
      const index = graph.nodes.findIndex(n => n.id === id);
      return `translate(${(index % columns) * 300}px,${
        Math.floor(index / columns) * 250
      }px)`;
    };
    /** The graph of the view the tab opens with on the logistics fixtures. */
    const openingGraph = () => {
      const topology = logisticsTopology('development');
      const flows = logisticsFlows('development');
      return layoutGraphOf(
        buildCellView(topology, flows, openingViewOptions(topology, flows)),
      );
    };

    const nodeTransform = (id: string) =>
      (
        document.querySelector(
          `.react-flow__node[data-id="${id}"]`,
        ) as HTMLElement | null
      )?.style.transform;

    it('places every node where the backend laid it out', async () => {
      // a grid of three columns: small enough to be seen whole
      server.on(`POST ${LAYOUT}`, gridLayout(3));
      await render();
      await diagramReady();
      const [asked] = layoutAsks();
      const graph = asked.body as CellLayoutGraph;
      expect(graph.nodes.map(n => n.id)).toEqual(
        expect.arrayContaining([SHIPPING, WAREHOUSE, PAYMENT_GATEWAY]),
      );
      expect(graph.edges).toContainEqual({
        source: SHIPPING,
        target: WAREHOUSE,
      });
      expect(nodeTransform(WAREHOUSE)).toBe(gridAt(graph, WAREHOUSE, 3));
    });

    it('uses the layout the backend offered with the topology, without sending its graph', async () => {
      const graph = openingGraph();
      server.on('GET /projects/acme/logistics/cell-layout', {
        json: { id: cellLayoutId(graph), positions: grid(graph, 3) },
      });
      await render();
      await diagramReady();
      expect(server.requests.map(r => `${r.method} ${r.url}`)).toContain(
        'GET /projects/acme/logistics/cell-layout',
      );
      expect(layoutAsks()).toHaveLength(0);
      expect(nodeTransform(WAREHOUSE)).toBe(gridAt(graph, WAREHOUSE, 3));
    });

    it('asks with its own graph when the offered layout is of another view', async () => {
      const graph = openingGraph();
      server
        .on('GET /projects/acme/logistics/cell-layout', {
          json: { id: 'of-a-graph-before-a-change', positions: grid(graph, 2) },
        })
        .on(`POST ${LAYOUT}`, gridLayout(3));
      await render();
      await diagramReady();
      expect(layoutAsks().length).toBeGreaterThan(0);
      expect(nodeTransform(WAREHOUSE)).toBe(gridAt(graph, WAREHOUSE, 3));
    });

    it('lays the cell out in the browser when the backend cannot', async () => {
      server.on(`POST ${LAYOUT}`, {
        status: 503,
        json: errorBody('ServiceUnavailableError', 'busy'),
      });
      await render();
      await diagramReady();
      expect(layoutAsks().length).toBeGreaterThan(0);
      expect(nodeTransform(WAREHOUSE)).toMatch(/^translate\(\d+px,\d+px\)$/);
      expect(nodeTransform(WAREHOUSE)).not.toBe(nodeTransform(SHIPPING));
    });

    it('opens a large cell on its entrance at a readable size, and search brings the rest into view', async () => {
      server
        .on('GET /projects/acme/logistics/topology', {
          json: largeTopology(60, 'logistics'),
        })
        .on('GET /projects/acme/logistics/flows', {
          status: 503,
          json: errorBody('ServiceUnavailableError', 'no Hubble'),
        })
        // ten columns, six rows: about 3000 × 1500, far wider than the canvas
        .on(`POST ${LAYOUT}`, gridLayout(10));
      await render();
      await diagramReady();
      expect(
        screen.getByText(
          /Showing the entrance of this cell \(6\d nodes\) at a readable size/,
        ),
      ).toBeInTheDocument();
      const [asked] = layoutAsks();
      const ids = (asked.body as CellLayoutGraph).nodes.map(n => n.id);
      const drawn = () =>
        [...document.querySelectorAll('.react-flow__node')].map(n =>
          n.getAttribute('data-id'),
        );
      // the top-left corner is drawn, the far corner is not
      expect(drawn()).toContain(ids[0]);
      const far = ids[ids.length - 1];
      expect(drawn()).not.toContain(far);
      expect(drawn().length).toBeLessThan(ids.length / 2);

      const farName = far.split('/').pop()!;
      await userEvent.type(
        screen.getByRole('textbox', { name: 'Find a component' }),
        farName,
      );
      await waitFor(() =>
        expect(screen.getByTestId(`rf__node-${far}`)).toHaveClass(
          'cell-node--focused',
        ),
      );
      // the view is no longer on the entrance
      expect(
        screen.queryByText(/Showing the entrance of this cell/),
      ).not.toBeInTheDocument();
    });
  });
});
