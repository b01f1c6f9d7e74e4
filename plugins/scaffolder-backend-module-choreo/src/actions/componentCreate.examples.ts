import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description:
      'Create a service from a prebuilt image, with an endpoint and a dependency (Component and Workload, all or nothing)',
    example: stringify({
      steps: [
        {
          id: 'create-component',
          action: CHOREO_ACTIONS.componentCreate,
          name: 'Create the invoice service',
          input: {
            project: 'system:acme/payments',
            name: 'invoice-service',
            displayName: 'Invoice service',
            description: 'Renders and stores invoices',
            componentType: {
              kind: 'ClusterComponentType',
              name: 'deployment/service',
            },
            parameters: { replicas: 2 },
            image: 'registry.acme.example/acme/payments/invoice-service:1.0.0',
            endpoints: [
              {
                name: 'api',
                type: 'HTTP',
                port: 8080,
                visibility: ['project', 'namespace'],
                basePath: '/invoices',
              },
            ],
            dependencies: [
              {
                component: 'ledger-service',
                name: 'grpc',
                visibility: 'project',
                envBindings: { address: 'LEDGER_ADDRESS' },
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a scheduled task built from source (the first build publishes its Workload); what the generated component-type templates send',
    example: stringify({
      steps: [
        {
          id: 'create-component',
          action: CHOREO_ACTIONS.componentCreate,
          name: 'Create the reconciliation job',
          input: {
            namespace: 'acme',
            project: 'system:acme/payments',
            name: 'reconciliation-job',
            displayName: 'Reconciliation job',
            description: '',
            componentType: {
              kind: 'ClusterComponentType',
              name: 'cronjob/scheduled-task',
            },
            parameters: { schedule: '30 2 * * *' },
            workflow: 'dockerfile-builder',
            repository: {
              url: 'https://github.com/acme-sample/payments',
              branch: 'main',
              appPath: '/reconciliation-job',
            },
          },
        },
      ],
    }),
  },
];
