import { PORTAL_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '../store/types';
import { AuthzDecider } from './AuthzDecider';
import { AuthzConditionRegistry } from './conditionRegistry';

/**
 * The decider the portal uses: OpenChoreo's roles and bindings from the
 * store, with the portal's approval action letting conditions read the
 * environment like the ReleaseBinding actions do.
 */
export function portalAuthzDecider(store: ChoreoStoreReader): AuthzDecider {
  return new AuthzDecider(store, {
    conditionRegistry: AuthzConditionRegistry.openchoreo().withActions({
      [PORTAL_ACTIONS.approve]: ['resource.environment'],
    }),
  });
}
