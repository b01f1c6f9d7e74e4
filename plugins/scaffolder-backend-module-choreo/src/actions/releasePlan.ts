import { ConflictError, InputError } from '@backstage/errors';
import {
  ComponentDeployments,
  EnvironmentDeployment,
} from '@choreo-for-backstage/plugin-choreo-common';

// What a promote or rollback would do, read from the deployments route. Dry
// runs use it to say what would happen without writing; the real runs leave
// the checks to the backend, which decides with the same data.

const nameOf = (d: ComponentDeployments) =>
  `${d.component.namespace}/${d.component.name}`;

function environmentOf(
  d: ComponentDeployments,
  environment: string,
): EnvironmentDeployment {
  const found = d.environments.find(e => e.environment === environment);
  if (!found) {
    throw new InputError(
      `'${environment}' is not an environment of the deployment pipeline of ${nameOf(
        d,
      )}; its environments are ${d.pipeline.environments.join(', ') || 'none'}`,
    );
  }
  return found;
}

export interface PromotionPlan {
  releaseName: string;
  currentRelease?: string;
  requiresApproval: boolean;
}

export function planPromotion(
  d: ComponentDeployments,
  from: string,
  to: string,
): PromotionPlan {
  const source = environmentOf(d, from);
  environmentOf(d, to);
  const path = source.promotions.find(p => p.to === to);
  if (!path) {
    const targets = source.promotions.map(p => `'${p.to}'`).join(', ');
    throw new InputError(
      `Cannot promote from '${from}' to '${to}': ${
        targets
          ? `'${from}' promotes only to ${targets}`
          : `'${from}' is the last environment of the pipeline`
      }`,
    );
  }
  if (!source.releaseName) {
    throw new ConflictError(
      `Nothing to promote: ${nameOf(d)} is not deployed in '${from}'`,
    );
  }
  return {
    releaseName: source.releaseName,
    currentRelease: environmentOf(d, to).releaseName,
    requiresApproval: path.requiresApproval,
  };
}

export function planRollback(
  d: ComponentDeployments,
  environment: string,
  releaseName: string,
): { currentRelease?: string } {
  const target = environmentOf(d, environment);
  if (!d.releases.some(r => r.name === releaseName)) {
    throw new InputError(
      `'${releaseName}' is not a release of ${nameOf(d)}; its releases are ${
        d.releases.map(r => r.name).join(', ') || 'none'
      }`,
    );
  }
  return { currentRelease: target.releaseName };
}
