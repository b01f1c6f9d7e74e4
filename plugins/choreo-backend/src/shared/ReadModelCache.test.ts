import { gunzipSync } from 'node:zlib';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  StoreChangeEvent,
} from '@choreo-for-backstage/plugin-choreo-node';
import { ReadModelCache } from './ReadModelCache';

function fakeStore() {
  let listener: ((event: StoreChangeEvent) => void) | undefined;
  const store = {
    subscribe: (l: (event: StoreChangeEvent) => void) => {
      listener = l;
      return () => (listener = undefined);
    },
  } as unknown as ChoreoStoreReader;
  const change = (namespace?: string) =>
    listener?.({
      source: 's',
      changes: [
        {
          type: 'modified',
          source: 's',
          resource: {
            kind: 'Project',
            metadata: { name: 'p', namespace },
          } as ChoreoResource,
        },
      ],
    });
  return { store, change };
}

describe('ReadModelCache', () => {
  it('computes once until something in the namespace changes', () => {
    const { store, change } = fakeStore();
    const cache = new ReadModelCache(store);
    let computed = 0;
    const read = (ns: string) =>
      cache.json(ns, 'k', () => ({ n: ++computed })).body.toString();

    expect(read('acme')).toBe('{"n":1}');
    expect(read('acme')).toBe('{"n":1}');
    change('other');
    expect(read('acme')).toBe('{"n":1}');
    change('acme');
    expect(read('acme')).toBe('{"n":2}');
    change(undefined); // a cluster-scoped kind
    expect(read('acme')).toBe('{"n":3}');
    cache.close();
  });

  it('shares one computed value until the namespace changes, and keeps no failure', () => {
    const { store, change } = fakeStore();
    const cache = new ReadModelCache(store);
    const first = cache.value('acme', 'topology/p/dev', () => ({ nodes: [] }));
    expect(cache.value('acme', 'topology/p/dev', () => ({ nodes: [1] }))).toBe(
      first,
    );
    // the serialized form is an entry of its own under the same key
    expect(
      cache.json('acme', 'topology/p/dev', () => ({ n: 1 })).body.toString(),
    ).toBe('{"n":1}');
    change('acme');
    expect(
      cache.value('acme', 'topology/p/dev', () => ({ nodes: [2] })),
    ).toEqual({ nodes: [2] });

    const failing = () => {
      throw new Error('Environment qa not found');
    };
    expect(() => cache.value('acme', 'topology/p/qa', failing)).toThrow(
      'Environment qa not found',
    );
    expect(cache.value('acme', 'topology/p/qa', () => 'now there')).toBe(
      'now there',
    );
    cache.close();
  });

  it('forgets the oldest entries beyond its size', () => {
    const { store } = fakeStore();
    const cache = new ReadModelCache(store, 2);
    let computed = 0;
    const read = (key: string) =>
      cache.json('acme', key, () => ++computed).body.toString();
    read('a');
    read('b');
    read('c');
    expect(read('b')).toBe('2');
    expect(read('a')).toBe('4');
  });

  it('keeps a gzipped copy of large bodies with its own ETag, and none of small ones', () => {
    const { store } = fakeStore();
    const cache = new ReadModelCache(store);
    const nodes = Array.from({ length: 500 }, (_, i) => ({ id: `node-${i}` }));
    const large = cache.json('acme', 'topology', () => ({ nodes }));
    const gzip = large.gzip()!;
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual({ nodes });
    expect(gzip.body.length).toBeLessThan(large.body.length / 2);
    expect(gzip.etag).not.toBe(large.etag);
    // compressed once, then served from the entry
    expect(cache.json('acme', 'topology', () => ({})).gzip()).toBe(gzip);

    expect(cache.json('acme', 'small', () => ({ n: 1 })).gzip()).toBe(
      undefined,
    );
  });
});
