import { promises as fs } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startChoreoBackend } from '../__testUtils__/choreoTestBackend';
import { denyAllPolicy, grantsPolicy } from '../__testUtils__/testPolicies';
import { TestPolicy } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import {
  copySampleOrganization,
  eventually,
} from '../__testUtils__/sampleOrganization';

jest.setTimeout(60_000);

type Event = { event: string; data: any };

/** Reads an SSE response as it arrives; `until` resolves once the events satisfy `done`. */
function openStream(
  server: http.Server,
  path_: string,
  user = 'user:default/mock',
) {
  const events: Event[] = [];
  const listeners: Array<() => void> = [];
  let status = 0;
  const { port } = server.address() as AddressInfo;
  const req = http.get(
    {
      port,
      path: path_,
      headers: { authorization: mockCredentials.user.header(user) },
    },
    res => {
      status = res.statusCode ?? 0;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', chunk => {
        buffer += chunk;
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; ) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          cut = buffer.indexOf('\n\n');
        }
        listeners.forEach(l => l());
      });
    },
  );
  const until = (done: (all: Event[]) => boolean) =>
    new Promise<void>(resolve => {
      const check = () => done(events) && resolve();
      listeners.push(check);
      check();
    });
  return { events, until, status: () => status, close: () => req.destroy() };
}

const flowsOf = (events: Event[]) =>
  events.filter(e => e.event === 'flow').map(e => e.data);

describe('network flow routes', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>> | undefined;
  let flowLog: string;

  const start = async (options: {
    hubble?: boolean | Record<string, unknown>;
    policy?: TestPolicy;
    config?: Record<string, unknown>;
  }) => {
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      policy: options.policy,
      config: {
        ...options.config,
        ...(options.hubble === false
          ? {}
          : {
              hubble: {
                file: flowLog,
                follow: true,
                ...(typeof options.hubble === 'object' ? options.hubble : {}),
              },
            }),
      },
    });
    return backend;
  };
  const get = (url: string, query: Record<string, string> = {}) =>
    request(backend!.server)
      .get(`/api/choreo${url}`)
      .query(query)
      .set('Authorization', mockCredentials.user.header());

  beforeEach(async () => {
    sample = await copySampleOrganization();
    flowLog = path.join(sample.dir, '..', 'flows.jsonl');
    await fs.copyFile(path.join(sample.dir, 'flows.jsonl'), flowLog);
  });
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await sample.cleanup();
  });

  it('lays the observed traffic of a cell over its declared topology', async () => {
    await start({});
    const { body } = await get('/projects/acme/logistics/flows', {
      environment: 'development',
    }).expect(200);
    expect(body.window.seconds).toBe(900);
    const drop = body.edges.find(
      (e: any) =>
        e.from === 'component:acme/logistics/shipping-api' &&
        e.to === 'component:acme/payments/payment-gateway',
    );
    expect(drop).toMatchObject({
      class: 'dropped-undeclared',
      endpoint: 'grpc',
      observed: {
        verdicts: { dropped: 4, forwarded: 0 },
        dropReasons: { POLICY_DENIED: 4 },
      },
      suggestion: {
        from: { project: 'logistics', component: 'shipping-api' },
        project: 'payments',
        component: 'payment-gateway',
        name: 'grpc',
        visibility: 'namespace',
        endpointNeedsVisibility: 'namespace',
      },
    });
    expect(drop.message).toMatch(
      /has no dependency on payments\/payment-gateway.grpc/,
    );

    // without an environment: the first of the pipeline, as the Cell tab opens
    const first = await get('/projects/acme/logistics/flows').expect(200);
    expect(first.body.environment).toBe('development');
    expect(first.body.edges).toEqual(body.edges);

    const storefront = await get('/projects/acme/storefront/flows', {
      environment: 'development',
    }).expect(200);
    const flowing = storefront.body.edges
      .filter((e: any) => e.class === 'declared-flowing')
      .map((e: any) => e.id);
    expect(flowing).toEqual(
      expect.arrayContaining([
        'component:acme/storefront/shop-web->component:acme/storefront/cart-service#api',
        'gateway:ingress:external->component:acme/storefront/shop-web#web',
      ]),
    );
    expect(storefront.body.counts['dropped-undeclared']).toBe(1);
  });

  it('scopes a component snapshot to the edges that touch it', async () => {
    await start({});
    const { body } = await get('/components/acme/payment-gateway/flows', {
      environment: 'development',
    }).expect(200);
    expect(body).toMatchObject({
      project: 'payments',
      component: 'payment-gateway',
    });
    const id = 'component:acme/payments/payment-gateway';
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) expect([e.from, e.to]).toContain(id);
    expect(body.counts['dropped-undeclared']).toBe(1);

    await get('/components/acme/nope/flows', {
      environment: 'development',
    }).expect(404);
    const badWindow = await get('/projects/acme/logistics/flows', {
      environment: 'development',
      window: 'forever',
    });
    expect(badWindow.status).toBe(400);
    expect(badWindow.body.error.message).toMatch(/30s, 15m or 2h/);
  });

  it('streams the recent flows of a component, then flows appended to the log', async () => {
    await start({});
    const stream = openStream(
      backend!.server,
      '/api/choreo/components/acme/payment-gateway/flows/stream?environment=development',
    );
    try {
      await stream.until(all => flowsOf(all).length > 0);
      expect(stream.status()).toBe(200);
      const recent = flowsOf(stream.events);
      expect(
        recent.every((f: any) =>
          [f.source.id, f.destination.id].includes(
            'component:acme/payments/payment-gateway',
          ),
        ),
      ).toBe(true);

      // a new flow of the component, appended as Hubble's export would write it
      const lines = (await fs.readFile(flowLog, 'utf8')).trim().split('\n');
      const template = lines.find(l => l.includes('payment-gateway'))!;
      const live = template
        .replace(/"uuid":"[^"]*"/, '"uuid":"live-flow-1"')
        .replace(
          /"time":"2026-08-24T09:[^"]*"/g,
          '"time":"2026-08-24T10:00:00Z"',
        );
      await fs.appendFile(flowLog, `${live}\n`);
      await stream.until(all =>
        flowsOf(all).some((f: any) => f.uuid === 'live-flow-1'),
      );
      const received = flowsOf(stream.events);
      // the recent flows came first, then the live one
      expect(received.length).toBeGreaterThan(1);
      expect(received.at(-1).uuid).toBe('live-flow-1');
    } finally {
      stream.close();
    }
  });

  it('ends a stream at the hard timeout', async () => {
    await start({ hubble: { streamTimeoutSeconds: 0.2 } });
    const stream = openStream(
      backend!.server,
      '/api/choreo/projects/acme/payments/flows/stream?environment=development',
    );
    try {
      await stream.until(all => all.some(e => e.event === 'end'));
      expect(flowsOf(stream.events).length).toBeGreaterThan(0);
      expect(stream.events.at(-1)).toEqual({
        event: 'end',
        data: { reason: 'timeout' },
      });
    } finally {
      stream.close();
    }
  });

  it('filters a project stream by verdict, direction and peer', async () => {
    await start({});
    const base =
      '/api/choreo/projects/acme/payments/flows/stream?environment=development';
    const dropped = openStream(backend!.server, `${base}&verdict=DROPPED`);
    const fromLogistics = openStream(
      backend!.server,
      `${base}&direction=ingress&peer=shipping-api`,
    );
    try {
      await dropped.until(all => flowsOf(all).length >= 4);
      expect(flowsOf(dropped.events).map((f: any) => f.verdict)).toEqual(
        flowsOf(dropped.events).map(() => 'DROPPED'),
      );
      await fromLogistics.until(all => flowsOf(all).length >= 4);
      for (const f of flowsOf(fromLogistics.events)) {
        expect(f.destination.identity.project).toBe('payments');
        expect(f.source.identity.component).toBe('shipping-api');
      }
    } finally {
      dropped.close();
      fromLogistics.close();
    }
    const bad = await get('/projects/acme/payments/flows/stream', {
      environment: 'development',
      verdict: 'LOST',
    });
    expect(bad.status).toBe(400);
  });

  it('needs credentials and the read permission', async () => {
    await start({ policy: denyAllPolicy });
    await request(backend!.server)
      .get('/api/choreo/projects/acme/logistics/flows')
      .query({ environment: 'development' })
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
    const project = await get('/projects/acme/logistics/flows', {
      environment: 'development',
    });
    expect(project.status).toBe(403);
    expect(project.body.error.message).toMatch(
      /denies 'choreo.component.read' on choreo:ns\/acme\/project\/logistics/,
    );
    await get('/components/acme/shipping-api/flows/stream', {
      environment: 'development',
    }).expect(403);
  });

  it('answers 503 naming choreo.hubble when no flow source is configured', async () => {
    await start({ hubble: false });
    for (const url of [
      '/flows/status',
      '/projects/acme/logistics/flows?environment=development',
      '/components/acme/shipping-api/flows/stream?environment=development',
    ]) {
      const res = await get(url);
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/set choreo.hubble/);
    }
  });

  it('reports the status of the flow source', async () => {
    await start({});
    const { body } = await get('/flows/status').expect(200);
    expect(body).toMatchObject({
      type: 'file',
      state: 'streaming',
      received: 76,
    });
  });

  it('caps the live streams of one person and of everyone, and says what to do', async () => {
    await start({ config: { streams: { maxPerUser: 1, maxTotal: 2 } } });
    const url =
      '/api/choreo/components/acme/payment-gateway/flows/stream?environment=development';
    const first = openStream(backend!.server, url, 'user:default/ann');
    try {
      await first.until(all => all.length > 0);
      const second = await request(backend!.server)
        .get(url)
        .set('Authorization', mockCredentials.user.header('user:default/ann'))
        .expect(429);
      expect(second.body.error.message).toBe(
        'You have 1 live streams open (build logs, network flows), the most one person may have; close some tabs or views and try again',
      );
      const other = openStream(backend!.server, url, 'user:default/ben');
      await other.until(all => all.length > 0);
      const third = await request(backend!.server)
        .get(url)
        .set('Authorization', mockCredentials.user.header('user:default/cid'))
        .expect(429);
      expect(third.body.error.message).toMatch(/choreo\.streams\.maxTotal/);
      other.close();
    } finally {
      first.close();
    }
    // a closed stream gives its slot back
    await eventually(async () => {
      const again = openStream(backend!.server, url, 'user:default/ann');
      try {
        await again.until(all => all.length > 0 || again.status() === 429);
        expect(again.status()).toBe(200);
      } finally {
        again.close();
      }
    });
  });

  it('shows the flow source details (paths, relay addresses) only to those allowed', async () => {
    await start({
      policy: grantsPolicy(
        { 'user:default/mallory': p => p !== 'choreo.sources.read' },
        () => true,
      ),
    });
    const plain = await request(backend!.server)
      .get('/api/choreo/flows/status')
      .set('Authorization', mockCredentials.user.header('user:default/mallory'))
      .expect(200);
    expect(plain.body).toMatchObject({ type: 'file', state: 'streaming' });
    expect(plain.body).not.toHaveProperty('problems');
    expect(JSON.stringify(plain.body)).not.toContain(sample.dir);
    const full = await get('/flows/status').expect(200);
    expect(full.body).toHaveProperty('problems');
  });
});
