import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description: 'Run the release production runs again in staging',
    example: stringify({
      steps: [
        {
          id: 'rollback',
          action: CHOREO_ACTIONS.releaseRollback,
          name: 'Roll back the checkout API in staging',
          input: {
            component: 'component:acme/checkout-api',
            environment: 'staging',
            releaseName: 'checkout-api-7d5f99cd94',
          },
        },
      ],
    }),
  },
  {
    description:
      'Roll back in the first environment (the task log warns that autoDeploy would undo it)',
    example: stringify({
      steps: [
        {
          id: 'rollback',
          action: CHOREO_ACTIONS.releaseRollback,
          name: 'Roll back the cart service in development',
          input: {
            component: 'component:acme/cart-service',
            environment: 'resource:acme/development',
            releaseName: 'cart-service-6cff9cb6b8',
          },
        },
      ],
    }),
  },
];
