/*
 * `yarn bench:ui`: how long a developer waits for the Cell tab of a project
 * with 300 components, and how much the choreo plugin adds to the production
 * bundle. Prints one JSON line:
 *
 *   {"nodes":300,"cellDiagramMs":…,"bundleKb":…, …breakdown}
 *
 * Steps: writes a synthetic organization (one project of BENCH_UI_COMPONENTS
 * components, default 300) as a GitOps directory into a temp CHOREO_DATA_DIR,
 * builds the app for production, and once without the plugin for bundleKb
 * (skip both with BENCH_UI_SKIP_BUILD=1 to reuse packages/app/dist), starts
 * the backend on its own port (BENCH_UI_PORT, default 7117; it serves
 * packages/app/dist), waits until the catalog has the project and signs in
 * as the sample's platform engineer in headless Chromium, at a real OpenID
 * Provider (packages/test-idp): the production build offers nothing else.
 * Under the real permission policy (the platform engineer's role comes from
 * the organization's access.yaml). Then, always without the browser tab's
 * layout cache:
 *
 * - cellDiagramMs: open the Cell tab's address in an empty tab → the
 *   diagram is ready (`data-cell-diagram="ready"`: laid out, opened, and the
 *   nodes in view drawn in a frame), from the page's navigation start to its
 *   `choreo-cell-ready` mark; the whole app boots first. Median of 5.
 * - tabCellDiagramMs: on the project's page, once it has drawn, click the
 *   Cell tab → the diagram is ready. Median of 5.
 * - firstVisitCellDiagramMs: the first page load after the backend started,
 *   when it builds its read model and lays the cell out.
 *
 * Progress goes to stderr; BENCH_UI_TRACE=1 adds each tab run's API calls
 * with their start and end, counted from the click.
 */
import { chromium, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { startTestIdp, TEST_IDP_PASSWORD, TestIdp } from '@internal/test-idp';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { spawn, ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { benchAccessResources } from './benchAccess';
import { chromiumLaunchOptions } from './chromiumLaunchOptions';
import { PLUGIN_PACKAGE, configWithout, emittedBytes } from './uiBundleSize';
import { syntheticOrganization } from './syntheticOrganization';

const ROOT = resolvePackagePath('@internal/bench', '../..');
const COMPONENTS = Number(process.env.BENCH_UI_COMPONENTS ?? 300);
const PORT = Number(process.env.BENCH_UI_PORT ?? 7117);
const BASE = `http://localhost:${PORT}`;
const NAMESPACE = 'bench';

const log = (m: string) => process.stderr.write(`bench:ui: ${m}\n`);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function writeOrganization(dataDir: string) {
  const org = syntheticOrganization({
    namespace: NAMESPACE,
    projects: 1,
    components: COMPONENTS,
    bindingsPerComponent: 1,
    deployedStatus: true,
  });
  const dir = path.join(dataDir, 'gitops', 'acme');
  await fs.mkdir(dir, { recursive: true });
  const byKind = new Map<string, unknown[]>();
  for (const r of org.resources) {
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  }
  for (const [kind, docs] of byKind) {
    await fs.writeFile(
      path.join(dir, `${kind.toLowerCase()}s.yaml`),
      docs.map(d => stringify(d)).join('---\n'),
    );
  }
  await fs.writeFile(path.join(dir, 'flows.jsonl'), '');
  // the person the bench signs in as (the sample's platform engineer) may see everything
  await fs.writeFile(
    path.join(dir, 'access.yaml'),
    benchAccessResources('acme-platform')
      .map(d => stringify(d))
      .join('---\n'),
  );
  // scripts/seed-sample.sh leaves an existing working copy alone
  execFileSync('git', ['init', '-q', '-b', 'main'], {
    cwd: path.join(dataDir, 'gitops'),
  });
  return org.projects[0];
}

/** The IdP's title on the sign-in page. */
const IDP_TITLE = 'bench IdP';

/**
 * The production build offers only OpenID Connect sign-in, so the bench signs
 * in the way people do: at a real OpenID Provider (packages/test-idp).
 */
async function startIdp(): Promise<{
  idp: TestIdp;
  clientId: string;
  clientSecret: string;
}> {
  const clientId = 'bench-ui';
  const clientSecret = randomBytes(24).toString('hex');
  const idp = await startTestIdp({
    client: {
      clientId,
      clientSecret,
      redirectUris: [`${BASE}/api/auth/oidc/handler/frame`],
    },
  });
  return { idp, clientId, clientSecret };
}

async function writeConfig(
  dataDir: string,
  oidc: { idp: TestIdp; clientId: string; clientSecret: string },
) {
  const file = path.join(dataDir, 'app-config.bench-ui.yaml');
  await fs.writeFile(
    file,
    stringify({
      app: { baseUrl: BASE, signIn: { oidcTitle: IDP_TITLE } },
      backend: {
        baseUrl: BASE,
        listen: { port: PORT },
        cors: { origin: BASE },
      },
      auth: {
        // the OIDC provider keeps the login's state in a session
        session: { secret: randomBytes(24).toString('hex') },
        providers: {
          oidc: {
            development: {
              metadataUrl: oidc.idp.metadataUrl,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              additionalScopes: 'groups',
              prompt: 'auto',
              signIn: { resolvers: [{ resolver: 'openChoreoGroups' }] },
            },
          },
        },
      },
    }),
  );
  return file;
}

/** "Sign in with <IdP>", then the person's name and password in the IdP's popup. */
async function signInAtIdp(page: Page, username: string) {
  const popupOpened = page.waitForEvent('popup');
  await page
    .getByRole('button', { name: `Sign in with ${IDP_TITLE}` })
    .click({ timeout: 120_000 });
  const popup = await popupOpened;
  await popup.getByLabel('Username').fill(username);
  await popup.getByLabel('Password').fill(TEST_IDP_PASSWORD);
  await popup.getByRole('button', { name: 'Sign in' }).click();
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  execFileSync(cmd, args, {
    cwd,
    env,
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

function startBackend(config: string, dataDir: string): ChildProcess {
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      config,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, CHOREO_DATA_DIR: dataDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = path.join(dataDir, 'backend.log');
  child.stdout?.on('data', d => void fs.appendFile(out, d));
  child.stderr?.on('data', d => void fs.appendFile(out, d));
  return child;
}

/** SIGTERM to the backend's process group, SIGKILL if it lingers: a stray backend skews the next run. */
async function stopBackend(backend: ChildProcess) {
  if (!backend.pid) return;
  const group = -backend.pid;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.kill(group, 'SIGTERM');
  for (let i = 0; i < 40 && alive(); i++) await sleep(250);
  if (alive()) process.kill(group, 'SIGKILL');
}

/** The sample person the bench signs in as: a platform engineer, who may see everything. */
const PERSON_NAME = 'pat.platform';
const PERSON = `user:default/${PERSON_NAME}`;

async function personToken(): Promise<string | undefined> {
  const res = await fetch(`${BASE}/api/auth/sample/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      'x-choreo-sample-user': PERSON,
    },
  }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const body = (await res.json()) as { backstageIdentity?: { token?: string } };
  return body.backstageIdentity?.token;
}

/** Until the catalog has the project's System with its pipeline stitched on. */
async function waitForCatalog(project: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const token = await personToken();
    if (token) {
      const res = await fetch(
        `${BASE}/api/catalog/entities/by-name/system/${NAMESPACE}/${project}`,
        { headers: { Authorization: `Bearer ${token}` } },
      ).catch(() => undefined);
      if (res?.ok) {
        const system = (await res.json()) as {
          relations?: Array<{ type: string }>;
        };
        if (system.relations?.some(r => r.type === 'dependsOn')) return;
      }
    }
    await sleep(3000);
  }
  throw new Error(
    `the catalog did not have system ${NAMESPACE}/${project} after ${
      timeoutMs / 1000
    }s; see the backend log`,
  );
}

type Run = { nodes: number; cellDiagramMs: number } & Record<string, number>;

/** Where the time of the last run went, from the page's own timings. */
function timingsOfLastRun(): Record<string, number> {
  const layout = performance.getEntriesByName('choreo-cell-layout').pop();
  const ready = performance.getEntriesByName('choreo-cell-ready').pop();
  const resource = (part: string) =>
    performance
      .getEntriesByType('resource')
      .filter(e => e.name.includes(part))
      .pop() as PerformanceResourceTiming | undefined;
  const topology = resource('/topology');
  // the opening layout (GET /cell-layout) or the view's own (POST /cell-layouts)
  const layoutCall = resource('/cell-layout');
  return {
    topologyRequestMs: topology?.fetchStart ?? -1,
    topologyResponseMs: topology?.responseEnd ?? -1,
    layoutResponseMs: layoutCall?.responseEnd ?? -1,
    layoutMs: layout?.duration ?? -1,
    readyMs: ready?.startTime ?? -1,
  };
}

/** The page's API calls since `since`, with their start and end (BENCH_UI_TRACE). */
function apiCalls(since: number): string {
  return performance
    .getEntriesByType('resource')
    .filter(e => e.name.includes('/api/'))
    .map(
      e =>
        `${new URL(e.name).pathname} ${Math.round(
          e.startTime - since,
        )}–${Math.round(e.startTime + e.duration - since)}`,
    )
    .join(', ');
}

async function measure(project: string) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    // what the page said, for the error when it never gets going
    const pageErrors: string[] = [];
    page.on('pageerror', error => pageErrors.push(String(error)));
    page.on('console', message => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${BASE}/`);
    await signInAtIdp(page, PERSON_NAME);
    await page
      .getByRole('link', { name: 'Settings' })
      .first()
      .waitFor({ timeout: 120_000 })
      .catch(async error => {
        const shot = path.join(os.tmpdir(), 'bench-ui-no-sidebar.png');
        await page.screenshot({ path: shot }).catch(() => undefined);
        throw new Error(
          `the portal did not show its sidebar after signing in: ${
            error.message
          }\npage errors:\n${
            pageErrors.join('\n') || '(none)'
          }\nthe page as it was: ${shot}`,
        );
      });

    const systemUrl = `${BASE}/catalog/${NAMESPACE}/system/${project}`;
    const ready = `[data-cell-diagram="ready"][data-cell-nodes]`;
    const nodesDrawn = async () =>
      Number(await page.getAttribute('[data-cell-diagram]', 'data-cell-nodes'));
    // every run without this tab's layout cache: a developer's first look
    const forgetLayouts = () => page.evaluate(() => sessionStorage.clear());

    /** On the project's page, click the Cell tab: the way developers get there. */
    const openCellTab = async (): Promise<Run> => {
      await page.goto(systemUrl);
      // the entity page's tabs are links
      const tab = page.getByRole('link', { name: 'Cell', exact: true });
      await tab.waitFor({ timeout: 120_000 });
      // the developer clicks once the project's page has loaded and drawn
      await page.waitForLoadState('networkidle');
      await page.evaluate(
        () =>
          new Promise<void>(resolve =>
            requestIdleCallback(() => resolve(), { timeout: 30_000 }),
          ),
      );
      await forgetLayouts();
      await page.evaluate(() => performance.clearResourceTimings());
      const started = await page.evaluate(() => performance.now());
      await tab.click();
      await page.waitForSelector(ready, { timeout: 120_000 });
      const readyAt = await page.evaluate(
        () =>
          performance.getEntriesByName('choreo-cell-ready').pop()!.startTime,
      );
      const times = await page.evaluate(timingsOfLastRun);
      if (process.env.BENCH_UI_TRACE) {
        log(
          `requests after the click: ${await page.evaluate(apiCalls, started)}`,
        );
      }
      return {
        nodes: await nodesDrawn(),
        cellDiagramMs: readyAt - started,
        // moments count from the click; the layout's duration stays as it is
        ...Object.fromEntries(
          Object.entries(times).map(([k, v]) => [
            k,
            v < 0 || k === 'layoutMs' ? v : v - started,
          ]),
        ),
      };
    };

    /** Type the Cell tab's address: the app boots first. Navigation start → ready, as the page measures it. */
    const loadCellPage = async (): Promise<Run> => {
      await forgetLayouts();
      // from an empty tab: else the page's clock also runs while Chromium
      // tears down the previous page (a 300-node diagram), 400–700 ms here
      await page.goto('about:blank');
      await page.goto(`${systemUrl}/cell`);
      await page.waitForSelector(ready, { timeout: 120_000 });
      const times = await page.evaluate(timingsOfLastRun);
      return {
        nodes: await nodesDrawn(),
        cellDiagramMs: times.readyMs,
        domContentLoadedMs:
          (await page.evaluate(
            () =>
              (
                performance.getEntriesByType('navigation')[0] as
                  | PerformanceNavigationTiming
                  | undefined
              )?.domContentLoadedEventEnd,
          )) ?? -1,
        ...times,
      };
    };

    // the very first visit: the backend builds its read model and lays the cell out
    const first = await loadCellPage();
    log(`first visit: ${JSON.stringify(first)}`);
    const median = (runs: Run[]) =>
      [...runs].sort((a, b) => a.cellDiagramMs - b.cellDiagramMs)[
        Math.floor(runs.length / 2)
      ];
    const tabRuns: Run[] = [];
    const pageRuns: Run[] = [];
    for (let i = 0; i < 5; i++) {
      tabRuns.push(await openCellTab());
      log(`Cell tab ${i + 1}: ${JSON.stringify(tabRuns[i])}`);
      pageRuns.push(await loadCellPage());
      log(`Cell page ${i + 1}: ${JSON.stringify(pageRuns[i])}`);
    }
    const load = median(pageRuns);
    return {
      ...load,
      tabCellDiagramMs: median(tabRuns).cellDiagramMs,
      firstVisitCellDiagramMs: first.cellDiagramMs,
    };
  } finally {
    await browser.close();
  }
}

const roundAll = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));

const KEPT = path.join(ROOT, 'node_modules/.cache/choreo-bench-ui.json');

/**
 * Builds the app without the plugin, then with it (the build the benchmark
 * serves), and returns what the plugin adds in kB. The figure is kept for
 * runs with BENCH_UI_SKIP_BUILD.
 */
async function buildAndMeasureBundle(dataDir: string): Promise<number> {
  const statics = path.join(ROOT, 'packages/app/dist/static');
  const appConfig = path.join(ROOT, 'app-config.yaml');
  const without = path.join(dataDir, 'app-config.without-choreo.yaml');
  await fs.writeFile(
    without,
    configWithout(await fs.readFile(appConfig, 'utf8'), PLUGIN_PACKAGE),
  );
  log('building the app without the choreo plugin (about a minute)');
  run(
    'yarn',
    ['workspace', 'app', 'build', '--config', appConfig, '--config', without],
    ROOT,
  );
  const base = await emittedBytes(statics);
  log('building the app for production (about a minute)');
  run('yarn', ['workspace', 'app', 'build'], ROOT);
  const bundleKb = ((await emittedBytes(statics)) - base) / 1024;
  await fs.mkdir(path.dirname(KEPT), { recursive: true });
  await fs.writeFile(KEPT, JSON.stringify({ bundleKb }));
  return bundleKb;
}

async function keptBundleKb(): Promise<number> {
  const kept = JSON.parse(await fs.readFile(KEPT, 'utf8').catch(() => '{}'));
  if (typeof kept.bundleKb !== 'number') {
    throw new Error(
      'No bundle size from an earlier run; run once without BENCH_UI_SKIP_BUILD',
    );
  }
  return kept.bundleKb;
}

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-bench-ui-'));
  log(`data in ${dataDir}`);
  const project = await writeOrganization(dataDir);
  const oidc = await startIdp();
  const config = await writeConfig(dataDir, oidc);
  const bundleKb = process.env.BENCH_UI_SKIP_BUILD
    ? await keptBundleKb()
    : await buildAndMeasureBundle(dataDir);
  log(`starting the backend on ${BASE} (log: ${dataDir}/backend.log)`);
  const backend = startBackend(config, dataDir);
  try {
    await waitForCatalog(project, 10 * 60_000);
    const result = await measure(project);
    if (result.nodes < COMPONENTS) {
      throw new Error(
        `the diagram drew ${result.nodes} nodes, expected at least ${COMPONENTS}`,
      );
    }
    const { nodes: diagramNodes, cellDiagramMs, ...breakdown } = result;
    process.stdout.write(
      `${JSON.stringify({
        nodes: COMPONENTS,
        cellDiagramMs: Math.round(cellDiagramMs),
        bundleKb: Math.round(bundleKb),
        // components plus gateways
        diagramNodes,
        ...roundAll(breakdown),
      })}\n`,
    );
  } finally {
    await stopBackend(backend);
    await oidc.idp.close();
  }
}

main().catch(error => {
  process.stderr.write(
    `bench:ui failed: ${error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});
