import { openChoreoActionFor } from '@choreo-for-backstage/plugin-choreo-common';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { choreoPermissionResourceRef } from './choreoPermissionResourceRef';

const resourceRef = choreoPermissionResourceRef;
const names = z.array(z.string().min(1)).min(1);

/** The deployment change happens in one of these environments. */
export const isInEnvironment = createPermissionRule({
  name: 'IS_IN_ENVIRONMENT',
  description: 'Allow when the change happens in one of the given environments',
  resourceRef,
  paramsSchema: z.object({
    environments: names.describe('Environment names, e.g. development'),
  }),
  apply: (resource, { environments }) =>
    !!resource.environment && environments.includes(resource.environment.name),
  toQuery: ({ environments }) => ({ key: 'environment', values: environments }),
});

/**
 * The environment is a production one (`spec.isProduction`), or one no
 * source knows, which counts as production: a gap in the data never opens it up.
 */
export const isInProductionEnvironment = createPermissionRule({
  name: 'IS_IN_PRODUCTION_ENVIRONMENT',
  description:
    'Allow when the change happens in a production environment (isProduction, or an environment no source knows)',
  resourceRef,
  apply: resource => !!resource.environment?.isProduction,
  toQuery: () => ({ key: 'production' as const, values: [] }),
});

/** Changes in the environment need someone else's approval (choreo.approvals). */
export const needsApproval = createPermissionRule({
  name: 'NEEDS_APPROVAL',
  description:
    "Allow when changes in the resource's environment wait for someone else's approval",
  resourceRef,
  apply: resource => !!resource.environment?.requiresApproval,
  toQuery: () => ({ key: 'approval' as const, values: [] }),
});

export const isInNamespace = createPermissionRule({
  name: 'IS_IN_NAMESPACE',
  description: 'Allow when the resource is in one of the given namespaces',
  resourceRef,
  paramsSchema: z.object({ namespaces: names }),
  apply: (resource, { namespaces }) =>
    namespaces.includes(resource.scope.namespace),
  toQuery: ({ namespaces }) => ({ key: 'namespace', values: namespaces }),
});

export const isInProject = createPermissionRule({
  name: 'IS_IN_PROJECT',
  description:
    'Allow when the resource is in one of the given projects (namespace/project)',
  resourceRef,
  paramsSchema: z.object({
    projects: names.describe('namespace/project, e.g. acme/payments'),
  }),
  apply: (resource, { projects }) =>
    !!resource.scope.project &&
    projects.includes(`${resource.scope.namespace}/${resource.scope.project}`),
  toQuery: ({ projects }) => ({ key: 'project', values: projects }),
});

/** Like the catalog's isEntityOwner: the named owner is one of the user's ownership refs. */
export const isOwner = createPermissionRule({
  name: 'IS_OWNER',
  description:
    'Allow when the owner of the component (else its project, else its namespace) is one of the given entity refs',
  resourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe("The user's ownership entity refs (user and groups)"),
  }),
  apply: (resource, { claims }) =>
    !!resource.owner && claims.includes(resource.owner),
  toQuery: ({ claims }) => ({ key: 'owner', values: claims }),
});

/**
 * OpenChoreo's own roles decide: the permission is mapped to the OpenChoreo
 * action it stands for (openChoreoActionFor) and evaluated against the
 * AuthzRoles and bindings of the store for the subject's claim values.
 */
export const isAllowedByOpenChoreoRoles = createPermissionRule({
  name: 'IS_ALLOWED_BY_OPENCHOREO_ROLES',
  description:
    "Allow when OpenChoreo's AuthzRoles and AuthzRoleBindings grant the subject the action this permission stands for",
  resourceRef,
  paramsSchema: z.object({
    permission: z.string().min(1).describe('The Choreo permission name'),
    claim: z.string().min(1).describe('The entitlement claim, e.g. groups'),
    values: z.array(z.string()).describe("The subject's values of the claim"),
  }),
  apply: (resource, { permission, claim, values }) => {
    const action = openChoreoActionFor(permission, resource.scope, {
      bindingExists: resource.bindingExists,
    });
    return !!action && resource.allowedByRoles({ claim, values }, action);
  },
  toQuery: ({ values }) => ({ key: 'roles', values }),
});

/** Every rule of the `choreo-resource` type. */
export const choreoPermissionRules = {
  isInEnvironment,
  isInProductionEnvironment,
  needsApproval,
  isInNamespace,
  isInProject,
  isOwner,
  isAllowedByOpenChoreoRoles,
};
