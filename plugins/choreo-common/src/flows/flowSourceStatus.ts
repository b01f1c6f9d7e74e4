/** Problems a flow source reports without stopping (bad lines, relay errors). */
export interface FlowSourceProblem {
  message: string;
  /** 1-based line of the flow-log file. */
  line?: number;
  time: string;
}

export type FlowSourceState =
  | 'starting'
  | 'streaming'
  | 'reconnecting'
  | 'failing'
  | 'stopped';

/**
 * How the network flow source (a Hubble relay or a flow log) is doing:
 * `GET /flows/status`. `message` and `problems` (addresses, file paths,
 * raw errors) come only to people who may see source details.
 */
export interface FlowSourceStatus {
  type: 'file' | 'hubble-relay';
  state: FlowSourceState;
  /** ISO time the source entered `state`. */
  since: string;
  message?: string;
  /** Flows decoded and delivered. */
  received: number;
  /** Lines or messages that were not flows and could not be decoded. */
  invalid: number;
  /** The latest problems (at most 20). */
  problems?: FlowSourceProblem[];
  reconnects?: number;
  /** Events Hubble reported as lost before they reached us (its buffers overflowed). */
  lostEvents?: number;
}
