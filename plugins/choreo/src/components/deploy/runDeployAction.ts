import { ChoreoApi } from '../../api/choreoApi';
import { DeployAction } from './deployActions';

/** Sends `action` for the component; the answer is the backend's. */
export function runDeployAction(
  api: ChoreoApi,
  ref: { namespace: string; name: string },
  action: DeployAction,
) {
  switch (action.kind) {
    case 'promote':
      return api.promote(ref, { from: action.from, to: action.to });
    case 'rollback':
      return api.rollback(ref, {
        environment: action.environment,
        releaseName: action.releaseName,
      });
    case 'restart':
      return api.restart(ref, { environment: action.environment });
    case 'undeploy':
    case 'redeploy':
      return api.setDeployed(ref, {
        environment: action.environment,
        deployed: action.kind === 'redeploy',
      });
    default:
      throw new Error('unknown action');
  }
}
