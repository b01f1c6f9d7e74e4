import { createHash } from 'node:crypto';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/** A serialized read model, ready to send. */
export interface CachedJson {
  body: Buffer;
  /** Strong ETag over the body, so clients can revalidate with If-None-Match. */
  etag: string;
}

interface Entry extends CachedJson {
  generation: number;
}

/**
 * Serialized read models (topology, deployments) per key, valid until the
 * store changes anything in the key's namespace. Reads are far more frequent
 * than changes, and a 500-component topology costs tens of milliseconds to
 * compute and serialize, so each one is computed once per change.
 */
export class ReadModelCache {
  private readonly generations = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
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

  /** The JSON of `compute()`, from the cache while nothing in `namespace` changed. */
  json(namespace: string, key: string, compute: () => unknown): CachedJson {
    const generation = this.generations.get(namespace) ?? 0;
    const cacheKey = `${namespace}\u0000${key}`;
    const hit = this.entries.get(cacheKey);
    if (hit && hit.generation === generation) return hit;
    const body = Buffer.from(JSON.stringify(compute()));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const entry = { generation, body, etag };
    if (hit) this.entries.delete(cacheKey);
    this.entries.set(cacheKey, entry);
    if (this.entries.size > this.maxEntries) {
      // Maps iterate in insertion order: the first key is the least recently computed
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  close() {
    this.unsubscribe();
  }
}
