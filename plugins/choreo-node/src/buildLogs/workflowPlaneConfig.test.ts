import { ConfigReader } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { workflowPlaneKubeConfig } from './workflowPlaneConfig';

const cluster = {
  type: 'kubernetes',
  name: 'cp',
  url: 'https://cp.example:6443',
  token: 'cp-token',
};

describe('choreo.workflowPlane', () => {
  it('is optional', () => {
    expect(workflowPlaneKubeConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('reuses the client configuration of a kubernetes source', () => {
    const kc = workflowPlaneKubeConfig(
      new ConfigReader({
        choreo: { sources: [cluster], workflowPlane: { source: 'cp' } },
      }),
    );
    expect(kc?.getCurrentCluster()?.server).toBe('https://cp.example:6443');
  });

  it('connects to a separate workflow-plane cluster', () => {
    const kc = workflowPlaneKubeConfig(
      new ConfigReader({
        choreo: {
          sources: [cluster],
          workflowPlane: { url: 'https://wp.example:6443', token: 'wp' },
        },
      }),
    );
    expect(kc?.getCurrentCluster()?.server).toBe('https://wp.example:6443');
    expect(kc?.getCurrentUser()?.token).toBe('wp');
  });

  it('says what to fix', () => {
    const read = (workflowPlane: object) => () =>
      workflowPlaneKubeConfig(
        new ConfigReader({ choreo: { sources: [cluster], workflowPlane } }),
      );
    expect(read({ source: 'cp', url: 'https://x' })).toThrow(InputError);
    expect(read({ source: 'cp', url: 'https://x' })).toThrow(
      /sets source and url/,
    );
    expect(read({ source: 'dp' })).toThrow(NotFoundError);
    expect(read({ token: 'wp' })).toThrow(
      'choreo.workflowPlane sets token without url',
    );
  });
});
