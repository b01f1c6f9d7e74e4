import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';
import type { BenchConfigData } from './benchConfig';
import { progress } from './stderrLogger';

/**
 * The database of a benchmark's backend: `sqlite` (in memory, as the
 * development backend runs) or `postgres` (as a deployment runs, see
 * app-config.production.yaml), from BENCH_DATABASE.
 */
export type BenchDatabase = 'sqlite' | 'postgres';

/** The PostgreSQL server of the database tests, which scripts/with-postgres.sh exports. */
export const POSTGRES_URL_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING';
const WRAPPED_VARIABLE = 'BENCH_POSTGRES_WRAPPED';

export function benchDatabaseFromEnv(env: NodeJS.ProcessEnv): BenchDatabase {
  const value = env.BENCH_DATABASE || 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') {
    throw new Error(
      `BENCH_DATABASE must be sqlite or postgres, got '${value}'`,
    );
  }
  return value;
}

/**
 * For `postgres` without a server given in POSTGRES_URL_VARIABLE: runs this
 * very command again under scripts/with-postgres.sh (a throwaway server on
 * loopback, removed afterwards) and exits with its status. Returns when
 * there is nothing to do.
 */
export function rerunUnderPostgresIfNeeded(
  database: BenchDatabase,
  repositoryRoot: string,
): void {
  if (database !== 'postgres' || process.env[POSTGRES_URL_VARIABLE]) {
    return;
  }
  if (process.env[WRAPPED_VARIABLE]) {
    throw new Error(
      'BENCH_DATABASE=postgres: scripts/with-postgres.sh found no PostgreSQL (apt-get install postgresql)',
    );
  }
  progress('starting a throwaway PostgreSQL with scripts/with-postgres.sh');
  const run = spawnSync(
    resolve(repositoryRoot, 'scripts/with-postgres.sh'),
    [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, [WRAPPED_VARIABLE]: '1' } },
  );
  process.exit(run.status ?? 1);
}

/** The session settings a deployment gives PostgreSQL (app-config.production.yaml). */
function productionSessionOptions(): string | undefined {
  const file = resolvePackagePath(
    '@internal/bench',
    '../../app-config.production.yaml',
  );
  const options = parse(readFileSync(file, 'utf8'))?.backend?.database
    ?.connection?.options;
  return typeof options === 'string' ? options : undefined;
}

/**
 * The server of a connection string as Backstage's PostgreSQL connector
 * takes it, which names each plugin's database itself; with the session
 * settings of app-config.production.yaml, or BENCH_PG_OPTIONS instead (an
 * empty one for none, e.g. to see what `plan_cache_mode` saves).
 */
function postgresConnection(url: string): BenchConfigData {
  const parsed = new URL(url);
  const options = process.env.BENCH_PG_OPTIONS ?? productionSessionOptions();
  progress(`PostgreSQL session settings: ${options || 'none'}`);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    ...(parsed.password
      ? { password: decodeURIComponent(parsed.password) }
      : {}),
    ...(options ? { options } : {}),
  };
}

/**
 * `backend.database` for the benchmark's backend. On PostgreSQL every run
 * gets databases of its own (a fresh prefix), so an ingest is always a
 * first ingest; on a server you gave, they stay behind for you to drop.
 */
export function benchDatabaseConfig(database: BenchDatabase): BenchConfigData {
  if (database === 'sqlite') {
    return { client: 'better-sqlite3', connection: ':memory:' };
  }
  const url = process.env[POSTGRES_URL_VARIABLE];
  if (!url) {
    throw new Error(`BENCH_DATABASE=postgres needs ${POSTGRES_URL_VARIABLE}`);
  }
  const prefix = `bench_${Date.now().toString(36)}_`;
  if (!process.env[WRAPPED_VARIABLE]) {
    progress(
      `PostgreSQL of ${POSTGRES_URL_VARIABLE}: this run's databases are named ${prefix}*; drop them when done`,
    );
  }
  return { client: 'pg', connection: postgresConnection(url), prefix };
}
