import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/** One representation of a read model: the bytes to send and their strong ETag. */
export interface CachedBody {
  body: Buffer;
  /** Strong ETag over these bytes, so clients can revalidate with If-None-Match. */
  etag: string;
}

/** A serialized read model, ready to send. */
export interface CachedJson extends CachedBody {
  /**
   * The body gzipped, compressed once on first use and kept with the entry;
   * undefined when compression would not pay (small or incompressible bodies).
   */
  gzip(): CachedBody | undefined;
}

/**
 * Smaller bodies are sent as they are: compressing them saves less than it
 * costs. The same threshold as the root router's compression middleware,
 * which leaves such bodies alone too.
 */
const GZIP_MIN_BYTES = 1024;

const etagOf = (body: Buffer, suffix = '') =>
  `"${createHash('sha1').update(body).digest('base64url')}${suffix}"`;

class Entry implements CachedJson {
  readonly etag: string;
  private gzipped: CachedBody | null | undefined;

  constructor(readonly body: Buffer) {
    this.etag = etagOf(body);
  }

  gzip(): CachedBody | undefined {
    if (this.gzipped === undefined) {
      const compressed =
        this.body.length >= GZIP_MIN_BYTES ? gzipSync(this.body) : undefined;
      // a representation of its own: its own ETag (RFC 9110 8.8.3)
      this.gzipped =
        compressed && compressed.length < this.body.length * 0.9
          ? { body: compressed, etag: etagOf(this.body, '-gz') }
          : null;
    }
    return this.gzipped ?? undefined;
  }
}

/**
 * Read models (topology, deployments) per key, as values and serialized,
 * valid until the store changes anything in the key's namespace. Reads are
 * far more frequent than changes, and a 500-component topology costs tens of
 * milliseconds to compute, as much to serialize and as much again to
 * compress, so each one is computed once per change, not once per request.
 */
export class ReadModelCache {
  private readonly generations = new Map<string, number>();
  private readonly entries = new Map<
    string,
    { generation: number; value: unknown }
  >();
  private readonly unsubscribe: () => void;

  constructor(store: ChoreoStoreReader, private readonly maxEntries = 5000) {
    this.unsubscribe = store.subscribe(event => {
      const namespaces = new Set(
        event.changes.map(c => c.resource.metadata.namespace ?? ''),
      );
      // cluster-scoped changes (data planes, workflows) may matter everywhere
      if (namespaces.has('')) {
        this.generations.clear();
        this.entries.clear();
        return;
      }
      namespaces.forEach(ns =>
        this.generations.set(ns, (this.generations.get(ns) ?? 0) + 1),
      );
    });
  }

  /**
   * `compute()`, from the cache while nothing in `namespace` changed. The
   * value is shared by every caller: read it, never change it. A throw is
   * not kept.
   */
  value<T>(namespace: string, key: string, compute: () => T): T {
    const generation = this.generations.get(namespace) ?? 0;
    const cacheKey = `${namespace}\u0000${key}`;
    const hit = this.entries.get(cacheKey);
    if (hit && hit.generation === generation) return hit.value as T;
    const value = compute();
    if (hit) this.entries.delete(cacheKey);
    this.entries.set(cacheKey, { generation, value });
    if (this.entries.size > this.maxEntries) {
      // Maps iterate in insertion order: the first key is the least recently computed
      this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }

  /** The JSON of `compute()`, from the cache while nothing in `namespace` changed. */
  json(namespace: string, key: string, compute: () => unknown): CachedJson {
    return this.value(
      namespace,
      `json\u0000${key}`,
      () => new Entry(Buffer.from(JSON.stringify(compute()))),
    );
  }

  close() {
    this.unsubscribe();
  }
}
