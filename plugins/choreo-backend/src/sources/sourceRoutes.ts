import { HttpAuthService } from '@backstage/backend-plugin-api';
import { choreoSourcesReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  ChoreoStoreService,
} from '@choreo-for-backstage/plugin-choreo-node';
import Router from 'express-promise-router';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { callerOf } from '../shared/caller';
import { publicSourceStatus } from './sourceHealth';

/**
 * `GET /sources`: healthy, stale or failing, and what to do, for everyone
 * signed in; the sources' own messages (paths, server URLs, parser errors)
 * only for those with `choreo.sources.read`.
 *
 * `POST /sources/:name/sync`: fetch a source that follows a Git remote now
 * (e.g. right after a push outside the portal), for the same people.
 */
export function sourceRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader & Pick<ChoreoStoreService, 'syncSource'>;
  authorizer: ChoreoAuthorizer;
}) {
  const router = Router();
  router.get('/sources', async (req, res) => {
    const { credentials } = await callerOf(deps.httpAuth, req);
    const details = await deps.authorizer.allowedBasic(
      credentials,
      choreoSourcesReadPermission,
    );
    res.json({
      items: deps.store.sources().map(s => publicSourceStatus(s, details)),
    });
  });
  router.post('/sources/:name/sync', async (req, res) => {
    const { credentials } = await callerOf(deps.httpAuth, req);
    await deps.authorizer.authorizeBasic(
      credentials,
      choreoSourcesReadPermission,
      'fetch a Choreo source',
    );
    res.json(await deps.store.syncSource(req.params.name));
  });
  return router;
}
