/**
 * Backend plugin of Choreo for Backstage: the HTTP API of the entity pages
 * (deployments, promotions with approval, audit, builds, cell topology).
 *
 * @packageDocumentation
 */
export { choreoPlugin as default } from './plugin';
export { ReleaseService } from './service/ReleaseService';
export type { ReleaseServiceOptions } from './service/ReleaseService';
export { DeploymentService } from './service/DeploymentService';
export { ApprovalService } from './service/ApprovalService';
export type { ApprovalResult } from './service/ApprovalService';
export type { Caller } from './service/AuditedAction';
export { AuditLog } from './database/AuditLog';
export type { RequestOrigin } from './database/AuditLog';
export { PromotionRequestStore } from './database/PromotionRequestStore';
export { ComponentAuthorizer } from './permissions/ComponentAuthorizer';
export { BuildService } from './service/BuildService';
export { TopologyService } from './service/TopologyService';
export { choreoBuildLogsExtensionPoint } from './logs/BuildLogSource';
export type {
  BuildLogLine,
  BuildLogRequest,
  BuildLogSource,
  ChoreoBuildLogsExtensionPoint,
} from './logs/BuildLogSource';
