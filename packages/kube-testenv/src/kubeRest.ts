import { jsonRequest } from './jsonRequest';

/** How to reach the test API server: enough for a raw HTTPS request. */
export interface KubeConnection {
  /** `https://127.0.0.1:<port>` */
  server: string;
  /** Bearer token of the `system:masters` admin user. */
  token: string;
  /** PEM of the certificates that sign the API server's serving certificate. */
  caData: string;
}

export interface KubeResponse {
  status: number;
  /** Parsed JSON when the server sent JSON, otherwise the text. */
  body: unknown;
}

/** A non-2xx answer of the API server; `message` carries the Status message (for example a schema error). */
export class KubeApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const statusMessage = (body as { message?: string } | null)?.message;
    super(
      `${method} ${path} failed with HTTP ${status}: ${
        statusMessage ?? JSON.stringify(body)
      }`,
    );
    this.name = 'KubeApiError';
  }
}

/**
 * One request against the API server with the admin token. Deliberately dependency-free, so the
 * harness itself does not depend on how a client library loads (the one under test may differ).
 */
export function kubeRequest(
  conn: KubeConnection,
  method: string,
  path: string,
  body?: unknown,
  options: { contentType?: string; timeoutMs?: number } = {},
): Promise<KubeResponse> {
  return jsonRequest(new URL(path, conn.server), {
    method,
    token: conn.token,
    body,
    ca: conn.caData,
    ...options,
  });
}

/** Like `kubeRequest`, but throws `KubeApiError` unless the status is 2xx, and returns the body. */
export async function kubeCall<T = unknown>(
  conn: KubeConnection,
  method: string,
  path: string,
  body?: unknown,
  options?: { contentType?: string },
): Promise<T> {
  const res = await kubeRequest(conn, method, path, body, options);
  if (res.status < 200 || res.status >= 300) {
    throw new KubeApiError(method, path, res.status, res.body);
  }
  return res.body as T;
}

/** Thrown from a `waitFor` check to give up at once (for example when the process died). */
export class StopWaiting extends Error {}

/** Polls `check` every `intervalMs` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      if (error instanceof StopWaiting) {
        throw error;
      }
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail =
        lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out waiting for ${what}${detail}`);
    }
    await new Promise(resolve =>
      setTimeout(resolve, options.intervalMs ?? 250),
    );
  }
}
