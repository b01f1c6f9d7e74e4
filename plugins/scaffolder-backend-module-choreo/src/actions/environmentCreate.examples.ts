import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description: "Create a QA environment on the namespace's data plane",
    example: stringify({
      steps: [
        {
          id: 'create-environment',
          action: CHOREO_ACTIONS.environmentCreate,
          name: 'Create the QA environment',
          input: {
            namespace: 'acme',
            name: 'qa',
            displayName: 'QA',
            description: 'Manual testing before staging',
            dataPlane: 'default',
            dataPlaneKind: 'DataPlane',
            isProduction: false,
          },
        },
      ],
    }),
  },
];
