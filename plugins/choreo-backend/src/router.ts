import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  BuildLogSource,
  ChoreoStoreReader,
  FlowSource,
} from '@choreo-for-backstage/plugin-choreo-node';
import express from 'express';
import Router from 'express-promise-router';
import { cellLayoutRoutes } from './cellLayout/cellLayoutRoutes';
import { CellLayoutService } from './cellLayout/CellLayoutService';
import { AuditLog } from './audit/AuditLog';
import { flowRoutes } from './flows/flowRoutes';
import { FlowService } from './flows/FlowService';
import { ComponentAuthorizer } from './permissions/ComponentAuthorizer';
import { approvalRoutes } from './approvals/approvalRoutes';
import { buildLogRoutes } from './builds/buildLogRoutes';
import { buildRoutes } from './builds/buildRoutes';
import { deploymentRoutes } from './deployments/deploymentRoutes';
import { resourceRoutes } from './creation/creationRoutes';
import { topologyRoutes } from './topology/topologyRoutes';
import { callerOf } from './shared/requestContext';
import { ApprovalService } from './approvals/ApprovalService';
import { BuildService } from './builds/BuildService';
import { DeploymentService } from './deployments/DeploymentService';
import { ReadModelCache } from './shared/ReadModelCache';
import { ReleaseService } from './deployments/ReleaseService';
import { ResourceCreationService } from './creation/ResourceCreationService';
import { TopologyService } from './topology/TopologyService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: ChoreoStoreReader;
  authorizer: ComponentAuthorizer;
  audit: AuditLog;
  deployments: DeploymentService;
  releases: ReleaseService;
  resources: ResourceCreationService;
  approvals: ApprovalService;
  topology: TopologyService;
  builds: BuildService;
  cache: ReadModelCache;
  layouts: CellLayoutService;
  /** Read at request time: a module may provide it. */
  logSource: () => BuildLogSource | undefined;
  streamTimeoutMs: number;
  flows: FlowService;
  /** Undefined when choreo.hubble is not set: the flow routes answer 503. */
  flowSource: FlowSource | undefined;
  flowStreamTimeoutMs: number;
  flowStreamBufferSize: number;
}

/** The HTTP API; handlers only parse input and call the services. */
export function createRouter(options: RouterOptions): express.Router {
  const router = Router();
  router.use(cellLayoutRoutes(options));
  router.use(express.json());
  router.use(deploymentRoutes(options));
  router.use(resourceRoutes(options));
  router.use(approvalRoutes(options));
  router.use(topologyRoutes(options));
  router.use(buildRoutes(options));
  router.use(buildLogRoutes(options));
  router.use(
    flowRoutes({
      ...options,
      streamTimeoutMs: options.flowStreamTimeoutMs,
      streamBufferSize: options.flowStreamBufferSize,
    }),
  );

  router.get('/sources', async (req, res) => {
    await callerOf(options.httpAuth, req);
    res.json({ items: options.store.sources() });
  });

  return router;
}
