import { ServiceUnavailableError } from '@backstage/errors';
import { TooManyRequestsError } from '../shared/publicErrors';
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
  /**
   * New layouts one caller may have waiting at once; beyond that 429, so one
   * person (or script) cannot take the whole queue from everyone else.
   */
  maxQueuedPerCaller?: number;
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
  private readonly maxQueuedPerCaller: number;
  private readonly queuedBy = new Map<string, number>();
  /** Graphs elk laid out, for tests and logs. */
  computed = 0;

  constructor(options: CellLayoutServiceOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxQueued = options.maxQueued ?? 4;
    this.maxQueuedPerCaller = options.maxQueuedPerCaller ?? 1;
    this.elk = new ElkWorker({ timeoutMs: options.timeoutMs ?? 30_000 });
  }

  /** `caller` (an actor ref) is who waits for a new layout: each gets a fair share of the queue. */
  async layout(
    graph: CellLayoutGraph,
    caller: string,
  ): Promise<CellLayoutResponse> {
    const id = cellLayoutId(graph);
    let layout = this.layouts.get(id);
    if (layout) {
      // most recently used last: eviction takes the first
      this.layouts.delete(id);
    } else {
      const mine = this.queuedBy.get(caller) ?? 0;
      if (mine >= this.maxQueuedPerCaller) {
        throw new TooManyRequestsError(
          `You already have ${mine} cell layout${
            mine === 1 ? '' : 's'
          } being computed; wait for ${mine === 1 ? 'it' : 'them'} to finish`,
        );
      }
      if (this.elk.busy >= this.maxQueued) {
        throw new ServiceUnavailableError(
          `The backend is laying out ${this.elk.busy} other cells; try again shortly`,
        );
      }
      this.computed++;
      this.queuedBy.set(caller, mine + 1);
      layout = this.elk.layout(toElkGraph(graph)).then(positionsFromElk);
      layout
        .finally(() => {
          const left = (this.queuedBy.get(caller) ?? 1) - 1;
          if (left > 0) this.queuedBy.set(caller, left);
          else this.queuedBy.delete(caller);
        })
        .catch(() => undefined);
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
    caller: string,
  ): Promise<CellLayoutResponse> {
    const options = openingViewOptions(topology, flows);
    return this.layout(
      layoutGraphOf(buildCellView(topology, flows, options)),
      caller,
    );
  }

  close(): Promise<void> {
    return this.elk.close();
  }
}
