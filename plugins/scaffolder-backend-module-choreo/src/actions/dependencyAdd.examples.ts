import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description:
      'Connect a component to an endpoint in its own project (visibility project is worked out)',
    example: stringify({
      steps: [
        {
          id: 'connect',
          action: CHOREO_ACTIONS.dependencyAdd,
          name: 'Let the settlement job call the payment gateway',
          input: {
            component: 'component:acme/settlement-job',
            targetComponent: 'payment-gateway',
            endpoint: 'grpc',
            envBindings: { address: 'PAYMENT_GATEWAY_ADDRESS' },
          },
        },
      ],
    }),
  },
  {
    description: 'Connect a component to an endpoint of another project',
    example: stringify({
      steps: [
        {
          id: 'connect',
          action: CHOREO_ACTIONS.dependencyAdd,
          name: 'Let the route planner call the checkout API',
          input: {
            component: 'component:acme/route-planner',
            targetProject: 'payments',
            targetComponent: 'checkout-api',
            endpoint: 'api',
            visibility: 'namespace',
            envBindings: { host: 'CHECKOUT_HOST', port: 'CHECKOUT_PORT' },
          },
        },
      ],
    }),
  },
];
