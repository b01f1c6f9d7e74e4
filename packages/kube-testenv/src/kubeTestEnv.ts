import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeBinaries, locateBinaries } from './binaries';
import {
  ControlPlaneLayout,
  apiServerArgs,
  etcdArgs,
  etcdUrl,
  kubeconfigYaml,
  layoutFiles,
} from './controlPlaneArgs';
import {
  BUNDLED_CRDS,
  BundledCrd,
  installCrds,
  openchoreoCrdPaths,
  readCrdManifests,
} from './crdInstaller';
import {
  KubeConnection,
  KubeResponse,
  StopWaiting,
  kubeCall,
  kubeRequest,
  waitFor,
} from './kubeRest';
import { KubeIdentity, serviceAccountIdentity } from './identities';
import { freeLoopbackPorts, httpGet } from './loopback';
import { ManagedProcess, spawnManaged } from './managedProcess';
import { startOrphanWatchdog } from './orphanWatchdog';

export interface KubeTestEnvOptions {
  /** CRDs to install: the OpenChoreo module's (default), none, or YAML files / directories. */
  crds?: 'openchoreo' | 'none' | string[];
  /** More CRDs: a bundled name ('argo-workflows', 'cilium-network-policies') or a YAML path. */
  extraCrds?: Array<BundledCrd | string>;
  /** OpenChoreo module version for `crds: 'openchoreo'` (default v1.2.3). */
  openchoreoVersion?: string;
  /** How long to wait for etcd / kube-apiserver to become ready (default 90 s each). */
  startTimeoutMs?: number;
  /** More kube-apiserver flags, appended after the defaults (e.g. `--kubelet-certificate-authority=…`). */
  extraApiServerArgs?: string[];
}

/** A running etcd + kube-apiserver on loopback. Always call `stop()` (for example in afterAll). */
export interface KubeTestEnv extends KubeConnection {
  /** Path of a kubeconfig with the admin token (current context `kube-testenv`). */
  kubeconfigPath: string;
  /** The same kubeconfig as YAML, for `KubeConfig.loadFromString`. */
  kubeconfig: string;
  /** Temporary directory with the etcd data, certificates and process logs. */
  dir: string;
  binaries: KubeBinaries;
  /** Raw request with the admin token; never throws on HTTP errors. */
  request(
    method: string,
    apiPath: string,
    body?: unknown,
    options?: { contentType?: string },
  ): Promise<KubeResponse>;
  /** Request that throws KubeApiError unless 2xx, returning the body. */
  call<T = unknown>(
    method: string,
    apiPath: string,
    body?: unknown,
    options?: { contentType?: string },
  ): Promise<T>;
  /**
   * Credentials of an existing ServiceAccount (a token from the TokenRequest API): requests
   * with them are authorized by RBAC like a pod's, unlike the admin's (system:masters).
   */
  serviceAccount(namespace: string, name: string): Promise<KubeIdentity>;
  /** Installs more CRDs (files or directories) and waits until they are served. */
  installCrds(paths: string[]): Promise<void>;
  /** Starts a process that is stopped with the environment (and killed if the test process dies). */
  startProcess(
    name: string,
    command: string,
    args: string[],
    env?: NodeJS.ProcessEnv,
  ): ManagedProcess;
  /** Stops kube-apiserver and starts it again on the same port, etcd and certificates. */
  restartApiServer(): Promise<void>;
  /** Stops every process of the environment and deletes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 90_000;

/** Starts etcd and kube-apiserver on free loopback ports and installs the requested CRDs. */
export async function startKubeTestEnv(
  options: KubeTestEnvOptions = {},
): Promise<KubeTestEnv> {
  const binaries = locateBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-testenv-'));
  startOrphanWatchdog(dir);
  const processes: ManagedProcess[] = [];
  let stopped = false;

  const stopAll = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    // Reverse start order: clients and the API server before etcd.
    for (const proc of [...processes].reverse()) {
      await proc.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const [etcdClientPort, etcdPeerPort, apiServerPort] =
      await freeLoopbackPorts(3);
    const layout: ControlPlaneLayout = {
      dir,
      etcdClientPort,
      etcdPeerPort,
      apiServerPort,
    };
    const files = layoutFiles(layout);
    const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const token = randomBytes(24).toString('hex');
    prepareFiles(files, token);

    const startProcess = (
      name: string,
      command: string,
      args: string[],
      env?: NodeJS.ProcessEnv,
    ) => {
      if (stopped) {
        throw new Error(
          `Cannot start ${name}: the test environment was stopped`,
        );
      }
      const proc = spawnManaged(name, command, args, { stateDir: dir, env });
      processes.push(proc);
      return proc;
    };

    const etcd = startProcess('etcd', binaries.etcd, etcdArgs(layout));
    await waitUntilReady(
      etcd,
      `etcd at ${etcdUrl(layout)}`,
      timeoutMs,
      async () => {
        const health = await httpGet(`${etcdUrl(layout)}/health`);
        return health?.status === 200 && health.body.includes('"health":"true"')
          ? true
          : undefined;
      },
    );

    const server = `https://127.0.0.1:${layout.apiServerPort}`;
    let caData = '';
    const conn = (): KubeConnection => ({ server, token, caData });
    let apiServer: ManagedProcess;
    const startApiServer = async () => {
      apiServer = startProcess('kube-apiserver', binaries.kubeApiServer, [
        ...apiServerArgs(layout),
        ...(options.extraApiServerArgs ?? []),
      ]);
      await waitUntilReady(
        apiServer,
        `kube-apiserver at ${server}`,
        timeoutMs,
        async () => {
          if (!existsSync(files.servingCert)) {
            return undefined;
          }
          caData = readFileSync(files.servingCert, 'utf8');
          const ready = await kubeRequest(conn(), 'GET', '/readyz', undefined, {
            timeoutMs: 5_000,
          });
          return ready.status === 200 ? true : undefined;
        },
      );
    };
    await startApiServer();

    const kubeconfig = kubeconfigYaml(server, caData, token);
    writeFileSync(files.kubeconfig, kubeconfig, { mode: 0o600 });

    const crdPaths = [
      ...resolveCrdOption(
        options.crds ?? 'openchoreo',
        options.openchoreoVersion,
      ),
      ...(options.extraCrds ?? []).map(crd =>
        crd in BUNDLED_CRDS ? BUNDLED_CRDS[crd as BundledCrd] : crd,
      ),
    ];
    if (crdPaths.length > 0) {
      await installCrds(conn(), readCrdManifests(crdPaths));
    }

    return {
      server,
      token,
      get caData() {
        return caData;
      },
      kubeconfigPath: files.kubeconfig,
      kubeconfig,
      dir,
      binaries,
      request: (method, apiPath, body, requestOptions) =>
        kubeRequest(conn(), method, apiPath, body, requestOptions),
      call: (method, apiPath, body, requestOptions) =>
        kubeCall(conn(), method, apiPath, body, requestOptions),
      serviceAccount: (namespace, name) =>
        serviceAccountIdentity(conn(), namespace, name),
      installCrds: paths => installCrds(conn(), readCrdManifests(paths)),
      startProcess,
      async restartApiServer() {
        await apiServer.stop();
        processes.splice(processes.indexOf(apiServer), 1);
        await startApiServer();
      },
      stop: stopAll,
    };
  } catch (error) {
    const logs = processes.map(proc => proc.recentOutput()).join('\n');
    await stopAll();
    if (error instanceof Error && logs) {
      error.message += `\n${logs}`;
    }
    throw error;
  }
}

function resolveCrdOption(
  crds: KubeTestEnvOptions['crds'],
  openchoreoVersion?: string,
): string[] {
  if (crds === 'none') {
    return [];
  }
  if (crds === 'openchoreo' || crds === undefined) {
    return openchoreoCrdPaths(openchoreoVersion);
  }
  return crds;
}

function prepareFiles(
  files: ReturnType<typeof layoutFiles>,
  token: string,
): void {
  mkdirSync(files.certDir, { recursive: true });
  // Format of --token-auth-file: token,user,uid,"group1,group2".
  writeFileSync(
    files.tokenFile,
    `${token},kube-testenv-admin,kube-testenv-admin,"system:masters"\n`,
    { mode: 0o600 },
  );
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileSync(files.serviceAccountKey, privateKey, { mode: 0o600 });
  writeFileSync(files.serviceAccountPub, publicKey);
}

/** Waits for `probe`, failing fast with the process output if the process exits first. */
async function waitUntilReady(
  proc: ManagedProcess,
  what: string,
  timeoutMs: number,
  probe: () => Promise<true | undefined>,
): Promise<void> {
  await waitFor(
    what,
    async () => {
      if (!proc.isRunning()) {
        throw new StopWaiting(
          `${proc.name} exited (${await proc.exited}) before ${what} was ready`,
        );
      }
      return probe();
    },
    { timeoutMs, intervalMs: 200 },
  ).catch(error => {
    throw new Error(
      `${
        error instanceof Error ? error.message : String(error)
      }\n${proc.recentOutput()}`,
    );
  });
}
