import {
  CHOREO_ANNOTATIONS,
  CHOREO_API_VERSION,
  CHOREO_LABELS,
  ChoreoResource,
  ClusterComponentType,
  ComponentTypeSpec,
  WorkloadType,
} from '@choreo-for-backstage/plugin-choreo-common';

/**
 * The platform part of a synthetic organization, shaped like the sample in
 * examples/acme: a control-plane namespace, one data plane, three
 * environments on one promotion pipeline, the builder workflow and four
 * cluster-wide component types.
 */

export const SYNTHETIC_ENVIRONMENTS = [
  'development',
  'staging',
  'production',
] as const;

export const BUILDER_WORKFLOW = 'dockerfile-builder';

/** A component type as components refer to it: `{workloadType}/{name}`. */
export interface SyntheticComponentType {
  name: string;
  workloadType: WorkloadType;
  /** `spec.componentType.name` of a component of this type. */
  ref: string;
  spec: ComponentTypeSpec;
}

const meta = (name: string, description: string) => ({
  [CHOREO_ANNOTATIONS.displayName]: name,
  [CHOREO_ANNOTATIONS.description]: description,
});

/** The smallest render template that still reads like a real one. */
function deploymentTemplate(kind: 'Deployment' | 'CronJob') {
  return {
    apiVersion: kind === 'Deployment' ? 'apps/v1' : 'batch/v1',
    kind,
    metadata: {
      name: '${metadata.name}',
      namespace: '${metadata.namespace}',
      labels: '${metadata.labels}',
    },
    spec: {
      template: {
        metadata: { labels: '${metadata.podSelectors}' },
        spec: {
          containers: [{ name: 'main', image: '${workload.container.image}' }],
        },
      },
    },
  };
}

function componentType(
  name: string,
  workloadType: WorkloadType,
  properties: Record<string, unknown>,
): SyntheticComponentType {
  const spec: ComponentTypeSpec = {
    workloadType,
    allowedWorkflows: [{ kind: 'ClusterWorkflow', name: BUILDER_WORKFLOW }],
    parameters: { openAPIV3Schema: { type: 'object', properties } },
    environmentConfigs: {
      openAPIV3Schema: {
        type: 'object',
        properties: {
          replicas: { type: 'integer', minimum: 0 },
          logLevel: {
            type: 'string',
            enum: ['debug', 'info', 'warn', 'error'],
            default: 'info',
          },
        },
      },
    },
    resources: [
      {
        id: workloadType === 'cronjob' ? 'cronjob' : 'deployment',
        template: deploymentTemplate(
          workloadType === 'cronjob' ? 'CronJob' : 'Deployment',
        ),
      },
    ],
  };
  return { name, workloadType, ref: `${workloadType}/${name}`, spec };
}

const resourcesParameter = {
  type: 'object',
  default: {},
  properties: {
    cpu: { type: 'string', default: '250m', description: 'CPU request' },
    memory: { type: 'string', default: '256Mi', description: 'Memory limit' },
  },
};

export const SYNTHETIC_COMPONENT_TYPES: readonly SyntheticComponentType[] = [
  componentType('service', 'deployment', {
    replicas: { type: 'integer', minimum: 0, default: 1 },
    resources: resourcesParameter,
  }),
  componentType('web-application', 'deployment', {
    replicas: { type: 'integer', minimum: 0, default: 2 },
    resources: resourcesParameter,
  }),
  componentType('scheduled-task', 'cronjob', {
    schedule: { type: 'string', default: '0 2 * * *' },
    resources: resourcesParameter,
  }),
  componentType('worker', 'deployment', {
    replicas: { type: 'integer', minimum: 0, default: 1 },
    concurrency: { type: 'integer', minimum: 1, default: 4 },
  }),
];

function typeTitle(name: string): string {
  return name
    .split('-')
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

/** Cluster-scoped and namespace-level platform resources of `namespace`. */
export function syntheticPlatform(namespace: string): ChoreoResource[] {
  const resources: ChoreoResource[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: { [CHOREO_LABELS.controlPlane]: 'true' },
        annotations: {
          ...meta('Benchmark Corp', 'A large synthetic organization'),
          [CHOREO_ANNOTATIONS.owner]: 'group:default/platform-team',
        },
      },
    },
    {
      apiVersion: CHOREO_API_VERSION,
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
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterWorkflow',
      metadata: {
        name: BUILDER_WORKFLOW,
        labels: { [CHOREO_LABELS.workflowType]: 'component' },
      },
      spec: {
        workflowPlaneRef: { kind: 'ClusterWorkflowPlane', name: 'default' },
        parameters: {
          openAPIV3Schema: {
            type: 'object',
            required: ['repository'],
            properties: {
              repository: {
                type: 'object',
                required: ['url'],
                properties: {
                  url: {
                    type: 'string',
                    'x-openchoreo-component-parameter-repository-url': true,
                  },
                  revision: {
                    type: 'object',
                    default: {},
                    properties: {
                      branch: {
                        type: 'string',
                        default: 'main',
                        'x-openchoreo-component-parameter-repository-branch':
                          true,
                      },
                    },
                  },
                  appPath: {
                    type: 'string',
                    default: '.',
                    'x-openchoreo-component-parameter-repository-app-path':
                      true,
                  },
                },
              },
            },
          },
        },
        runTemplate: {},
      },
    },
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterWorkflowPlane',
      metadata: { name: 'default' },
      spec: { clusterAgent: { clientCA: { value: 'placeholder' } } },
    },
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'DataPlane',
      metadata: {
        name: 'default',
        namespace,
        annotations: {
          ...meta('Shared data plane', 'Runtime cluster for every environment'),
          [CHOREO_ANNOTATIONS.networkPolicyProvider]: 'cilium',
        },
      },
      spec: {
        planeID: `${namespace}-eu-west-1`,
        clusterAgent: { clientCA: { value: 'placeholder' } },
        secretStoreRef: { name: `${namespace}-vault` },
      },
    },
    ...SYNTHETIC_ENVIRONMENTS.map(
      (environment): ChoreoResource => ({
        apiVersion: CHOREO_API_VERSION,
        kind: 'Environment',
        metadata: {
          name: environment,
          namespace,
          annotations: meta(typeTitle(environment), `The ${environment} stage`),
        },
        spec: {
          dataPlaneRef: { kind: 'DataPlane', name: 'default' },
          isProduction: environment === 'production',
        },
      }),
    ),
    {
      apiVersion: CHOREO_API_VERSION,
      kind: 'DeploymentPipeline',
      metadata: {
        name: 'default',
        namespace,
        annotations: meta(
          'Default pipeline',
          SYNTHETIC_ENVIRONMENTS.join(' -> '),
        ),
      },
      spec: {
        promotionPaths: SYNTHETIC_ENVIRONMENTS.slice(0, -1).map((env, i) => ({
          sourceEnvironmentRef: { name: env },
          targetEnvironmentRefs: [{ name: SYNTHETIC_ENVIRONMENTS[i + 1] }],
        })),
      },
    },
  ];
  for (const type of SYNTHETIC_COMPONENT_TYPES) {
    const resource: ClusterComponentType = {
      apiVersion: CHOREO_API_VERSION,
      kind: 'ClusterComponentType',
      metadata: {
        name: type.name,
        annotations: meta(typeTitle(type.name), `Golden path: ${type.name}`),
      },
      spec: type.spec,
    };
    resources.push(resource);
  }
  return resources;
}
