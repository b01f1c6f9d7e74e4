import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import express from 'express';
import Router from 'express-promise-router';
import { AuditLog } from './database/AuditLog';
import { BuildLogSource } from './logs/BuildLogSource';
import { ComponentAuthorizer } from './permissions/ComponentAuthorizer';
import { approvalRoutes } from './routes/approvalRoutes';
import { buildLogRoutes } from './routes/buildLogRoutes';
import { buildRoutes } from './routes/buildRoutes';
import { deploymentRoutes } from './routes/deploymentRoutes';
import { topologyRoutes } from './routes/topologyRoutes';
import { callerOf } from './routes/requestContext';
import { ApprovalService } from './service/ApprovalService';
import { BuildService } from './service/BuildService';
import { DeploymentService } from './service/DeploymentService';
import { ReadModelCache } from './service/ReadModelCache';
import { ReleaseService } from './service/ReleaseService';
import { TopologyService } from './service/TopologyService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ComponentAuthorizer;
  audit: AuditLog;
  deployments: DeploymentService;
  releases: ReleaseService;
  approvals: ApprovalService;
  topology: TopologyService;
  builds: BuildService;
  cache: ReadModelCache;
  /** Read at request time: a module may provide it. */
  logSource: () => BuildLogSource | undefined;
  streamTimeoutMs: number;
}

/** The HTTP API; handlers only parse input and call the services. */
export function createRouter(options: RouterOptions): express.Router {
  const router = Router();
  router.use(express.json());
  router.use(deploymentRoutes(options));
  router.use(approvalRoutes(options));
  router.use(topologyRoutes(options));
  router.use(buildRoutes(options));
  router.use(buildLogRoutes(options));

  router.get('/sources', async (req, res) => {
    await callerOf(options.httpAuth, req);
    res.json({ items: options.store.sources() });
  });

  return router;
}
