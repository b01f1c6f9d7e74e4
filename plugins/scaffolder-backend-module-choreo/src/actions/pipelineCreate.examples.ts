import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description: 'Create a pipeline from environments in promotion order',
    example: stringify({
      steps: [
        {
          id: 'create-pipeline',
          action: CHOREO_ACTIONS.pipelineCreate,
          name: 'Create a fast-track pipeline',
          input: {
            namespace: 'acme',
            name: 'fast-track',
            displayName: 'Fast track',
            environments: ['development', 'production'],
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a pipeline with a branching promotion graph, environments picked in the catalog',
    example: stringify({
      steps: [
        {
          id: 'create-pipeline',
          action: CHOREO_ACTIONS.pipelineCreate,
          name: 'Create a pipeline that fans out',
          input: {
            namespace: 'acme',
            name: 'fan-out',
            promotionPaths: [
              {
                sourceEnvironment: 'resource:acme/development',
                targets: ['resource:acme/staging', 'resource:acme/production'],
              },
            ],
          },
        },
      ],
    }),
  },
];
