import {
  FlowCellFilter,
  FlowEndpoint,
  FlowRecord,
  FlowVerdict,
} from '@choreo-for-backstage/plugin-choreo-common';
import { FlowSource } from '@choreo-for-backstage/plugin-choreo-node';

export interface FlowStreamFilter {
  cell: FlowCellFilter;
  verdict?: FlowVerdict;
  /** Relative to the scope: ingress = the destination is in it, egress = the source is. */
  direction?: 'ingress' | 'egress';
  /** The other side: a component name or `world`. */
  peer?: string;
}

export type FlowStreamItem =
  | { event: 'flow'; data: FlowRecord }
  | { event: 'lost'; data: { count: number } };

const inScope = (e: FlowEndpoint, cell: FlowCellFilter) => {
  const i = e.identity;
  return (
    i.kind === 'component' &&
    i.cpNamespace === cell.cpNamespace &&
    i.environment === cell.environment &&
    (cell.project === undefined || i.project === cell.project) &&
    (cell.component === undefined || i.component === cell.component)
  );
};

const isPeer = (e: FlowEndpoint, peer: string) =>
  peer === 'world'
    ? e.identity.kind === 'world'
    : e.identity.kind === 'component' && e.identity.component === peer;

/** Whether a flow of the cell passes the stream's verdict, direction and peer filters. */
export function flowMatchesStream(
  flow: FlowRecord,
  filter: FlowStreamFilter,
): boolean {
  if (filter.verdict && flow.verdict !== filter.verdict) return false;
  const srcIn = inScope(flow.source, filter.cell);
  const dstIn = inScope(flow.destination, filter.cell);
  if (!srcIn && !dstIn) return false;
  if (filter.direction === 'ingress' && !dstIn) return false;
  if (filter.direction === 'egress' && !srcIn) return false;
  if (filter.peer) {
    // the peer is the side outside the scope; inside a project both sides may be in it
    const peerOk =
      (srcIn && isPeer(flow.destination, filter.peer)) ||
      (dstIn && isPeer(flow.source, filter.peer));
    if (!peerOk) return false;
  }
  return true;
}

/**
 * The recent matching flows, then live ones, as stream items. A client that
 * reads slower than flows arrive never grows memory: past `bufferSize`
 * queued flows the oldest go, and the next item tells how many were lost.
 */
export async function* flowStreamItems(
  source: FlowSource,
  filter: FlowStreamFilter,
  bufferSize: number,
  signal: AbortSignal,
): AsyncGenerator<FlowStreamItem> {
  const queue: Array<FlowRecord | undefined> = new Array(bufferSize);
  let head = 0;
  let size = 0;
  let lost = 0;
  let wake: (() => void) | undefined;
  const push = (flow: FlowRecord) => {
    if (size === bufferSize) {
      // drop the oldest
      head = (head + 1) % bufferSize;
      size--;
      lost++;
    }
    queue[(head + size) % bufferSize] = flow;
    size++;
    const w = wake;
    wake = undefined;
    w?.();
  };
  // recent() and subscribe() in the same tick: nothing falls between them
  // only the latest that fit: older recent flows are history, not loss
  const recent = source
    .recent(filter.cell)
    .filter(flow => flowMatchesStream(flow, filter));
  for (const flow of recent.slice(-bufferSize)) push(flow);
  const unsubscribe = source.subscribe(flow => {
    if (flowMatchesStream(flow, filter)) push(flow);
  }, filter.cell);
  const onAbort = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const woken = () =>
    new Promise<void>(resolve => {
      wake = resolve;
    });
  signal.addEventListener('abort', onAbort);
  try {
    while (!signal.aborted) {
      if (lost > 0) {
        const count = lost;
        lost = 0;
        yield { event: 'lost', data: { count } };
      } else if (size > 0) {
        const flow = queue[head] as FlowRecord;
        queue[head] = undefined;
        head = (head + 1) % bufferSize;
        size--;
        yield { event: 'flow', data: flow };
      } else {
        await woken();
      }
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}
