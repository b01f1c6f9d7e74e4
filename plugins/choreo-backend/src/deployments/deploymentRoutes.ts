import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  ChangeResponse,
  ComponentRef,
  choreoComponentReadPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { Caller, callerOf } from '../shared/caller';
import { IdempotencyKeys } from '../shared/IdempotencyKeys';
import { ReadModelCache } from '../shared/ReadModelCache';
import {
  componentParams,
  kubernetesName,
  parse,
} from '../shared/requestContext';
import { sendCachedJson } from '../shared/sendCachedJson';
import { DeploymentService } from './DeploymentService';
import { ReleaseService } from './ReleaseService';

/** The user confirmed taking over fields another manager owns (a 409 with code FieldOwnership named them). */
const takeOver = z.boolean().optional();
const promoteBody = z
  .object({ from: kubernetesName, to: kubernetesName, takeOver })
  .strict();
const rollbackBody = z
  .object({
    environment: kubernetesName,
    releaseName: kubernetesName,
    takeOver,
  })
  .strict();
const environmentBody = z
  .object({ environment: kubernetesName, takeOver })
  .strict();

/** Deployments, releases and the changes to what runs, of one component. */
export function deploymentRoutes(deps: {
  httpAuth: HttpAuthService;
  authorizer: ChoreoAuthorizer;
  deployments: DeploymentService;
  releases: ReleaseService;
  cache: ReadModelCache;
  idempotency: IdempotencyKeys;
}) {
  const { httpAuth, authorizer, deployments, releases, cache, idempotency } =
    deps;
  const router = Router();
  const base = '/components/:namespace/:name';

  const authorizeRead = async (
    req: Request,
    ref: ComponentRef,
    what: string,
  ) => {
    const caller = await callerOf(httpAuth, req);
    await authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      deployments.scopeOf(ref),
      `see the ${what} of ${ref.namespace}/${ref.name}`,
    );
  };

  router.get(`${base}/deployments`, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    await authorizeRead(req, ref, 'deployments');
    sendCachedJson(
      req,
      res,
      cache.json(ref.namespace, `deployments/${ref.name}`, () =>
        deployments.deployments(ref),
      ),
    );
  });

  router.get(`${base}/releases`, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    await authorizeRead(req, ref, 'releases');
    res.json({ items: deployments.releases(ref) });
  });

  /** 200 with the write, or 202 with a change request waiting for approval. */
  const change = <T>(
    path: string,
    body: z.ZodType<T>,
    run: (
      ref: ComponentRef,
      input: T,
      caller: Caller,
    ) => Promise<ChangeResponse>,
  ) =>
    router.post(`${base}/${path}`, async (req, res) => {
      // who asks comes first: a service is refused (403) whatever the input
      const caller = await callerOf(httpAuth, req, { write: true });
      const ref = parse(componentParams, req.params, 'component');
      const input = parse(body, req.body, 'request body');
      await idempotency.respond(req, res, caller, async () => {
        const response = await run(ref, input, caller);
        return {
          status: response.result === 'pending-approval' ? 202 : 200,
          body: response,
        };
      });
    });

  change('promote', promoteBody, (ref, input, caller) =>
    releases.promote(ref, input, caller),
  );
  change('rollback', rollbackBody, (ref, input, caller) =>
    releases.rollback(ref, input, caller),
  );
  change('undeploy', environmentBody, (ref, input, caller) =>
    releases.setState(ref, { ...input, state: 'Undeploy' }, caller),
  );
  change('redeploy', environmentBody, (ref, input, caller) =>
    releases.setState(ref, { ...input, state: 'Active' }, caller),
  );
  change('restart', environmentBody, (ref, input, caller) =>
    releases.restart(ref, input, caller),
  );

  return router;
}
