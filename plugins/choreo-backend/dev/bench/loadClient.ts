import http from 'node:http';

/** What the parent asks the load process to do. */
export interface LoadRequest {
  port: number;
  paths: string[];
  connections: number;
  durationMs: number;
  warmupMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  rps: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[
        Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
      ];

/**
 * Closed-loop load: `connections` keep-alive sockets, each sending the next
 * request as soon as the previous answer arrived, for `durationMs`.
 * Runs in its own process so it does not share the server's event loop.
 */
export async function runLoad(req: LoadRequest): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: req.connections,
  });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const once = () =>
    new Promise<number>(resolve => {
      const started = process.hrtime.bigint();
      const path = req.paths[next++ % req.paths.length];
      const r = http.get(
        {
          port: req.port,
          path,
          agent,
          headers: { accept: 'application/json' },
        },
        res => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            resolve(Number(process.hrtime.bigint() - started) / 1e6);
          });
        },
      );
      r.on('error', () => {
        errors++;
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
  const loop = async (until: number, record: boolean) => {
    while (Date.now() < until) {
      const ms = await once();
      if (record) latencies.push(ms);
    }
  };
  const warm = Date.now() + req.warmupMs;
  await Promise.all(
    Array.from({ length: req.connections }, () => loop(warm, false)),
  );
  errors = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: req.connections }, () =>
      loop(started + req.durationMs, true),
    ),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    rps: Math.round(latencies.length / elapsed),
  };
}

// As a child process: one request in, one result out.
if (process.send) {
  process.once('message', async (message: LoadRequest) => {
    const result = await runLoad(message);
    process.send!({ type: 'load-result', result }, () => process.exit(0));
  });
}
