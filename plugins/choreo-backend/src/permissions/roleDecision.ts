import {
  ChoreoStoreReader,
  portalAuthzDecider,
} from '@choreo-for-backstage/plugin-choreo-node';
import { RoleDecision } from './ChoreoResourceResolver';

/**
 * OpenChoreo's roles and bindings (the four authz kinds in the store)
 * decide, the way openchoreo-api does (see portalAuthzDecider).
 */
export function roleDecisionOf(store: ChoreoStoreReader): {
  decide: RoleDecision;
  close: () => void;
} {
  const decider = portalAuthzDecider(store);
  const decide: RoleDecision = query => {
    try {
      return decider.evaluate({
        subject: { claim: query.subject.claim, values: query.subject.values },
        action: query.action,
        resource: {
          // the part before the last ':', as openchoreo-api's callers name it
          type: query.action.replace(/:[^:]*$/, '') || 'resource',
          hierarchy: query.hierarchy,
        },
        context: { resource: query.attributes },
      }).decision;
    } catch {
      // an empty claim or value is a malformed subject: it is granted nothing
      return false;
    }
  };
  return { decide, close: () => decider.close() };
}
