import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { locateBinaries } from './binaries';
import { JwksIssuer, startJwksIssuer } from './jwksServer';
import { jsonRequest } from './jsonRequest';
import { KubeTestEnv } from './kubeTestEnv';
import { StopWaiting, waitFor } from './kubeRest';
import { freeLoopbackPort, httpGet } from './loopback';
import { ManagedProcess } from './managedProcess';

export interface OpenChoreoApiOptions {
  /** Token issuer to trust; by default one is started (and stopped with the server). */
  issuer?: JwksIssuer;
  /** Merged over the generated config (top-level sections replace the defaults). */
  config?: Record<string, unknown>;
  /** How long to wait for /ready (default 90 s). */
  startTimeoutMs?: number;
}

export interface OpenChoreoApiResponse {
  status: number;
  /** Parsed JSON when the server sent JSON, else the text. */
  body: unknown;
}

export interface OpenChoreoApi {
  process: ManagedProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  issuer: JwksIssuer;
  /** A bearer token the server accepts (subject type `user`, `groups` claim). */
  token: string;
  /** A request with `token` (or the given one); never throws on HTTP errors. */
  request(
    method: string,
    apiPath: string,
    body?: unknown,
    options?: { token?: string },
  ): Promise<OpenChoreoApiResponse>;
  /** The last lines of the server log, for assertion messages. */
  recentOutput(): string;
  stop(): Promise<void>;
}

let started = 0;

/**
 * Runs the real openchoreo-api (github.com/openchoreo/openchoreo/cmd/openchoreo-api) against the
 * test API server, with authentication and Casbin authorization on: it trusts JWTs from a JWKS
 * issuer started here, resolves subjects as the Helm chart does (`user` by `groups`,
 * `service_account` by `sub`) and loads AuthzRoles, ClusterAuthzRoles and their bindings from the
 * cluster through informers. The cluster gateway and MCP are off: nothing here needs a data plane.
 */
export async function startOpenChoreoApi(
  env: KubeTestEnv,
  options: OpenChoreoApiOptions = {},
): Promise<OpenChoreoApi> {
  const binary =
    env.binaries.openchoreoApi ??
    locateBinaries({ openchoreoApi: true }).openchoreoApi!;
  const ownIssuer = !options.issuer;
  const issuer = options.issuer ?? (await startJwksIssuer());
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;

  started += 1;
  const name = started === 1 ? 'openchoreo-api' : `openchoreo-api-${started}`;
  const dir = path.join(env.dir, name);
  mkdirSync(dir, { recursive: true });
  const configPath = path.join(dir, 'config.yaml');
  writeFileSync(
    configPath,
    stringify({ ...apiConfig(url, port, issuer), ...options.config }),
  );

  // The server reads its kubeconfig only from KUBECONFIG; OC_API__* variables would override
  // the file.
  const processEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KUBECONFIG: env.kubeconfigPath,
  };
  for (const key of Object.keys(processEnv).filter(k =>
    k.startsWith('OC_API__'),
  )) {
    delete processEnv[key];
  }
  const proc = env.startProcess(
    name,
    binary,
    ['--config', configPath],
    processEnv,
  );
  const stopAll = async () => {
    await proc.stop();
    if (ownIssuer) {
      await issuer.stop();
    }
  };
  try {
    await waitFor(
      `openchoreo-api's ${url}/ready`,
      async () => {
        if (!proc.isRunning()) {
          throw new StopWaiting(
            `openchoreo-api exited (${await proc.exited}) before it was ready`,
          );
        }
        const ready = await httpGet(`${url}/ready`);
        return ready?.status === 200 ? true : undefined;
      },
      { timeoutMs: options.startTimeoutMs ?? 90_000, intervalMs: 250 },
    );
  } catch (error) {
    await stopAll();
    throw new Error(
      `${
        error instanceof Error ? error.message : String(error)
      }\n${proc.recentOutput()}`,
    );
  }

  const token = issuer.mintToken({
    sub: 'kube-testenv',
    groups: ['kube-testenv'],
  });
  return {
    process: proc,
    url,
    issuer,
    token,
    request: (method, apiPath, body, requestOptions) =>
      jsonRequest(new URL(`${url}${apiPath}`), {
        method,
        body,
        token: requestOptions?.token ?? token,
        timeoutMs: 60_000,
      }),
    recentOutput: () => proc.recentOutput(),
    stop: stopAll,
  };
}

function apiConfig(url: string, port: number, issuer: JwksIssuer) {
  const subject = (display: string, priority: number, claim: string) => ({
    display_name: display,
    priority,
    mechanisms: { jwt: { entitlement: { claim, display_name: claim } } },
  });
  return {
    server: { bind_address: '127.0.0.1', port, public_url: url },
    security: {
      enabled: true,
      authentication: {
        jwt: {
          audiences: [],
          clock_skew: '0s',
          jwks: { refresh_interval: '1h', skip_tls_verify: false },
        },
      },
      subjects: {
        user: subject('User', 1, 'groups'),
        service_account: subject('Service Account', 2, 'sub'),
      },
      // resync only replays informer events; decisions never wait for it.
      authorization: {
        enabled: true,
        cache: { enabled: false, ttl: '5m' },
        resync_interval: '0s',
      },
    },
    identity: { oidc: { issuer: issuer.issuer, jwks_url: issuer.jwksUrl } },
    cluster_gateway: { enabled: false },
    mcp: { enabled: false },
    logging: { level: 'info', format: 'text' },
  };
}
