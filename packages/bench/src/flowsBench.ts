/**
 * `yarn bench:flows` prints one JSON line: aggregation (`flows`,
 * `aggregateFlowsPerSecPerCore`, `decodeFlowsPerSec`, `rssMb`) measured in
 * this process, then end-to-end SSE (`sseFlowsPerSec`, `sseLost`): the real
 * choreo backend in a child process streams BENCH_SSE_FLOWS flows through
 * the component flow stream route to an HTTP client here, on loopback.
 *
 * Environment: BENCH_FLOWS (default 1,000,000), BENCH_CELLS (default 50),
 * BENCH_SSE_FLOWS (default 100,000).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  decodeHubbleJsonFlow,
  FlowAggregator,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';

export interface FlowAggregationBenchResult {
  flows: number;
  distinctFlows: number;
  edges: number;
  aggregateFlowsPerSecPerCore: number;
  decodeFlowsPerSec: number;
  rssMb: number;
}

/**
 * A realistic mix: the sample export (HTTP, gRPC, TCP, gateway, world and
 * policy drops) spread over `cells` organizations, so edge cardinality
 * grows like a real cluster's, then replayed until `flows` is reached.
 */
export function measureFlowAggregation(
  sampleLines: string[],
  flows = 1_000_000,
  cells = 50,
): FlowAggregationBenchResult {
  const lines: string[] = [];
  for (let c = 0; c < cells; c++) {
    for (const line of sampleLines) {
      lines.push(
        line
          .replace(
            /openchoreo\.dev\/namespace=acme"/g,
            `openchoreo.dev/namespace=acme-${c}"`,
          )
          .replace(/"uuid":"[^"]*"/, `"uuid":"bench-${c}-${lines.length}"`),
      );
    }
  }
  const decodeAll = () => {
    const out: FlowRecord[] = [];
    for (const line of lines) {
      const r = decodeHubbleJsonFlow(line).record;
      if (r) out.push(r);
    }
    return out;
  };
  decodeAll(); // warm-up
  const began = performance.now();
  const records = decodeAll();
  const decodeSeconds = (performance.now() - began) / 1000;

  // warm-up so the measurement sees optimised code
  const warm = new FlowAggregator();
  for (let i = 0; i < Math.min(100_000, flows); i++)
    warm.add(records[i % records.length]);

  const aggregator = new FlowAggregator();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < flows; i++) aggregator.add(records[i % records.length]);
  const result = aggregator.result();
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  return {
    flows,
    distinctFlows: records.length,
    edges: result.edges.length,
    aggregateFlowsPerSecPerCore: Math.round(flows / cpuSeconds),
    decodeFlowsPerSec: Math.round(records.length / decodeSeconds),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}

export interface FlowStreamBenchResult {
  sseFlowsPerSec: number;
  sseLost: number;
}

/** Reads the flow stream of the bench server (see flowStreamBenchServer.ts) to the end. */
export function measureFlowStream(
  root: string,
): Promise<FlowStreamBenchResult> {
  const server = fork(
    path.join(root, 'packages/bench/src/flowStreamBenchServer.ts'),
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', code => {
      if (code !== 0) reject(new Error(`bench server exited with ${code}`));
    });
    server.on(
      'message',
      (m: { type?: string; port?: number; total?: number }) => {
        if (m?.type !== 'bench-ready') return;
        const total = m.total!;
        let received = 0;
        let lost = 0;
        let reported = 0;
        let began = 0;
        const report = () => {
          reported = received + lost;
          server.send({ type: 'received', received: reported });
        };
        const req = http.get(
          {
            port: m.port,
            path: '/api/choreo/components/acme/checkout-api/flows/stream?environment=development',
            headers: { authorization: mockCredentials.user.header() },
          },
          res => {
            if (res.statusCode !== 200) {
              reject(new Error(`flow stream answered ${res.statusCode}`));
              return;
            }
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffer += chunk;
              let start = 0;
              for (let cut = buffer.indexOf('\n\n'); cut >= 0; ) {
                if (buffer.startsWith('event: flow\n', start)) received++;
                else if (buffer.startsWith('event: lost\n', start)) {
                  lost += JSON.parse(
                    buffer.slice(buffer.indexOf('data: ', start) + 6, cut),
                  ).count;
                }
                start = cut + 2;
                cut = buffer.indexOf('\n\n', start);
              }
              buffer = buffer.slice(start);
              if (received + lost >= total) {
                const seconds = (performance.now() - began) / 1000;
                req.destroy();
                server.send({ type: 'stop' });
                resolve({
                  sseFlowsPerSec: Math.round(received / seconds),
                  sseLost: lost,
                });
              } else if (received + lost - reported >= 100) report();
            });
            began = performance.now();
            report();
          },
        );
        req.once('error', reject);
      },
    );
  });
}

async function main() {
  const root = resolvePackagePath(
    '@choreo-for-backstage/plugin-choreo-node',
    '../..',
  );
  const file = path.join(root, 'examples/acme/flows.jsonl');
  const sample = fs.readFileSync(file, 'utf8').trim().split('\n');
  const result = measureFlowAggregation(
    sample,
    Number(process.env.BENCH_FLOWS ?? 1_000_000),
    Number(process.env.BENCH_CELLS ?? 50),
  );
  const sse = await measureFlowStream(root);
  process.stdout.write(`${JSON.stringify({ ...result, ...sse })}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    error => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
