import { InputError, NotFoundError } from '@backstage/errors';
import {
  CHOREO_ANNOTATIONS,
  CellComponentInput,
  CellTopology,
  Component,
  Environment,
  GatewaySpec,
  ReleaseBinding,
  WorkloadTemplateSpec,
  computeCellTopology,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { projectPipeline } from '../deployments/ComponentContext';
import { ReadModelCache } from '../shared/ReadModelCache';

/**
 * Feeds the store's snapshot into the shared `computeCellTopology`, once per
 * change of the namespace: the Cell tab, its traffic and its layout all
 * start from the same topology.
 */
export class TopologyService {
  constructor(
    private readonly store: ChoreoStoreReader,
    private readonly cache: ReadModelCache,
  ) {}

  /**
   * The environment a cell opens in: the requested one, else the first of the
   * project's deployment pipeline, as the Cell tab's picker lists them.
   */
  environmentOf(
    ref: { namespace: string; project: string },
    requested: string | undefined,
  ): string {
    if (requested) return requested;
    const { namespace, project } = ref;
    const found = this.store.get('Project', project, namespace);
    if (!found) {
      throw new NotFoundError(
        `Project '${project}' not found in namespace '${namespace}'`,
      );
    }
    const graph = projectPipeline(this.store, namespace, found);
    const first = graph.root ?? graph.environments[0];
    if (!first) {
      throw new InputError(
        `Project '${project}' has no deployment pipeline with environments; pick an environment (API: ?environment=)`,
      );
    }
    return first;
  }

  /** The cell of a project in an environment; shared, so read it and never change it. */
  topology(
    ref: { namespace: string; project: string },
    environment: string,
  ): CellTopology {
    return this.cache.value(
      ref.namespace,
      `topology/${ref.project}/${environment}`,
      () => this.compute(ref, environment),
    );
  }

  private compute(
    ref: { namespace: string; project: string },
    environment: string,
  ): CellTopology {
    const { namespace, project } = ref;
    if (!this.store.get('Project', project, namespace)) {
      throw new NotFoundError(
        `Project '${project}' not found in namespace '${namespace}'`,
      );
    }
    const env = this.store.get('Environment', environment, namespace);
    if (!env) {
      const known = this.store
        .list('Environment', { namespace })
        .map(e => e.metadata.name);
      throw new InputError(
        `Environment '${environment}' not found in namespace '${namespace}'; use one of ${known.join(
          ', ',
        )}`,
      );
    }

    const bindings = new Map<string, ReleaseBinding>();
    for (const b of this.store.list('ReleaseBinding', {
      namespace,
      environment,
    })) {
      bindings.set(
        `${b.spec.owner?.projectName}/${b.spec.owner?.componentName}`,
        b,
      );
    }
    const toInput = (component: Component): CellComponentInput => {
      const projectName = component.spec.owner?.projectName;
      const binding = bindings.get(`${projectName}/${component.metadata.name}`);
      return {
        project: projectName,
        name: component.metadata.name,
        displayName:
          component.metadata.annotations?.[CHOREO_ANNOTATIONS.displayName],
        componentType: component.spec.componentType?.name,
        binding,
        workload: this.workloadOf(namespace, component, binding),
      };
    };
    const all = this.store.list('Component', { namespace });
    const prb = this.store
      .list('ProjectReleaseBinding', { namespace, project, environment })
      .find(b => b.status?.namespace);

    return computeCellTopology({
      namespace,
      project,
      environment,
      components: all
        .filter(c => c.spec.owner?.projectName === project)
        .map(toInput),
      otherComponents: all
        .filter(c => c.spec.owner?.projectName !== project)
        .map(toInput),
      cellNamespace: prb?.status?.namespace,
      egress: this.egressOf(namespace, env),
    });
  }

  /** What runs: the bound release's workload; before a first deploy, the current Workload. */
  private workloadOf(
    namespace: string,
    component: Component,
    binding: ReleaseBinding | undefined,
  ): WorkloadTemplateSpec | undefined {
    const releaseName = binding?.spec.releaseName;
    if (releaseName) {
      const release = this.store.get(
        'ComponentRelease',
        releaseName,
        namespace,
      );
      if (release?.spec.workload) return release.spec.workload;
    }
    return this.store
      .list('Workload', { namespace, component: component.metadata.name })
      .find(
        w => w.spec.owner?.projectName === component.spec.owner?.projectName,
      )?.spec;
  }

  /** The environment's gateway overrides the data plane's, leaf by leaf. */
  private egressOf(namespace: string, env: Environment) {
    const ref = env.spec?.dataPlaneRef;
    const plane =
      ref?.kind === 'ClusterDataPlane'
        ? this.store.get('ClusterDataPlane', ref.name)
        : this.store.get('DataPlane', ref?.name ?? 'default', namespace);
    const gateways: Array<GatewaySpec | undefined> = [
      env.spec?.gateway,
      plane?.spec?.gateway,
    ];
    return {
      external: gateways.some(g => g?.egress?.external),
      internal: gateways.some(g => g?.egress?.internal),
    };
  }
}
