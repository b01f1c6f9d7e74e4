import http from 'node:http';
import https from 'node:https';

/** A status and a body: JSON when the server said so and it parses, else the text. */
export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * One HTTP(S) request with a bearer token and an optional JSON (or text)
 * body. Dependency-free, so the harness does not depend on how a client
 * library under test loads.
 */
export function jsonRequest(
  url: URL,
  options: {
    method: string;
    token: string;
    body?: unknown;
    contentType?: string;
    /** The CA of an https server. */
    ca?: string | Buffer;
    timeoutMs?: number;
  },
): Promise<JsonResponse> {
  const { method, body } = options;
  const payload =
    body === undefined || typeof body === 'string'
      ? body
      : JSON.stringify(body);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method,
        ...(options.ca ? { ca: options.ca } : {}),
        headers: {
          Authorization: `Bearer ${options.token}`,
          Accept: 'application/json',
          ...(payload === undefined
            ? {}
            : {
                'Content-Type': options.contentType ?? 'application/json',
                'Content-Length': Buffer.byteLength(payload),
              }),
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              parsed = JSON.parse(text);
            } catch {
              // Keep the text.
            }
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${url} timed out`)),
    );
    req.on('error', reject);
    if (payload !== undefined) {
      req.write(payload);
    }
    req.end();
  });
}
