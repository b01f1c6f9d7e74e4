import http from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, KubeStatus } from '../sources/kubernetes/kubeHttp';
import { LineSplitter } from '../text/LineSplitter';

/** Longer log lines are cut with a marker: a line without a newline must not grow without bound. */
export const DEFAULT_MAX_LOG_LINE_LENGTH = 16 * 1024;

/**
 * Opens `GET apiPath` as a raw stream with the credentials of a KubeConfig.
 * KubeHttp only offers parsed JSON answers and JSON-line watches; pod logs
 * are plain text that may never end, so we need the response itself.
 * Rejects with KubeApiError (status 0 when the server was not reached).
 */
export async function openKubeStream(
  kubeConfig: KubeConfig,
  apiPath: string,
  query: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new Error('The kubeconfig has no current cluster');
  const url = new URL(server.replace(/\/$/, '') + apiPath);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  const options: https.RequestOptions = { headers: {} };
  await kubeConfig.applyToHTTPSOptions(options);
  const headers = { ...(options.headers as Record<string, string>) };
  if (options.auth) {
    headers.Authorization = `Basic ${Buffer.from(options.auth).toString(
      'base64',
    )}`;
  }
  const transport = url.protocol === 'http:' ? http : https;
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = transport.request(url, {
      method: 'GET',
      agent: options.agent,
      headers: { ...headers, Accept: '*/*' },
      signal,
    });
    req.on('response', resolve);
    req.on('error', error =>
      reject(
        signal.aborted
          ? error
          : new KubeApiError(
              'GET',
              apiPath,
              0,
              undefined,
              `GET ${url.origin}${apiPath} could not reach the API server: ${error.message}`,
            ),
      ),
    );
    req.end();
  });
  const status = res.statusCode ?? 0;
  if (status >= 300) {
    const text = await readText(res);
    throw new KubeApiError('GET', apiPath, status, parseStatus(text));
  }
  return res;
}

/**
 * The lines of a response, pulled: the next chunk is read from the socket
 * only when the consumer asked for the lines of the previous one, so a slow
 * consumer leaves the data in TCP buffers and the server slows down. A line
 * longer than `maxLineLength` is cut with a marker (see LineSplitter).
 */
export async function* linesOf(
  res: AsyncIterable<Buffer | string>,
  maxLineLength = DEFAULT_MAX_LOG_LINE_LENGTH,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const lines = new LineSplitter(maxLineLength);
  for await (const chunk of res) {
    yield* lines.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  }
  yield* lines.push(decoder.end());
  const last = lines.end();
  if (last !== undefined) yield last;
}

function readText(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}

function parseStatus(text: string): KubeStatus {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return parsed as KubeStatus;
  } catch {
    // a plain-text error, e.g. from the kubelet
  }
  return { message: text.slice(0, 500) };
}
