import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description: "Build the head of the component's branch",
    example: stringify({
      steps: [
        {
          id: 'build',
          action: CHOREO_ACTIONS.buildTrigger,
          name: 'Build the checkout API',
          input: { component: 'component:acme/checkout-api' },
        },
      ],
    }),
  },
  {
    description: 'Build one commit',
    example: stringify({
      steps: [
        {
          id: 'build',
          action: CHOREO_ACTIONS.buildTrigger,
          name: 'Build the checkout API at a commit',
          input: {
            component: 'checkout-api',
            namespace: 'acme',
            commit: '9c3a61e0f7b28185db01122c5a789951e4265009',
          },
        },
      ],
    }),
  },
];
