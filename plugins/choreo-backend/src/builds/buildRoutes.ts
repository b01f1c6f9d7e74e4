import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { z } from 'zod';
import { choreoComponentReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { componentScope } from '../permissions/scopes';
import { callerOf } from '../shared/caller';
import { IdempotencyKeys } from '../shared/IdempotencyKeys';
import { componentParams, parse } from '../shared/requestContext';
import { BuildService } from './BuildService';

const triggerBody = z
  .object({
    commit: z
      .string()
      .regex(
        /^[0-9a-f]{7,40}$/,
        'must be a git commit SHA (7 to 40 hex digits)',
      )
      .optional(),
  })
  .strict()
  .optional();

/** Builds (WorkflowRuns) of one component. */
export function buildRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  builds: BuildService;
  idempotency: IdempotencyKeys;
}) {
  const { httpAuth, authorizer, builds, idempotency } = deps;
  const router = Router();
  const base = '/components/:namespace/:name/builds';

  router.get(base, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    await authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      componentScope(deps.store, ref),
      `see the builds of ${ref.namespace}/${ref.name}`,
    );
    res.json({
      items: builds.builds(ref),
      trigger: builds.triggerState(ref),
    });
  });

  router.post(base, async (req, res) => {
    // who asks comes first: a service is refused (403) whatever the input
    const caller = await callerOf(httpAuth, req, { write: true });
    const ref = parse(componentParams, req.params, 'component');
    const body = parse(triggerBody, req.body, 'request body');
    await idempotency.respond(req, res, caller, async () => ({
      status: 201,
      body: await builds.trigger(ref, body ?? {}, caller),
    }));
  });

  return router;
}
