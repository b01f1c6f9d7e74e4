import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';

/** Applies provider mutations the way the catalog does, and records them. */
export class FakeCatalog implements EntityProviderConnection {
  readonly entities = new Map<string, Entity>();
  readonly mutations: EntityProviderMutation[] = [];

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    this.mutations.push(mutation);
    if (mutation.type === 'full') {
      this.entities.clear();
      for (const { entity } of mutation.entities) {
        this.entities.set(stringifyEntityRef(entity), entity);
      }
      return;
    }
    for (const { entity } of mutation.added) {
      this.entities.set(stringifyEntityRef(entity), entity);
    }
    for (const removal of mutation.removed) {
      this.entities.delete(
        'entityRef' in removal
          ? removal.entityRef
          : stringifyEntityRef(removal.entity),
      );
    }
  }

  async refresh(): Promise<void> {}

  get(ref: string): Entity | undefined {
    return this.entities.get(ref);
  }

  refs(): string[] {
    return Array.from(this.entities.keys()).sort();
  }

  /** The last mutation, as refs added and removed. */
  lastDelta(): { added: string[]; removed: string[] } | undefined {
    const last = this.mutations[this.mutations.length - 1];
    if (!last || last.type !== 'delta') {
      return undefined;
    }
    return {
      added: last.added.map(d => stringifyEntityRef(d.entity)).sort(),
      removed: last.removed
        .map(r =>
          'entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity),
        )
        .sort(),
    };
  }
}
