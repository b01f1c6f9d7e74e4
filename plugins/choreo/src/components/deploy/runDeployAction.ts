import { RequestOptions } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoApi } from '../../api/choreoApi';
import { DeployAction } from './deployActions';

/** Sends `action` for the component; the answer is the backend's (applied, or waiting for approval). */
export function runDeployAction(
  api: ChoreoApi,
  ref: { namespace: string; name: string },
  action: DeployAction,
  options: RequestOptions,
) {
  switch (action.kind) {
    case 'promote':
      return api.promote(ref, { from: action.from, to: action.to }, options);
    case 'rollback':
      return api.rollback(
        ref,
        { environment: action.environment, releaseName: action.releaseName },
        options,
      );
    case 'restart':
      return api.restart(ref, { environment: action.environment }, options);
    case 'undeploy':
    case 'redeploy':
      return api.setDeployed(
        ref,
        {
          environment: action.environment,
          deployed: action.kind === 'redeploy',
        },
        options,
      );
    default:
      throw new Error('unknown action');
  }
}
