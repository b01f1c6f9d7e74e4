import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { organization } from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { translateRoot } from './translationRoots';

const dataPlane = (name: string, namespace?: string) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: namespace ? 'DataPlane' : 'ClusterDataPlane',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { clusterAgent: { clientCA: { value: 'x' } } },
  } as unknown as ChoreoResource);

const environment = (name: string, spec: object = {}) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Environment',
    metadata: { name, namespace: 'acme' },
    spec,
  } as unknown as ChoreoResource);

describe('platformToResources', () => {
  const ctx = contextFor(organization());

  it('makes an environment a Resource that depends on the data plane it runs on', () => {
    const [production] = translateRoot(ctx, 'Environment:acme/production');
    expect(production).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'production',
        namespace: 'acme',
        tags: ['production'],
        annotations: { 'openchoreo.dev/environment': 'production' },
      },
      spec: {
        type: 'environment',
        owner: 'group:acme/acme-team',
        dependsOn: ['resource:acme/default-dataplane'],
      },
    });
  });

  it("resolves an environment without dataPlaneRef like OpenChoreo: the namespace's default, else the cluster's", () => {
    const withNamespaced = contextFor([
      environment('dev'),
      dataPlane('default', 'acme'),
      dataPlane('default'),
    ]);
    expect(
      translateRoot(withNamespaced, 'Environment:acme/dev')[0].spec?.dependsOn,
    ).toEqual(['resource:acme/default-dataplane']);
    const clusterOnly = contextFor([environment('dev'), dataPlane('default')]);
    expect(
      translateRoot(clusterOnly, 'Environment:acme/dev')[0].spec?.dependsOn,
    ).toEqual(['resource:acme/default-dataplane']);
    const otherSource = contextFor([environment('dev')]);
    expect(
      translateRoot(
        { ...otherSource, source: 'acme' },
        'Environment:acme/dev',
      )[0].spec?.dependsOn,
    ).toEqual(['resource:acme/default-dataplane']);
  });

  it('makes the pipeline depend on its environments and the projects that use it depend on it', () => {
    const [pipeline] = translateRoot(ctx, 'DeploymentPipeline:acme/default');
    expect(pipeline.metadata.name).toBe('default-pipeline');
    expect(pipeline.metadata.description).toBe(
      'Promotion paths: development → staging; staging → production',
    );
    expect(pipeline.spec).toMatchObject({
      type: 'deployment-pipeline',
      dependsOn: [
        'resource:acme/development',
        'resource:acme/staging',
        'resource:acme/production',
      ],
      dependencyOf: ['system:acme/payments', 'system:acme/shop'],
    });
  });

  it('makes a data plane a kubernetes-cluster Resource and passes the Kubernetes plugin annotations through', () => {
    const [plane] = translateRoot(ctx, 'ClusterDataPlane:default');
    expect(plane).toMatchObject({
      metadata: {
        name: 'default-dataplane',
        namespace: 'acme',
        title: 'EU data plane',
        annotations: {
          'kubernetes.io/api-server': 'https://k8s.eu-west-1.example.com',
          'openchoreo.dev/plane-id': 'eu-west-1',
          'openchoreo.dev/kind': 'ClusterDataPlane',
        },
      },
      spec: { type: 'kubernetes-cluster' },
    });
  });

  it('makes a workflow plane a workflow-plane Resource', () => {
    const [plane] = translateRoot(ctx, 'ClusterWorkflowPlane:default');
    expect(plane.metadata.name).toBe('default-workflowplane');
    expect(plane.spec?.type).toBe('workflow-plane');
  });
});
