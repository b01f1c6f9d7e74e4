import {
  ChoreoResourceScope,
  ComponentDeployments,
  EnvironmentDeployment,
  choreoReleaseApprovePermission,
  choreoReleaseManagePermission,
  choreoReleaseRollbackPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoPermissionState, useChoreoPermission } from '../shared';

/** The component in one environment, as permissions are decided. */
export function laneScope(
  d: ComponentDeployments,
  environment: string,
): ChoreoResourceScope {
  return {
    namespace: d.component.namespace,
    project: d.component.project,
    component: d.component.name,
    environment,
  };
}

export interface LanePermissions {
  rollback: ChoreoPermissionState;
  manage: ChoreoPermissionState;
  approve: ChoreoPermissionState;
}

/**
 * What the user may do in this lane's environment: policies decide per
 * environment ("owners roll back in development, only approvers touch
 * production"). Promotions are decided for their target (PromoteButton).
 */
export function useLanePermissions(
  d: ComponentDeployments,
  lane: EnvironmentDeployment,
): LanePermissions {
  const env = lane.environment;
  const scope = laneScope(d, env);
  const facts = { bindingExists: !!lane.bindingName };
  return {
    rollback: useChoreoPermission(
      choreoReleaseRollbackPermission,
      scope,
      `roll back in ${env}`,
      facts,
    ),
    manage: useChoreoPermission(
      choreoReleaseManagePermission,
      scope,
      `restart, undeploy or redeploy in ${env}`,
      facts,
    ),
    approve: useChoreoPermission(
      choreoReleaseApprovePermission,
      scope,
      `approve or reject changes in ${env}`,
    ),
  };
}
