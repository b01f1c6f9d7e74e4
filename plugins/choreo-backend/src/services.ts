import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { AUTHZ_KINDS } from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  ChoreoStoreService,
} from '@choreo-for-backstage/plugin-choreo-node';
import { Knex } from 'knex';
import { ApprovalConfig } from './approvals/approvalConfig';
import { ChangeGate } from './approvals/ChangeGate';
import { ChangeRequestStore } from './approvals/ChangeRequestStore';
import { AuditLog } from './audit/AuditLog';
import { BuildService } from './builds/BuildService';
import { CellLayoutService } from './cellLayout/CellLayoutService';
import { ResourceCreationService } from './creation/ResourceCreationService';
import { loadComponentContext } from './deployments/ComponentContext';
import { DeploymentService } from './deployments/DeploymentService';
import { ReleaseService } from './deployments/ReleaseService';
import { FlowService } from './flows/FlowService';
import { ChoreoAuthorizer } from './permissions/ChoreoAuthorizer';
import { readDecisionTtlMs } from './permissions/readDecisionTtl';
import { IdempotencyKeys } from './shared/IdempotencyKeys';
import { ReadModelCache } from './shared/ReadModelCache';
import { DEFAULT_STREAM_LIMITS, StreamLimiter } from './streams/StreamLimiter';
import { TopologyService } from './topology/TopologyService';

/** Every service of the plugin, wired once; the router and the scheduled sweep use them. */
export function createChoreoServices(deps: {
  config: Config;
  logger: LoggerService;
  permissions: PermissionsService;
  store: ChoreoStoreReader & Pick<ChoreoStoreService, 'writerFor'>;
  db: Knex;
  approvals: ApprovalConfig;
}) {
  const { config, logger, permissions, store, db, approvals } = deps;
  const audit = { audit: new AuditLog(db), logger };
  const authorizer = new ChoreoAuthorizer(permissions, {
    readDecisionTtlMs: readDecisionTtlMs(config),
  });
  // a role or binding changed: reads are decided afresh at once
  store.subscribe(event => {
    if (event.changes.some(c => AUTHZ_KINDS.has(c.resource.kind))) {
      authorizer.forgetDecisions();
    }
  });
  const requests = new ChangeRequestStore(db);
  const gate = new ChangeGate({
    requests,
    config: approvals,
    authorizer,
    audit,
    logger,
    context: ref => loadComponentContext(store, ref, approvals),
    writerFor: namespace => store.writerFor(namespace),
  });
  const cache = new ReadModelCache(store);
  const topology = new TopologyService(store, cache);
  return {
    audit: audit.audit,
    authorizer,
    requests,
    gate,
    idempotency: new IdempotencyKeys(db),
    deployments: new DeploymentService(store, approvals),
    releases: new ReleaseService({ store, authorizer, audit, approvals, gate }),
    resources: new ResourceCreationService({
      store,
      authorizer,
      audit,
      approvals,
    }),
    builds: new BuildService({ store, authorizer, audit }),
    cache,
    topology,
    flows: new FlowService(store, topology),
    layouts: new CellLayoutService(),
    streams: new StreamLimiter({
      perCaller:
        config.getOptionalNumber('choreo.streams.maxPerUser') ??
        DEFAULT_STREAM_LIMITS.perCaller,
      total:
        config.getOptionalNumber('choreo.streams.maxTotal') ??
        DEFAULT_STREAM_LIMITS.total,
    }),
  };
}
