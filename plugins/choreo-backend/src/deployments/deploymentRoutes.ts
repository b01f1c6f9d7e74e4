import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { z } from 'zod';
import { choreoComponentReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import { ComponentAuthorizer } from '../permissions/ComponentAuthorizer';
import { DeploymentService } from './DeploymentService';
import { ReadModelCache } from '../shared/ReadModelCache';
import { sendCachedJson } from '../shared/sendCachedJson';
import { ReleaseService } from './ReleaseService';
import {
  callerOf,
  componentParams,
  kubernetesName,
  parse,
} from '../shared/requestContext';

const promoteBody = z.object({ from: kubernetesName, to: kubernetesName });
const rollbackBody = z.object({
  environment: kubernetesName,
  releaseName: kubernetesName,
});
const environmentBody = z.object({ environment: kubernetesName });

/** Deployments, releases and the release mutations of one component. */
export function deploymentRoutes(deps: {
  httpAuth: HttpAuthService;
  authorizer: ComponentAuthorizer;
  deployments: DeploymentService;
  releases: ReleaseService;
  cache: ReadModelCache;
}) {
  const { httpAuth, authorizer, deployments, releases, cache } = deps;
  const router = Router();
  const base = '/components/:namespace/:name';

  router.get(`${base}/deployments`, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    await authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      ref,
      `see the deployments of ${ref.namespace}/${ref.name}`,
    );
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
    const caller = await callerOf(httpAuth, req);
    await authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      ref,
      `see the releases of ${ref.namespace}/${ref.name}`,
    );
    res.json({ items: deployments.releases(ref) });
  });

  router.post(`${base}/promote`, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    const body = parse(promoteBody, req.body, 'request body');
    const result = await releases.promote(ref, body, caller);
    res.status(result.result === 'pending-approval' ? 202 : 200).json(result);
  });

  router.post(`${base}/rollback`, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    const body = parse(rollbackBody, req.body, 'request body');
    res.json(await releases.rollback(ref, body, caller));
  });

  const states = { undeploy: 'Undeploy', redeploy: 'Active' } as const;
  for (const [path, state] of Object.entries(states)) {
    router.post(`${base}/${path}`, async (req, res) => {
      const ref = parse(componentParams, req.params, 'component');
      const caller = await callerOf(httpAuth, req);
      const { environment } = parse(environmentBody, req.body, 'request body');
      res.json(await releases.setState(ref, { environment, state }, caller));
    });
  }

  router.post(`${base}/restart`, async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const caller = await callerOf(httpAuth, req);
    const body = parse(environmentBody, req.body, 'request body');
    res.json(await releases.restart(ref, body, caller));
  });

  return router;
}
