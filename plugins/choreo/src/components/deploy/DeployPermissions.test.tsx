import type { EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import { configure, waitFor, within } from '@testing-library/react';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import { renderChoreo } from '../../__testUtils__/renderChoreo';
import {
  cartServiceEntity as entity,
  findLane,
  reasonFor,
  slow,
  startDeployServer,
} from './__testUtils__/deployTab';
import { DeployContent } from './DeployContent';
import { changeRequest } from './deployFixtures';

/*
 * The policy decides per environment; a disabled button says which
 * OpenChoreo action it needs there and which roles grant it (from
 * /access: admin and developer update bindings, admin and release-approver
 * approve).
 */

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

/** The permission is asked for after the lanes show: wait for its answer. */
const expectDisabled = (button: HTMLElement) =>
  waitFor(() => expect(button).toBeDisabled());
const expectEnabled = (button: HTMLElement) =>
  waitFor(() => expect(button).toBeEnabled());

/** Allows everything but `permission` in `environment`. */
const denying =
  (permission: string, environment: string) =>
  (request: EvaluatePermissionRequest) =>
    !(
      request.permission.name === permission &&
      'resourceRef' in request &&
      request.resourceRef?.endsWith(`/environment/${environment}`)
    );

describe('DeployContent: what the user may do, per environment', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await startDeployServer();
  });
  afterEach(() => server.stop());

  it('disables rolling back in production only, naming the OpenChoreo action and the roles that allow it', async () => {
    await renderChoreo(<DeployContent />, {
      server,
      entity,
      user: { allow: denying('choreo.release.rollback', 'production') },
    });
    const production = await findLane('production');
    const rollback = await within(production).findByRole(
      'button',
      { name: 'Request rollback' },
      slow,
    );
    await expectDisabled(rollback);
    expect(await reasonFor(rollback)).toBe(
      'You may not roll back in production: it needs an OpenChoreo role granting releasebinding:update there, such as admin or developer',
    );
    await expectEnabled(
      within(await findLane('development')).getByRole('button', {
        name: 'Roll back',
      }),
    );
  });

  it('decides a promotion for the environment it goes to', async () => {
    await renderChoreo(<DeployContent />, {
      server,
      entity,
      user: { allow: denying('choreo.release.promote', 'production') },
    });
    const toProduction = within(await findLane('staging')).getByRole('button', {
      name: 'Request promotion to production',
    });
    await expectDisabled(toProduction);
    expect(await reasonFor(toProduction)).toMatch(
      /^You may not promote to production: it needs an OpenChoreo role granting releasebinding:update there/,
    );
    await expectEnabled(
      within(await findLane('development')).getByRole('button', {
        name: 'Promote to staging',
      }),
    );
  });

  it('disables approving for someone who may not approve in production, naming who may', async () => {
    server.on('GET /change-requests', { json: { items: [changeRequest()] } });
    await renderChoreo(<DeployContent />, {
      server,
      entity,
      user: { allow: denying('choreo.release.approve', 'production') },
    });
    const waiting = await within(await findLane('production')).findByRole(
      'region',
      { name: 'change request for production' },
      slow,
    );
    const approve = await within(waiting).findByRole('button', {
      name: 'Approve',
    });
    await expectDisabled(approve);
    await expectDisabled(
      within(waiting).getByRole('button', { name: 'Reject' }),
    );
    expect(await reasonFor(approve)).toBe(
      'You may not approve or reject changes in production: it needs an OpenChoreo role granting releasebinding:approve there, such as admin or release-approver',
    );
  });

  it('names only the action needed when the roles cannot be read', async () => {
    server.on('GET /access', {
      status: 503,
      json: errorBody('ServiceUnavailableError', 'the store is loading'),
    });
    await renderChoreo(<DeployContent />, {
      server,
      entity,
      user: { allow: denying('choreo.release.manage', 'staging') },
    });
    const restart = within(await findLane('staging')).getByRole('button', {
      name: 'Restart',
    });
    await expectDisabled(restart);
    expect(await reasonFor(restart)).toBe(
      'You may not restart, undeploy or redeploy in staging: it needs an OpenChoreo role granting releasebinding:update there',
    );
  });
});
