import { useApi } from '@backstage/frontend-plugin-api';
import { screen } from '@testing-library/react';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../api/choreoApi';
import { ChoreoTestServer } from './choreoTestServer';
import { renderChoreo } from './renderChoreo';

const Sources = () => {
  const api = useApi(choreoApiRef);
  const { value, error } = useAsync(() => api.getSources(), [api]);
  if (error) return <p>{error.message}</p>;
  return <p>{value?.items.map(s => `${s.source} is ${s.state}`).join(', ')}</p>;
};

describe('the component test harness', () => {
  const server = new ChoreoTestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('serves the real client over HTTP', async () => {
    server.on('GET /sources', {
      json: {
        items: [
          {
            source: 'acme',
            type: 'directory',
            state: 'synced',
            since: '',
            resourceCount: 3,
            summary: 'Healthy',
            problemCount: 0,
          },
        ],
      },
    });
    await renderChoreo(<Sources />, { server });
    expect(await screen.findByText('acme is synced')).toBeInTheDocument();
  });

  it('shows the backend error message', async () => {
    server.on('GET /sources', {
      status: 403,
      json: {
        error: {
          name: 'NotAllowedError',
          message: 'You may not see the sources',
        },
      },
    });
    await renderChoreo(<Sources />, { server });
    expect(
      await screen.findByText(/You may not see the sources/),
    ).toBeInTheDocument();
  });
});
