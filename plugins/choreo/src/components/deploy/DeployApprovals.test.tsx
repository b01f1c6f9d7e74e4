import { ChangeRequest } from '@choreo-for-backstage/plugin-choreo-common';
import { configure, screen, within } from '@testing-library/react';
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
  slow,
  startDeployServer,
} from './__testUtils__/deployTab';
import { DeployContent } from './DeployContent';
import {
  CART_DEV_RELEASE,
  CART_STAGING_RELEASE,
  REQUEST_ID,
  changeRequest,
} from './deployFixtures';

/*
 * Every change in production waits for a second person (the fixtures'
 * changesNeedingApproval). The signed-in user is bob unless a test says
 * otherwise; alice asked for the fixtures' request.
 */

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const findRequest = (env: string) =>
  screen.findByRole('region', { name: `change request for ${env}` }, slow);

describe('DeployContent: changes that wait for approval', () => {
  let server: ChoreoTestServer;
  beforeEach(async () => {
    server = await startDeployServer();
  });
  afterEach(() => server.stop());

  const requestsAre = (items: ChangeRequest[]) =>
    server.on('GET /change-requests', { json: { items } });
  const post = () => server.requests.find(r => r.method === 'POST');

  it('asks for approval to promote into production, says why, and shows the request waiting', async () => {
    const request = changeRequest({
      requestedBy: 'user:acme/bob',
      change: {
        kind: 'promote',
        from: 'staging',
        releaseName: CART_STAGING_RELEASE,
      },
    });
    let asked = false;
    server.on('GET /change-requests', () => ({
      json: { items: asked ? [request] : [] },
    }));
    server.on(`POST ${BASE}/promote`, () => {
      asked = true;
      return {
        status: 202,
        json: {
          result: 'pending-approval',
          request,
          created: true,
          warnings: [],
        },
      };
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      within(await findLane('staging')).getByRole('button', {
        name: 'Request promotion to production',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `production needs a second person's approval: this creates a request that someone other than you approves; it applies only while production still runs ${CART_STAGING_RELEASE}, and expires if nobody decides.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    );

    expect(
      await screen.findByText(
        `Waiting for approval: promote ${CART_STAGING_RELEASE} from staging in production (request created, asked by user:acme/bob).`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /It can be approved by someone other than user:acme\/bob with an OpenChoreo role granting releasebinding:approve in production, such as admin or release-approver, until it expires in 3 days\./,
      ),
    ).toBeInTheDocument();
    const waiting = await findRequest('production');
    expect(
      within(waiting).getByText(`Promote ${CART_STAGING_RELEASE} from staging`),
    ).toBeInTheDocument();
    expect(
      within(waiting).getByText(/asked by you .* · expires in 3 days/),
    ).toBeInTheDocument();
    // the requester withdraws; approving is for someone else
    expect(
      within(waiting).getByRole('button', { name: 'Withdraw' }),
    ).toBeInTheDocument();
    expect(
      within(waiting).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('labels a rollback in production as a request, and says when the same request was already open', async () => {
    const open = changeRequest({
      change: { kind: 'rollback', releaseName: CART_DEV_RELEASE },
    });
    requestsAre([open]);
    server.on(`POST ${BASE}/rollback`, {
      status: 202,
      json: {
        result: 'pending-approval',
        request: open,
        created: false,
        warnings: [],
      },
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      within(await findLane('production')).getByRole('button', {
        name: 'Request rollback',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('heading', {
        name: 'Ask for approval to roll back in production?',
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request rollback' }),
    );
    expect(
      await screen.findByText(
        `Waiting for approval: roll back to ${CART_DEV_RELEASE} in production (request already open, asked by user:acme/alice).`,
      ),
    ).toBeInTheDocument();
    expect(post()).toMatchObject({
      url: `${BASE}/rollback`,
      body: { environment: 'production', releaseName: CART_DEV_RELEASE },
    });
  });

  it("shows the backend's refusal when another change is already open in that environment", async () => {
    requestsAre([changeRequest()]);
    server.on(`POST ${BASE}/restart`, {
      status: 409,
      json: errorBody(
        'ConflictError',
        `A change to acme/cart-service in 'production' is already waiting for approval: request ${REQUEST_ID} by user:acme/alice to promote ${CART_DEV_RELEASE} from staging. Approve, reject or withdraw it first.`,
      ),
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      within(await findLane('production')).getByRole('button', {
        name: 'Request restart',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `production already has an open request (promote ${CART_DEV_RELEASE} from staging, asked by user:acme/alice): a different change there is refused until it is decided.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request restart' }),
    );
    expect(
      await screen.findByText(
        `Request restart failed: A change to acme/cart-service in 'production' is already waiting for approval: request ${REQUEST_ID} by user:acme/alice to promote ${CART_DEV_RELEASE} from staging. Approve, reject or withdraw it first.`,
      ),
    ).toBeInTheDocument();
  });

  it("shows someone else's request with what production ran then, and sends an approval with its comment", async () => {
    requestsAre([changeRequest()]);
    server.on(`POST /change-requests/${REQUEST_ID}/approve`, {
      json: {
        request: changeRequest({
          state: 'applied',
          decidedBy: 'user:acme/bob',
        }),
        mutation: applied('cart-service-production').json,
      },
    });
    await renderChoreo(<DeployContent />, { server, entity });

    const waiting = await findRequest('production');
    expect(
      within(waiting).getByText(/asked by user:acme\/alice/),
    ).toBeInTheDocument();
    expect(
      within(waiting).getByText(
        new RegExp(
          `When asked, production ran ${CART_STAGING_RELEASE}; approval applies it only while that is still so`,
        ),
      ),
    ).toBeInTheDocument();
    expect(
      within(waiting).queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(waiting).getByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Promote ${CART_DEV_RELEASE} from staging in production, as user:acme/alice asked; production runs ${CART_STAGING_RELEASE} now. When asked, production ran ${CART_STAGING_RELEASE}: it is applied only if that is still so.`,
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
      await screen.findByText(
        `Request to promote ${CART_DEV_RELEASE} from staging in production is applied (by user:acme/bob): ReleaseBinding cart-service-production updated.`,
      ),
    ).toBeInTheDocument();
    expect(post()).toMatchObject({
      url: `/change-requests/${REQUEST_ID}/approve`,
      body: { comment: 'load test passed' },
      idempotencyKey: expect.any(String),
    });
  });

  it("shows the backend's four-eyes refusal of an approval", async () => {
    requestsAre([changeRequest()]);
    server.on(`POST /change-requests/${REQUEST_ID}/approve`, {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        "You may not approve the change of acme/cart-service in 'production': you asked for it, and a change in 'production' needs a second person (four-eyes)",
      ),
    });
    await renderChoreo(<DeployContent />, { server, entity });
    await userEvent.click(
      within(await findRequest('production')).getByRole('button', {
        name: 'Approve',
      }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Approve',
      }),
    );
    expect(
      await screen.findByText(
        /Approval failed: .*needs a second person \(four-eyes\)/,
      ),
    ).toBeInTheDocument();
  });

  it('rejects by someone else and shows the decision', async () => {
    requestsAre([changeRequest()]);
    server.on(`POST /change-requests/${REQUEST_ID}/reject`, {
      json: {
        request: changeRequest({
          state: 'rejected',
          decidedBy: 'user:acme/bob',
          decisionComment: 'not this week',
        }),
      },
    });
    await renderChoreo(<DeployContent />, { server, entity });

    await userEvent.click(
      within(await findRequest('production')).getByRole('button', {
        name: 'Reject',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Reject user:acme/alice's request to promote ${CART_DEV_RELEASE} from staging in production; nothing changes in production.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    expect(
      await screen.findByText(/is rejected \(by user:acme\/bob\)/),
    ).toBeInTheDocument();
  });

  it('lets the requester withdraw their own request, and offers them no approval', async () => {
    requestsAre([changeRequest()]);
    server.on(`POST /change-requests/${REQUEST_ID}/withdraw`, {
      json: {
        request: changeRequest({
          state: 'withdrawn',
          decidedBy: 'user:acme/alice',
        }),
      },
    });
    await renderChoreo(<DeployContent />, {
      server,
      entity,
      user: { userEntityRef: 'user:acme/alice' },
    });

    const waiting = await findRequest('production');
    await userEvent.click(
      await within(waiting).findByRole('button', { name: 'Withdraw' }),
    );
    expect(
      within(waiting).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      within(waiting).queryByRole('button', { name: 'Reject' }),
    ).not.toBeInTheDocument();
    expect(
      within(waiting).getByText(/Someone other than you must approve it/),
    ).toBeInTheDocument();
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Withdraw your request to promote ${CART_DEV_RELEASE} from staging in production; nothing changes in production.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Withdraw' }),
    );
    expect(
      await screen.findByText(/is withdrawn \(by user:acme\/alice\)/),
    ).toBeInTheDocument();
    expect(post()?.url).toBe(`/change-requests/${REQUEST_ID}/withdraw`);
  });

  it('shows recent requests that went stale or expired, with why', async () => {
    requestsAre([
      changeRequest({
        id: '6f1c2b3a-0000-4000-8000-000000000001',
        state: 'stale',
        outcome: `acme/cart-service in 'production' changed since it was asked for: it ran ${CART_STAGING_RELEASE} then and runs ${CART_DEV_RELEASE} now. Ask for the change again with what runs now.`,
      }),
      changeRequest({
        id: '6f1c2b3a-0000-4000-8000-000000000002',
        change: { kind: 'restart' },
        state: 'expired',
        outcome:
          'Nobody decided before 2026-08-20T10:00:00Z; ask again if it is still wanted',
      }),
    ]);
    await renderChoreo(<DeployContent />, { server, entity });

    const history = await screen.findByRole(
      'table',
      { name: 'recent change requests' },
      slow,
    );
    const [stale, expired] = within(history).getAllByRole('row').slice(1);
    expect(stale).toHaveTextContent('Stale');
    expect(stale).toHaveTextContent(/changed since it was asked for/);
    expect(expired).toHaveTextContent('restart');
    expect(expired).toHaveTextContent('Expired');
    expect(expired).toHaveTextContent(/Nobody decided before/);
    // neither is open: no lane offers a decision on them
    expect(
      screen.queryByRole('region', { name: 'change request for production' }),
    ).not.toBeInTheDocument();
  });
});
