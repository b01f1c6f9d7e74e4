import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A container's log as the double serves it; `live` logs stay open until `end()`. */
export class ScriptedContainerLog {
  readonly lines: string[] = [];
  private listeners = new Set<() => void>();
  ended: boolean;
  /** While false, the kubelet answers 400 "waiting to start" like for a container being created. */
  started: boolean;

  constructor(lines: string[], live: boolean, started: boolean) {
    this.lines.push(...lines);
    this.ended = !live;
    this.started = started;
  }

  /** The container started (it can be read from now on). */
  start() {
    this.started = true;
  }

  /** Appends a line; a following reader receives it right away. */
  write(line: string) {
    this.lines.push(line);
    this.listeners.forEach(l => l());
  }

  /** The container terminated: following readers reach the end of the stream. */
  end() {
    this.ended = true;
    this.listeners.forEach(l => l());
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * TEST DOUBLE for the one boundary a bare kube-apiserver cannot provide: the
 * kubelet. The real API server proxies `pods/{pod}/log` to
 * `https://<node InternalIP>:<kubeletEndpoint.Port>/containerLogs/{ns}/{pod}/{container}`;
 * this HTTPS server on 127.0.0.1 answers those requests from scripted logs.
 * Its self-signed certificate (made with the openssl CLI) is the CA the API
 * server trusts through `--kubelet-certificate-authority`.
 */
export class KubeletLogsTestDouble {
  /** Every request the API server proxied here: `{ns}/{pod}/{container}?query`. */
  readonly requests: string[] = [];
  private readonly logs = new Map<string, ScriptedContainerLog>();

  private constructor(
    private readonly server: https.Server,
    private readonly dir: string,
    readonly caFile: string,
  ) {}

  static async start(): Promise<KubeletLogsTestDouble> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kubelet-double-'));
    const keyFile = path.join(dir, 'kubelet.key');
    const certFile = path.join(dir, 'kubelet.crt');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=kubelet-double',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    const server = https.createServer({
      key: readFileSync(keyFile),
      cert: readFileSync(certFile),
    });
    const double = new KubeletLogsTestDouble(server, dir, certFile);
    server.on('request', (req, res) => double.serve(req, res));
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    return double;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Scripts a container's log; `live` keeps a following reader waiting for `write`/`end`. */
  container(
    namespace: string,
    pod: string,
    container: string,
    lines: string[],
    options: { live?: boolean; started?: boolean } = {},
  ): ScriptedContainerLog {
    const log = new ScriptedContainerLog(
      lines,
      options.live ?? false,
      options.started ?? true,
    );
    this.logs.set(`${namespace}/${pod}/${container}`, log);
    return log;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private serve(
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) {
    const url = new URL(req.url ?? '/', 'https://kubelet');
    const match = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(
      url.pathname,
    );
    if (req.method !== 'GET' || !match) {
      res
        .writeHead(404)
        .end(
          `the double serves GET /containerLogs only, not ${req.method} ${url.pathname}`,
        );
      return;
    }
    const key = match.slice(1).map(decodeURIComponent).join('/');
    this.requests.push(`${key}${url.search}`);
    const log = this.logs.get(key);
    if (!log) {
      res.writeHead(404).end(`container ${key} not found`);
      return;
    }
    if (!log.started) {
      res
        .writeHead(400)
        .end(
          `container "${match[3]}" in pod "${match[2]}" is waiting to start: ContainerCreating`,
        );
      return;
    }
    const stamp = url.searchParams.get('timestamps') === 'true';
    const follow = url.searchParams.get('follow') === 'true';
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    let sent = 0;
    let unsubscribe = () => {};
    const flush = () => {
      for (; sent < log.lines.length; sent++) {
        const time = new Date().toISOString().replace('Z', '000000Z');
        res.write(`${stamp ? `${time} ` : ''}${log.lines[sent]}\n`);
      }
      if (!follow || log.ended) {
        unsubscribe();
        res.end();
      }
    };
    unsubscribe = log.onChange(flush);
    res.on('close', () => unsubscribe());
    flush();
  }
}
