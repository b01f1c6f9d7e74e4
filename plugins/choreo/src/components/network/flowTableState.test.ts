import { FlowRecord } from '@choreo-for-backstage/plugin-choreo-common';
import {
  MAX_FLOW_ROWS,
  flowTableReducer,
  initialFlowTableState,
} from './flowTableState';

const flow = (n: number): FlowRecord => ({
  time: new Date(n * 1000).toISOString(),
  timeMs: n * 1000,
  uuid: `f${n}`,
  verdict: 'FORWARDED',
  source: { id: 'world', identity: { kind: 'world' } },
  destination: { id: 'unknown', identity: { kind: 'unknown' } },
  trafficDirection: 'INGRESS',
});
const uuids = (flows: FlowRecord[]) => flows.map(f => f.uuid);

describe('the flow table', () => {
  it('keeps the newest flows first and only the newest MAX_FLOW_ROWS', () => {
    const many = Array.from({ length: MAX_FLOW_ROWS + 20 }, (_, i) => flow(i));
    const state = flowTableReducer(initialFlowTableState(), {
      type: 'flows',
      flows: many,
    });
    expect(state.rows).toHaveLength(MAX_FLOW_ROWS);
    expect(state.rows[0].uuid).toBe(`f${MAX_FLOW_ROWS + 19}`);
    expect(state.rows.at(-1)?.uuid).toBe('f20');
  });

  it('ignores flows a reconnected stream replays', () => {
    let state = flowTableReducer(initialFlowTableState(), {
      type: 'flows',
      flows: [flow(1), flow(2)],
    });
    state = flowTableReducer(state, {
      type: 'flows',
      flows: [flow(1), flow(2), flow(3)],
    });
    expect(uuids(state.rows)).toEqual(['f3', 'f2', 'f1']);
  });

  it('puts a late flow where its time belongs', () => {
    let state = flowTableReducer(initialFlowTableState(), {
      type: 'flows',
      flows: [flow(1), flow(5)],
    });
    state = flowTableReducer(state, { type: 'flows', flows: [flow(3)] });
    expect(uuids(state.rows)).toEqual(['f5', 'f3', 'f1']);
  });

  it('holds flows back while paused, counts what did not fit, and shows them on resume', () => {
    let state = flowTableReducer(initialFlowTableState(), {
      type: 'flows',
      flows: [flow(0)],
    });
    state = flowTableReducer(state, { type: 'pause' });
    const burst = Array.from({ length: MAX_FLOW_ROWS + 5 }, (_, i) =>
      flow(i + 1),
    );
    state = flowTableReducer(state, { type: 'flows', flows: burst });
    expect(uuids(state.rows)).toEqual(['f0']);
    expect(state.pending).toHaveLength(MAX_FLOW_ROWS);
    expect(state.droppedWhilePaused).toBe(5);

    state = flowTableReducer(state, { type: 'resume' });
    expect(state.paused).toBe(false);
    expect(state.pending).toHaveLength(0);
    expect(state.rows).toHaveLength(MAX_FLOW_ROWS);
    expect(state.rows[0].uuid).toBe(`f${MAX_FLOW_ROWS + 5}`);
  });

  it('adds up lost flows and starts over on reset, still paused', () => {
    let state = flowTableReducer(initialFlowTableState(), {
      type: 'lost',
      count: 3,
    });
    state = flowTableReducer(state, { type: 'lost', count: 4 });
    expect(state.lost).toBe(7);
    state = flowTableReducer(flowTableReducer(state, { type: 'pause' }), {
      type: 'reset',
    });
    expect(state).toMatchObject({ lost: 0, rows: [], paused: true });
  });
});
