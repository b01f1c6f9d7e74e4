import { NotFoundError } from '@backstage/errors';
import {
  CellComponentNode,
  FlowAggregator,
  FlowCellFilter,
  FlowIdentity,
  FlowSnapshot,
  FlowWindow,
  classifyObservedTraffic,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  FlowSource,
} from '@choreo-for-backstage/plugin-choreo-node';
import { TopologyService } from '../topology/TopologyService';

/** Observed traffic of a cell against its declared topology. */
export class FlowService {
  constructor(
    private readonly store: ChoreoStoreReader,
    private readonly topology: TopologyService,
  ) {}

  /** The project of a component; 404 when there is no such component. */
  projectOf(ref: { namespace: string; name: string }): string {
    const component = this.store.get('Component', ref.name, ref.namespace);
    const project = component?.spec.owner?.projectName;
    if (!project) {
      throw new NotFoundError(
        `Component '${ref.name}' not found in namespace '${ref.namespace}'`,
      );
    }
    return project;
  }

  /** Throws what to fix when the project or environment does not exist. */
  checkCell(namespace: string, project: string, environment: string): void {
    this.topology.topology({ namespace, project }, environment);
  }

  snapshot(
    source: FlowSource,
    scope: {
      namespace: string;
      project: string;
      environment: string;
      component?: string;
    },
    windowMs: number,
  ): FlowSnapshot {
    const { namespace, project, environment, component } = scope;
    // validates project and environment with messages that say what to use
    const topology = this.topology.topology(
      { namespace, project },
      environment,
    );
    const cell: FlowCellFilter = {
      cpNamespace: namespace,
      environment,
      project,
      ...(component ? { component } : {}),
    };
    const flows = source.recent(cell);
    // the window ends at the newest flow: a replayed export still shows traffic
    let newest = -Infinity;
    for (const f of flows) if (f.timeMs > newest) newest = f.timeMs;
    const window: FlowWindow = flows.length
      ? { sinceMs: newest + 1 - windowMs, untilMs: newest + 1 }
      : {};
    const aggregator = new FlowAggregator({ window, filter: cell });
    for (const f of flows) aggregator.add(f);
    const aggregate = aggregator.result();

    const classification = classifyObservedTraffic(aggregate, topology, {
      peers: this.peers(aggregate.edges, namespace, project, environment),
    });
    let { edges, unclassified, counts } = classification;
    if (component) {
      const id = topology.nodes.find(
        n => n.kind === 'component' && n.name === component,
      )?.id;
      const touches = (e: { from: string; to: string }) =>
        e.from === id || e.to === id;
      edges = edges.filter(touches);
      unclassified = unclassified.filter(touches);
      counts = { ...counts };
      for (const key of Object.keys(counts) as Array<keyof typeof counts>)
        counts[key] = edges.filter(e => e.class === key).length;
    }
    return {
      namespace,
      project,
      environment,
      ...(component ? { component } : {}),
      window: {
        seconds: Math.round(windowMs / 1000),
        ...(window.sinceMs !== undefined
          ? {
              since: new Date(window.sinceMs).toISOString(),
              until: new Date(window.untilMs ?? window.sinceMs).toISOString(),
            }
          : {}),
      },
      flows: aggregate.flows,
      edges,
      unclassified,
      counts,
    };
  }

  /**
   * Components of the other projects the traffic touches, so drops towards
   * them name the endpoint the dependency needs.
   */
  private peers(
    edges: Array<{ fromIdentity: FlowIdentity; toIdentity: FlowIdentity }>,
    namespace: string,
    project: string,
    environment: string,
  ): CellComponentNode[] {
    const projects = new Set<string>();
    for (const e of edges) {
      for (const i of [e.fromIdentity, e.toIdentity]) {
        if (
          i.kind === 'component' &&
          i.cpNamespace === namespace &&
          i.project !== project &&
          this.store.get('Project', i.project, namespace)
        ) {
          projects.add(i.project);
        }
      }
    }
    return [...projects].flatMap(p =>
      this.topology
        .topology({ namespace, project: p }, environment)
        .nodes.filter(
          (n): n is CellComponentNode => n.kind === 'component' && n.inCell,
        ),
    );
  }
}
