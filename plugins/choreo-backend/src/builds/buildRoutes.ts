import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { z } from 'zod';
import { choreoComponentReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import { ComponentAuthorizer } from '../permissions/ComponentAuthorizer';
import { BuildService } from './BuildService';
import { callerOf, componentParams, parse } from '../shared/requestContext';

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
  .optional();

/** Builds (WorkflowRuns) of one component. */
export function buildRoutes(deps: {
  httpAuth: HttpAuthService;
  authorizer: ComponentAuthorizer;
  builds: BuildService;
}) {
  const { httpAuth, authorizer, builds } = deps;
  const router = Router();
  const base = '/components/:namespace/:name/builds';

  router.get(base, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    await authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      ref,
      `see the builds of ${ref.namespace}/${ref.name}`,
    );
    res.json({ items: builds.builds(ref) });
  });

  router.post(base, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    const body = parse(triggerBody, req.body, 'request body');
    res.status(201).json(await builds.trigger(ref, body ?? {}, caller));
  });

  return router;
}
