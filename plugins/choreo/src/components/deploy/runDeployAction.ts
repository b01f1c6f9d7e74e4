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
  const takeOver = action.takeOver ? { takeOver: true } : {};
  switch (action.kind) {
    case 'promote':
      return api.promote(
        ref,
        { from: action.from, to: action.to, ...takeOver },
        options,
      );
    case 'rollback':
      return api.rollback(
        ref,
        {
          environment: action.environment,
          releaseName: action.releaseName,
          ...takeOver,
        },
        options,
      );
    case 'restart':
      return api.restart(
        ref,
        { environment: action.environment, ...takeOver },
        options,
      );
    case 'undeploy':
    case 'redeploy':
      return api.setDeployed(
        ref,
        {
          environment: action.environment,
          deployed: action.kind === 'redeploy',
          ...takeOver,
        },
        options,
      );
    default:
      throw new Error('unknown action');
  }
}
