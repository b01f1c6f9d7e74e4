import { CHOREO_PERMISSION_NAMES } from './choreoPermissions';
import { ChoreoResourceScope } from './choreoResourceRef';

/**
 * Actions the portal adds to OpenChoreo's: OpenChoreo has no approval and no
 * audit log, so roles grant these like any other action (a role with `*`
 * grants them too). `releasebinding:approve` may carry conditions on
 * `resource.environment`, like the other ReleaseBinding actions.
 */
export const PORTAL_ACTIONS = {
  approve: 'releasebinding:approve',
  auditView: 'auditlog:view',
  sourcesView: 'sourcehealth:view',
} as const;

/** What the permission is asked about, beyond its scope. */
export interface ActionFacts {
  /** For deployment changes: whether the environment already has a ReleaseBinding. */
  bindingExists?: boolean;
}

/**
 * The OpenChoreo action a Choreo permission stands for on a scope, as
 * openchoreo-api would check it for the same change: reading a component is
 * `component:view`, promoting into an environment updates (or creates) its
 * ReleaseBinding, creating a component is `component:create` in its project.
 * Undefined for names that are not Choreo permissions.
 */
export function openChoreoActionFor(
  permissionName: string,
  scope?: Pick<ChoreoResourceScope, 'project' | 'component'>,
  facts: ActionFacts = {},
): string | undefined {
  const binding =
    facts.bindingExists === false
      ? 'releasebinding:create'
      : 'releasebinding:update';
  switch (permissionName) {
    case CHOREO_PERMISSION_NAMES.componentRead:
      if (scope?.component) return 'component:view';
      return scope?.project ? 'project:view' : 'namespace:view';
    case CHOREO_PERMISSION_NAMES.buildTrigger:
      return 'workflowrun:create';
    case CHOREO_PERMISSION_NAMES.releasePromote:
    case CHOREO_PERMISSION_NAMES.releaseRollback:
    case CHOREO_PERMISSION_NAMES.releaseManage:
      return binding;
    case CHOREO_PERMISSION_NAMES.releaseApprove:
      return PORTAL_ACTIONS.approve;
    case CHOREO_PERMISSION_NAMES.auditRead:
      return PORTAL_ACTIONS.auditView;
    case CHOREO_PERMISSION_NAMES.sourcesRead:
      return PORTAL_ACTIONS.sourcesView;
    case CHOREO_PERMISSION_NAMES.projectCreate:
      return 'project:create';
    case CHOREO_PERMISSION_NAMES.componentCreate:
      return 'component:create';
    case CHOREO_PERMISSION_NAMES.workloadUpdate:
      return 'workload:update';
    case CHOREO_PERMISSION_NAMES.environmentCreate:
      return 'environment:create';
    case CHOREO_PERMISSION_NAMES.pipelineCreate:
      return 'deploymentpipeline:create';
    default:
      return undefined;
  }
}
