/**
 * Aggregation part of `yarn bench:flows`. Run directly it prints one JSON
 * line (`flows`, `aggregateFlowsPerSecPerCore`, `decodeFlowsPerSec`, `rssMb`);
 * the SSE part (`sseFlowsPerSec`, `sseLost`) belongs to the backend route.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/choreo-node/src/flows/bench/flowAggregationBench.ts
 *
 * Environment: BENCH_FLOWS (default 1,000,000), BENCH_CELLS (default 50).
 */
import fs from 'node:fs';
import path from 'node:path';
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

if (require.main === module) {
  const file = path.join(
    resolvePackagePath('@choreo-for-backstage/plugin-choreo-node', '../..'),
    'examples/acme/flows.jsonl',
  );
  const sample = fs.readFileSync(file, 'utf8').trim().split('\n');
  const result = measureFlowAggregation(
    sample,
    Number(process.env.BENCH_FLOWS ?? 1_000_000),
    Number(process.env.BENCH_CELLS ?? 50),
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
