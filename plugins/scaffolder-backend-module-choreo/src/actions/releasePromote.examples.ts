import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';

// Names are those of the Acme sample organization (examples/acme), so the
// examples test runs every one of them against a real choreo backend.
export const examples: TemplateExample[] = [
  {
    description: 'Promote from development to staging',
    example: stringify({
      steps: [
        {
          id: 'promote',
          action: CHOREO_ACTIONS.releasePromote,
          name: 'Promote the route planner to staging',
          input: {
            component: 'component:acme/route-planner',
            from: 'development',
            to: 'staging',
          },
        },
      ],
    }),
  },
  {
    description:
      "Promote into production, which needs someone else's approval: wait for it (up to two hours) instead of failing",
    example: stringify({
      steps: [
        {
          id: 'promote',
          action: CHOREO_ACTIONS.releasePromote,
          name: 'Promote the route planner to production',
          input: {
            component: 'component:acme/route-planner',
            from: 'resource:acme/staging',
            to: 'resource:acme/production',
            waitForApproval: true,
            approvalTimeoutMinutes: 120,
          },
        },
      ],
    }),
  },
];
