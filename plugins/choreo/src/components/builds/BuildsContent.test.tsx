import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import { choreoEntity, renderChoreo } from '../../__testUtils__/renderChoreo';
import { acmeAccess } from '../../__testUtils__/accessFixtures';
import { BuildsContent } from './BuildsContent';
import {
  FINISHED_RUN,
  RUNNING_RUN,
  cartServiceBuilds,
  line,
} from './buildFixtures';

// The test app renders slowly on a busy 2-core machine; wait longer than 1 s for what a user would see.
configure({ asyncUtilTimeout: 10_000 });

jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const entity = choreoEntity('Component', {
  kind: 'Component',
  namespace: 'acme',
  name: 'cart-service',
  project: 'storefront',
});
const BASE = '/components/acme/cart-service';

describe('BuildsContent', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await new ChoreoTestServer().start();
    server.on('GET /sources', { json: { items: [] } });
    server.on('GET /access', { json: acmeAccess() });
    server.on(`GET ${BASE}/builds`, { json: cartServiceBuilds() });
  });
  afterEach(() => server.stop());

  it('lists runs newest first with status, steps, duration and commit', async () => {
    await renderChoreo(<BuildsContent />, { server, entity });
    await screen.findByRole('button', { name: `log of ${RUNNING_RUN}` }, slow);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('Running')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Succeeded')).toBeInTheDocument();
    expect(within(rows[1]).getByText('3m 53s')).toBeInTheDocument();
    expect(within(rows[1]).getByText('77c2e0b1')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('button', {
        name: `log of step build-step of ${FINISHED_RUN}`,
      }),
    ).toHaveTextContent('build-step 2m 42s');
    expect(
      within(rows[2]).getByText(
        "Build failed in step 'build-step': Error (exit code 1)",
      ),
    ).toBeInTheDocument();
  });

  it('starts a build of a given commit and shows what the backend answered', async () => {
    server.on(`POST ${BASE}/builds`, {
      status: 201,
      json: {
        result: 'applied',
        action: 'created',
        resource: {
          kind: 'WorkflowRun',
          namespace: 'acme',
          name: 'cart-service-run-5e6f7a8b',
        },
        build: 'cart-service-run-5e6f7a8b',
        warnings: [],
      },
    });
    server.on(`GET ${BASE}/builds/cart-service-run-5e6f7a8b/logs`, {
      events: [{ event: 'end', data: { reason: 'complete' } }],
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Build' }, slow),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Commit (optional)'),
      '77c2e0b1',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start build' }),
    );
    expect(
      await screen.findByText(
        'Build cart-service-run-5e6f7a8b started for commit 77c2e0b1.',
      ),
    ).toBeInTheDocument();
    expect(server.requests.find(r => r.method === 'POST')).toMatchObject({
      url: `${BASE}/builds`,
      body: { commit: '77c2e0b1' },
    });
  });

  it('shows the backend reason when the user may not build', async () => {
    server.on(`POST ${BASE}/builds`, {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        'You may not build acme/cart-service: only group:acme/storefront-team may',
      ),
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Build' }, slow),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Start build',
      }),
    );
    expect(
      await screen.findByText(/only group:acme\/storefront-team may/),
    ).toBeInTheDocument();
  });

  it('disables Build for someone who may not build in the project, naming the roles that may', async () => {
    await renderChoreo(<BuildsContent />, {
      server,
      entity,
      user: {
        allow: r =>
          !(
            r.permission.name === 'choreo.build.trigger' &&
            'resourceRef' in r &&
            r.resourceRef ===
              'choreo:ns/acme/project/storefront/component/cart-service'
          ),
      },
    });
    const build = await screen.findByRole('button', { name: 'Build' }, slow);
    await waitFor(() => expect(build).toBeDisabled());
    await userEvent.hover(build.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You may not start a build of cart-service: it needs an OpenChoreo role granting workflowrun:create in project storefront, such as admin or developer',
    );
  });

  it('streams the log of a running step and keeps the stream open', async () => {
    server.on(`GET ${BASE}/builds/${RUNNING_RUN}/logs`, {
      events: [
        line('build-step', 'Step 1/9 : FROM node:22-alpine'),
        line('build-step', 'Step 2/9 : WORKDIR /app'),
      ],
      keepOpen: true,
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: `log of step build-step of ${RUNNING_RUN}` },
        slow,
      ),
    );
    const log = await screen.findByRole('log', {
      name: `log lines of ${RUNNING_RUN} › build-step`,
    });
    expect(
      await within(log).findByText('Step 2/9 : WORKDIR /app'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 lines, streaming…')).toBeInTheDocument();
    expect(
      server.requests.some(
        r => r.url === `${BASE}/builds/${RUNNING_RUN}/logs?task=build-step`,
      ),
    ).toBe(true);
  });

  it('stops following the tail when the user scrolls up, and follows again on request', async () => {
    server.on(`GET ${BASE}/builds/${RUNNING_RUN}/logs`, {
      events: [line('build-step', 'Step 1/9 : FROM node:22-alpine')],
      keepOpen: true,
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole('button', { name: `log of ${RUNNING_RUN}` }),
    );
    const log = await screen.findByRole('log');
    await within(log).findByText('Step 1/9 : FROM node:22-alpine');
    expect(
      screen.getByRole('button', { name: 'Following the tail' }),
    ).toBeDisabled();

    // jsdom has no layout: give the log a height and scroll it up.
    Object.defineProperty(log, 'scrollHeight', {
      value: 1000,
      configurable: true,
    });
    Object.defineProperty(log, 'clientHeight', {
      value: 400,
      configurable: true,
    });
    log.scrollTop = 100;
    fireEvent.scroll(log);
    const follow = await screen.findByRole('button', {
      name: 'Follow the tail',
    });
    await userEvent.click(follow);
    expect(
      await screen.findByRole('button', { name: 'Following the tail' }),
    ).toBeDisabled();
    expect(log.scrollTop).toBe(1000);
  });

  it('searches a finished log and downloads it as a .log file', async () => {
    server.on(`GET ${BASE}/builds/${FINISHED_RUN}/logs`, {
      events: [
        line('clone-step', 'Cloning https://github.com/acme-sample/storefront'),
        line('build-step', '\u001b[32mnpm ci\u001b[0m'),
        line('build-step', 'npm WARN deprecated inflight@1.0.6'),
        line(
          'push-step',
          'Pushed registry.acme.example/storefront/cart-service:6cff9cb',
        ),
        { event: 'end', data: { reason: 'complete' } },
      ],
    });
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:cart-service-log';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderChoreo(<BuildsContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: `log of ${FINISHED_RUN}` },
        slow,
      ),
    );
    const log = await screen.findByRole('log', {
      name: `log lines of ${FINISHED_RUN}`,
    });
    await screen.findByText('4 lines, ended');
    expect(within(log).getByText('npm ci')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Search the log'), 'npm');
    expect(screen.getByText('2 matching lines')).toBeInTheDocument();
    expect(within(log).getAllByText('npm', { selector: 'mark' })).toHaveLength(
      2,
    );
    await userEvent.click(screen.getByLabelText('Only matching lines'));
    await waitFor(() =>
      expect(within(log).queryByText(/Cloning/)).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Download .log' }),
    );
    expect(blobs).toHaveLength(1);
    const text = await new Response(blobs[0]).text();
    expect(text).toBe(
      [
        '[clone-step] Cloning https://github.com/acme-sample/storefront',
        '[build-step] npm ci',
        '[build-step] npm WARN deprecated inflight@1.0.6',
        '[push-step] Pushed registry.acme.example/storefront/cart-service:6cff9cb',
        '',
      ].join('\n'),
    );
  });

  it('shows why logs cannot be read', async () => {
    server.on(`GET ${BASE}/builds/${FINISHED_RUN}/logs`, {
      status: 503,
      json: errorBody(
        'ServiceUnavailableError',
        'Build logs need access to the workflow plane, where the Argo build pods run',
      ),
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: `log of ${FINISHED_RUN}` },
        slow,
      ),
    );
    expect(
      await screen.findByText(/need access to the workflow plane/),
    ).toBeInTheDocument();
  });

  it('says what to do when there are no builds', async () => {
    server.on(`GET ${BASE}/builds`, {
      json: { items: [], trigger: { possible: true } },
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    expect(
      await screen.findByText('No builds yet', {}, slow),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Start a build with the Build button/),
    ).toBeInTheDocument();
  });

  it('says why no build can start here and keeps Build disabled, naming it on the button too', async () => {
    const reason =
      "A build of acme/cart-service would never run: organisation 'acme' is written to a local directory that follows no Git remote";
    server.on(`GET ${BASE}/builds`, {
      json: { ...cartServiceBuilds(), trigger: { possible: false, reason } },
    });
    await renderChoreo(<BuildsContent />, { server, entity });
    expect(
      await screen.findByText('Builds cannot start here', {}, slow),
    ).toBeInTheDocument();
    expect(screen.getByText(reason)).toBeInTheDocument();
    const build = screen.getByRole('button', { name: 'Build' });
    await waitFor(() => expect(build).toBeDisabled());
    await userEvent.hover(build.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(reason);
    // the runs that exist stay readable
    expect(
      screen.getByRole('button', { name: `log of ${FINISHED_RUN}` }),
    ).toBeInTheDocument();
  });
});
