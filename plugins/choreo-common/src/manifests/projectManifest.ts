import { CreateProjectRequest } from '../api/resources';
import { CHOREO_API_VERSION, CHOREO_LABELS } from '../constants';
import { Project, ProjectReleaseBinding } from '../resources';
import { manifestMetadata } from './manifestMetadata';

/** Used when a request names no pipeline or project type, as the samples do. */
export const DEFAULT_DEPLOYMENT_PIPELINE = 'default';
export const DEFAULT_PROJECT_TYPE = {
  kind: 'ClusterProjectType',
  name: 'default',
} as const;

/** The Project of a create request. */
export function projectManifest(
  namespace: string,
  request: CreateProjectRequest,
): Project {
  const type = request.projectType ?? DEFAULT_PROJECT_TYPE;
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Project',
    metadata: manifestMetadata(namespace, request.name, request),
    spec: {
      deploymentPipelineRef: {
        name: request.deploymentPipeline ?? DEFAULT_DEPLOYMENT_PIPELINE,
      },
      type: { kind: type.kind, name: type.name },
    },
  };
}

/** `{project}-{environment}`, the name the samples and `occ` give a project binding. */
export const projectBindingName = (project: string, environment: string) =>
  `${project}-${environment}`;

/**
 * One ProjectReleaseBinding per environment of the project's pipeline: since
 * v1.2 the cell namespace of a project in an environment exists only through
 * one. `spec.projectRelease` stays empty: the Project controller pins it to
 * the first ProjectRelease it cuts.
 */
export function projectBindingManifests(
  namespace: string,
  project: string,
  environments: readonly string[],
): ProjectReleaseBinding[] {
  return environments.map(environment => ({
    apiVersion: CHOREO_API_VERSION,
    kind: 'ProjectReleaseBinding',
    metadata: manifestMetadata(
      namespace,
      projectBindingName(project, environment),
      {},
      {
        [CHOREO_LABELS.project]: project,
        [CHOREO_LABELS.environment]: environment,
      },
    ),
    spec: { owner: { projectName: project }, environment },
  }));
}
