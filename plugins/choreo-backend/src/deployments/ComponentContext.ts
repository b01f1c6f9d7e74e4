import { NotFoundError } from '@backstage/errors';
import {
  ApprovalSettings,
  Component,
  ComponentRef,
  Environment,
  Project,
  PromotionGraph,
  ReleaseBinding,
  buildPromotionGraph,
  environmentNeedsApproval,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/** Everything about a component its deployments depend on, read from the store once. */
export interface ComponentContext {
  ref: ComponentRef;
  component: Component;
  project?: Project;
  graph: PromotionGraph;
  environments: Map<string, Environment>;
  /**
   * Pipeline environments whose changes need approval (see
   * environmentNeedsApproval): production ones, configured ones, and those
   * no source knows.
   */
  approvalEnvironments: string[];
  /** The component's ReleaseBindings by environment. */
  bindings: Map<string, ReleaseBinding>;
  /** Names of the component's ComponentReleases. */
  releases: Set<string>;
}

/** Reads a component with its project, pipeline, bindings and releases from the store. */
export function loadComponentContext(
  store: ChoreoStoreReader,
  ref: ComponentRef,
  approvals: ApprovalSettings,
): ComponentContext {
  const component = store.get('Component', ref.name, ref.namespace);
  if (!component) {
    throw new NotFoundError(
      `Component '${ref.name}' not found in namespace '${ref.namespace}'`,
    );
  }
  const projectName = component.spec.owner?.projectName;
  const project = projectName
    ? store.get('Project', projectName, ref.namespace)
    : undefined;
  const graph = projectPipeline(store, ref.namespace, project);
  const environments = new Map(
    store
      .list('Environment', { namespace: ref.namespace })
      .map(env => [env.metadata.name, env]),
  );
  const bindings = new Map<string, ReleaseBinding>();
  for (const binding of store.list('ReleaseBinding', {
    namespace: ref.namespace,
    component: ref.name,
  })) {
    // the index matches by component name; the project must match too
    if (binding.spec.owner?.projectName !== projectName) continue;
    const existing = bindings.get(binding.spec.environment);
    // prefer the conventional name if someone made two
    if (
      !existing ||
      binding.metadata.name === `${ref.name}-${binding.spec.environment}`
    ) {
      bindings.set(binding.spec.environment, binding);
    }
  }
  const releases = new Set(
    store
      .list('ComponentRelease', {
        namespace: ref.namespace,
        component: ref.name,
      })
      .filter(r => r.spec.owner?.projectName === projectName)
      .map(r => r.metadata.name),
  );
  return {
    ref,
    component,
    project,
    graph,
    environments,
    approvalEnvironments: graph.environments.filter(env =>
      environmentNeedsApproval(approvals, env, environments.get(env)),
    ),
    bindings,
    releases,
  };
}

/** The promotion graph of the project's deployment pipeline (empty without one). */
export function projectPipeline(
  store: ChoreoStoreReader,
  namespace: string,
  project: Project | undefined,
): PromotionGraph {
  const pipelineName = pipelineRefName(project);
  const pipeline = pipelineName
    ? store.get('DeploymentPipeline', pipelineName, namespace)
    : undefined;
  return buildPromotionGraph(pipeline);
}

/** `spec.deploymentPipelineRef` is an object since v1.0; older manifests use a string. */
function pipelineRefName(project: Project | undefined): string | undefined {
  const ref = project?.spec?.deploymentPipelineRef as
    | { name?: string }
    | string
    | undefined;
  return typeof ref === 'string' ? ref : ref?.name;
}
