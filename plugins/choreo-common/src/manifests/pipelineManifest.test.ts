import { environmentManifest } from './environmentManifest';
import { pipelineEnvironments, pipelineManifest } from './pipelineManifest';

describe('pipelineManifest', () => {
  const request = {
    name: 'regulated',
    displayName: 'Regulated',
    promotionPaths: [
      { sourceEnvironment: 'dev', targets: ['qa'] },
      { sourceEnvironment: 'qa', targets: ['prod-eu'] },
      { sourceEnvironment: 'qa', targets: ['prod-us', 'prod-eu'] },
    ],
  };

  it('writes one promotion path per source environment', () => {
    expect(pipelineManifest('acme', request)).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'DeploymentPipeline',
      metadata: {
        name: 'regulated',
        namespace: 'acme',
        annotations: { 'openchoreo.dev/display-name': 'Regulated' },
      },
      spec: {
        promotionPaths: [
          {
            sourceEnvironmentRef: { name: 'dev' },
            targetEnvironmentRefs: [{ name: 'qa' }],
          },
          {
            sourceEnvironmentRef: { name: 'qa' },
            targetEnvironmentRefs: [{ name: 'prod-eu' }, { name: 'prod-us' }],
          },
        ],
      },
    });
  });

  it('names every environment once', () => {
    expect(pipelineEnvironments(request)).toEqual([
      'dev',
      'qa',
      'prod-eu',
      'prod-us',
    ]);
  });
});

describe('environmentManifest', () => {
  it('references the data plane and says whether it is production', () => {
    expect(
      environmentManifest('acme', {
        name: 'qa',
        description: 'Manual testing',
        dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
      }),
    ).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'Environment',
      metadata: {
        name: 'qa',
        namespace: 'acme',
        annotations: { 'openchoreo.dev/description': 'Manual testing' },
      },
      spec: {
        dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
        isProduction: false,
      },
    });
  });
});
