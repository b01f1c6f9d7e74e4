import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

interface Emitted {
  entity: Entity;
  /** Serialized entity, to tell a real change from a re-translation. */
  json: string;
  /** Roots that produce it; empty when a refused removal kept it. */
  roots: Set<string>;
}

/** What a mutation would change, and how to record it once applied. */
export interface EmissionPlan {
  /** Entities that are new or changed (for a full plan: every entity). */
  added: Entity[];
  /** Refs no root produces any more. */
  removed: string[];
  /** How many entities the provider had emitted before. */
  previousCount: number;
  /** Records the plan; with `keepRemoved`, refused removals stay as emitted. */
  commit(options?: { keepRemoved?: boolean }): void;
}

/** The same ref from two roots with different content: the later root wins. */
export interface EmissionConflict {
  ref: string;
  roots: string[];
}

/**
 * The entities a provider has emitted, by ref and by translation root. It
 * turns re-translated roots into the smallest delta (only changed entities
 * are sent, an entity is removed only when no root produces it any more)
 * and remembers the last set for the mass-removal guard.
 */
export class EmittedEntities {
  private byRef = new Map<string, Emitted>();
  private byRoot = new Map<string, Set<string>>();

  get size(): number {
    return this.byRef.size;
  }

  /** The entities a root produced last time (to keep them when it fails to translate). */
  entitiesOf(root: string): Entity[] {
    return Array.from(this.byRoot.get(root) ?? [])
      .map(ref => this.byRef.get(ref)?.entity)
      .filter((e): e is Entity => !!e);
  }

  refs(): string[] {
    return Array.from(this.byRef.keys());
  }

  /** A delta for some re-translated roots; roots not in `results` keep their entities. */
  planRoots(
    results: Map<string, Entity[]>,
    onConflict?: (conflict: EmissionConflict) => void,
  ): EmissionPlan {
    const produced = new Map<
      string,
      { entity: Entity; json: string; roots: string[] }
    >();
    for (const [root, entities] of results) {
      for (const entity of entities) {
        const ref = stringifyEntityRef(entity);
        const json = JSON.stringify(entity);
        const seen = produced.get(ref);
        if (seen && seen.json !== json) {
          onConflict?.({ ref, roots: [...seen.roots, root] });
        }
        produced.set(ref, {
          entity,
          json,
          roots: [...(seen?.roots ?? []), root],
        });
      }
    }
    const added = Array.from(produced.entries())
      .filter(([ref, p]) => this.byRef.get(ref)?.json !== p.json)
      .map(([, p]) => p.entity);

    const removedSet = new Set<string>();
    for (const root of results.keys()) {
      for (const ref of this.byRoot.get(root) ?? []) {
        if (produced.has(ref) || removedSet.has(ref)) {
          continue;
        }
        const others = Array.from(this.byRef.get(ref)?.roots ?? []).filter(
          r => !results.has(r),
        );
        if (others.length === 0) {
          removedSet.add(ref);
        }
      }
    }
    const removed = Array.from(removedSet);

    return {
      added,
      removed,
      previousCount: this.byRef.size,
      commit: ({ keepRemoved = false } = {}) => {
        for (const root of results.keys()) {
          for (const ref of this.byRoot.get(root) ?? []) {
            this.byRef.get(ref)?.roots.delete(root);
          }
          this.byRoot.delete(root);
        }
        for (const [ref, p] of produced) {
          const current = this.byRef.get(ref);
          const roots = new Set([...(current?.roots ?? []), ...p.roots]);
          this.byRef.set(ref, { entity: p.entity, json: p.json, roots });
          for (const root of p.roots) {
            const refs = this.byRoot.get(root) ?? new Set<string>();
            refs.add(ref);
            this.byRoot.set(root, refs);
          }
        }
        if (!keepRemoved) {
          for (const ref of removed) {
            this.byRef.delete(ref);
          }
        }
      },
    };
  }

  /** A full mutation from every root of the source. */
  planFull(
    results: Map<string, Entity[]>,
    onConflict?: (conflict: EmissionConflict) => void,
  ): EmissionPlan {
    const next = new EmittedEntities();
    next.planRoots(results, onConflict).commit();
    const removed = this.refs().filter(ref => !next.byRef.has(ref));
    return {
      added: Array.from(next.byRef.values(), e => e.entity),
      removed,
      previousCount: this.byRef.size,
      commit: () => {
        this.byRef = next.byRef;
        this.byRoot = next.byRoot;
      },
    };
  }
}
