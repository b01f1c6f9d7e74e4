import { CHOREO_RESOURCE_TYPE } from '@choreo-for-backstage/plugin-choreo-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { ChoreoAuthzResource } from './ChoreoAuthzResource';

/**
 * A filter a rule stands for, for code that filters lists of Choreo
 * resources by a conditional decision (`createConditionTransformer`).
 */
export interface ChoreoResourceFilter {
  key:
    | 'environment'
    | 'production'
    | 'approval'
    | 'namespace'
    | 'project'
    | 'owner'
    | 'roles';
  values: string[];
}

/** The permission resource type of the choreo plugin, for policies and the plugin's rules. */
export const choreoPermissionResourceRef = createPermissionResourceRef<
  ChoreoAuthzResource,
  ChoreoResourceFilter
>().with({ pluginId: 'choreo', resourceType: CHOREO_RESOURCE_TYPE });
