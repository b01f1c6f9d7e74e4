import { MutationResponse } from '@choreo-for-backstage/plugin-choreo-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { acmeAccess } from '../../../__testUtils__/accessFixtures';
import { ChoreoTestServer } from '../../../__testUtils__/choreoTestServer';
import { choreoEntity } from '../../../__testUtils__/renderChoreo';
import { cartServiceDeployments } from '../deployFixtures';

/** The catalog entity of cart-service, as the choreo catalog provider makes it. */
export const cartServiceEntity = choreoEntity('Component', {
  kind: 'Component',
  namespace: 'acme',
  name: 'cart-service',
  project: 'storefront',
});

export const BASE = '/components/acme/cart-service';

/** The test app renders slowly on a busy machine. */
export const slow = { timeout: 10_000 };

/** A test server answering as the backend does for cart-service with nothing pending. */
export async function startDeployServer(): Promise<ChoreoTestServer> {
  const server = await new ChoreoTestServer().start();
  return server
    .on('GET /sources', { json: { items: [] } })
    .on('GET /access', { json: acmeAccess() })
    .on('GET /change-requests', { json: { items: [] } })
    .on(`GET ${BASE}/deployments`, { json: cartServiceDeployments() });
}

/** The backend's answer to a ReleaseBinding write. */
export function applied(
  name: string,
  warnings: string[] = [],
): { json: MutationResponse } {
  return {
    json: {
      result: 'applied',
      action: 'updated',
      resource: { kind: 'ReleaseBinding', namespace: 'acme', name },
      warnings,
    },
  };
}

export const laneOf = (env: string) =>
  screen.getByRole('region', { name: `environment ${env}` });

export const findLane = (env: string) =>
  screen.findByRole('region', { name: `environment ${env}` }, slow);

/** What a user reads when hovering a disabled button. */
export async function reasonFor(button: HTMLElement): Promise<string> {
  // a disabled button takes no pointer events: the tooltip hangs on its wrapper
  await userEvent.hover(button.parentElement!);
  const tooltip = await screen.findByRole('tooltip');
  return tooltip.textContent ?? '';
}
