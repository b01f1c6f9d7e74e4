import { BenchDatabase, benchDatabaseFromEnv } from './benchDatabase';

/**
 * Who delivers the entities of the ingest: `choreo`, the Choreo provider
 * from a filled store; the baselines, a trivial provider handing the catalog
 * in one full mutation either what the Choreo provider's full sync emits
 * (`translated`: without our provider's mutations) or as many plain
 * Component entities (`plain`: the catalog's own floor).
 */
export type IngestProvider = 'choreo' | 'translated' | 'plain';
const INGEST_PROVIDERS: IngestProvider[] = ['choreo', 'translated', 'plain'];

/** Sizes and limits of the catalog benchmark, from the environment. */
export interface CatalogBenchOptions {
  database: BenchDatabase;
  ingestProvider: IngestProvider;
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
 * 2,000 (7,000 entities) take about 4, so SQLite ingests 2,000 by default and
 * PostgreSQL the whole organization. Set BENCH_INGEST_COMPONENTS to change.
 */
const DEFAULT_SQLITE_INGEST_COMPONENTS = 2_000;

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
  const database = benchDatabaseFromEnv(env);
  const ingestProvider = (env.BENCH_INGEST_PROVIDER ||
    'choreo') as IngestProvider;
  if (!INGEST_PROVIDERS.includes(ingestProvider)) {
    throw new Error(
      `BENCH_INGEST_PROVIDER must be one of ${INGEST_PROVIDERS.join(
        ', ',
      )}, got '${ingestProvider}'`,
    );
  }
  return {
    database,
    ingestProvider,
    components,
    projects: positiveInteger(env, 'BENCH_PROJECTS', 50),
    ingestComponents: positiveInteger(
      env,
      'BENCH_INGEST_COMPONENTS',
      database === 'sqlite'
        ? Math.min(components, DEFAULT_SQLITE_INGEST_COMPONENTS)
        : components,
    ),
    changes: positiveInteger(env, 'BENCH_CHANGES', 60),
    timeoutMinutes: positiveInteger(env, 'BENCH_TIMEOUT_MINUTES', 20),
  };
}

/** Durations in whole milliseconds, memory in whole MB, rates (`…PerSec`) to one decimal. */
function rounded(key: string, value: number): number {
  return key.endsWith('PerSec')
    ? Math.round(value * 10) / 10
    : Math.round(value);
}

/** The JSON result line: numbers rounded, words as they are. */
export function resultLine(result: Record<string, number | string>): string {
  const line = Object.fromEntries(
    Object.entries(result).map(([key, value]) => [
      key,
      typeof value === 'number' ? rounded(key, value) : value,
    ]),
  );
  return `${JSON.stringify(line)}\n`;
}
