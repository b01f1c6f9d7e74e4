import { ChoreoResource } from '../resources';
import { resourceScope } from './resourceScope';

const meta = (name: string, extra: object = {}) => ({
  name,
  namespace: 'default',
  ...extra,
});
const apiVersion = 'openchoreo.dev/v1alpha1';

describe('resourceScope', () => {
  it('places a Project by its own name', () => {
    const project: ChoreoResource = {
      apiVersion,
      kind: 'Project',
      metadata: meta('url-shortener'),
      spec: {
        deploymentPipelineRef: { name: 'default' },
        type: { kind: 'ClusterProjectType', name: 'default' },
      },
    };
    expect(resourceScope(project)).toEqual({
      namespace: 'default',
      project: 'url-shortener',
    });
  });

  it('places a Component under its owning project', () => {
    const component: ChoreoResource = {
      apiVersion,
      kind: 'Component',
      metadata: meta('snip-api-service'),
      spec: {
        owner: { projectName: 'url-shortener' },
        componentType: {
          kind: 'ClusterComponentType',
          name: 'deployment/service',
        },
      },
    };
    expect(resourceScope(component)).toEqual({
      namespace: 'default',
      project: 'url-shortener',
      component: 'snip-api-service',
    });
  });

  it('places a Workload by spec.owner, whatever the object is called', () => {
    const workload: ChoreoResource = {
      apiVersion,
      kind: 'Workload',
      metadata: meta('anything-at-all'),
      spec: {
        owner: {
          projectName: 'url-shortener',
          componentName: 'snip-api-service',
        },
        container: { image: 'ghcr.io/acme/snip:1.0' },
      },
    };
    expect(resourceScope(workload)).toMatchObject({
      project: 'url-shortener',
      component: 'snip-api-service',
    });
  });

  it('places a ReleaseBinding in its project, component and environment', () => {
    const binding: ChoreoResource = {
      apiVersion,
      kind: 'ReleaseBinding',
      metadata: meta('snip-api-service-staging'),
      spec: {
        owner: {
          projectName: 'url-shortener',
          componentName: 'snip-api-service',
        },
        environment: 'staging',
        releaseName: 'snip-api-service-5d8f9c',
      },
    };
    expect(resourceScope(binding)).toEqual({
      namespace: 'default',
      project: 'url-shortener',
      component: 'snip-api-service',
      environment: 'staging',
    });
  });

  it('places a ProjectReleaseBinding in its project and environment only', () => {
    const binding: ChoreoResource = {
      apiVersion,
      kind: 'ProjectReleaseBinding',
      metadata: meta('url-shortener-production'),
      spec: {
        owner: { projectName: 'url-shortener' },
        environment: 'production',
      },
    };
    expect(resourceScope(binding)).toEqual({
      namespace: 'default',
      project: 'url-shortener',
      component: undefined,
      environment: 'production',
    });
  });

  it('places a managed Resource in its project and its binding in an environment too', () => {
    const resource: ChoreoResource = {
      apiVersion,
      kind: 'Resource',
      metadata: meta('orders-db'),
      spec: {
        owner: { projectName: 'payments' },
        type: { kind: 'ClusterResourceType', name: 'postgres' },
      },
    };
    expect(resourceScope(resource)).toEqual({
      namespace: 'default',
      project: 'payments',
      component: undefined,
    });
    const binding: ChoreoResource = {
      apiVersion,
      kind: 'ResourceReleaseBinding',
      metadata: meta('orders-db-staging'),
      spec: {
        owner: { projectName: 'payments', resourceName: 'orders-db' },
        environment: 'staging',
      },
    };
    expect(resourceScope(binding)).toEqual({
      namespace: 'default',
      project: 'payments',
      component: undefined,
      environment: 'staging',
    });
  });

  it('reads spec.environmentName on a RenderedRelease', () => {
    const rendered: ChoreoResource = {
      apiVersion,
      kind: 'RenderedRelease',
      metadata: meta('snip-api-service-development'),
      spec: {
        owner: {
          projectName: 'url-shortener',
          componentName: 'snip-api-service',
        },
        environmentName: 'development',
      },
    };
    expect(resourceScope(rendered)).toMatchObject({
      project: 'url-shortener',
      component: 'snip-api-service',
      environment: 'development',
    });
  });

  it('places a build by its project and component labels', () => {
    const build: ChoreoResource = {
      apiVersion,
      kind: 'WorkflowRun',
      metadata: meta('snip-api-service-run-1a2b3c4d', {
        labels: {
          'openchoreo.dev/project': 'url-shortener',
          'openchoreo.dev/component': 'snip-api-service',
        },
      }),
      spec: { workflow: { name: 'dockerfile-builder' } },
    };
    expect(resourceScope(build)).toEqual({
      namespace: 'default',
      project: 'url-shortener',
      component: 'snip-api-service',
    });
  });

  it('leaves a WorkflowRun without labels at namespace level', () => {
    const run: ChoreoResource = {
      apiVersion,
      kind: 'WorkflowRun',
      metadata: meta('nightly-report'),
      spec: { workflow: { kind: 'Workflow', name: 'report' } },
    };
    expect(resourceScope(run)).toEqual({
      namespace: 'default',
      project: undefined,
      component: undefined,
    });
  });

  it('places an Environment by its own name', () => {
    const env: ChoreoResource = {
      apiVersion,
      kind: 'Environment',
      metadata: meta('production'),
      spec: { isProduction: true },
    };
    expect(resourceScope(env)).toEqual({
      namespace: 'default',
      environment: 'production',
    });
  });

  it('gives cluster-scoped platform objects no namespace', () => {
    const ct: ChoreoResource = {
      apiVersion,
      kind: 'ClusterComponentType',
      metadata: { name: 'service' },
      spec: {
        workloadType: 'deployment',
        resources: [{ id: 'deployment', template: {} }],
      },
    };
    expect(resourceScope(ct)).toEqual({
      namespace: undefined,
      project: undefined,
      component: undefined,
    });
  });
});

describe('resourceScope of a control-plane namespace', () => {
  it('is the organization itself, so filtering by namespace finds it', () => {
    expect(
      resourceScope({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'acme' },
      }),
    ).toEqual({ namespace: 'acme' });
  });
});
