/** Sizes and limits of the catalog benchmark, from the environment. */
export interface CatalogBenchOptions {
  components: number;
  projects: number;
  /** Components of the organization the real catalog ingests. */
  ingestComponents: number;
  /** Sequential changes for the change-to-catalog latency. */
  changes: number;
  timeoutMinutes: number;
}

/**
 * The real catalog on SQLite processes some 30 entities a second on a 2-core
 * machine: 10,000 components (35,000 entities) would take about 20 minutes,
 * 2,000 (7,000 entities) take about 4. Set BENCH_INGEST_COMPONENTS for more.
 */
const DEFAULT_INGEST_COMPONENTS = 2_000;

function positiveInteger(
  env: NodeJS.ProcessEnv,
  key: string,
  fallback: number,
): number {
  const raw = env[key];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${key} must be a positive whole number, got '${raw}'`);
  }
  return value;
}

export function benchConfigFromEnv(
  env: NodeJS.ProcessEnv,
): CatalogBenchOptions {
  const components = positiveInteger(env, 'BENCH_COMPONENTS', 10_000);
  return {
    components,
    projects: positiveInteger(env, 'BENCH_PROJECTS', 50),
    ingestComponents: positiveInteger(
      env,
      'BENCH_INGEST_COMPONENTS',
      Math.min(components, DEFAULT_INGEST_COMPONENTS),
    ),
    changes: positiveInteger(env, 'BENCH_CHANGES', 60),
    timeoutMinutes: positiveInteger(env, 'BENCH_TIMEOUT_MINUTES', 20),
  };
}

/** The JSON result line: durations in whole milliseconds, memory in whole MB. */
export function resultLine(result: Record<string, number>): string {
  const rounded = Object.fromEntries(
    Object.entries(result).map(([key, value]) => [key, Math.round(value)]),
  );
  return `${JSON.stringify(rounded)}\n`;
}
