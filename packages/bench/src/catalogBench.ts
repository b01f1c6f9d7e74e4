/**
 * `yarn bench:catalog`: the Choreo catalog benchmark. Prints one JSON line
 * on stdout; progress and logs go to stderr.
 *
 * - translateMs / translateRssMb: the provider's full sync of a synthetic
 *   organization (10,000 components by default) from a real ChoreoStore.
 * - ingestMs: a real catalog backend (startTestBackend, catalog plugin, the
 *   Choreo module) from start until every entity is served: the first
 *   ingest. ingestEntitiesPerSec is ingestEntities over that time, and
 *   ingestDatabase the database it ran on.
 * - changeToCatalogP95Ms: from a store change event to the catalog API
 *   serving the changed entity, p95 over sequential changes.
 *
 * The database (BENCH_DATABASE): `sqlite` (default; in memory, as the
 * development backend runs) ingests 2,000 components, since SQLite takes
 * some 25 entities a second; `postgres` (as deployments run) ingests the
 * whole organization, on the server of
 * BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING or, without one, on
 * a throwaway server: the bench runs itself again under
 * scripts/with-postgres.sh. E.g. `BENCH_DATABASE=postgres yarn bench:catalog`.
 * The sessions get the settings app-config.production.yaml gives them
 * (`-c plan_cache_mode=force_custom_plan`), or BENCH_PG_OPTIONS instead (''
 * for none): the catalog's migrations ANALYZE refresh_state while it is
 * empty, so without it each session's foreign-key check against it keeps a
 * sequential-scan plan, and the provider's first mutation of n entities
 * reads n²/2 rows before anything is processed (53 s at 35,000 entities).
 *
 * BENCH_INGEST_PROVIDER sets baselines (staticEntityProvider.ts): instead
 * of the Choreo module, a trivial provider hands the catalog in one full
 * mutation what the Choreo provider's full sync emits (`translated`: the
 * same entities without our provider's mutations) or as many plain
 * Component entities (`plain`: the catalog's own floor); no changes are
 * measured then.
 *
 * Environment: BENCH_DATABASE, BENCH_PG_OPTIONS, BENCH_INGEST_PROVIDER,
 * BENCH_COMPONENTS, BENCH_PROJECTS, BENCH_INGEST_COMPONENTS, BENCH_CHANGES,
 * BENCH_TIMEOUT_MINUTES.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { benchConfigFromEnv, resultLine } from './benchOptions';
import { benchBackendConfig } from './benchConfig';
import {
  BenchBackend,
  measureChangeLatencies,
  percentile,
  startCatalogBackend,
  startStaticCatalogBackend,
  waitForEntities,
} from './catalogBackendBench';
import { rerunUnderPostgresIfNeeded } from './benchDatabase';
import { plainDeferredEntities } from './staticEntityProvider';
import { progress } from './stderrLogger';
import { syntheticOrganization } from './syntheticOrganization';
import { measureTranslation } from './translationBench';

const REPOSITORY_ROOT = resolvePackagePath('@internal/bench', '../..');

// Only the result line may reach stdout: whatever else writes there (libraries, console.log) goes to stderr.
const writeResult = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

async function main() {
  const options = benchConfigFromEnv(process.env);
  rerunUnderPostgresIfNeeded(options.database, REPOSITORY_ROOT);
  const began = Date.now();
  const deadline = setTimeout(() => {
    process.stderr.write(
      `bench:catalog: exceeded ${options.timeoutMinutes} minutes; aborting (set BENCH_TIMEOUT_MINUTES or BENCH_INGEST_COMPONENTS to change)\n`,
    );
    process.exit(2);
  }, options.timeoutMinutes * 60_000);

  const organization = syntheticOrganization({
    projects: options.projects,
    components: options.components,
  });
  progress(
    `organization: ${options.components} components in ${options.projects} projects, ${organization.resources.length} Choreo resources`,
  );
  const translation = await measureTranslation(organization.resources);

  const ingestOrganization =
    options.ingestComponents === options.components
      ? organization
      : syntheticOrganization({
          projects: options.projects,
          components: options.ingestComponents,
        });
  const ingestTranslation =
    ingestOrganization === organization
      ? translation
      : await measureTranslation(ingestOrganization.resources);
  const ingestEntities = ingestTranslation.entities;

  let backend: BenchBackend | undefined;
  try {
    const config = benchBackendConfig(REPOSITORY_ROOT, options.database);
    progress(
      `ingest: starting the catalog backend on ${
        options.database
      } with ${ingestEntities} entities to serve${
        options.ingestProvider === 'choreo'
          ? ''
          : ` (${options.ingestProvider} entities from a trivial provider)`
      }`,
    );
    const ingestStart = performance.now();
    /** Waits for the first ingest to be served and says how long it took. */
    const ingested = async (baseUrl: string) => {
      progress(
        `ingest: the backend started after ${(
          (performance.now() - ingestStart) /
          1000
        ).toFixed(1)} s`,
      );
      await waitForEntities(baseUrl, ingestEntities);
      const ingestMs = performance.now() - ingestStart;
      const ingestEntitiesPerSec = ingestEntities / (ingestMs / 1000);
      progress(
        `ingest: all ${ingestEntities} entities served after ${(
          ingestMs / 1000
        ).toFixed(1)} s, ${ingestEntitiesPerSec.toFixed(1)} entities/s`,
      );
      return {
        entities: translation.entities,
        translateMs: translation.translateMs,
        translateRssMb: translation.translateRssMb,
        ingestMs,
        ingestDatabase: options.database,
        ingestEntitiesPerSec,
        ...(ingestEntities !== translation.entities ? { ingestEntities } : {}),
      };
    };
    if (options.ingestProvider !== 'choreo') {
      const baseline = await startStaticCatalogBackend(
        options.ingestProvider === 'plain'
          ? plainDeferredEntities(ingestEntities)
          : ingestTranslation.emitted,
        config,
      );
      backend = baseline.backend;
      const result = await ingested(baseline.baseUrl);
      writeResult(
        resultLine({
          ...result,
          ingestEntities,
          ingestProvider: options.ingestProvider,
        }),
      );
      return;
    }
    const started = await startCatalogBackend(
      ingestOrganization.resources,
      config,
    );
    backend = started.backend;
    const result = await ingested(started.baseUrl);

    const all = ingestOrganization.components;
    const stride = Math.max(1, Math.floor(all.length / options.changes));
    const changed = Array.from(
      { length: Math.min(options.changes, all.length) },
      (_, i) => all[(i * stride) % all.length].name,
    );
    const latencies = await measureChangeLatencies({
      store: started.store,
      sink: started.sink,
      baseUrl: started.baseUrl,
      namespace: ingestOrganization.namespace,
      components: changed,
    });
    progress(
      `changes: median ${percentile(latencies, 50).toFixed(
        0,
      )} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(
        ...latencies,
      ).toFixed(0)} ms`,
    );
    writeResult(
      resultLine({
        ...result,
        changeToCatalogP95Ms: percentile(latencies, 95),
      }),
    );
  } finally {
    await backend?.stop();
    clearTimeout(deadline);
    progress(`done in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench:catalog failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
