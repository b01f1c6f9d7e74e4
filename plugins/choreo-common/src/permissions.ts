import {
  BasicPermission,
  createPermission,
  Permission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Choreo permissions act on the component's catalog entity
 * (`component:<choreo namespace>/<component name>`). Using the catalog's
 * resource type lets a policy use the catalog's own conditions, for example
 * `catalogConditions.isEntityOwner`, through `createCatalogConditionalDecision`:
 * "owners may promote to staging; only the release group approves production".
 */
export const CHOREO_PERMISSION_RESOURCE_TYPE = 'catalog-entity';

export type ChoreoPermission = ResourcePermission<
  typeof CHOREO_PERMISSION_RESOURCE_TYPE
>;

/** Permission names, for policies that match on `permission.name`. */
export const CHOREO_PERMISSION_NAMES = {
  componentRead: 'choreo.component.read',
  buildTrigger: 'choreo.build.trigger',
  releasePromote: 'choreo.release.promote',
  releaseApprove: 'choreo.release.approve',
  releaseRollback: 'choreo.release.rollback',
  releaseManage: 'choreo.release.manage',
  auditRead: 'choreo.audit.read',
  projectCreate: 'choreo.project.create',
  componentCreate: 'choreo.component.create',
  componentUpdate: 'choreo.component.update',
  platformManage: 'choreo.platform.manage',
} as const;

const resourcePermission = (
  name: string,
  action: 'read' | 'create' | 'update',
): ChoreoPermission =>
  createPermission({
    name,
    attributes: { action },
    resourceType: CHOREO_PERMISSION_RESOURCE_TYPE,
  });

/** See deployments, releases, builds and topology of a component. */
export const choreoComponentReadPermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.componentRead,
  'read',
);

/** Start a build (a WorkflowRun) of a component. */
export const choreoBuildTriggerPermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.buildTrigger,
  'create',
);

/** Promote a component's release to the next environment (or request it, where approval is needed). */
export const choreoReleasePromotePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.releasePromote,
  'update',
);

/** Approve or reject someone else's promotion request. */
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

/** Create a project (with its per-environment bindings) in a control-plane namespace. */
export const choreoProjectCreatePermission: BasicPermission = createPermission({
  name: CHOREO_PERMISSION_NAMES.projectCreate,
  attributes: { action: 'create' },
});

/**
 * Add a component to a project. Checked on the project's System entity
 * (`system:<namespace>/<project>`), so a policy can let project owners add
 * components with the catalog's isEntityOwner condition.
 */
export const choreoComponentCreatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.componentCreate,
  'create',
);

/** Change a component's definition, e.g. add a dependency to its Workload. */
export const choreoComponentUpdatePermission = resourcePermission(
  CHOREO_PERMISSION_NAMES.componentUpdate,
  'update',
);

/** Create platform resources: environments and deployment pipelines. */
export const choreoPlatformManagePermission: BasicPermission = createPermission(
  {
    name: CHOREO_PERMISSION_NAMES.platformManage,
    attributes: { action: 'create' },
  },
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
  choreoProjectCreatePermission,
  choreoComponentCreatePermission,
  choreoComponentUpdatePermission,
  choreoPlatformManagePermission,
];

/**
 * The catalog entity ref a Choreo component is authorized against. The
 * catalog module maps the Choreo namespace to the entity namespace and the
 * component name to the entity name.
 */
export function choreoComponentEntityRef(component: {
  namespace: string;
  name: string;
}): string {
  return `component:${component.namespace}/${component.name}`;
}
