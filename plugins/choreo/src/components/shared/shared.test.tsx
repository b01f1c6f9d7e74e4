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
  formatDuration,
} from '.';
import { ResponseError } from '@backstage/errors';

// The test app renders slowly on a busy 2-core machine; wait longer than 1 s for what a user would see.
configure({ asyncUtilTimeout: 10_000 });

describe('shared states', () => {
  const server = new ChoreoTestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('warns about a failing source with its message, and says nothing of synced ones', async () => {
    server.on('GET /sources', {
      json: {
        items: [
          {
            source: 'acme-git',
            type: 'git',
            state: 'synced',
            since: '2026-11-21T10:00:00Z',
            problems: [],
            resourceCount: 40,
          },
          {
            source: 'acme-cluster',
            type: 'kubernetes',
            state: 'failing',
            since: '2026-11-21T10:00:00Z',
            message: 'connect ECONNREFUSED 10.0.0.1:6443',
            problems: [],
            resourceCount: 0,
          },
        ],
      },
    });
    await renderChoreo(<SourceHealthBanner />, { server });
    expect(
      await screen.findByText(/Source acme-cluster is failing/),
    ).toBeInTheDocument();
    expect(screen.getByText(/ECONNREFUSED/)).toBeInTheDocument();
    expect(screen.queryByText(/acme-git/)).not.toBeInTheDocument();
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

  it('words ages and durations', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(timeAgo('2026-11-21T11:55:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-11-20T12:00:00Z', now)).toBe('1 day ago');
    expect(formatDuration(65)).toBe('1m 05s');
  });
});
