import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import { renderChoreo } from '../../__testUtils__/renderChoreo';
import {
  BASE,
  applied,
  cartServiceEntity as entity,
  findLane,
  laneOf as lane,
  slow,
  startDeployServer,
} from './__testUtils__/deployTab';
import { DeployContent } from './DeployContent';
import {
  CART_DEV_RELEASE,
  CART_STAGING_RELEASE,
  cartServiceDeployments,
} from './deployFixtures';

// The test app renders slowly on a busy 2-core machine; wait longer than 1 s for what a user would see.
configure({ asyncUtilTimeout: 10_000 });

// Rendering the test app with the catalog's table takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('DeployContent', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await startDeployServer();
  });
  afterEach(() => server.stop());

  const posts = () => server.requests.filter(r => r.method === 'POST');

  it('shows the pipeline as lanes in promotion order with release, status, endpoints and age', async () => {
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
      return applied('cart-service-staging', [
        "Environment 'staging' has no data plane ready yet",
      ]);
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      await within(await findLane('development')).findByRole('button', {
        name: 'Promote to staging',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Bind release ${CART_DEV_RELEASE} from development to staging; staging currently runs ${CART_STAGING_RELEASE}.`,
      ),
    ).toBeInTheDocument();
    // staging needs nobody's approval: the dialog does not say it waits
    expect(
      within(dialog).queryByText(/needs a second person/),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    expect(
      await screen.findByText(
        /Promoted to staging: ReleaseBinding cart-service-staging updated/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/no data plane ready yet/)).toBeInTheDocument();
    expect(posts()).toEqual([
      expect.objectContaining({
        url: `${BASE}/promote`,
        body: { from: 'development', to: 'staging' },
        idempotencyKey: expect.stringMatching(UUID),
      }),
    ]);
    await waitFor(() =>
      expect(
        within(lane('staging')).getByText(CART_DEV_RELEASE),
      ).toBeInTheDocument(),
    );
  });

  it('asks before taking over a field kubectl manages, and promotes only once the user confirms', async () => {
    server.on(`POST ${BASE}/promote`, req =>
      (req.body as { takeOver?: boolean }).takeOver
        ? applied('cart-service-staging')
        : {
            status: 409,
            json: {
              ...errorBody(
                'ConflictError',
                'Could not change ReleaseBinding acme/cart-service-staging: spec.releaseName is managed by kubectl-edit. Confirm to take it over, or ask kubectl-edit to make the change.',
              ),
              error: {
                name: 'ConflictError',
                message:
                  'Could not change ReleaseBinding acme/cart-service-staging',
                code: 'FieldOwnership',
                owners: [
                  { field: 'spec.releaseName', manager: 'kubectl-edit' },
                ],
              },
            },
          },
    );
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      await within(await findLane('development')).findByRole('button', {
        name: 'Promote to staging',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    // still asking, now about the take-over, naming kubectl
    expect(
      await within(dialog).findByText(
        'spec.releaseName is managed by kubectl-edit, not by the portal. Confirm to take it over; kubectl-edit may change it back, so tell whoever runs it.',
      ),
    ).toBeInTheDocument();
    expect(posts()).toHaveLength(1);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Take over and promote' }),
    );
    expect(
      await screen.findByText(
        /Promoted to staging: ReleaseBinding cart-service-staging updated/,
      ),
    ).toBeInTheDocument();
    const [first, second] = posts();
    expect(first.body).toEqual({ from: 'development', to: 'staging' });
    expect(second.body).toEqual({
      from: 'development',
      to: 'staging',
      takeOver: true,
    });
    // a different write: its own idempotency key
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
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
      return applied('cart-service-staging');
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

  it('applies a roll back once when its answer was lost and the user tries again', async () => {
    let written = 0;
    server.on(`POST ${BASE}/rollback`, () => {
      written += 1;
      // the backend wrote the binding, then the network dropped the answer
      return { ...applied('cart-service-development'), lost: true };
    });
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      within(await findLane('development')).getByRole('button', {
        name: 'Roll back',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );

    expect(
      await within(dialog).findByText(
        /No answer from the portal .*: the change may or may not have been made\. Try again: it is made at most once\./,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );

    expect(
      await screen.findByText(
        `Rolled development back to ${CART_STAGING_RELEASE}: ReleaseBinding cart-service-development updated.`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const [first, retried] = posts();
    expect(retried.idempotencyKey).toBe(first.idempotencyKey);
    expect(written).toBe(1);
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
    const staging = await findLane('staging');
    expect(within(staging).getByText('Failed')).toBeInTheDocument();
    expect(within(staging).getByText(/ImagePullBackOff/)).toBeInTheDocument();
    expect(within(staging).getByText('ResourcesDegraded')).toBeInTheDocument();
  });

  it('restarts after confirming, with the environment in the request', async () => {
    server.on(`POST ${BASE}/restart`, applied('cart-service-staging'));
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      within(await findLane('staging')).getByRole('button', {
        name: 'Restart',
      }),
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
    expect(posts()).toEqual([
      expect.objectContaining({
        url: `${BASE}/restart`,
        body: { environment: 'staging' },
      }),
    ]);
  });

  it('rolls back to the release before the current one', async () => {
    server.on(`POST ${BASE}/rollback`, applied('cart-service-development'));
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      within(await findLane('development')).getByRole('button', {
        name: 'Roll back',
      }),
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
    expect(posts()).toEqual([
      expect.objectContaining({
        url: `${BASE}/rollback`,
        body: {
          environment: 'development',
          releaseName: CART_STAGING_RELEASE,
        },
      }),
    ]);
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
