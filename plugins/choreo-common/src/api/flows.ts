import {
  ClassifiedTraffic,
  FlowEdge,
  FlowRecord,
  ObservedTrafficClass,
} from '../flows';

/**
 * Observed traffic of a cell (or of one component's edges in it) laid over
 * the declared topology: `GET /projects/:ns/:name/flows` and
 * `GET /components/:ns/:name/flows`.
 */
export interface FlowSnapshot {
  namespace: string;
  project: string;
  environment: string;
  /** Set when the snapshot is scoped to the edges of one component. */
  component?: string;
  window: {
    /** Window length in seconds. */
    seconds: number;
    /**
     * ISO bounds. The window ends at the newest flow of the cell, not at
     * "now", so a replayed flow export still shows its traffic.
     */
    since?: string;
    until?: string;
  };
  /** Flows counted in the window. */
  flows: number;
  /** Ids match the topology's edges, so the overlay can colour them directly. */
  edges: ClassifiedTraffic[];
  /** Observed edges the declared model says nothing about (DNS, egress to the world, ...). */
  unclassified: FlowEdge[];
  counts: Record<ObservedTrafficClass, number>;
}

/** The `flow` event of a flow stream: one flow. */
export type FlowStreamFlowEvent = FlowRecord;

/** The `lost` event: flows dropped because the client read slower than they came. */
export interface FlowStreamLostEvent {
  count: number;
}

/** The last event of a flow stream; the client reconnects after a `timeout`. */
export interface FlowStreamEndEvent {
  reason: 'complete' | 'timeout' | 'error';
}
