import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ChoreoClient } from '@choreo-for-backstage/plugin-choreo-common';

/** What the test server saw: tests assert what a click sent. */
export interface RecordedRequest {
  method: string;
  /** Path below /api/choreo, with the query string. */
  url: string;
  body: unknown;
  authorization?: string;
  /** The `Idempotency-Key` header of a write. */
  idempotencyKey?: string;
}

export type TestRouteAnswer =
  | {
      status?: number;
      json: unknown;
      /**
       * The write happens but its answer never arrives (the connection
       * drops), as when a network fails after the backend applied a write.
       */
      lost?: boolean;
    }
  | {
      status?: number;
      events: Array<{ event: string; data: unknown }>;
      keepOpen?: boolean;
    };

type Handler = (
  req: RecordedRequest,
) => TestRouteAnswer | Promise<TestRouteAnswer>;

/**
 * A real HTTP server standing in for the choreo backend in component tests
 * (a test double: tests register the answers). The components talk to it
 * through the real ChoreoClient and the real fetch, so URLs, bodies, status
 * codes, error messages and server-sent events go over the wire as in the
 * app. Like the backend, it answers a write retried with the same
 * `Idempotency-Key` with the first answer, without running the route again.
 */
export class ChoreoTestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly open = new Set<http.ServerResponse>();
  /** First answers of writes, by idempotency key. */
  private readonly answered = new Map<string, TestRouteAnswer>();
  private server?: http.Server;
  private baseUrl = '';

  /** `on('GET /components/acme/cart/deployments', { json })`; the query string is ignored when matching. */
  on(route: string, answer: TestRouteAnswer | Handler): this {
    this.routes.set(
      route,
      typeof answer === 'function' ? answer : () => answer,
    );
    return this;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/api/choreo`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    await new Promise<void>(resolve => this.server?.close(() => resolve()));
  }

  /** The real client, pointed at this server. */
  client(): ChoreoClient {
    return new ChoreoClient({
      discoveryApi: { getBaseUrl: async () => this.baseUrl },
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = (req.url ?? '').replace(/^\/api\/choreo/, '');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url,
      body: text ? JSON.parse(text) : undefined,
      authorization: req.headers.authorization,
      idempotencyKey: header(req, 'idempotency-key'),
    };
    this.requests.push(recorded);
    const replayed = recorded.idempotencyKey
      ? this.answered.get(recorded.idempotencyKey)
      : undefined;
    if (replayed && 'json' in replayed) {
      this.sendJson(res, { ...replayed, lost: false });
      return;
    }
    const handler = this.routes.get(`${recorded.method} ${url.split('?')[0]}`);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: `No test route for ${recorded.method} ${url}`,
          },
        }),
      );
      return;
    }
    const answer = await handler(recorded);
    if ('json' in answer) {
      const failed = (answer.status ?? 200) >= 400;
      // the backend keeps a key's answer unless the write failed
      if (recorded.idempotencyKey && !failed) {
        this.answered.set(recorded.idempotencyKey, answer);
      }
      this.sendJson(res, answer);
      return;
    }
    res.writeHead(answer.status ?? 200, {
      'content-type': 'text/event-stream',
    });
    for (const e of answer.events) {
      res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    }
    if (answer.keepOpen) this.open.add(res);
    else res.end();
  }

  private sendJson(
    res: http.ServerResponse,
    answer: { status?: number; json: unknown; lost?: boolean },
  ) {
    if (answer.lost) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(answer.status ?? 200, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify(answer.json));
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A Backstage-style error body, as the backend's error handler sends it. */
export function errorBody(name: string, message: string) {
  return {
    error: { name, message },
    request: { method: 'GET', url: '' },
    response: { statusCode: 0 },
  };
}
