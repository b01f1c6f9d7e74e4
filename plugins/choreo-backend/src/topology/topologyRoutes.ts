import { HttpAuthService } from '@backstage/backend-plugin-api';
import { choreoComponentReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { projectScope } from '../permissions/scopes';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReadModelCache } from '../shared/ReadModelCache';
import { sendCachedJson } from '../shared/sendCachedJson';
import { TopologyService } from './TopologyService';
import { kubernetesName, parse } from '../shared/requestContext';

const projectParams = z.object({
  namespace: kubernetesName,
  name: kubernetesName,
});
/** Without an environment: the first of the project's pipeline. */
const topologyQuery = z.object({ environment: kubernetesName.optional() });

/** The cell of a project in one environment. */
export function topologyRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  topology: TopologyService;
  cache: ReadModelCache;
}) {
  const router = Router();
  router.get('/projects/:namespace/:name/topology', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req);
    const { namespace, name } = parse(projectParams, req.params, 'project');
    const query = parse(topologyQuery, req.query, 'query');
    await deps.authorizer.authorize(
      credentials,
      choreoComponentReadPermission,
      projectScope(deps.store, { namespace, name }),
      `see the cell topology of ${namespace}/${name}`,
    );
    const environment = deps.topology.environmentOf(
      { namespace, project: name },
      query.environment,
    );
    sendCachedJson(
      req,
      res,
      deps.cache.json(namespace, `topology/${name}/${environment}`, () =>
        deps.topology.topology({ namespace, project: name }, environment),
      ),
    );
  });
  return router;
}
