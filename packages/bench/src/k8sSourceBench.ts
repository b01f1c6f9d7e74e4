/*
 * Benchmark of the kubernetes source against a real API server (not a test):
 * fills the OpenChoreo CRDs with BENCH_COMPONENTS Components (default
 * 10,000), a Workload each and ReleaseBindings in three environments, then
 * measures the first full sync, the process memory with the store filled,
 * and the latency from a write to the store's change event over 200 changes.
 * Prints one JSON line. Run: yarn bench:k8s-source
 */
import { KubeTestEnv, startKubeTestEnv } from '@internal/kube-testenv';
import { CHOREO_API_VERSION } from '@choreo-for-backstage/plugin-choreo-common';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ChoreoStore,
  KubeHttp,
  KubernetesSource,
} from '@choreo-for-backstage/plugin-choreo-node';

const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 10_000);
const CHANGES = 200;
const ENVIRONMENTS = ['development', 'staging', 'production'];
const NS = 'acme';
const BASE = `/apis/${CHOREO_API_VERSION}/namespaces/${NS}`;

function objectsOf(i: number) {
  const name = `api-${i}`;
  const owner = { projectName: `project-${i % 100}`, componentName: name };
  return [
    {
      path: `${BASE}/components`,
      body: {
        apiVersion: CHOREO_API_VERSION,
        kind: 'Component',
        metadata: { name, namespace: NS },
        spec: {
          owner: { projectName: owner.projectName },
          componentType: {
            kind: 'ClusterComponentType',
            name: 'deployment/service',
          },
        },
      },
    },
    {
      path: `${BASE}/workloads`,
      body: {
        apiVersion: CHOREO_API_VERSION,
        kind: 'Workload',
        metadata: { name: `${name}-workload`, namespace: NS },
        spec: {
          owner,
          container: { image: `registry.example.com/${name}:1.0.0` },
        },
      },
    },
    ...ENVIRONMENTS.map(environment => ({
      path: `${BASE}/releasebindings`,
      body: {
        apiVersion: CHOREO_API_VERSION,
        kind: 'ReleaseBinding',
        metadata: { name: `${name}-${environment}`, namespace: NS },
        spec: { owner, environment, releaseName: `${name}-1` },
      },
    })),
  ];
}

async function seed(http: KubeHttp): Promise<number> {
  await http.request('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: NS,
      labels: { 'openchoreo.dev/control-plane': 'true' },
    },
  });
  let next = 0;
  let created = 1;
  const worker = async () => {
    while (next < COMPONENTS) {
      const i = next++;
      for (const { path, body } of objectsOf(i)) {
        await http.request('POST', path, body);
        created += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return created;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function main() {
  let env: KubeTestEnv | undefined;
  let source: KubernetesSource | undefined;
  try {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(env.kubeconfig);
    const http = new KubeHttp(kubeConfig);
    const objects = await seed(http);

    global.gc?.();
    const store = new ChoreoStore();
    source = new KubernetesSource({ name: 'bench', kubeConfig });
    const syncStart = performance.now();
    await source.start(store.sinkFor('bench', 'kubernetes'));
    const firstSyncMs = performance.now() - syncStart;
    const status = store.sources()[0];
    if (status.state !== 'synced' || status.resourceCount < objects) {
      throw new Error(
        `first sync incomplete: ${status.state}, ${status.resourceCount} of ${objects} objects`,
      );
    }
    global.gc?.();
    const storeRssMb = process.memoryUsage().rss / 1024 / 1024;

    const latencies: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const name = `api-${i % COMPONENTS}`;
      const mark = `change-${i}`;
      const seen = new Promise<void>(resolve => {
        const unsubscribe = store.subscribe(event => {
          const hit = event.changes.some(
            c =>
              c.resource.metadata.name === name &&
              c.resource.metadata.annotations?.bench === mark,
          );
          if (hit) {
            unsubscribe();
            resolve();
          }
        });
      });
      const start = performance.now();
      await http.request(
        'PATCH',
        `${BASE}/components/${name}`,
        { metadata: { annotations: { bench: mark } } },
        { contentType: 'application/merge-patch+json' },
      );
      await seen;
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    process.stdout.write(
      `${JSON.stringify({
        objects,
        firstSyncMs: Math.round(firstSyncMs),
        changeP50Ms: round(percentile(latencies, 0.5)),
        changeP95Ms: round(percentile(latencies, 0.95)),
        storeRssMb: Math.round(storeRssMb),
      })}\n`,
    );
  } finally {
    await source?.stop();
    await env?.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
