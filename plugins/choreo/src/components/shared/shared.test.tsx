import { configure, screen } from '@testing-library/react';
import {
  ChoreoTestServer,
  errorBody,
} from '../../__testUtils__/choreoTestServer';
import { renderChoreo } from '../../__testUtils__/renderChoreo';
import {
  ChoreoErrorPanel,
  SourceHealthBanner,
  timeAgo,
  timeUntil,
  formatDuration,
} from '.';
import { ResponseError } from '@backstage/errors';

// The test app renders slowly on a busy 2-core machine; wait longer than 1 s for what a user would see.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

describe('shared states', () => {
  const server = new ChoreoTestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const synced = {
    source: 'acme-git',
    type: 'git',
    state: 'synced',
    since: '2026-11-21T10:00:00Z',
    resourceCount: 40,
    summary: 'Healthy',
    problemCount: 0,
  };
  const failing = {
    source: 'acme-cluster',
    type: 'kubernetes',
    state: 'failing',
    since: '2026-11-21T10:00:00Z',
    resourceCount: 0,
    summary: 'Failing: nothing could be read',
    whatToDo:
      'The portal shows nothing from this source until it recovers. Ask a platform engineer: the Platform page shows them the cause.',
    problemCount: 2,
  };

  it('warns everyone about a failing source in plain words, and says nothing of synced ones', async () => {
    server.on('GET /sources', { json: { items: [synced, failing] } });
    await renderChoreo(<SourceHealthBanner />, { server });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Source acme-cluster: Failing: nothing could be read',
    );
    expect(alert).toHaveTextContent(/Ask a platform engineer/);
    // without details, only how many resources could not be read
    expect(alert).toHaveTextContent('2 resources could not be read');
    expect(alert).not.toHaveTextContent(/ECONNREFUSED|\.yaml/);
    expect(screen.queryByText(/acme-git/)).not.toBeInTheDocument();
  });

  it('adds the source’s own messages for those allowed to see them', async () => {
    server.on('GET /sources', {
      json: {
        items: [
          {
            ...failing,
            details: {
              message: 'connect ECONNREFUSED 10.0.0.1:6443',
              problems: [
                {
                  message: 'unknown field spec.foo',
                  file: 'projects/storefront/project.yaml',
                  line: 12,
                },
              ],
            },
          },
        ],
      },
    });
    await renderChoreo(<SourceHealthBanner />, { server });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/ECONNREFUSED 10\.0\.0\.1:6443/);
    expect(alert).toHaveTextContent(
      'projects/storefront/project.yaml:12: unknown field spec.foo',
    );
    expect(alert).not.toHaveTextContent(/could not be read/);
  });

  it('shows a 403 as permission denied with the backend reason', async () => {
    server.on('GET /sources', {
      status: 403,
      json: errorBody(
        'NotAllowedError',
        'Only members of group:acme/storefront-team may read cart-service',
      ),
    });
    const error = await server
      .client()
      .getSources()
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    await renderChoreo(
      <ChoreoErrorPanel
        action="see the deployments of cart-service"
        error={error}
      />,
      { server },
    );
    expect(
      screen.getByText(
        /You do not have permission to see the deployments of cart-service/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Only members of group:acme\/storefront-team/),
    ).toBeInTheDocument();
  });

  it('words ages, time left and durations', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(timeAgo('2026-11-21T11:55:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-11-20T12:00:00Z', now)).toBe('1 day ago');
    expect(timeUntil('2026-11-24T11:00:00Z', now)).toBe('in 3 days');
    expect(timeUntil('2026-11-21T11:00:00Z', now)).toBeUndefined();
    expect(formatDuration(65)).toBe('1m 05s');
  });
});
