import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import Router from 'express-promise-router';
import { callerOf } from '../shared/caller';
import { accessOverview } from './accessOverview';

/**
 * `GET /access`: who may do what, as OpenChoreo's roles and bindings say,
 * for everyone signed in: a person told "you may not" should be able to
 * see which role would allow it and who holds it.
 */
export function accessRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
}) {
  const router = Router();
  router.get('/access', async (req, res) => {
    await callerOf(deps.httpAuth, req);
    res.json(accessOverview(deps.store));
  });
  return router;
}
