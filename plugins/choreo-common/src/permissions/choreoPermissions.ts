import {
  BasicPermission,
  createPermission,
  Permission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CHOREO_RESOURCE_TYPE } from './choreoResourceRef';

/**
 * Choreo permissions act on a `choreo-resource` (see choreoResourceRef): a
 * namespace, project or component, with the environment of a deployment
 * change. It is the plugin's own resource type, so a policy that grants
 * every `catalog-entity` permission to owners grants none of these, and its
 * rules (environment, production, approval, owner, OpenChoreo's roles) are
 * the conditions a policy decides with.
 */
export type ChoreoPermission = ResourcePermission<typeof CHOREO_RESOURCE_TYPE>;

/** Permission names, for policies that match on `permission.name`. */
export const CHOREO_PERMISSION_NAMES = {
  componentRead: 'choreo.component.read',
  buildTrigger: 'choreo.build.trigger',
  releasePromote: 'choreo.release.promote',
  releaseApprove: 'choreo.release.approve',
  releaseRollback: 'choreo.release.rollback',
  releaseManage: 'choreo.release.manage',
  auditRead: 'choreo.audit.read',
  sourcesRead: 'choreo.sources.read',
  projectCreate: 'choreo.project.create',
  componentCreate: 'choreo.component.create',
  workloadUpdate: 'choreo.workload.update',
  environmentCreate: 'choreo.environment.create',
  pipelineCreate: 'choreo.pipeline.create',
} as const;

const resourcePermission = (
  name: string,
  action: 'read' | 'create' | 'update',
): ChoreoPermission =>
  createPermission({
    name,
    attributes: { action },
    resourceType: CHOREO_RESOURCE_TYPE,
  });

/** See a component's (or a project's) deployments, releases, builds and topology. */
export const choreoComponentReadPermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.componentRead,
  'read',
);

/** Start a build (a WorkflowRun) of a component. */
export const choreoBuildTriggerPermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.buildTrigger,
  'create',
);

/** Promote a release into an environment (or ask for it, where approval is needed). */
export const choreoReleasePromotePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.releasePromote,
  'update',
);

/** Approve or reject someone else's change request for an environment. */
export const choreoReleaseApprovePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.releaseApprove,
  'update',
);

/** Bind an older release of a component to an environment. */
export const choreoReleaseRollbackPermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.releaseRollback,
  'update',
);

/** Undeploy, redeploy or restart a component in an environment. */
export const choreoReleaseManagePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.releaseManage,
  'update',
);

/** Read the audit log of every write the plugin made (who did what, when, from where). */
export const choreoAuditReadPermission: BasicPermission = createPermission({
  name: CHOREO_PERMISSION_NAMES.auditRead,
  attributes: { action: 'read' },
});

/** See the details of the sources (paths, server URLs, errors) behind their health. */
export const choreoSourcesReadPermission: BasicPermission = createPermission({
  name: CHOREO_PERMISSION_NAMES.sourcesRead,
  attributes: { action: 'read' },
});

/** Create a project (with its per-environment bindings) in a namespace. */
export const choreoProjectCreatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.projectCreate,
  'create',
);

/** Add a component to a project (the resource: the project, with the component type). */
export const choreoComponentCreatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.componentCreate,
  'create',
);

/** Change a component's Workload, e.g. add a dependency on another endpoint. */
export const choreoWorkloadUpdatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.workloadUpdate,
  'update',
);

/** Create an environment in a namespace. */
export const choreoEnvironmentCreatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.environmentCreate,
  'create',
);

/** Create a deployment pipeline in a namespace. */
export const choreoPipelineCreatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.pipelineCreate,
  'create',
);

/** Every Choreo permission, for registration with the permission framework. */
export const choreoPermissions: readonly Permission[] = [
  choreoComponentReadPermission,
  choreoBuildTriggerPermission,
  choreoReleasePromotePermission,
  choreoReleaseApprovePermission,
  choreoReleaseRollbackPermission,
  choreoReleaseManagePermission,
  choreoAuditReadPermission,
  choreoSourcesReadPermission,
  choreoProjectCreatePermission,
  choreoComponentCreatePermission,
  choreoWorkloadUpdatePermission,
  choreoEnvironmentCreatePermission,
  choreoPipelineCreatePermission,
];

/** The Choreo permissions on a `choreo-resource`. */
export const choreoResourcePermissions: readonly ChoreoPermission[] =
  choreoPermissions.filter(
    (p): p is ChoreoPermission =>
      p.type === 'resource' && p.resourceType === CHOREO_RESOURCE_TYPE,
  );
