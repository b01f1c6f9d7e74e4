import {
  FlowSourceStatus as CommonFlowSourceStatus,
  FlowCellFilter,
  FlowRecord,
  FlowSourceProblem,
  FlowSourceState,
  flowMatchesCell,
} from '@choreo-for-backstage/plugin-choreo-common';

export type FlowListener = (record: FlowRecord) => void;

/** The source's own view, with its problems always there. */
export type FlowSourceStatus = CommonFlowSourceStatus & {
  problems: FlowSourceProblem[];
};
export type { FlowSourceProblem, FlowSourceState };

/** What the backend routes use, whatever the source is. */
export interface FlowSource {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Live flows (optionally only of one cell); returns an unsubscribe function. */
  subscribe(listener: FlowListener, filter?: FlowCellFilter): () => void;
  /** Buffered flows, oldest first. */
  recent(filter?: FlowCellFilter, limit?: number): FlowRecord[];
  status(): FlowSourceStatus;
}

const MAX_PROBLEMS = 20;

/**
 * Ring buffer of the latest flows plus fan-out to subscribers. Memory stays
 * bounded however long a source runs.
 */
export class FlowBuffer {
  private readonly ring: Array<FlowRecord | undefined>;
  private next = 0;
  private count = 0;
  private readonly listeners = new Set<{
    listener: FlowListener;
    filter?: FlowCellFilter;
  }>();

  constructor(readonly capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `Flow buffer size must be a positive integer, got ${capacity}`,
      );
    }
    this.ring = new Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(record: FlowRecord): void {
    this.ring[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    for (const s of this.listeners) {
      if (s.filter && !flowMatchesCell(record, s.filter)) continue;
      try {
        s.listener(record);
      } catch {
        // one failing subscriber must not starve the others
      }
    }
  }

  recent(filter?: FlowCellFilter, limit = this.capacity): FlowRecord[] {
    const out: FlowRecord[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const r = this.ring[(start + i) % this.capacity] as FlowRecord;
      if (!filter || flowMatchesCell(r, filter)) out.push(r);
    }
    return out.length > limit ? out.slice(out.length - limit) : out;
  }

  subscribe(listener: FlowListener, filter?: FlowCellFilter): () => void {
    const entry = { listener, filter };
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }
}

/** Keeps the latest problems for status(). */
export function pushProblem(
  problems: FlowSourceProblem[],
  problem: Omit<FlowSourceProblem, 'time'>,
): void {
  problems.push({ ...problem, time: new Date().toISOString() });
  if (problems.length > MAX_PROBLEMS) problems.shift();
}
