import { ResponseError } from '@backstage/errors';
import { ServerSentEvent, readServerSentEvents } from './serverSentEvents';

/** The two things the client needs; Backstage's DiscoveryApi and FetchApi fit, and so do the backend's services. */
export interface ChoreoClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
}

/** Per call: a Backstage token, when the fetchApi does not add one (backend callers). */
export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
  /**
   * Sent as `Idempotency-Key` with a write: the backend applies a write with
   * the same key (from the same caller) once and answers a retry with the
   * first answer. Reuse it only to retry the very same request.
   */
  idempotencyKey?: string;
}

/**
 * HTTP to the choreo backend (`/api/choreo`): JSON requests and server-sent
 * event streams. A failed request throws a ResponseError that leads with the
 * backend's message (what is wrong and what to do).
 */
export class ChoreoHttp {
  private readonly discoveryApi: ChoreoClientOptions['discoveryApi'];
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: ChoreoClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  private async request<T>(
    method: string,
    path: string,
    body: unknown,
    options?: RequestOptions,
  ): Promise<T> {
    const response = await this.send(method, path, body, options);
    return (await response.json()) as T;
  }

  async *stream<T>(
    path: string,
    options?: RequestOptions,
  ): AsyncGenerator<ServerSentEvent<T>> {
    const response = await this.send('GET', path, undefined, options, {
      Accept: 'text/event-stream',
    });
    if (!response.body) return;
    yield* readServerSentEvents<T>(response.body);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    options?: RequestOptions,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('choreo');
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options?.token) headers.Authorization = `Bearer ${options.token}`;
    if (options?.idempotencyKey && method !== 'GET') {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options?.signal,
    });
    if (!response.ok) {
      // The backend's message says what is wrong and what to do; lead with
      // it rather than "Request failed with 403 Forbidden".
      const error = await ResponseError.fromResponse(response);
      if (error.cause?.message) error.message = error.cause.message;
      throw error;
    }
    return response;
  }
}
