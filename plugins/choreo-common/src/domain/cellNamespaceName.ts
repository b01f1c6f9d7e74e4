import { generateK8sName, K8S_NAME_LIMITS } from './k8sName';

/**
 * The data-plane namespace ("cell") of a project in one environment, exactly
 * as OpenChoreo names it: `dp-{cpNamespace}-{project}-{env}-{hash8}`, at most
 * 63 characters. The parts `dp`, namespace, project and environment get 13,
 * 13, 13 and 12 characters; the hash covers the raw
 * `dp-{cpNamespace}-{project}-{env}`.
 *
 * `ProjectReleaseBinding.status.namespace` reports the real name once the
 * binding is reconciled; prefer it when available.
 *
 * @param controlPlaneNamespace - the namespace holding the Project (e.g. `default`)
 */
export function cellNamespaceName(
  controlPlaneNamespace: string,
  project: string,
  environment: string,
): string {
  return generateK8sName(['dp', controlPlaneNamespace, project, environment], {
    limit: K8S_NAME_LIMITS.namespace,
  });
}

/**
 * `${metadata.name}` of a component in an environment:
 * `{component}-{env}-{hash8}` with the hash over `{component}-{env}`.
 * The sample ComponentTypes name the Deployment (or StatefulSet, Job,
 * CronJob) this way; a platform's own types may not.
 */
export function componentDeploymentName(
  component: string,
  environment: string,
): string {
  return generateK8sName([component, environment]);
}

/**
 * Name of the RenderedRelease a ReleaseBinding creates: plainly
 * `{component}-{env}`, or `{component}-{env}-observability` for the
 * observability-plane one.
 */
export function componentRenderedReleaseName(
  component: string,
  environment: string,
  targetPlane: 'dataplane' | 'observabilityplane' = 'dataplane',
): string {
  const base = `${component}-${environment}`;
  return targetPlane === 'observabilityplane' ? `${base}-observability` : base;
}

/**
 * Name of the RenderedRelease a ProjectReleaseBinding creates:
 * `p-{project}-{env}-{hash8}`, the hash taken over `p_{project}-{env}` so it
 * never collides with a component's.
 */
export function projectRenderedReleaseName(
  project: string,
  environment: string,
): string {
  return generateK8sName([`p_${project}`, environment]);
}
