import { projectBindingManifests, projectManifest } from './projectManifest';

describe('projectManifest', () => {
  it('references the default pipeline and project type when the request names none', () => {
    expect(
      projectManifest('acme', {
        name: 'shop',
        displayName: 'Shop',
        description: 'Everything that sells',
        owner: 'group:default/shop-team',
      }),
    ).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'Project',
      metadata: {
        name: 'shop',
        namespace: 'acme',
        annotations: {
          'openchoreo.dev/display-name': 'Shop',
          'openchoreo.dev/description': 'Everything that sells',
          'backstage.io/owner': 'group:default/shop-team',
        },
      },
      spec: {
        deploymentPipelineRef: { name: 'default' },
        type: { kind: 'ClusterProjectType', name: 'default' },
      },
    });
  });

  it('uses the named pipeline and project type and leaves out empty annotations', () => {
    const project = projectManifest('acme', {
      name: 'lab',
      description: '  ',
      deploymentPipeline: 'fast',
      projectType: { kind: 'ProjectType', name: 'sandbox' },
    });
    expect(project.metadata.annotations).toBeUndefined();
    expect(project.spec).toEqual({
      deploymentPipelineRef: { name: 'fast' },
      type: { kind: 'ProjectType', name: 'sandbox' },
    });
  });

  it('binds the project to every environment, leaving the release pin to the controller', () => {
    const [dev, prod] = projectBindingManifests('acme', 'shop', [
      'development',
      'production',
    ]);
    expect(dev).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'ProjectReleaseBinding',
      metadata: {
        name: 'shop-development',
        namespace: 'acme',
        labels: {
          'openchoreo.dev/project': 'shop',
          'openchoreo.dev/environment': 'development',
        },
      },
      spec: { owner: { projectName: 'shop' }, environment: 'development' },
    });
    expect(prod.metadata.name).toBe('shop-production');
    expect(prod.spec.projectRelease).toBeUndefined();
  });
});
