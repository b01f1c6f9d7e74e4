import { configure, screen, within } from '@testing-library/react';
import { ChoreoTestServer } from '../../__testUtils__/choreoTestServer';
import { renderChoreo } from '../../__testUtils__/renderChoreo';
import { changeRequest } from '../deploy/deployFixtures';
import { ChangeRequestsWidget } from './ChangeRequestsWidget';

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

describe('the home page card of changes waiting for approval', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await new ChoreoTestServer().start();
  });
  afterEach(() => server.stop());

  it('lists the open requests, says which are yours and opens their Deploy tab', async () => {
    server.on('GET /change-requests', {
      json: {
        items: [
          changeRequest(),
          changeRequest({
            id: 'b2',
            componentRef: 'component:acme/checkout-api',
            change: { kind: 'rollback', releaseName: 'checkout-api-r1' },
            requestedBy: 'user:acme/bob',
            state: 'applying',
          }),
        ],
      },
    });
    await renderChoreo(<ChangeRequestsWidget />, {
      server,
      user: { userEntityRef: 'user:acme/bob' },
    });
    const alice = (
      await screen.findByRole('link', { name: 'cart-service in production' })
    ).closest('tr')!;
    expect(
      screen.getByRole('link', { name: 'cart-service in production' }),
    ).toHaveAttribute('href', '/catalog/acme/component/cart-service/deploy');
    expect(alice).toHaveTextContent(/promote .* from staging/);
    expect(alice).toHaveTextContent('alice');
    expect(alice).toHaveTextContent('Waiting for approval');
    const mine = screen
      .getByRole('link', { name: 'checkout-api in production' })
      .closest('tr')!;
    expect(within(mine).getByText('you')).toBeInTheDocument();
    expect(mine).toHaveTextContent('roll back to checkout-api-r1');
    expect(mine).toHaveTextContent('Being applied');
    // only open requests, a bounded page
    expect(server.requests.find(r => r.method === 'GET')?.url).toBe(
      '/change-requests?open=true&limit=20',
    );
  });

  it('says so when nothing waits', async () => {
    server.on('GET /change-requests', { json: { items: [] } });
    await renderChoreo(<ChangeRequestsWidget />, { server });
    expect(
      await screen.findByText('No change is waiting for approval.'),
    ).toBeInTheDocument();
  });
});
