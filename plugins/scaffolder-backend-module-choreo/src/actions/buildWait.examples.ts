import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description:
      'Follow a build to its end, with its log lines in the task log (in a template: runName: ${{ steps.build.output.runName }})',
    example: stringify({
      steps: [
        {
          id: 'wait',
          action: CHOREO_ACTIONS.buildWait,
          name: 'Wait for the build',
          input: {
            component: 'component:acme/checkout-api',
            runName: 'checkout-api-run-8f35f003',
            timeoutMinutes: 20,
          },
        },
      ],
    }),
  },
];
