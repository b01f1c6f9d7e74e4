import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { BENCH_SOURCE } from './benchStore';
import { BenchDatabase, benchDatabaseConfig } from './benchDatabase';

/** Configuration data as the test backend takes it (JSON values). */
export type BenchConfigData = NonNullable<
  NonNullable<Parameters<typeof mockServices.rootConfig>[0]>['data']
>;

// Parsed YAML holds JSON values only.
const asObject = (value: unknown): BenchConfigData =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as BenchConfigData)
    : {};

/**
 * The catalog's processing settings as the app configures them in
 * app-config.yaml (processing interval, stitching strategy, the Choreo
 * provider's own settings), and nothing that needs files or other services:
 * locations are left out; the database is in-memory SQLite like the
 * development backend's, or PostgreSQL (benchDatabase.ts).
 */
export function benchBackendConfig(
  repositoryRoot: string,
  database: BenchDatabase = 'sqlite',
): BenchConfigData {
  const appConfig = asObject(
    parse(readFileSync(resolve(repositoryRoot, 'app-config.yaml'), 'utf8')),
  );
  const catalog = asObject(appConfig.catalog);
  const choreo = asObject(appConfig.choreo);
  const catalogProcessing: BenchConfigData = {};
  for (const key of [
    'processingInterval',
    'stitchingStrategy',
    'orphanStrategy',
  ]) {
    if (catalog[key] !== undefined) {
      catalogProcessing[key] = catalog[key];
    }
  }
  return {
    backend: {
      database: benchDatabaseConfig(database),
    },
    catalog: catalogProcessing,
    choreo: {
      ...(choreo.catalog !== undefined ? { catalog: choreo.catalog } : {}),
      sources: [{ name: BENCH_SOURCE, type: 'directory', path: '.' }],
    },
  };
}
