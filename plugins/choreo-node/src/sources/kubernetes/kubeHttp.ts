import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';

/** A `metav1.Status` as the API server sends it with errors. */
export interface KubeStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: Array<{ reason?: string; message?: string; field?: string }>;
  };
}

/**
 * A request the API server answered with an error status, or (status 0) one
 * that never reached it. Keeps the Status body so callers can name fields.
 */
export class KubeApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: KubeStatus | undefined,
    message?: string,
  ) {
    super(
      message ??
        `${method} ${path} failed with HTTP ${status}: ${
          body?.message ?? 'no message'
        }`,
    );
    this.name = 'KubeApiError';
  }
}

export interface KubeRequestOptions {
  contentType?: string;
  /** Extra headers, for example `Impersonate-User`. */
  headers?: Record<string, string>;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface KubeWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Record<string, unknown>;
}

/**
 * Raw JSON requests with the authentication of a KubeConfig. We use the
 * client library for configuration and credentials (files, exec plugins,
 * service accounts) but not its typed serializer, which would turn
 * timestamps into Date objects and drop fields of custom resources.
 */
export class KubeHttp {
  constructor(readonly kubeConfig: KubeConfig) {}

  /** URL of the API server of the current context. */
  get server(): string {
    const server = this.kubeConfig.getCurrentCluster()?.server;
    if (!server) {
      throw new Error('The kubeconfig has no current cluster');
    }
    return server;
  }

  /** Sends one request; resolves with the parsed body of a 2xx answer, else rejects with KubeApiError. */
  async request<T = unknown>(
    method: string,
    apiPath: string,
    body?: unknown,
    options: KubeRequestOptions = {},
  ): Promise<T> {
    return (await this.send<T>(method, apiPath, body, options)).body;
  }

  /** Like `request`, with the HTTP status of the answer (201 means created). */
  async send<T = unknown>(
    method: string,
    apiPath: string,
    body?: unknown,
    options: KubeRequestOptions = {},
  ): Promise<{ status: number; body: T }> {
    const res = await this.open(method, apiPath, body, options);
    const text = await readAll(res);
    const parsed = parseJson(text);
    if ((res.statusCode ?? 0) >= 300) {
      throw new KubeApiError(
        method,
        apiPath,
        res.statusCode ?? 0,
        typeof parsed === 'object' && parsed !== null
          ? (parsed as KubeStatus)
          : { message: text.slice(0, 500) },
      );
    }
    return { status: res.statusCode ?? 0, body: parsed as T };
  }

  /**
   * Opens a watch and calls `onEvent` for each event until the server ends
   * the stream (resolves) or the connection fails (rejects). `onOpen` runs
   * once the server accepted the watch.
   */
  async watch(
    apiPath: string,
    query: Record<string, string | undefined>,
    onEvent: (event: KubeWatchEvent) => void,
    options: { signal?: AbortSignal; onOpen?: () => void } = {},
  ): Promise<void> {
    const res = await this.open(
      'GET',
      apiPath,
      undefined,
      { query: { ...query, watch: 'true' }, signal: options.signal },
      true,
    );
    if ((res.statusCode ?? 0) >= 300) {
      const text = await readAll(res);
      const parsed = parseJson(text);
      throw new KubeApiError('WATCH', apiPath, res.statusCode ?? 0, {
        ...(typeof parsed === 'object' && parsed !== null
          ? (parsed as KubeStatus)
          : { message: text.slice(0, 500) }),
      });
    }
    options.onOpen?.();
    await new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: res, crlfDelay: Infinity });
      let failure: unknown;
      lines.on('line', line => {
        if (!line.trim() || failure) {
          return;
        }
        try {
          onEvent(JSON.parse(line) as KubeWatchEvent);
        } catch (error) {
          failure = error;
          res.destroy();
        }
      });
      const settle = () => (failure ? reject(failure) : resolve());
      const fail = (error: Error) => {
        failure = failure ?? error;
      };
      // readline re-emits errors of its input; unhandled, they would crash the process.
      res.on('error', fail);
      lines.on('error', fail);
      // Whichever comes first: readline closes at the end of the stream,
      // the response closes when the connection drops.
      lines.once('close', settle);
      res.once('close', () => setImmediate(settle));
    });
  }

  private async open(
    method: string,
    apiPath: string,
    body: unknown,
    options: KubeRequestOptions,
    streaming = false,
  ): Promise<http.IncomingMessage> {
    const url = new URL(this.server.replace(/\/$/, '') + apiPath);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, value);
      }
    }
    const httpsOptions: https.RequestOptions = { headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(httpsOptions);
    const authHeaders: Record<string, string> = {};
    if (httpsOptions.auth) {
      authHeaders.Authorization = `Basic ${Buffer.from(
        httpsOptions.auth,
      ).toString('base64')}`;
      delete httpsOptions.auth;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const headers: Record<string, string | number> = {
      ...(httpsOptions.headers as Record<string, string>),
      ...authHeaders,
      Accept: 'application/json',
      ...options.headers,
    };
    if (payload !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, {
        method,
        agent: httpsOptions.agent,
        headers,
        signal: options.signal,
      });
      const timeoutMs = options.timeoutMs ?? (streaming ? 0 : 60_000);
      if (timeoutMs > 0) {
        req.setTimeout(timeoutMs, () =>
          req.destroy(new Error(`no answer within ${timeoutMs} ms`)),
        );
      }
      req.on('response', resolve);
      req.on('error', error =>
        reject(
          new KubeApiError(
            method,
            apiPath,
            0,
            undefined,
            `${method} ${url.origin}${apiPath} could not reach the API server: ${error.message}`,
          ),
        ),
      );
      req.end(payload);
    });
  }
}

function readAll(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
