import { configure, screen, within } from '@testing-library/react';
import { ChoreoTestServer } from '../../__testUtils__/choreoTestServer';
import { choreoEntity, renderChoreo } from '../../__testUtils__/renderChoreo';
import {
  CART_DEV_RELEASE,
  cartServiceDeployments,
  changeRequest,
} from '../deploy/deployFixtures';
import { DeploymentStatusCard } from './DeploymentStatusCard';
import { EndpointsCard } from './EndpointsCard';
import { entityTabLink } from './entityTabLink';

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

describe('overview cards', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await new ChoreoTestServer().start();
    server.on('GET /change-requests', {
      json: { items: [changeRequest()] },
    });
  });
  afterEach(() => server.stop());

  it('shows the status in every environment and a pending approval', async () => {
    server.on(`GET ${BASE}/deployments`, {
      json: cartServiceDeployments({
        staging: {
          status: {
            state: 'failed',
            reason: 'ResourcesDegraded',
            message: 'Deployment cart-service: CrashLoopBackOff',
          },
        },
      }),
    });
    await renderChoreo(<DeploymentStatusCard />, { server, entity });
    const table = await screen.findByRole(
      'table',
      { name: 'deployment status by environment' },
      slow,
    );
    const staging = within(table).getByRole('row', { name: /Staging/ });
    expect(within(staging).getByText('Failed')).toBeInTheDocument();
    expect(within(staging).getByText(/CrashLoopBackOff/)).toBeInTheDocument();
    expect(
      within(within(table).getByRole('row', { name: /Development/ })).getByText(
        'Ready',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `1 change waiting for approval: promote ${CART_DEV_RELEASE} from staging in production`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Open the Deploy tab')).toBeInTheDocument();
  });

  it('lists endpoints with their visibility and URLs per environment', async () => {
    server.on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
    await renderChoreo(<EndpointsCard />, { server, entity });
    const table = await screen.findByRole('table', { name: 'endpoints' }, slow);
    const row = within(table).getByRole('row', { name: /Cart API/ });
    expect(within(row).getByText('public')).toBeInTheDocument();
    expect(within(row).getByText('project')).toBeInTheDocument();
    expect(
      within(row).getByText(
        /cart-service\.dp-acme-storefront-staging\.svc\.cluster\.local:8080\/cart/,
      ),
    ).toBeInTheDocument();
    // one call: the card does not load the whole project's cell for this
    expect(server.requests.map(r => r.url)).toEqual([`${BASE}/deployments`]);
  });

  it('links the Deploy tab from the entity page', () => {
    expect(
      entityTabLink('/catalog/acme/component/cart-service', 'deploy'),
    ).toBe('/catalog/acme/component/cart-service/deploy');
    expect(
      entityTabLink('/catalog/acme/component/cart-service/', 'deploy'),
    ).toBe('/catalog/acme/component/cart-service/deploy');
  });
});
