import { ComponentBuilds } from '@choreo-for-backstage/plugin-choreo-common';

// Shaped like the backend's answer for examples/acme storefront/cart-service
// (WorkflowRuns of the dockerfile-builder ClusterWorkflow).

export const FINISHED_RUN = 'cart-service-run-f650dff7';
export const RUNNING_RUN = 'cart-service-run-9a41c3d2';

export function cartServiceBuilds(): ComponentBuilds {
  return {
    trigger: { possible: true },
    items: [
      {
        name: RUNNING_RUN,
        namespace: 'acme',
        workflow: 'dockerfile-builder',
        createdAt: '2026-08-24T09:10:00Z',
        startedAt: '2026-08-24T09:10:02Z',
        status: {
          state: 'progressing',
          reason: 'WorkflowRunning',
          message: 'Building: step build-step is running',
        },
        commit: '3f9d2a7c5b1e4d6f8a0b2c4d6e8f0a1b3c5d7e9f',
        branch: 'main',
        tasks: [
          { name: 'clone-step', phase: 'Succeeded', durationSeconds: 18 },
          { name: 'build-step', phase: 'Running' },
          { name: 'push-step', phase: 'Pending' },
        ],
      },
      {
        name: FINISHED_RUN,
        namespace: 'acme',
        workflow: 'dockerfile-builder',
        createdAt: '2026-08-10T07:11:58Z',
        startedAt: '2026-08-10T07:12:00Z',
        completedAt: '2026-08-10T07:15:53Z',
        durationSeconds: 233,
        status: {
          state: 'ready',
          reason: 'WorkflowSucceeded',
          message: 'Build succeeded',
        },
        commit: '77c2e0b1f4aaeed0c625625a367367ae81298c95',
        branch: 'main',
        tasks: [
          { name: 'clone-step', phase: 'Succeeded', durationSeconds: 18 },
          { name: 'build-step', phase: 'Succeeded', durationSeconds: 162 },
          { name: 'push-step', phase: 'Succeeded', durationSeconds: 43 },
        ],
      },
      {
        name: 'cart-service-run-0c7e21b5',
        namespace: 'acme',
        workflow: 'dockerfile-builder',
        createdAt: '2026-08-03T15:02:11Z',
        startedAt: '2026-08-03T15:02:13Z',
        completedAt: '2026-08-03T15:04:40Z',
        durationSeconds: 147,
        status: {
          state: 'failed',
          reason: 'WorkflowFailed',
          message: "Build failed in step 'build-step': Error (exit code 1)",
        },
        commit: 'c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0',
        branch: 'main',
        tasks: [
          { name: 'clone-step', phase: 'Succeeded', durationSeconds: 17 },
          {
            name: 'build-step',
            phase: 'Failed',
            durationSeconds: 120,
            message: 'Error (exit code 1)',
          },
        ],
      },
    ],
  };
}

export const line = (task: string, text: string) => ({
  event: 'line',
  data: { task, container: 'main', time: '2026-08-10T07:12:05Z', text },
});
