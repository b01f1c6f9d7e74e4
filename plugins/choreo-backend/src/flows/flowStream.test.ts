import {
  FlowIdentity,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  FlowBuffer,
  FlowSource,
} from '@choreo-for-backstage/plugin-choreo-node';
import { FlowStreamFilter, flowStreamItems } from './flowStream';

const component = (project: string, name: string): FlowIdentity => ({
  kind: 'component',
  cpNamespace: 'acme',
  project,
  component: name,
  environment: 'development',
});

let n = 0;
function flow(
  from: FlowIdentity,
  to: FlowIdentity,
  verdict: FlowRecord['verdict'] = 'FORWARDED',
): FlowRecord {
  const id = (i: FlowIdentity) =>
    i.kind === 'component'
      ? `component:acme/${i.project}/${i.component}`
      : i.kind;
  n++;
  return {
    time: new Date(n).toISOString(),
    timeMs: n,
    uuid: `f${n}`,
    verdict,
    source: { id: id(from), identity: from },
    destination: { id: id(to), identity: to },
    trafficDirection: 'EGRESS',
  };
}

function bufferSource(): FlowSource & { buffer: FlowBuffer } {
  const buffer = new FlowBuffer(100);
  return {
    buffer,
    start: async () => undefined,
    stop: async () => undefined,
    subscribe: (l, f) => buffer.subscribe(l, f),
    recent: (f, limit) => buffer.recent(f, limit),
    status: () => ({
      type: 'file',
      state: 'streaming',
      since: '',
      received: 0,
      invalid: 0,
      problems: [],
    }),
  };
}

const api = component('shop', 'api');
const web = component('shop', 'web');
const ledger = component('billing', 'ledger');
const cell = {
  cpNamespace: 'acme',
  environment: 'development',
  project: 'shop',
};

describe('flowStreamItems', () => {
  it('sends the latest recent flows, then live ones, and counts what a slow client lost', async () => {
    const source = bufferSource();
    for (let i = 0; i < 5; i++) source.buffer.push(flow(web, api));
    const controller = new AbortController();
    const items = flowStreamItems(source, { cell }, 3, controller.signal);
    const next = async () => (await items.next()).value;

    const recent = [await next(), await next(), await next()];
    expect(recent.map(i => [i.event, i.data.uuid])).toEqual([
      ['flow', 'f3'],
      ['flow', 'f4'],
      ['flow', 'f5'],
    ]);
    // the client does not read while 5 flows arrive; only 3 fit
    for (let i = 0; i < 5; i++) source.buffer.push(flow(web, api));
    expect(await next()).toEqual({ event: 'lost', data: { count: 2 } });
    const live = [await next(), await next(), await next()];
    expect(live.map(i => i.data.uuid)).toEqual(['f8', 'f9', 'f10']);

    const waiting = items.next();
    controller.abort();
    expect((await waiting).done).toBe(true);
  });

  it('filters by verdict, direction and peer', async () => {
    const source = bufferSource();
    const world: FlowIdentity = { kind: 'world' };
    source.buffer.push(flow(web, api));
    source.buffer.push(flow(api, ledger, 'DROPPED'));
    source.buffer.push(flow(world, web));
    source.buffer.push(flow(ledger, component('billing', 'job')));
    const uuids = async (filter: Omit<FlowStreamFilter, 'cell'>) => {
      const controller = new AbortController();
      const out: string[] = [];
      const items = flowStreamItems(
        source,
        { cell, ...filter },
        10,
        controller.signal,
      );
      for (let i = 0; i < source.buffer.size; i++) {
        const next = await Promise.race([
          items.next(),
          new Promise<undefined>(r => setImmediate(() => r(undefined))),
        ]);
        if (!next) break;
        out.push((next.value as { data: FlowRecord }).data.uuid!);
      }
      controller.abort();
      await items.return(undefined);
      return out;
    };
    const [a, b, c] = source.buffer.recent().map(f => f.uuid);
    expect(await uuids({})).toEqual([a, b, c]);
    expect(await uuids({ verdict: 'DROPPED' })).toEqual([b]);
    expect(await uuids({ direction: 'egress' })).toEqual([a, b]);
    expect(await uuids({ direction: 'ingress', peer: 'world' })).toEqual([c]);
    expect(await uuids({ peer: 'ledger' })).toEqual([b]);
  });
});
