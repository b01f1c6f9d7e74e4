import {
  ChoreoResource,
  ResourceScope,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ResourceFilter } from './types';

/** One resource as the store holds it. */
export interface IndexedEntry {
  /** `resourceKeyString` of the resource. */
  key: string;
  resource: ChoreoResource;
  source: string;
  scope: ResourceScope;
}

const DIMENSIONS = [
  'namespace',
  'project',
  'component',
  'environment',
  'source',
] as const;
type Dimension = (typeof DIMENSIONS)[number];

function valueOf(entry: IndexedEntry, dimension: Dimension) {
  return dimension === 'source' ? entry.source : entry.scope[dimension];
}

function slot(kind: string, dimension: Dimension, value: string) {
  return `${kind}\u0000${dimension}\u0000${value}`;
}

/**
 * Resources per kind and key, plus secondary indexes per kind by namespace,
 * project, component, environment and source, so that a filtered `list`
 * costs what it returns instead of a scan of the kind.
 */
export class ResourceIndex {
  private readonly byKind = new Map<string, Map<string, IndexedEntry>>();
  private readonly secondary = new Map<string, Set<string>>();

  get(kind: string, key: string): IndexedEntry | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  /** Adds the entry or replaces the one with the same key. */
  put(entry: IndexedEntry): void {
    const kind = entry.resource.kind;
    let entries = this.byKind.get(kind);
    if (!entries) {
      entries = new Map();
      this.byKind.set(kind, entries);
    }
    const previous = entries.get(entry.key);
    entries.set(entry.key, entry);
    for (const dimension of DIMENSIONS) {
      const before = previous ? valueOf(previous, dimension) : undefined;
      const after = valueOf(entry, dimension);
      if (before === after) {
        continue;
      }
      if (before !== undefined) {
        this.unlink(slot(kind, dimension, before), entry.key);
      }
      if (after !== undefined) {
        this.link(slot(kind, dimension, after), entry.key);
      }
    }
  }

  remove(kind: string, key: string): IndexedEntry | undefined {
    const entries = this.byKind.get(kind);
    const entry = entries?.get(key);
    if (!entries || !entry) {
      return undefined;
    }
    entries.delete(key);
    for (const dimension of DIMENSIONS) {
      const value = valueOf(entry, dimension);
      if (value !== undefined) {
        this.unlink(slot(kind, dimension, value), key);
      }
    }
    return entry;
  }

  list(kind: string, filter: ResourceFilter = {}): IndexedEntry[] {
    const entries = this.byKind.get(kind);
    if (!entries) {
      return [];
    }
    const wanted = DIMENSIONS.filter(d => filter[d] !== undefined);
    if (wanted.length === 0) {
      return Array.from(entries.values());
    }
    // Walk the smallest matching index and check the other fields on each hit.
    let smallest: Set<string> | undefined;
    for (const dimension of wanted) {
      const keys = this.secondary.get(
        slot(kind, dimension, filter[dimension]!),
      );
      if (!keys) {
        return [];
      }
      if (!smallest || keys.size < smallest.size) {
        smallest = keys;
      }
    }
    const result: IndexedEntry[] = [];
    for (const key of smallest!) {
      const entry = entries.get(key)!;
      if (wanted.every(d => valueOf(entry, d) === filter[d])) {
        result.push(entry);
      }
    }
    return result;
  }

  private link(name: string, key: string) {
    let keys = this.secondary.get(name);
    if (!keys) {
      keys = new Set();
      this.secondary.set(name, keys);
    }
    keys.add(key);
  }

  private unlink(name: string, key: string) {
    const keys = this.secondary.get(name);
    if (keys) {
      keys.delete(key);
      if (keys.size === 0) {
        this.secondary.delete(name);
      }
    }
  }
}
