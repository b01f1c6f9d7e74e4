import {
  CHOREO_KINDS,
  choreoKindInfo,
  isChoreoKind,
  resourceKeyString,
} from './kinds';

// kind -> [plural, scope], read from config/crd/bases of OpenChoreo v1.2.3.
const FROM_CRDS: Record<string, [string, 'Namespaced' | 'Cluster']> = {
  AuthzRole: ['authzroles', 'Namespaced'],
  AuthzRoleBinding: ['authzrolebindings', 'Namespaced'],
  ClusterAuthzRole: ['clusterauthzroles', 'Cluster'],
  ClusterAuthzRoleBinding: ['clusterauthzrolebindings', 'Cluster'],
  ClusterComponentType: ['clustercomponenttypes', 'Cluster'],
  ClusterDataPlane: ['clusterdataplanes', 'Cluster'],
  ClusterProjectType: ['clusterprojecttypes', 'Cluster'],
  ClusterTrait: ['clustertraits', 'Cluster'],
  ClusterWorkflowPlane: ['clusterworkflowplanes', 'Cluster'],
  ClusterWorkflow: ['clusterworkflows', 'Cluster'],
  ComponentRelease: ['componentreleases', 'Namespaced'],
  Component: ['components', 'Namespaced'],
  ComponentType: ['componenttypes', 'Namespaced'],
  DataPlane: ['dataplanes', 'Namespaced'],
  DeploymentPipeline: ['deploymentpipelines', 'Namespaced'],
  Environment: ['environments', 'Namespaced'],
  ProjectReleaseBinding: ['projectreleasebindings', 'Namespaced'],
  ProjectRelease: ['projectreleases', 'Namespaced'],
  Project: ['projects', 'Namespaced'],
  ProjectType: ['projecttypes', 'Namespaced'],
  ReleaseBinding: ['releasebindings', 'Namespaced'],
  RenderedRelease: ['renderedreleases', 'Namespaced'],
  SecretReference: ['secretreferences', 'Namespaced'],
  Trait: ['traits', 'Namespaced'],
  WorkflowPlane: ['workflowplanes', 'Namespaced'],
  WorkflowRun: ['workflowruns', 'Namespaced'],
  Workflow: ['workflows', 'Namespaced'],
  Workload: ['workloads', 'Namespaced'],
  ClusterResourceType: ['clusterresourcetypes', 'Cluster'],
  ResourceType: ['resourcetypes', 'Namespaced'],
  Resource: ['resources', 'Namespaced'],
  ResourceRelease: ['resourcereleases', 'Namespaced'],
  ResourceReleaseBinding: ['resourcereleasebindings', 'Namespaced'],
};

describe('CHOREO_KINDS', () => {
  it('matches the plural and scope of every OpenChoreo CRD it lists', () => {
    const openchoreo = CHOREO_KINDS.filter(k => k.kind !== 'Namespace');
    expect(openchoreo.map(k => k.kind).sort()).toEqual(
      Object.keys(FROM_CRDS).sort(),
    );
    for (const info of openchoreo) {
      const [plural, scope] = FROM_CRDS[info.kind];
      expect({
        kind: info.kind,
        plural: info.plural,
        namespaced: info.namespaced,
      }).toEqual({
        kind: info.kind,
        plural,
        namespaced: scope === 'Namespaced',
      });
      expect(info.apiVersion).toBe('openchoreo.dev/v1alpha1');
    }
  });

  it('treats control-plane namespaces as core cluster-scoped Namespaces', () => {
    expect(choreoKindInfo('Namespace')).toEqual({
      kind: 'Namespace',
      apiVersion: 'v1',
      plural: 'namespaces',
      namespaced: false,
    });
  });

  it('lists cluster-scoped platform kinds before the namespaced ones that use them', () => {
    const order = CHOREO_KINDS.map(k => k.kind);
    expect(order.indexOf('ClusterDataPlane')).toBeLessThan(
      order.indexOf('Environment'),
    );
    expect(order.indexOf('Environment')).toBeLessThan(
      order.indexOf('ReleaseBinding'),
    );
    expect(order.indexOf('Project')).toBeLessThan(order.indexOf('Component'));
    expect(order.indexOf('ClusterResourceType')).toBeLessThan(
      order.indexOf('Resource'),
    );
    expect(order.indexOf('Project')).toBeLessThan(order.indexOf('Resource'));
    expect(order.indexOf('Resource')).toBeLessThan(
      order.indexOf('ResourceReleaseBinding'),
    );
  });
});

describe('kind helpers', () => {
  it('knows OpenChoreo kinds and rejects others', () => {
    expect(isChoreoKind('ReleaseBinding')).toBe(true);
    expect(isChoreoKind('Deployment')).toBe(false);
    expect(choreoKindInfo('ExternalSecret')).toBeUndefined();
    expect(choreoKindInfo('ResourceReleaseBinding')).toMatchObject({
      plural: 'resourcereleasebindings',
      namespaced: true,
    });
  });

  it('builds stable keys with and without a namespace', () => {
    expect(
      resourceKeyString({
        kind: 'Component',
        namespace: 'default',
        name: 'api',
      }),
    ).toBe('Component:default/api');
    expect(resourceKeyString({ kind: 'ClusterTrait', name: 'alerts' })).toBe(
      'ClusterTrait:alerts',
    );
  });
});
