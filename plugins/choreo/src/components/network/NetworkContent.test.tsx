import { Entity } from '@backstage/catalog-model';
import {
  FlowEndpoint,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import { environmentResource } from '../../__testUtils__/platformResources';
import { choreoEntity } from '../../__testUtils__/renderChoreo';
import { renderWithCatalog } from '../../__testUtils__/renderWithCatalog';
import { NetworkContent } from './NetworkContent';

/*
 * The real ChoreoClient streams from a real HTTP test server (server-sent
 * events over the wire). The catalog is a test double (catalogApiMock, an
 * in-memory catalog) holding the environments and components a catalog
 * provider would have made.
 */

// the machine running the tests may be busy: patience, not timing, is asserted
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

const catalog = [
  // alphabetical order would put production before staging: the pipeline decides (deployments route)
  environmentResource('production', 'Production', true),
  environmentResource('staging', 'Staging'),
  environmentResource('development', 'Development'),
  ...['cart-service', 'catalog-api', 'session-store'].map(name =>
    choreoEntity('Component', {
      kind: 'Component',
      namespace: 'acme',
      name,
      project: 'storefront',
    }),
  ),
];

const component = (name: string, port?: number): FlowEndpoint => ({
  id: `component:acme/storefront/${name}`,
  identity: {
    kind: 'component',
    cpNamespace: 'acme',
    project: 'storefront',
    component: name,
    environment: 'development',
  },
  port,
});

let seq = 0;
const flow = (over: Partial<FlowRecord>): FlowRecord => {
  seq++;
  return {
    time: `2026-08-24T09:20:${String(seq % 60).padStart(2, '0')}.000127787Z`,
    timeMs: Date.parse('2026-08-24T09:20:00Z') + seq * 1000,
    uuid: `flow-${seq}`,
    verdict: 'FORWARDED',
    source: component('cart-service'),
    destination: component('catalog-api', 8080),
    trafficDirection: 'EGRESS',
    protocol: 'TCP',
    ...over,
  };
};

const getProducts = flow({
  l7: {
    type: 'RESPONSE',
    protocol: 'http',
    method: 'GET',
    path: '/products',
    statusCode: 200,
  },
});
const droppedRedis = flow({
  verdict: 'DROPPED',
  dropReason: 'POLICY_DENIED',
  destination: component('session-store', 6379),
});
const dnsLookup = flow({
  source: component('cart-service'),
  destination: {
    id: 'reserved:kube-dns',
    identity: { kind: 'pod' },
    namespace: 'kube-system',
    workload: 'coredns',
    port: 53,
  },
  protocol: 'UDP',
  l7: {
    type: 'REQUEST',
    protocol: 'dns',
    dnsQuery: 'catalog-api.acme.svc.cluster.local.',
  },
});

const STREAM = 'GET /components/acme/cart-service/flows/stream';
const cart = choreoEntity('Component', {
  kind: 'Component',
  namespace: 'acme',
  name: 'cart-service',
  project: 'storefront',
});

describe('the Network tab', () => {
  const server = new ChoreoTestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.on('GET /sources', { json: { items: [] } });
    // the backend knows the pipeline's promotion order; the catalog does not
    server.on('GET /components/acme/cart-service/deployments', {
      json: {
        pipeline: {
          environments: ['development', 'staging', 'production'],
          problems: [],
        },
      },
    });
  });

  const render = (entity: Entity = cart) =>
    renderWithCatalog(<NetworkContent />, { server, entity, catalog });

  const streamRequests = () =>
    server.requests.filter(r => r.url.includes('/flows/stream'));
  const flowRows = () =>
    within(screen.getByRole('table', { name: 'Flows' }))
      .getAllByRole('row')
      .slice(1);

  it('streams the flows of the first environment of the pipeline: verdict, peers, L7 and drop reason', async () => {
    server.on(STREAM, {
      events: [getProducts, droppedRedis, dnsLookup].map(data => ({
        event: 'flow',
        data,
      })),
      keepOpen: true,
    });
    await render();

    expect(await screen.findByText('GET /products → 200')).toBeInTheDocument();
    expect(streamRequests()[0].url).toBe(
      '/components/acme/cart-service/flows/stream?environment=development',
    );
    const [dns, dropped, forwarded] = flowRows();
    expect(dns).toHaveTextContent('DNS catalog-api.acme.svc.cluster.local.');
    expect(dns).toHaveTextContent('kube-system/coredns:53');
    expect(dropped).toHaveTextContent('DROPPED');
    expect(dropped).toHaveTextContent('storefront/session-store:6379');
    expect(dropped).toHaveTextContent('Policy denied');
    expect(forwarded).toHaveTextContent('storefront/cart-service');
    expect(forwarded).toHaveTextContent('FORWARDED');
    expect(screen.getByText(/3 flows shown/)).toBeInTheDocument();
  });

  it('narrows the rows to the chosen verdict, asking the server for it', async () => {
    server.on(STREAM, req => {
      const dropped = req.url.includes('verdict=DROPPED');
      const flows = dropped ? [droppedRedis] : [getProducts, droppedRedis];
      return {
        events: flows.map(data => ({ event: 'flow', data })),
        keepOpen: true,
      };
    });
    await render();
    await screen.findByText('GET /products → 200');
    expect(flowRows()).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: /^Verdict/ }));
    await userEvent.click(screen.getByRole('option', { name: 'DROPPED' }));

    // the table empties while the stream reconnects: wait for the new one's row
    await waitFor(() => expect(flowRows()).toHaveLength(1));
    expect(flowRows()[0]).toHaveTextContent('DROPPED');
    expect(screen.queryByText('GET /products → 200')).not.toBeInTheDocument();
    expect(streamRequests().at(-1)?.url).toContain(
      'environment=development&verdict=DROPPED',
    );
  });

  it('streams another environment when picked', async () => {
    server.on(STREAM, { events: [], keepOpen: true });
    await render();
    expect(
      await screen.findByText('No flows of cart-service in Development yet'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /^Environment/ }));
    const options = screen.getAllByRole('option').map(o => o.textContent);
    expect(options).toEqual([
      'Development',
      'Staging',
      'Production (production)',
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: 'Production (production)' }),
    );

    expect(
      await screen.findByText('No flows of cart-service in Production yet'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(streamRequests().at(-1)?.url).toContain('environment=production'),
    );
  });

  it('holds new flows back while paused and shows them on resume; a reconnect after a timeout brings no duplicates', async () => {
    const later = flow({
      l7: {
        type: 'RESPONSE',
        protocol: 'http',
        method: 'POST',
        path: '/cart/items',
        statusCode: 201,
      },
    });
    let open!: () => void;
    const gate = new Promise<void>(resolve => {
      open = resolve;
    });
    let connections = 0;
    server.on(STREAM, async () => {
      connections++;
      if (connections === 1) {
        return {
          events: [
            { event: 'flow', data: getProducts },
            { event: 'end', data: { reason: 'timeout' } },
          ],
        };
      }
      await gate;
      // a new stream replays the recent flows first
      return {
        events: [getProducts, later].map(data => ({ event: 'flow', data })),
        keepOpen: true,
      };
    });
    await render();
    await screen.findByText('GET /products → 200');

    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    open();

    expect(
      await screen.findByText('Paused: 1 new flow held back'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('POST /cart/items → 201'),
    ).not.toBeInTheDocument();
    expect(flowRows()).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(
      await screen.findByText('POST /cart/items → 201'),
    ).toBeInTheDocument();
    expect(flowRows()).toHaveLength(2);
    expect(screen.queryByText(/held back/)).not.toBeInTheDocument();
    expect(screen.getByText(/reconnected 1 time/)).toBeInTheDocument();
  });

  it('opens the stream again when the connection drops, and says it reconnected', async () => {
    const later = flow({
      l7: {
        type: 'RESPONSE',
        protocol: 'http',
        method: 'POST',
        path: '/cart/items',
        statusCode: 201,
      },
    });
    let connections = 0;
    server.on(STREAM, () => {
      connections++;
      // the first connection closes without an end event: its replica died
      return connections === 1
        ? { events: [{ event: 'flow', data: getProducts }] }
        : {
            events: [getProducts, later].map(data => ({ event: 'flow', data })),
            keepOpen: true,
          };
    });
    await render();
    expect(
      await screen.findByText('POST /cart/items → 201'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Live \(reconnected 1 time\)/)).toBeInTheDocument();
    expect(flowRows()).toHaveLength(2);
    expect(
      screen.queryByText(/connection to the flow stream closed/),
    ).not.toBeInTheDocument();
  });

  it('says how many flows the server had to skip', async () => {
    server.on(STREAM, {
      events: [
        { event: 'flow', data: getProducts },
        { event: 'lost', data: { count: 40 } },
        { event: 'lost', data: { count: 2 } },
        { event: 'flow', data: droppedRedis },
      ],
      keepOpen: true,
    });
    await render();
    expect(await screen.findByText('Lost 42 flows')).toBeInTheDocument();
    expect(flowRows()).toHaveLength(2);
  });

  it('explains that no flow source is configured (503)', async () => {
    server.on(STREAM, {
      status: 503,
      json: errorBody(
        'ServiceUnavailableError',
        'Network flows need a Hubble flow source: set choreo.hubble',
      ),
    });
    await render();
    expect(
      await screen.findByText(/No network flow source is configured/),
    ).toBeInTheDocument();
    expect(screen.getByText(/set choreo.hubble/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a permission-denied state with the reason (403)', async () => {
    server.on(STREAM, {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        'You may not see the traffic of acme/cart-service',
      ),
    });
    await render();
    expect(
      await screen.findByText(
        /You do not have permission to see the traffic of cart-service/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('You may not see the traffic of acme/cart-service'),
    ).toBeInTheDocument();
  });

  it("streams a project's flows on the project's page", async () => {
    server.on('GET /projects/acme/storefront/flows/stream', {
      events: [{ event: 'flow', data: droppedRedis }],
      keepOpen: true,
    });
    const storefront = choreoEntity('System', {
      kind: 'Project',
      namespace: 'acme',
      name: 'storefront',
    });
    await render(storefront);
    expect(await screen.findByText('Policy denied')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /^Direction/ }));
    expect(
      screen.getByRole('option', { name: 'Ingress (into project storefront)' }),
    ).toBeInTheDocument();
  });
});
