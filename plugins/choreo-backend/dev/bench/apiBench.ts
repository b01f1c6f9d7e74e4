/* eslint-disable no-console */
import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { choreoPlugin } from '../../src/plugin';
import { LoadRequest, LoadResult } from './loadClient';
import { SYNTHETIC, writeSyntheticProject } from './syntheticProject';

/**
 * `yarn bench:api`: loads a project of BENCH_COMPONENTS (default 500)
 * components, starts the real choreo backend on loopback and measures the
 * deployments and topology routes under BENCH_CONNECTIONS (default 50)
 * concurrent keep-alive connections from a separate load process.
 * Prints one JSON line.
 */
const env = (key: string, fallback: number) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${key} must be a positive number`);
  return value;
};

function load(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'loadClient.ts'), {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
    });
    // the transform also talks over IPC (file watch notices); take only our answer
    child.on('message', (message: { type?: string; result?: LoadResult }) => {
      if (message?.type === 'load-result') resolve(message.result!);
    });
    child.once('error', reject);
    child.once(
      'exit',
      code =>
        code !== 0 && reject(new Error(`load process exited with ${code}`)),
    );
    child.send(request);
  });
}

async function main() {
  const components = env('BENCH_COMPONENTS', 500);
  const connections = env('BENCH_CONNECTIONS', 50);
  const durationMs = env('BENCH_SECONDS', 10) * 1000;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-api-bench-'));
  try {
    const names = await writeSyntheticProject(dir, components);
    const backend = await startTestBackend({
      features: [
        choreoPlugin,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            choreo: {
              sources: [{ type: 'directory', name: 'bench', path: dir }],
            },
          },
        }),
      ],
    });
    try {
      const { port } = backend.server.address() as AddressInfo;
      const base = '/api/choreo';
      const run = (paths: string[]) =>
        load({ port, paths, connections, durationMs, warmupMs: 2000 });
      const topology = await run([
        `${base}/projects/${SYNTHETIC.namespace}/${SYNTHETIC.project}/topology?environment=development`,
      ]);
      const deployments = await run(
        names.map(
          n => `${base}/components/${SYNTHETIC.namespace}/${n}/deployments`,
        ),
      );
      for (const [route, result] of Object.entries({ topology, deployments })) {
        if (result.errors > 0) {
          console.error(`${route}: ${result.errors} answers were not 200`);
        }
      }
      console.log(
        JSON.stringify({
          components,
          topologyP50Ms: topology.p50Ms,
          topologyP99Ms: topology.p99Ms,
          topologyRps: topology.rps,
          deploymentsP50Ms: deployments.p50Ms,
          deploymentsP99Ms: deployments.p99Ms,
          deploymentsRps: deployments.rps,
        }),
      );
    } finally {
      await backend.stop();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
