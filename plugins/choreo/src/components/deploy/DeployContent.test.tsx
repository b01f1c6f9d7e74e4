import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import { choreoEntity, renderChoreo } from '../../__testUtils__/renderChoreo';
import { DeployContent } from './DeployContent';
import {
  CART_DEV_RELEASE,
  CART_STAGING_RELEASE,
  cartServiceDeployments,
  promotionRequest,
} from './deployFixtures';

// The test app renders slowly on a busy 2-core machine; wait longer than 1 s for what a user would see.
configure({ asyncUtilTimeout: 10_000 });

const entity = choreoEntity('Component', {
  kind: 'Component',
  namespace: 'acme',
  name: 'cart-service',
  project: 'storefront',
});
const BASE = '/components/acme/cart-service';

// Rendering the test app with the catalog's table takes a few seconds on a busy machine.
jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const lane = (env: string) =>
  screen.getByRole('region', { name: `environment ${env}` });

describe('DeployContent', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await new ChoreoTestServer().start();
    server.on('GET /sources', { json: { items: [] } });
    server.on('GET /promotion-requests', { json: { items: [] } });
  });
  afterEach(() => server.stop());

  it('shows the pipeline as lanes in promotion order with release, status, endpoints and age', async () => {
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    await renderChoreo(<DeployContent />, { server, entity });

    const regions = await screen.findAllByRole(
      'region',
      { name: /^environment / },
      slow,
    );
    expect(regions.map(r => r.getAttribute('aria-label'))).toEqual([
      'environment development',
      'environment staging',
      'environment production',
    ]);
    expect(
      within(lane('development')).getByText(CART_DEV_RELEASE),
    ).toBeInTheDocument();
    expect(
      within(lane('staging')).getByText(CART_STAGING_RELEASE),
    ).toBeInTheDocument();
    expect(
      within(lane('staging')).getByText('Running and ready'),
    ).toBeInTheDocument();
    expect(
      within(lane('staging')).getByText('changed 5 minutes ago'),
    ).toBeInTheDocument();
    expect(
      within(lane('staging')).getByText(
        /cart-service\.dp-acme-storefront-staging\.svc/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Release history')).toBeInTheDocument();
  });

  it('promotes after a confirmation naming both releases, then shows the new release and the warnings', async () => {
    let promoted = false;
    server.on(`GET ${BASE}/deployments`, () => ({
      json: promoted
        ? cartServiceDeployments({ staging: { releaseName: CART_DEV_RELEASE } })
        : cartServiceDeployments(),
    }));
    server.on(`POST ${BASE}/promote`, () => {
      promoted = true;
      return {
        json: {
          result: 'applied',
          action: 'updated',
          resource: {
            kind: 'ReleaseBinding',
            namespace: 'acme',
            name: 'cart-service-staging',
          },
          warnings: ["Environment 'staging' has no data plane ready yet"],
        },
      };
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      await within(
        await screen.findByRole(
          'region',
          { name: 'environment development' },
          slow,
        ),
      ).findByRole('button', { name: 'Promote to staging' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Bind release ${CART_DEV_RELEASE} from development to staging; staging currently runs ${CART_STAGING_RELEASE}.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    expect(
      await screen.findByText(
        /Promoted to staging: ReleaseBinding cart-service-staging updated/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/no data plane ready yet/)).toBeInTheDocument();
    const post = server.requests.find(r => r.method === 'POST');
    expect(post).toMatchObject({
      url: `${BASE}/promote`,
      body: { from: 'development', to: 'staging' },
    });
    await waitFor(() =>
      expect(
        within(lane('staging')).getByText(CART_DEV_RELEASE),
      ).toBeInTheDocument(),
    );
  });

  it('shows a promotion that reaches the store only after the answer, without a reload by hand', async () => {
    // The GitOps and Kubernetes sources bring a write back a moment after the
    // writer answered: the first reload still sees the old release.
    let reloadsAfterPromote = -1;
    server.on(`GET ${BASE}/deployments`, () => {
      if (reloadsAfterPromote >= 0) reloadsAfterPromote += 1;
      return {
        json:
          reloadsAfterPromote > 1
            ? cartServiceDeployments({
                staging: { releaseName: CART_DEV_RELEASE },
              })
            : cartServiceDeployments(),
      };
    });
    server.on(`POST ${BASE}/promote`, () => {
      reloadsAfterPromote = 0;
      return {
        json: {
          result: 'applied',
          action: 'updated',
          resource: {
            kind: 'ReleaseBinding',
            namespace: 'acme',
            name: 'cart-service-staging',
          },
          warnings: [],
        },
      };
    });
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote to staging' }, slow),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Promote',
      }),
    );
    await screen.findByText(/^Promoted to staging/, undefined, slow);
    await waitFor(
      () =>
        expect(
          within(lane('staging')).getByText(CART_DEV_RELEASE),
        ).toBeInTheDocument(),
      { timeout: 20_000 },
    );
  });

  it('shows a promotion that needs approval as a pending request with its requester', async () => {
    let requested = false;
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    server.on('GET /promotion-requests', () => ({
      json: { items: requested ? [promotionRequest()] : [] },
    }));
    server.on(`POST ${BASE}/promote`, () => {
      requested = true;
      return {
        status: 202,
        json: {
          result: 'pending-approval',
          request: promotionRequest(),
          warnings: [],
        },
      };
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Promote to production' },
        slow,
      ),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/production needs approval/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    );

    expect(
      await screen.findByText(
        /waiting for approval \(requested by user:acme\/alice\)/,
      ),
    ).toBeInTheDocument();
    const request = await screen.findByRole(
      'region',
      { name: 'approval request for production' },
      slow,
    );
    expect(
      within(request).getByText(/requested by user:acme\/alice/),
    ).toBeInTheDocument();
    expect(
      server.requests.some(r =>
        r.url.startsWith(
          '/promotion-requests?component=component%3Aacme%2Fcart-service',
        ),
      ),
    ).toBe(true);
  });

  it('sends an approval with its comment, and shows the four-eyes refusal of the backend', async () => {
    const request = promotionRequest({ releaseName: CART_DEV_RELEASE });
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    server.on('GET /promotion-requests', { json: { items: [request] } });
    server.on(`POST /promotion-requests/${request.id}/approve`, {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        "You may not approve the promotion of acme/cart-service to production: you requested it, and a promotion into 'production' needs a second person (four-eyes)",
      ),
    });
    await renderChoreo(<DeployContent />, { server, entity });

    const pending = await screen.findByRole(
      'region',
      { name: 'approval request for production' },
      slow,
    );
    await userEvent.click(
      within(pending).getByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /Bind release cart-service-6b5f757594 to production, as user:acme\/alice requested/,
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Comment (optional)'),
      'load test passed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(
      await screen.findByText(/needs a second person \(four-eyes\)/),
    ).toBeInTheDocument();
    expect(server.requests.find(r => r.method === 'POST')).toMatchObject({
      url: `/promotion-requests/${request.id}/approve`,
      body: { comment: 'load test passed' },
    });
  });

  it('rejects by someone else and shows the decision', async () => {
    const request = promotionRequest();
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    server.on('GET /promotion-requests', { json: { items: [request] } });
    server.on(`POST /promotion-requests/${request.id}/reject`, {
      json: {
        ...request,
        state: 'rejected',
        decidedBy: 'user:acme/bob',
        decisionComment: 'not this week',
      },
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject' }, slow),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Reject',
      }),
    );
    expect(
      await screen.findByText(/is rejected \(by user:acme\/bob\)/),
    ).toBeInTheDocument();
  });

  it('shows why a deployment failed', async () => {
    server.on(`GET ${BASE}/deployments`, {
      json: cartServiceDeployments({
        staging: {
          status: {
            state: 'failed',
            reason: 'ResourcesDegraded',
            message:
              'Some resources are degraded: Deployment cart-service: ImagePullBackOff',
          },
        },
      }),
    });
    await renderChoreo(<DeployContent />, { server, entity });
    const staging = await screen.findByRole('region', {
      name: 'environment staging',
    });
    expect(within(staging).getByText('Failed')).toBeInTheDocument();
    expect(within(staging).getByText(/ImagePullBackOff/)).toBeInTheDocument();
    expect(within(staging).getByText('ResourcesDegraded')).toBeInTheDocument();
  });

  it('restarts after confirming, with the environment in the request', async () => {
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    server.on(`POST ${BASE}/restart`, {
      json: {
        result: 'applied',
        action: 'updated',
        resource: {
          kind: 'ReleaseBinding',
          namespace: 'acme',
          name: 'cart-service-staging',
        },
        warnings: [],
      },
    });
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      within(
        await screen.findByRole(
          'region',
          { name: 'environment staging' },
          slow,
        ),
      ).getByRole('button', { name: 'Restart' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/Restart the pods of cart-service in staging/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restart' }),
    );
    expect(
      await screen.findByText(
        /Restart in staging: ReleaseBinding cart-service-staging updated/,
      ),
    ).toBeInTheDocument();
    expect(server.requests.find(r => r.method === 'POST')).toMatchObject({
      url: `${BASE}/restart`,
      body: { environment: 'staging' },
    });
  });

  it('rolls back to the release before the current one', async () => {
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    server.on(`POST ${BASE}/rollback`, {
      json: {
        result: 'applied',
        action: 'updated',
        resource: {
          kind: 'ReleaseBinding',
          namespace: 'acme',
          name: 'cart-service-development',
        },
        warnings: [],
      },
    });
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      within(
        await screen.findByRole(
          'region',
          { name: 'environment development' },
          slow,
        ),
      ).getByRole('button', { name: 'Roll back' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Bind release ${CART_STAGING_RELEASE} to development; development currently runs ${CART_DEV_RELEASE}.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );
    await screen.findByText(/Rolled development back/);
    expect(server.requests.find(r => r.method === 'POST')).toMatchObject({
      url: `${BASE}/rollback`,
      body: { environment: 'development', releaseName: CART_STAGING_RELEASE },
    });
  });

  it('says so when the user may not see the deployments, with the backend reason', async () => {
    server.on(`GET ${BASE}/deployments`, {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        'You may not see the deployments of acme/cart-service: ask group:acme/storefront-team',
      ),
    });
    await renderChoreo(<DeployContent />, { server, entity });
    expect(
      await screen.findByText(
        /You do not have permission to see the deployments of cart-service/,
        {},
        slow,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/ask group:acme\/storefront-team/),
    ).toBeInTheDocument();
  });
});
