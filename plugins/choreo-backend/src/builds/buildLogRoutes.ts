import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  choreoComponentReadPermission,
  summarizeWorkflowRun,
} from '@choreo-for-backstage/plugin-choreo-common';
import { sendEventStream } from '../streams/eventStream';
import {
  BuildLogSource,
  ChoreoStoreReader,
} from '@choreo-for-backstage/plugin-choreo-node';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { componentScope } from '../permissions/scopes';
import { actorOf, callerOf } from '../shared/caller';
import { StreamLimiter } from '../streams/StreamLimiter';
import { BuildService } from './BuildService';
import {
  componentParams,
  kubernetesName,
  parse,
} from '../shared/requestContext';

const runParams = componentParams.extend({ run: kubernetesName });
const logsQuery = z.object({
  task: z.string().min(1).max(253).optional(),
  follow: z.enum(['true', 'false']).optional(),
});

/**
 * Build logs as server-sent events: `line` events, then one `end` event
 * (`complete`, `timeout` or `error`). Live while the run is going.
 */
export function buildLogRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  builds: BuildService;
  logSource: () => BuildLogSource | undefined;
  streams: StreamLimiter;
  streamTimeoutMs: number;
}) {
  const router = Router();
  router.get(
    '/components/:namespace/:name/builds/:run/logs',
    async (req, res) => {
      const { run: runName, ...ref } = parse(runParams, req.params, 'build');
      const query = parse(logsQuery, req.query, 'query');
      const caller = await callerOf(deps.httpAuth, req);
      await deps.authorizer.authorize(
        caller.credentials,
        choreoComponentReadPermission,
        componentScope(deps.store, ref),
        `see the builds of ${ref.namespace}/${ref.name}`,
      );
      const run = deps.builds.run(ref, runName);
      const running = summarizeWorkflowRun(run).state === 'progressing';
      const tasks = run.status?.tasks?.map(t => t.name) ?? [];
      if (query.task && !running && !tasks.includes(query.task)) {
        throw new NotFoundError(
          `Build '${runName}' has no step '${query.task}'; its steps are ${
            tasks.join(', ') || 'not known'
          }`,
        );
      }
      const source = deps.logSource();
      if (!source) {
        throw new ServiceUnavailableError(
          'Build logs need access to the workflow plane, where the Argo build pods run: set choreo.workflowPlane (source: <a kubernetes source>, or a kubeconfig/url of its own)',
        );
      }
      const follow = query.follow ? query.follow === 'true' : running;
      const release = deps.streams.acquire(actorOf(caller.credentials));
      try {
        await sendEventStream(
          res,
          signal => source.read({ run, task: query.task, follow, signal }),
          { event: 'line', timeoutMs: deps.streamTimeoutMs },
        );
      } finally {
        release();
      }
    },
  );
  return router;
}
