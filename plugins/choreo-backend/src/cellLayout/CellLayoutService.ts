import { ServiceUnavailableError } from '@backstage/errors';
import {
  CellLayoutGraph,
  CellLayoutResponse,
  CellPoint,
  CellTopology,
  FlowSnapshot,
  buildCellView,
  cellLayoutId,
  layoutGraphOf,
  openingViewOptions,
  positionsFromElk,
  toElkGraph,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ElkWorker } from './ElkWorker';

export interface CellLayoutServiceOptions {
  /** Layouts kept, most recently used first. */
  maxEntries?: number;
  /** Layouts waiting at most; beyond that callers get 503 and lay out themselves. */
  maxQueued?: number;
  timeoutMs?: number;
}

/**
 * Cell diagram layouts, computed once per graph and shared by every user:
 * a cell's graph (sizes, columns, connections) changes far less often than
 * its status or traffic, so most visits find their layout here. Concurrent
 * requests for one graph share one computation.
 */
export class CellLayoutService {
  private readonly layouts = new Map<
    string,
    Promise<Record<string, CellPoint>>
  >();
  private readonly elk: ElkWorker;
  private readonly maxEntries: number;
  private readonly maxQueued: number;
  /** Graphs elk laid out, for tests and logs. */
  computed = 0;

  constructor(options: CellLayoutServiceOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxQueued = options.maxQueued ?? 4;
    this.elk = new ElkWorker({ timeoutMs: options.timeoutMs ?? 30_000 });
  }

  async layout(graph: CellLayoutGraph): Promise<CellLayoutResponse> {
    const id = cellLayoutId(graph);
    let layout = this.layouts.get(id);
    if (layout) {
      // most recently used last: eviction takes the first
      this.layouts.delete(id);
    } else {
      if (this.elk.busy >= this.maxQueued) {
        throw new ServiceUnavailableError(
          `The backend is laying out ${this.elk.busy} other cells; try again shortly`,
        );
      }
      this.computed++;
      layout = this.elk.layout(toElkGraph(graph)).then(positionsFromElk);
      // a failure is not kept: the next request tries again
      layout.catch(() => {
        if (this.layouts.get(id) === layout) this.layouts.delete(id);
      });
    }
    this.layouts.set(id, layout);
    while (this.layouts.size > this.maxEntries) {
      this.layouts.delete(this.layouts.keys().next().value!);
    }
    return { id, positions: await layout };
  }

  /**
   * The layout of the view the Cell tab opens with (openingViewOptions) for
   * this topology and traffic: the same graph the browser builds from them.
   */
  openingLayout(
    topology: CellTopology,
    flows: FlowSnapshot | undefined,
  ): Promise<CellLayoutResponse> {
    const options = openingViewOptions(topology, flows);
    return this.layout(layoutGraphOf(buildCellView(topology, flows, options)));
  }

  close(): Promise<void> {
    return this.elk.close();
  }
}
