import { FlowRecord } from '@choreo-for-backstage/plugin-choreo-common';

/** The table keeps the newest flows only; older ones scroll away for good. */
export const MAX_FLOW_ROWS = 500;

/**
 * Keys of flows already shown, kept longer than the rows themselves: after a
 * reconnect the stream replays its recent flows, and those must not come
 * back as new.
 */
const MAX_SEEN_KEYS = MAX_FLOW_ROWS * 10;

export interface FlowTableState {
  /** Newest first, at most MAX_FLOW_ROWS. */
  rows: FlowRecord[];
  paused: boolean;
  /** Flows that came while paused, newest first, at most MAX_FLOW_ROWS: they show on resume. */
  pending: FlowRecord[];
  /** Flows that came while paused but did not fit in `pending` (the oldest ones go). */
  droppedWhilePaused: number;
  /** Flows the server could not send because they came faster than this page read (`lost` events). */
  lost: number;
  seen: Set<string>;
}

export type FlowTableAction =
  | { type: 'flows'; flows: FlowRecord[] }
  | { type: 'lost'; count: number }
  | { type: 'pause' }
  | { type: 'resume' }
  /** A new stream (other environment or filters): start over, keep the pause. */
  | { type: 'reset' };

export const initialFlowTableState = (): FlowTableState => ({
  rows: [],
  paused: false,
  pending: [],
  droppedWhilePaused: 0,
  lost: 0,
  seen: new Set(),
});

/** The same flow across reconnects; Hubble's uuid when it sent one. */
export function flowKey(flow: FlowRecord): string {
  return (
    flow.uuid ??
    `${flow.time}|${flow.source.id}|${flow.destination.id}|${
      flow.summary ?? ''
    }`
  );
}

/** Inserts newer-first by time and cuts to `max`; returns how many were cut. */
function insertByTime(
  list: FlowRecord[],
  flows: FlowRecord[],
  max: number,
): { list: FlowRecord[]; cut: number } {
  const next = list.slice();
  for (const flow of flows) {
    // flows mostly arrive in order, so the newest go straight to the front
    let i = 0;
    while (i < next.length && next[i].timeMs > flow.timeMs) i++;
    next.splice(i, 0, flow);
  }
  const cut = Math.max(0, next.length - max);
  if (cut > 0) next.length = max;
  return { list: next, cut };
}

function remember(seen: Set<string>, keys: string[]): Set<string> {
  const next = new Set(seen);
  for (const key of keys) next.add(key);
  // a Set iterates in insertion order: the first keys are the oldest
  for (const key of next) {
    if (next.size <= MAX_SEEN_KEYS) break;
    next.delete(key);
  }
  return next;
}

export function flowTableReducer(
  state: FlowTableState,
  action: FlowTableAction,
): FlowTableState {
  switch (action.type) {
    case 'flows': {
      const fresh: FlowRecord[] = [];
      const keys: string[] = [];
      for (const flow of action.flows) {
        const key = flowKey(flow);
        if (state.seen.has(key) || keys.includes(key)) continue;
        keys.push(key);
        fresh.push(flow);
      }
      if (fresh.length === 0) return state;
      const seen = remember(state.seen, keys);
      if (state.paused) {
        const { list, cut } = insertByTime(state.pending, fresh, MAX_FLOW_ROWS);
        return {
          ...state,
          seen,
          pending: list,
          droppedWhilePaused: state.droppedWhilePaused + cut,
        };
      }
      return {
        ...state,
        seen,
        rows: insertByTime(state.rows, fresh, MAX_FLOW_ROWS).list,
      };
    }
    case 'lost':
      return { ...state, lost: state.lost + action.count };
    case 'pause':
      return state.paused ? state : { ...state, paused: true };
    case 'resume':
      return {
        ...state,
        paused: false,
        rows: insertByTime(
          state.rows,
          state.pending.slice().reverse(),
          MAX_FLOW_ROWS,
        ).list,
        pending: [],
        droppedWhilePaused: 0,
      };
    case 'reset':
      return { ...initialFlowTableState(), paused: state.paused };
    default:
      return state;
  }
}
