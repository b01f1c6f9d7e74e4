/**
 * `yarn bench:api`: p50/p99 latency and throughput of the choreo backend's
 * deployments and topology routes for a project of BENCH_COMPONENTS (500)
 * components, measured by wrk with BENCH_CONNECTIONS (50) keep-alive
 * connections on loopback for BENCH_SECONDS (20) per route after a warm-up.
 * Prints one JSON line on stdout; progress goes to stderr.
 *
 * On a two-core machine Backstage's own request path (routers, the user
 * token's checks) costs more than an absolute latency budget, so each run
 * first measures the floor the same way: the authenticated no-op route of a
 * bench-only plugin in the same backend (referencePlugin.ts), printed as
 * referenceRps / referenceP99Ms. topologyRpsRatio and deploymentsRpsRatio
 * are our routes' throughput over the floor's (target: 0.7 or more).
 *
 * The backend (apiBenchServer.ts) is the real backend with real auth and
 * the Choreo permission policy a deployment installs; requests carry a user
 * token the guest provider issued for a person whose group an OpenChoreo
 * ClusterAuthzRoleBinding grants everything, and the headers a browser
 * sends (gzip accepted). On a machine with two or more cores the backend is
 * pinned to CPU 0 and wrk to CPU 1 (BENCH_PIN=0 turns that off), so the
 * load tool does not take the server's core.
 *
 * The deployments load walks every component, so each request of the
 * 500 asks about another resource: the worst case for the plugin's reuse of
 * read decisions (choreo.permissions.readDecisionTtl, default 10 s), which
 * BENCH_READ_DECISION_TTL_SECONDS sets (0: every read asks the policy).
 *
 * stderr also shows the backend's CPU time per request, which stays
 * meaningful when other work on the machine makes latencies noisy.
 * BENCH_SERVER_NODE_OPTIONS passes node options to the backend, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where the time goes.
 */
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type {
  ApiBenchServerOptions,
  ApiBenchServerReady,
} from './apiBenchServer';
import { REFERENCE_PATH } from './referencePlugin';
import { progress } from './stderrLogger';
import { WrkResult, ensureWrk, runWrk } from './wrkLoad';

const SERVER = resolvePackagePath('@internal/bench', 'src/apiBenchServer.ts');

function positive(key: string, fallback: number): number {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${key} must be a positive whole number`);
  }
  return value;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startServer(
  options: ApiBenchServerOptions,
  cpus: string | undefined,
): Promise<{ child: ChildProcess; ready: ApiBenchServerReady }> {
  const child = fork(SERVER, {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ??
        []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // as a deployed backend runs
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (cpus) {
    // every thread of the process: the event loop, the libuv pool, GC helpers
    execFileSync('taskset', ['-a', '-cp', cpus, String(child.pid)], {
      stdio: 'ignore',
    });
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', code =>
      reject(new Error(`the backend process exited with ${code}`)),
    );
    // the transform talks over IPC too; take only our message
    child.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready') {
        resolve({ child, ready: message as ApiBenchServerReady });
      }
    });
    child.send(options);
  });
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds the backend process used so far (all its threads), from
 * /proc; undefined elsewhere. Per request, it says what a route costs even
 * when other work on the machine makes latencies noisy.
 */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name, which may contain spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

async function guestToken(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/guest/refresh`);
  if (!response.ok) {
    throw new Error(
      `The guest provider issued no token: ${
        response.status
      } ${await response.text()}`,
    );
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/** Every route answers 200 with the token and 401 without: the load measures real answers. */
async function checkRoutes(base: string, token: string, paths: string[]) {
  for (const p of paths) {
    const anonymous = await fetch(`${base}${p}`);
    if (anonymous.status !== 401) {
      throw new Error(`${p} answered ${anonymous.status} without a token`);
    }
    const signedIn = await fetch(`${base}${p}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (signedIn.status !== 200) {
      throw new Error(
        `${p} answered ${signedIn.status}: ${await signedIn.text()}`,
      );
    }
    progress(
      `${p.split('?')[0]}: ${(await signedIn.arrayBuffer()).byteLength} bytes`,
    );
  }
}

async function main() {
  const components = positive('BENCH_COMPONENTS', 500);
  const connections = positive('BENCH_CONNECTIONS', 50);
  const seconds = positive('BENCH_SECONDS', 20);
  const pin = process.env.BENCH_PIN !== '0' && os.cpus().length >= 2;
  const policy = process.env.BENCH_POLICY ?? 'choreo';
  if (policy !== 'choreo' && policy !== 'allow-all') {
    throw new Error(
      `BENCH_POLICY must be choreo or allow-all, got '${policy}'`,
    );
  }
  // unset: the plugin's default; 0 decides every read afresh
  const ttl = process.env.BENCH_READ_DECISION_TTL_SECONDS;
  const readDecisionTtlSeconds = ttl === undefined ? undefined : Number(ttl);
  if (
    readDecisionTtlSeconds !== undefined &&
    !(readDecisionTtlSeconds >= 0 && readDecisionTtlSeconds <= 60)
  ) {
    throw new Error(
      'BENCH_READ_DECISION_TTL_SECONDS must be a number of seconds from 0 to 60',
    );
  }
  ensureWrk(progress);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  progress(
    `starting the backend with ${components} components, ${policy} policy${
      pin ? ' (backend on CPU 0, wrk on CPU 1)' : ''
    }`,
  );
  const { child, ready } = await startServer(
    { port, components, policy, readDecisionTtlSeconds },
    pin ? '0' : undefined,
  );
  try {
    const token = await guestToken(base);
    const api = `/api/choreo`;
    const topologyPaths = [
      `${api}/projects/${ready.namespace}/${ready.project}/topology?environment=development`,
    ];
    const deploymentPaths = ready.components.map(
      name => `${api}/components/${ready.namespace}/${name}/deployments`,
    );
    await checkRoutes(base, token, [
      REFERENCE_PATH,
      topologyPaths[0],
      deploymentPaths[0],
    ]);

    const failures: string[] = [];
    const load = async (route: string, paths: string[]) => {
      const run = {
        url: base,
        paths,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'Accept-Encoding': 'gzip, deflate, br',
        },
        connections,
        threads: pin ? 1 : 2,
        cpus: pin ? '1' : undefined,
      };
      await runWrk({ ...run, seconds: 3 }); // warm-up: JIT, caches, token keys
      const cpuBefore = cpuSeconds(child.pid!);
      const result = await runWrk({ ...run, seconds });
      const cpuAfter = cpuSeconds(child.pid!);
      const cpuPerRequest =
        cpuBefore !== undefined && cpuAfter !== undefined
          ? `, backend CPU ${(
              ((cpuAfter - cpuBefore) * 1000) /
              result.requests
            ).toFixed(2)} ms/request`
          : '';
      progress(
        `${route}: ${result.requests} requests, p50 ${result.p50Ms} ms, p99 ${
          result.p99Ms
        } ms, ${result.rps}/s${cpuPerRequest}; load average ${os
          .loadavg()
          .map(l => l.toFixed(1))
          .join(' ')}`,
      );
      if (result.errors > 0) {
        failures.push(
          `${route}: ${result.errors} requests failed (timeouts after 5 s, socket errors or answers other than 2xx/3xx)`,
        );
      }
      return result;
    };
    // the floor: the same backend's authenticated no-op route, under the same load
    const reference: WrkResult = await load('reference', [REFERENCE_PATH]);
    const topology: WrkResult = await load('topology', topologyPaths);
    const deployments: WrkResult = await load('deployments', deploymentPaths);
    const ratio = (ours: WrkResult) =>
      Math.round((ours.rps / reference.rps) * 100) / 100;
    process.stdout.write(
      `${JSON.stringify({
        components,
        ...(readDecisionTtlSeconds === undefined
          ? {}
          : { readDecisionTtlSeconds }),
        topologyP50Ms: topology.p50Ms,
        topologyP99Ms: topology.p99Ms,
        topologyRps: topology.rps,
        deploymentsP50Ms: deployments.p50Ms,
        deploymentsP99Ms: deployments.p99Ms,
        deploymentsRps: deployments.rps,
        referenceRps: reference.rps,
        referenceP99Ms: reference.p99Ms,
        topologyRpsRatio: ratio(topology),
        deploymentsRpsRatio: ratio(deployments),
      })}\n`,
    );
    if (failures.length > 0) {
      throw new Error(failures.join('; '));
    }
  } finally {
    // wrk stops with requests in flight: let them finish before the backend stops under them
    await new Promise(resolve => setTimeout(resolve, 1000));
    child.removeAllListeners('exit');
    child.send({ type: 'stop' });
    await new Promise(resolve => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(undefined);
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench:api: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
