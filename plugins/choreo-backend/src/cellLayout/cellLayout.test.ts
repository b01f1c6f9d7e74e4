import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CellLayoutGraph,
  CellLayoutResponse,
  buildCellView,
  cellLayoutId,
  layoutGraphOf,
  openingViewOptions,
} from '@choreo-for-backstage/plugin-choreo-common';
import path from 'node:path';
import request from 'supertest';
import { sampleBackendForDescribe } from '../__testUtils__/choreoTestBackend';
import { exceptInProjects } from '../__testUtils__/testPolicies';
import { CellLayoutService } from './CellLayoutService';

jest.setTimeout(120_000);

const component = (name: string, height = 58) => ({
  id: `component:acme/shop/${name}`,
  width: 240,
  height,
  partition: 1 as const,
});
const INGRESS = {
  id: 'gateway:ingress:external',
  width: 170,
  height: 48,
  partition: 0 as const,
};
const EGRESS = {
  id: 'gateway:egress:external',
  width: 170,
  height: 48,
  partition: 2 as const,
};

/** web → api → (db, queue); the ingress routes to web, db calls out through egress. */
const shop: CellLayoutGraph = {
  nodes: [
    EGRESS,
    component('db', 94),
    component('queue'),
    component('api', 130),
    component('web'),
    INGRESS,
  ],
  edges: [
    { source: INGRESS.id, target: component('web').id },
    { source: component('web').id, target: component('api').id },
    { source: component('api').id, target: component('db').id },
    { source: component('api').id, target: component('queue').id },
    { source: component('db').id, target: EGRESS.id },
  ],
};

/** A chain of `n` components, each calling the next and the one after. */
function chain(n: number): CellLayoutGraph {
  const nodes = Array.from({ length: n }, (_, i) => component(`c${i}`));
  const edges = nodes.flatMap((node, i) =>
    [nodes[i + 1], nodes[i + 2]]
      .filter(Boolean)
      .map(next => ({ source: node.id, target: next.id })),
  );
  return { nodes, edges };
}

function overlaps(graph: CellLayoutGraph, layout: CellLayoutResponse) {
  const boxes = graph.nodes.map(n => ({ ...layout.positions[n.id], n }));
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter(
        b =>
          a.x < b.x + b.n.width &&
          b.x < a.x + a.n.width &&
          a.y < b.y + b.n.height &&
          b.y < a.y + a.n.height,
      )
      .map(b => `${a.n.id} overlaps ${b.n.id}`),
  );
}

describe('POST /projects/:namespace/:name/cell-layout', () => {
  const backend = sampleBackendForDescribe(() => ({
    policy: exceptInProjects('choreo.component.read', ['acme/storefront']),
  }));

  const layout = (
    graph: unknown,
    header = mockCredentials.user.header(),
    project = 'logistics',
  ) =>
    request(backend.server)
      .post(`/api/choreo/projects/acme/${project}/cell-layout`)
      .set('Authorization', header)
      .send(graph as object);

  it('places gateways at the edges and callers left of what they call, without overlaps', async () => {
    const { body } = await layout(shop).expect(200);
    const x = (id: string) => body.positions[id].x;
    expect(Object.keys(body.positions).sort()).toEqual(
      shop.nodes.map(n => n.id).sort(),
    );
    expect(x(INGRESS.id)).toBeLessThan(x(component('web').id));
    expect(x(component('web').id)).toBeLessThan(x(component('api').id));
    expect(x(component('api').id)).toBeLessThan(x(component('db').id));
    expect(x(component('db').id)).toBeLessThan(x(EGRESS.id));
    expect(overlaps(shop, body)).toEqual([]);
  });

  it('gives every user the same layout for the same graph', async () => {
    const first = await layout(shop).expect(200);
    const second = await layout(
      shop,
      mockCredentials.user.header('user:default/someone-else'),
    ).expect(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lays out a 1,000-component cell, beyond the usual 100 kB JSON limit', async () => {
    const graph = chain(1000);
    expect(JSON.stringify(graph).length).toBeGreaterThan(100_000);
    const { body } = await layout(graph).expect(200);
    expect(Object.keys(body.positions)).toHaveLength(1000);
    expect(body.positions[component('c0').id].x).toBeLessThan(
      body.positions[component('c999').id].x,
    );
  });

  it('says what is wrong with a broken graph', async () => {
    const duplicate = await layout({
      nodes: [component('a'), component('a')],
      edges: [],
    }).expect(400);
    expect(duplicate.body.error.message).toBe(
      "Invalid cell layout graph: node id 'component:acme/shop/a' appears more than once",
    );
    const dangling = await layout({
      nodes: [component('a')],
      edges: [{ source: component('a').id, target: 'component:acme/shop/b' }],
    }).expect(400);
    expect(dangling.body.error.message).toMatch(
      /an edge names node 'component:acme\/shop\/b', which is not among the nodes/,
    );
    const column = await layout({
      nodes: [{ ...component('a'), partition: 7 }],
      edges: [],
    }).expect(400);
    expect(column.body.error.message).toMatch(
      /^Invalid cell layout graph: nodes\.0\.partition/,
    );
  });

  it('needs a signed-in caller who may read the project', async () => {
    await layout(shop, mockCredentials.none.header()).expect(401);
    // the shared layout queue is not for people who cannot see the cell
    const denied = await layout(
      shop,
      mockCredentials.user.header(),
      'storefront',
    ).expect(403);
    expect(denied.body.error.message).toMatch(
      /You may not see the cell layout of acme\/storefront/,
    );
    await layout(shop, mockCredentials.user.header(), 'no-such').expect(404);
  });
});

describe('CellLayoutService', () => {
  it('lays out a graph once for concurrent and later requests', async () => {
    const service = new CellLayoutService();
    try {
      const [a, b] = await Promise.all([
        service.layout(shop, 'user:default/a'),
        service.layout(shop, 'user:default/b'),
      ]);
      const c = await service.layout(shop, 'user:default/c');
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      expect(service.computed).toBe(1);
      await service.layout(
        {
          ...shop,
          nodes: shop.nodes.map(n => ({ ...n, height: n.height + 10 })),
        },
        'user:default/a',
      );
      expect(service.computed).toBe(2);
    } finally {
      await service.close();
    }
  });

  it('stops a layout that runs too long, and tries again on the next request', async () => {
    const service = new CellLayoutService({ timeoutMs: 1 });
    try {
      await expect(
        service.layout(chain(300), 'user:default/a'),
      ).rejects.toThrow(
        'Laying out the cell took longer than 1 ms and was stopped',
      );
      await expect(
        service.layout(chain(300), 'user:default/a'),
      ).rejects.toThrow(/longer than/);
      expect(service.computed).toBe(2);
    } finally {
      await service.close();
    }
  });

  it('lets one caller wait for one new layout at a time, so nobody takes the queue from everyone', async () => {
    const service = new CellLayoutService();
    try {
      const running = service.layout(chain(200), 'user:default/mallory');
      await expect(
        service.layout(chain(201), 'user:default/mallory'),
      ).rejects.toThrow(
        'You already have 1 cell layout being computed; wait for it to finish',
      );
      // someone else is served meanwhile, and mallory again once hers is done
      await expect(
        service.layout(shop, 'user:default/alice'),
      ).resolves.toMatchObject({ id: expect.any(String) });
      await running;
      await expect(
        service.layout(chain(201), 'user:default/mallory'),
      ).resolves.toMatchObject({ id: expect.any(String) });
    } finally {
      await service.close();
    }
  });

  it('refuses new layouts while too many wait, rather than queueing without end', async () => {
    const service = new CellLayoutService({ maxQueued: 1 });
    try {
      const running = service.layout(chain(200), 'user:default/a');
      await expect(service.layout(shop, 'user:default/b')).rejects.toThrow(
        'The backend is laying out 1 other cells; try again shortly',
      );
      await expect(running).resolves.toMatchObject({ id: expect.any(String) });
    } finally {
      await service.close();
    }
  });
});

describe('GET /projects/:namespace/:name/cell-layout', () => {
  const backend = sampleBackendForDescribe(sampleDir => ({
    config: { hubble: { file: path.join(sampleDir, 'flows.jsonl') } },
    policy: exceptInProjects('choreo.component.read', ['acme/storefront']),
  }));

  const get = (url: string, header = mockCredentials.user.header()) =>
    request(backend.server)
      .get(`/api/choreo${url}`)
      .set('Authorization', header);

  it("lays out the view the Cell tab opens with, traffic included, as the browser's own request would", async () => {
    const { body: topology } = await get(
      '/projects/acme/logistics/topology',
    ).expect(200);
    const { body: flows } = await get('/projects/acme/logistics/flows').expect(
      200,
    );
    // what the browser draws first: the overlay is on, as Hubble saw traffic
    const graph = layoutGraphOf(
      buildCellView(topology, flows, openingViewOptions(topology, flows)),
    );
    const nodes = graph.nodes.map(n => n.id);
    expect(nodes).toContain('component:acme/payments/payment-gateway');

    const { body: opening } = await get(
      '/projects/acme/logistics/cell-layout',
    ).expect(200);
    expect(opening.id).toBe(cellLayoutId(graph));
    expect(Object.keys(opening.positions).sort()).toEqual([...nodes].sort());
    // the browser's request for the same graph finds the same layout
    const posted = await request(backend.server)
      .post('/api/choreo/projects/acme/logistics/cell-layout')
      .set('Authorization', mockCredentials.user.header())
      .send(graph)
      .expect(200);
    expect(posted.body).toEqual(opening);
  });

  it('opens the environment asked for, and says what to use for an unknown one', async () => {
    const { body: topology } = await get(
      '/projects/acme/logistics/topology?environment=production',
    ).expect(200);
    const { body: flows } = await get(
      '/projects/acme/logistics/flows?environment=production',
    ).expect(200);
    const { body } = await get(
      '/projects/acme/logistics/cell-layout?environment=production',
    ).expect(200);
    expect(body.id).toBe(
      cellLayoutId(
        layoutGraphOf(
          buildCellView(topology, flows, openingViewOptions(topology, flows)),
        ),
      ),
    );

    const unknown = await get(
      '/projects/acme/logistics/cell-layout?environment=qa',
    ).expect(400);
    expect(unknown.body.error.message).toMatch(
      /use one of development, staging, production/,
    );
  });

  it('needs credentials and the read permission on the project', async () => {
    await get(
      '/projects/acme/logistics/cell-layout',
      mockCredentials.none.header(),
    ).expect(401);
    const denied = await get('/projects/acme/storefront/cell-layout').expect(
      403,
    );
    expect(denied.body.error.message).toMatch(
      /You may not see the cell layout of acme\/storefront/,
    );
  });
});
