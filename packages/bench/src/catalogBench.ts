/**
 * `yarn bench:catalog`: the Choreo catalog benchmark. Prints one JSON line
 * on stdout; progress and logs go to stderr.
 *
 * - translateMs / translateRssMb: the provider's full sync of a synthetic
 *   organization (10,000 components by default) from a real ChoreoStore.
 * - ingestMs: a real catalog backend (startTestBackend, catalog plugin,
 *   SQLite, the Choreo module) from start until every entity is served.
 * - changeToCatalogP95Ms: from a store change event to the catalog API
 *   serving the changed entity, p95 over sequential changes.
 *
 * Environment: BENCH_COMPONENTS, BENCH_PROJECTS, BENCH_INGEST_COMPONENTS,
 * BENCH_CHANGES, BENCH_TIMEOUT_MINUTES.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { benchConfigFromEnv, resultLine } from './benchOptions';
import { benchBackendConfig } from './benchConfig';
import {
  BenchBackend,
  measureChangeLatencies,
  percentile,
  startCatalogBackend,
  waitForEntities,
} from './catalogBackendBench';
import { progress } from './stderrLogger';
import { syntheticOrganization } from './syntheticOrganization';
import { measureTranslation } from './translationBench';

const REPOSITORY_ROOT = resolvePackagePath('@internal/bench', '../..');

// Only the result line may reach stdout: whatever else writes there (libraries, console.log) goes to stderr.
const writeResult = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

async function main() {
  const options = benchConfigFromEnv(process.env);
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
  const ingestEntities =
    ingestOrganization === organization
      ? translation.entities
      : (await measureTranslation(ingestOrganization.resources)).entities;

  let backend: BenchBackend | undefined;
  try {
    progress(
      `ingest: starting the catalog backend with ${ingestEntities} entities to serve`,
    );
    const ingestStart = performance.now();
    const started = await startCatalogBackend(
      ingestOrganization.resources,
      benchBackendConfig(REPOSITORY_ROOT),
    );
    backend = started.backend;
    await waitForEntities(started.baseUrl, ingestEntities);
    const ingestMs = performance.now() - ingestStart;
    progress(
      `ingest: all ${ingestEntities} entities served after ${(
        ingestMs / 1000
      ).toFixed(1)} s`,
    );

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
        entities: translation.entities,
        translateMs: translation.translateMs,
        translateRssMb: translation.translateRssMb,
        ingestMs,
        changeToCatalogP95Ms: percentile(latencies, 95),
        ...(ingestEntities !== translation.entities ? { ingestEntities } : {}),
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
