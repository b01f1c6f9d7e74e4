import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { sampleRemoteSource } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import { startChoreoBackend } from '../__testUtils__/choreoTestBackend';
import {
  copySampleOrganization,
  eventually,
} from '../__testUtils__/sampleOrganization';
import {
  BuildLogLine,
  BuildLogRequest,
  BuildLogSource,
  choreoBuildLogsExtensionPoint,
} from '@choreo-for-backstage/plugin-choreo-node';

jest.setTimeout(60_000);

/** Logs the test writes line by line, like a running Argo pod. */
class ScriptedLogs implements BuildLogSource {
  requests: BuildLogRequest[] = [];
  private waiting: Array<(line: BuildLogLine | null) => void> = [];
  private queued: Array<BuildLogLine | null> = [];

  push(line: BuildLogLine | null) {
    const waiter = this.waiting.shift();
    if (waiter) waiter(line);
    else this.queued.push(line);
  }

  async *read(req: BuildLogRequest): AsyncIterable<BuildLogLine> {
    this.requests.push(req);
    yield { task: 'clone-step', text: 'Cloning into /src' };
    if (!req.follow) return;
    while (!req.signal.aborted) {
      const line =
        this.queued.length > 0
          ? this.queued.shift()!
          : await new Promise<BuildLogLine | null>(r => this.waiting.push(r));
      if (line === null) return;
      yield line;
    }
  }
}

/** Reads an SSE response as it arrives; `until` resolves once a matching event came. */
function openStream(server: http.Server, path: string) {
  const events: Array<{ event: string; data: any }> = [];
  const listeners: Array<() => void> = [];
  let status = 0;
  const { port } = server.address() as AddressInfo;
  const req = http.get(
    {
      port,
      path,
      headers: { authorization: mockCredentials.user.header() },
    },
    res => {
      status = res.statusCode ?? 0;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', chunk => {
        buffer += chunk;
        for (
          let cut = buffer.indexOf('\n\n');
          cut >= 0;
          cut = buffer.indexOf('\n\n')
        ) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          listeners.forEach(l => l());
        }
      });
    },
  );
  const until = (match: (e: { event: string; data: any }) => boolean) =>
    new Promise<void>(resolve => {
      const check = () => {
        if (events.some(match)) resolve();
      };
      listeners.push(check);
      check();
    });
  return { events, until, status: () => status, close: () => req.destroy() };
}

describe('build logs', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
  let logs: ScriptedLogs;

  const start = async (
    config: Record<string, unknown> = {},
    withLogs = true,
  ) => {
    logs = new ScriptedLogs();
    const logsModule = createBackendModule({
      pluginId: 'choreo',
      moduleId: 'scripted-build-logs',
      register(env) {
        env.registerInit({
          deps: { ext: choreoBuildLogsExtensionPoint },
          async init({ ext }) {
            ext.setBuildLogSource(logs);
          },
        });
      },
    });
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      // the sample as a control plane's GitOps repository: builds run there
      config: { sources: [sampleRemoteSource(sample)], ...config },
      features: withLogs ? [logsModule] : [],
    });
  };

  beforeEach(async () => {
    sample = await copySampleOrganization();
  });
  afterEach(async () => {
    await backend?.stop();
    await sample.cleanup();
  });

  /** Triggers a build; it has no status yet, so it counts as running. */
  const runningBuild = async () => {
    const res = await request(backend.server)
      .post('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header())
      .send({})
      .expect(201);
    await eventually(async () => {
      await request(backend.server)
        .get(`/api/choreo/components/acme/checkout-api/builds`)
        .set('Authorization', mockCredentials.user.header())
        .expect(200)
        .then(r =>
          expect(r.body.items.map((b: any) => b.name)).toContain(
            res.body.build,
          ),
        );
    });
    return res.body.build as string;
  };

  it('streams the logs of a running build live until it ends', async () => {
    await start();
    const build = await runningBuild();
    const stream = openStream(
      backend.server,
      `/api/choreo/components/acme/checkout-api/builds/${build}/logs`,
    );
    try {
      await stream.until(e => e.data.text === 'Cloning into /src');
      expect(stream.status()).toBe(200);
      expect(logs.requests[0]).toMatchObject({ follow: true });
      expect(logs.requests[0].run.metadata.name).toBe(build);

      logs.push({ task: 'build-step', text: 'Step 1/7 : FROM node:22' });
      await stream.until(e => e.data.text === 'Step 1/7 : FROM node:22');
      logs.push(null);
      await stream.until(e => e.event === 'end');
      expect(
        stream.events.map(e => [e.event, e.data.text ?? e.data.reason]),
      ).toEqual([
        ['line', 'Cloning into /src'],
        ['line', 'Step 1/7 : FROM node:22'],
        ['end', 'complete'],
      ]);
    } finally {
      stream.close();
    }
  });

  it('ends a stream that runs past the hard timeout', async () => {
    await start({ logs: { streamTimeoutSeconds: 0.2 } });
    const build = await runningBuild();
    const stream = openStream(
      backend.server,
      `/api/choreo/components/acme/checkout-api/builds/${build}/logs`,
    );
    try {
      await stream.until(e => e.event === 'end');
      expect(stream.events.at(-1)).toEqual({
        event: 'end',
        data: { reason: 'timeout' },
      });
      expect(logs.requests[0].signal.aborted).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('returns the complete logs of a finished build of one step without following', async () => {
    await start();
    const builds = await request(backend.server)
      .get('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const finished = builds.body.items.find(
      (b: any) => b.status.state === 'ready',
    );
    const res = await request(backend.server)
      .get(
        `/api/choreo/components/acme/checkout-api/builds/${finished.name}/logs`,
      )
      .query({ task: 'build-step' })
      .set('Authorization', mockCredentials.user.header())
      .expect(200)
      .expect('Content-Type', /text\/event-stream/);
    expect(res.text).toContain('"text":"Cloning into /src"');
    expect(res.text).toMatch(/event: end\ndata: {"reason":"complete"}/);
    expect(logs.requests[0]).toMatchObject({
      follow: false,
      task: 'build-step',
    });

    await request(backend.server)
      .get(
        `/api/choreo/components/acme/checkout-api/builds/${finished.name}/logs`,
      )
      .query({ task: 'no-such-step' })
      .set('Authorization', mockCredentials.user.header())
      .expect(404, /has no step 'no-such-step'/);
    await request(backend.server)
      .get(`/api/choreo/components/acme/shop-web/builds/${finished.name}/logs`)
      .set('Authorization', mockCredentials.user.header())
      .expect(404);
  });

  it('answers 503 when no build log source is configured', async () => {
    await start({}, false);
    const builds = await request(backend.server)
      .get('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const res = await request(backend.server)
      .get(
        `/api/choreo/components/acme/checkout-api/builds/${builds.body.items[0].name}/logs`,
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/set choreo.workflowPlane/);
  });
});
