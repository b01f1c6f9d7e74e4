/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  [field: string]: unknown;
}

const OC = 'openchoreo.dev/v1alpha1';

export interface MinimalPlatformNames {
  /** Control-plane namespace (default `acme`). */
  namespace?: string;
  project?: string;
  component?: string;
}

/**
 * The smallest set of OpenChoreo objects, in creation order, for which the controller manager
 * takes an autoDeploy Component all the way to a ComponentRelease and a ReleaseBinding in the
 * root environment `development`: a control-plane Namespace, ClusterDataPlane `default`, two
 * Environments, a DeploymentPipeline development -> production, ClusterProjectType `default`
 * (rendering the cell namespace, required since v1.2), a Project with its development
 * ProjectReleaseBinding, ClusterComponentType `service` (workloadType deployment), the Component
 * and its Workload. Every object passes the real CRD schemas and CEL rules.
 */
export function minimalOpenChoreoPlatform(
  names: MinimalPlatformNames = {},
): KubeObject[] {
  const namespace = names.namespace ?? 'acme';
  const project = names.project ?? 'shop';
  const component = names.component ?? 'api';
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: { 'openchoreo.dev/control-plane': 'true' },
      },
    },
    {
      apiVersion: OC,
      kind: 'ClusterDataPlane',
      metadata: { name: 'default' },
      // No agent ever connects in tests; the CA only has to be present.
      spec: {
        planeID: 'default',
        clusterAgent: { clientCA: { value: 'not-a-real-ca' } },
      },
    },
    environment(namespace, 'development', false),
    environment(namespace, 'production', true),
    {
      apiVersion: OC,
      kind: 'DeploymentPipeline',
      metadata: { name: 'default', namespace },
      spec: {
        promotionPaths: [
          {
            sourceEnvironmentRef: { name: 'development' },
            targetEnvironmentRefs: [{ name: 'production' }],
          },
        ],
      },
    },
    {
      apiVersion: OC,
      kind: 'ClusterProjectType',
      metadata: { name: 'default' },
      spec: {
        resources: [
          {
            id: 'cell-namespace',
            template: {
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: { name: '${metadata.namespace}' },
            },
          },
        ],
      },
    },
    {
      apiVersion: OC,
      kind: 'Project',
      metadata: { name: project, namespace },
      spec: {
        deploymentPipelineRef: { name: 'default' },
        type: { kind: 'ClusterProjectType', name: 'default' },
      },
    },
    {
      apiVersion: OC,
      kind: 'ProjectReleaseBinding',
      metadata: { name: `${project}-development`, namespace },
      spec: { owner: { projectName: project }, environment: 'development' },
    },
    {
      apiVersion: OC,
      kind: 'ClusterComponentType',
      metadata: { name: 'service' },
      spec: {
        workloadType: 'deployment',
        resources: [
          {
            id: 'deployment',
            template: {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              metadata: {
                name: '${metadata.name}',
                namespace: '${metadata.namespace}',
                labels: '${metadata.labels}',
              },
              spec: {
                selector: { matchLabels: '${metadata.podSelectors}' },
                template: {
                  metadata: { labels: '${metadata.podSelectors}' },
                  spec: {
                    containers: [
                      { name: 'main', image: '${workload.container.image}' },
                    ],
                  },
                },
              },
            },
          },
        ],
      },
    },
    {
      apiVersion: OC,
      kind: 'Component',
      metadata: { name: component, namespace },
      spec: {
        owner: { projectName: project },
        componentType: {
          kind: 'ClusterComponentType',
          name: 'deployment/service',
        },
        autoDeploy: true,
      },
    },
    {
      apiVersion: OC,
      kind: 'Workload',
      metadata: { name: `${component}-workload`, namespace },
      spec: {
        owner: { projectName: project, componentName: component },
        container: { image: 'registry.example.com/shop/api:1.0.0' },
        endpoints: { http: { type: 'HTTP', port: 8080 } },
      },
    },
  ];
}

function environment(
  namespace: string,
  name: string,
  isProduction: boolean,
): KubeObject {
  return {
    apiVersion: OC,
    kind: 'Environment',
    metadata: { name, namespace },
    spec: {
      dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
      isProduction,
    },
  };
}
