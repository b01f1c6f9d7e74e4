import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  BuildLogSource,
  ChoreoStoreReader,
  ChoreoStoreService,
  FlowSource,
} from '@choreo-for-backstage/plugin-choreo-node';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { accessRoutes } from './access/accessRoutes';
import { approvalRoutes } from './approvals/approvalRoutes';
import { ChangeGate } from './approvals/ChangeGate';
import { ChangeRequestStore } from './approvals/ChangeRequestStore';
import { AuditLog } from './audit/AuditLog';
import { buildLogRoutes } from './builds/buildLogRoutes';
import { buildRoutes } from './builds/buildRoutes';
import { BuildService } from './builds/BuildService';
import { cellLayoutRoutes } from './cellLayout/cellLayoutRoutes';
import { CellLayoutService } from './cellLayout/CellLayoutService';
import { creationRoutes } from './creation/creationRoutes';
import { ResourceCreationService } from './creation/ResourceCreationService';
import { deploymentRoutes } from './deployments/deploymentRoutes';
import { DeploymentService } from './deployments/DeploymentService';
import { ReleaseService } from './deployments/ReleaseService';
import { flowRoutes } from './flows/flowRoutes';
import { FlowService } from './flows/FlowService';
import { ChoreoAuthorizer } from './permissions/ChoreoAuthorizer';
import { IdempotencyKeys } from './shared/IdempotencyKeys';
import { toPublicError } from './shared/publicErrors';
import { malformedRequestAsInputError } from './shared/requestContext';
import { ReadModelCache } from './shared/ReadModelCache';
import { sourceRoutes } from './sources/sourceRoutes';
import { StreamLimiter } from './streams/StreamLimiter';
import { topologyRoutes } from './topology/topologyRoutes';
import { TopologyService } from './topology/TopologyService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  store: ChoreoStoreReader & Pick<ChoreoStoreService, 'syncSource'>;
  authorizer: ChoreoAuthorizer;
  audit: AuditLog;
  idempotency: IdempotencyKeys;
  deployments: DeploymentService;
  releases: ReleaseService;
  resources: ResourceCreationService;
  gate: ChangeGate;
  requests: ChangeRequestStore;
  topology: TopologyService;
  builds: BuildService;
  cache: ReadModelCache;
  layouts: CellLayoutService;
  streams: StreamLimiter;
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
  router.use(creationRoutes(options));
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
  router.use(sourceRoutes(options));
  router.use(accessRoutes(options));

  // Callers get plain messages; paths, server URLs and stderr go to the log.
  router.use(
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      const plain = toPublicError(
        malformedRequestAsInputError(error),
        options.logger,
      );
      if (plain.name !== 'TooManyRequestsError') {
        next(plain);
        return;
      }
      res.status(429).json({
        error: { name: plain.name, message: plain.message },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 429 },
      });
    },
  );
  return router;
}
