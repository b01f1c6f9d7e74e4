import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description: "Create a project on the namespace's default pipeline",
    example: stringify({
      steps: [
        {
          id: 'create-project',
          action: CHOREO_ACTIONS.projectCreate,
          name: 'Create the Billing project',
          input: {
            namespace: 'acme',
            name: 'billing',
            displayName: 'Billing',
            description: 'Invoices and dunning',
            owner: 'group:default/payments-team',
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a project on a pipeline picked in the catalog, with an explicit project type',
    example: stringify({
      steps: [
        {
          id: 'create-project',
          action: CHOREO_ACTIONS.projectCreate,
          name: 'Create the Marketing project',
          input: {
            namespace: 'acme',
            name: 'marketing',
            deploymentPipeline: 'resource:acme/default-pipeline',
            projectType: { kind: 'ClusterProjectType', name: 'default' },
          },
        },
      ],
    }),
  },
];
