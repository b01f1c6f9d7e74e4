import { componentManifests } from './componentManifests';

const base = {
  project: 'payments',
  name: 'fraud-check',
  displayName: 'Fraud check',
  owner: 'group:default/payments-team',
  componentType: {
    kind: 'ClusterComponentType' as const,
    name: 'deployment/service',
  },
};

describe('componentManifests', () => {
  it('builds the Component and its Workload from an image, with endpoints and dependencies', () => {
    const { component, workload } = componentManifests('acme', {
      ...base,
      autoDeploy: true,
      parameters: { replicas: 2 },
      source: { image: 'registry.example/fraud-check:1.0.0' },
      endpoints: [
        {
          name: 'api',
          type: 'HTTP',
          port: 8080,
          visibility: ['namespace', 'namespace', 'external'],
          basePath: '/fraud',
        },
        { name: 'grpc', type: 'gRPC', port: 9090 },
      ],
      dependencies: [
        {
          component: 'ledger-service',
          name: 'grpc',
          visibility: 'project',
          envBindings: { address: 'LEDGER_ADDR', host: '' },
        },
        {
          project: 'logistics',
          component: 'shipping-api',
          name: 'api',
          visibility: 'namespace',
        },
      ],
    });
    expect(component).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'fraud-check',
        namespace: 'acme',
        annotations: {
          'openchoreo.dev/display-name': 'Fraud check',
          'backstage.io/owner': 'group:default/payments-team',
        },
      },
      spec: {
        owner: { projectName: 'payments' },
        componentType: {
          kind: 'ClusterComponentType',
          name: 'deployment/service',
        },
        autoDeploy: true,
        parameters: { replicas: 2 },
      },
    });
    expect(workload).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'Workload',
      metadata: { name: 'fraud-check-workload', namespace: 'acme' },
      spec: {
        owner: { projectName: 'payments', componentName: 'fraud-check' },
        container: { image: 'registry.example/fraud-check:1.0.0' },
        endpoints: {
          api: {
            type: 'HTTP',
            port: 8080,
            visibility: ['namespace', 'external'],
            basePath: '/fraud',
          },
          grpc: { type: 'gRPC', port: 9090 },
        },
        dependencies: {
          endpoints: [
            {
              component: 'ledger-service',
              name: 'grpc',
              visibility: 'project',
              envBindings: { address: 'LEDGER_ADDR' },
            },
            {
              project: 'logistics',
              component: 'shipping-api',
              name: 'api',
              visibility: 'namespace',
              envBindings: {},
            },
          ],
        },
      },
    });
  });

  it('builds only the Component from source, with the workflow and the parameters it is given', () => {
    const { component, workload } = componentManifests(
      'acme',
      {
        ...base,
        source: {
          repository: { url: 'https://github.com/acme/fraud', branch: 'dev' },
          workflow: { name: 'dockerfile-builder', parameters: { x: 1 } },
        },
      },
      {
        workflowParameters: {
          repository: { url: 'https://github.com/acme/fraud' },
        },
      },
    );
    expect(workload).toBeUndefined();
    expect(component.spec.workflow).toEqual({
      kind: 'ClusterWorkflow',
      name: 'dockerfile-builder',
      parameters: { repository: { url: 'https://github.com/acme/fraud' } },
    });
    expect(component.spec.autoDeploy).toBeUndefined();
  });
});
