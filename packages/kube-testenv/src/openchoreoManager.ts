import { locateBinaries } from './binaries';
import { KubeTestEnv } from './kubeTestEnv';
import { StopWaiting, waitFor } from './kubeRest';
import { freeLoopbackPort, httpGet } from './loopback';
import { ManagedProcess } from './managedProcess';

export interface OpenChoreoManagerOptions {
  /** Extra manager flags, for example ['--zap-log-level=debug']. */
  args?: string[];
  /** How long to wait for the manager's /readyz (default 90 s). */
  startTimeoutMs?: number;
}

export interface OpenChoreoManager {
  process: ManagedProcess;
  /** `http://127.0.0.1:<port>` of the health probes (/healthz, /readyz). */
  probeUrl: string;
  /** The last lines of the manager log, for assertion messages. */
  recentOutput(): string;
  stop(): Promise<void>;
}

let started = 0;

/**
 * Runs the real OpenChoreo controller manager (built from github.com/openchoreo/openchoreo/cmd)
 * against the test API server. Webhooks are off (ENABLE_WEBHOOKS=false: they would need serving
 * certificates and webhook configurations) and the cluster gateway is disabled (empty URL), so
 * every control-plane reconcile runs while applying to data and workflow planes fails.
 */
export async function startOpenChoreoManager(
  env: KubeTestEnv,
  options: OpenChoreoManagerOptions = {},
): Promise<OpenChoreoManager> {
  const binary =
    env.binaries.openchoreoManager ??
    locateBinaries({ openchoreoManager: true }).openchoreoManager!;
  const probePort = await freeLoopbackPort();
  const probeUrl = `http://127.0.0.1:${probePort}`;
  const processEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ENABLE_WEBHOOKS: 'false',
  };
  // These environment variables would otherwise set the gateway flags' defaults.
  for (const name of Object.keys(processEnv).filter(key =>
    key.startsWith('CLUSTER_GATEWAY_'),
  )) {
    delete processEnv[name];
  }
  started += 1;
  const proc = env.startProcess(
    started === 1 ? 'openchoreo-manager' : `openchoreo-manager-${started}`,
    binary,
    [
      `--kubeconfig=${env.kubeconfigPath}`,
      '--cluster-gateway-url=',
      `--health-probe-bind-address=127.0.0.1:${probePort}`,
      '--metrics-bind-address=0',
      '--leader-elect=false',
      ...(options.args ?? []),
    ],
    processEnv,
  );
  try {
    await waitFor(
      `the OpenChoreo manager's ${probeUrl}/readyz`,
      async () => {
        if (!proc.isRunning()) {
          throw new StopWaiting(
            `openchoreo-manager exited (${await proc.exited}) before it was ready`,
          );
        }
        const ready = await httpGet(`${probeUrl}/readyz`);
        return ready?.status === 200 ? true : undefined;
      },
      { timeoutMs: options.startTimeoutMs ?? 90_000, intervalMs: 250 },
    );
  } catch (error) {
    await proc.stop();
    throw new Error(
      `${
        error instanceof Error ? error.message : String(error)
      }\n${proc.recentOutput()}`,
    );
  }
  return {
    process: proc,
    probeUrl,
    recentOutput: () => proc.recentOutput(),
    stop: () => proc.stop(),
  };
}
