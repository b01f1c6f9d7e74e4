import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoSourceSink,
  ChoreoStore,
} from '@choreo-for-backstage/plugin-choreo-node';

/**
 * A small but realistic organization ("acme"): a cluster-wide platform
 * (data plane, workflow plane, builder workflow, component types), three
 * environments on a pipeline, two projects with components that call each
 * other across projects, endpoints with and without published schemas, and
 * deployments (ReleaseBindings) up to production.
 */

const API_VERSION = 'openchoreo.dev/v1alpha1';

type Spec = Record<string, unknown>;

function res(
  kind: string,
  name: string,
  ns: string | undefined,
  spec: Spec,
  annotations?: Record<string, string>,
): ChoreoResource {
  return {
    apiVersion: kind === 'Namespace' ? 'v1' : API_VERSION,
    kind,
    metadata: {
      name,
      ...(ns ? { namespace: ns } : {}),
      ...(annotations ? { annotations } : {}),
    },
    spec,
  } as unknown as ChoreoResource;
}

export const ORDERS_OPENAPI = `openapi: 3.0.1
info:
  title: Orders
  version: "1.0"
paths:
  /orders:
    get:
      responses:
        "200":
          description: the orders
`;

export const PAYMENTS_PROTO = `syntax = "proto3";
package payments;
service Payments { rpc Charge (ChargeRequest) returns (ChargeReply); }
message ChargeRequest { string order = 1; }
message ChargeReply { bool ok = 1; }
`;

export function namespace(name = 'acme', annotations?: Record<string, string>) {
  return res(
    'Namespace',
    name,
    undefined,
    {},
    {
      'openchoreo.dev/display-name': 'Acme Corp',
      'openchoreo.dev/description': 'Acme runs an online shop',
      ...annotations,
    },
  );
}

export function platform(ns = 'acme'): ChoreoResource[] {
  return [
    res(
      'ClusterDataPlane',
      'default',
      undefined,
      {
        planeID: 'eu-west-1',
        clusterAgent: { clientCA: { value: 'placeholder' } },
      },
      {
        'openchoreo.dev/display-name': 'EU data plane',
        'kubernetes.io/api-server': 'https://k8s.eu-west-1.example.com',
      },
    ),
    res('ClusterWorkflowPlane', 'default', undefined, {
      clusterAgent: { clientCA: { value: 'placeholder' } },
    }),
    res('ClusterWorkflow', 'dockerfile-builder', undefined, {
      runTemplate: {},
      parameters: {
        openAPIV3Schema: {
          type: 'object',
          properties: {
            source: {
              type: 'object',
              properties: {
                gitUrl: {
                  type: 'string',
                  'x-openchoreo-component-parameter-repository-url': true,
                },
                ref: {
                  type: 'string',
                  'x-openchoreo-component-parameter-repository-branch': true,
                },
                dir: {
                  type: 'string',
                  'x-openchoreo-component-parameter-repository-app-path': true,
                },
              },
            },
          },
        },
      },
    }),
    res(
      'ClusterComponentType',
      'service',
      undefined,
      {
        workloadType: 'deployment',
        allowedWorkflows: [
          { kind: 'ClusterWorkflow', name: 'dockerfile-builder' },
        ],
        parameters: {
          openAPIV3Schema: {
            type: 'object',
            $defs: {
              Quantity: {
                type: 'object',
                default: {},
                properties: {
                  cpu: { type: 'string', default: '250m' },
                  memory: { type: 'string', default: '256Mi' },
                },
              },
            },
            properties: {
              replicas: { type: 'integer', minimum: 0, default: 1 },
              resources: { $ref: '#/$defs/Quantity' },
              exposeMetrics: {
                type: 'boolean',
                default: true,
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        },
        resources: [{ id: 'deployment', template: {} }],
      },
      {
        'openchoreo.dev/display-name': 'Service',
        'openchoreo.dev/description': 'Long-running API server',
      },
    ),
    res('ClusterComponentType', 'web-application', undefined, {
      workloadType: 'deployment',
      resources: [{ id: 'deployment', template: {} }],
    }),
    res('ClusterComponentType', 'scheduled-task', undefined, {
      workloadType: 'cronjob',
      allowedWorkflows: [
        { kind: 'ClusterWorkflow', name: 'dockerfile-builder' },
      ],
      parameters: {
        openAPIV3Schema: {
          type: 'object',
          required: ['schedule'],
          properties: { schedule: { type: 'string', default: '0 2 * * *' } },
        },
      },
      resources: [{ id: 'cronjob', template: {} }],
    }),
    ...['development', 'staging', 'production'].map(env =>
      res('Environment', env, ns, {
        dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
        isProduction: env === 'production',
      }),
    ),
    res('DeploymentPipeline', 'default', ns, {
      promotionPaths: [
        {
          sourceEnvironmentRef: { name: 'development' },
          targetEnvironmentRefs: [{ name: 'staging' }],
        },
        {
          sourceEnvironmentRef: { name: 'staging' },
          targetEnvironmentRefs: [{ name: 'production' }],
        },
      ],
    }),
  ];
}

export function project(
  name: string,
  ns = 'acme',
  annotations?: Record<string, string>,
) {
  return res(
    'Project',
    name,
    ns,
    {
      deploymentPipelineRef: { name: 'default' },
      type: { kind: 'ClusterProjectType', name: 'default' },
    },
    annotations,
  );
}

export function component(
  name: string,
  projectName: string,
  type = 'deployment/service',
  extra: Spec = {},
  ns = 'acme',
) {
  return res('Component', name, ns, {
    owner: { projectName },
    componentType: { kind: 'ClusterComponentType', name: type },
    ...extra,
  });
}

export function workload(
  componentName: string,
  projectName: string,
  spec: Spec,
  ns = 'acme',
) {
  return res('Workload', `${componentName}-workload`, ns, {
    owner: { projectName, componentName },
    container: { image: `ghcr.io/acme/${componentName}:1.0.0` },
    ...spec,
  });
}

export function binding(
  componentName: string,
  projectName: string,
  environment: string,
  extra: Spec = {},
  ns = 'acme',
) {
  return res('ReleaseBinding', `${componentName}-${environment}`, ns, {
    owner: { projectName, componentName },
    environment,
    releaseName: `${componentName}-abc123`,
    ...extra,
  });
}

/** The whole sample: 2 projects, 4 components, 3 endpoints. */
export function organization(): ChoreoResource[] {
  return [
    namespace(),
    ...platform(),
    project('shop', 'acme', { 'backstage.io/owner': 'storefront-team' }),
    project('payments'),
    component('orders-api', 'shop', 'deployment/service', {
      workflow: {
        kind: 'ClusterWorkflow',
        name: 'dockerfile-builder',
        parameters: {
          source: {
            gitUrl: 'https://github.com/acme/shop.git',
            ref: 'main',
            dir: './orders-api',
          },
        },
      },
    }),
    workload('orders-api', 'shop', {
      endpoints: {
        rest: {
          type: 'HTTP',
          port: 8080,
          visibility: ['external'],
          displayName: 'Orders REST API',
          schema: { type: 'openapi', content: ORDERS_OPENAPI },
        },
        metrics: { type: 'TCP', port: 9100 },
      },
      dependencies: {
        endpoints: [
          {
            project: 'payments',
            component: 'payment-gateway',
            name: 'grpc',
            visibility: 'namespace',
            envBindings: { address: 'PAYMENTS_ADDR' },
          },
        ],
      },
    }),
    binding('orders-api', 'shop', 'development'),
    binding('orders-api', 'shop', 'production'),
    component('shop-web', 'shop', 'deployment/web-application'),
    binding('shop-web', 'shop', 'development'),
    component('nightly-report', 'shop', 'cronjob/scheduled-task'),
    component('payment-gateway', 'payments'),
    workload('payment-gateway', 'payments', {
      endpoints: {
        grpc: {
          type: 'gRPC',
          port: 9090,
          visibility: ['namespace'],
          schema: { type: 'proto', content: PAYMENTS_PROTO },
        },
      },
    }),
    binding('payment-gateway', 'payments', 'development'),
    binding('payment-gateway', 'payments', 'staging', { state: 'Undeploy' }),
  ];
}

/** A real store holding `resources` from one source, in state `synced`. */
export function storeWith(
  resources: ChoreoResource[],
  source = 'acme',
): { store: ChoreoStore; sink: ChoreoSourceSink } {
  const store = new ChoreoStore();
  const sink = store.sinkFor(source, 'directory');
  sink.replaceAll(resources);
  sink.setState('synced');
  return { store, sink };
}

/** A project with `count` services of one endpoint each: 2 × count + 1 entities. */
export function bulkProject(name: string, count: number): ChoreoResource[] {
  const resources: ChoreoResource[] = [project(name)];
  for (let i = 0; i < count; i++) {
    const componentName = `${name}-svc-${i}`;
    resources.push(
      component(componentName, name),
      workload(componentName, name, {
        endpoints: { http: { type: 'HTTP', port: 8080 } },
      }),
    );
  }
  return resources;
}
