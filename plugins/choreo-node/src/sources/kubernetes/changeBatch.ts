import {
  ChoreoResource,
  ResourceKey,
} from '@choreo-for-backstage/plugin-choreo-common';

export interface BatchedChanges {
  upserts: ChoreoResource[];
  removals: ResourceKey[];
}

/**
 * Collects changes for a short while and hands them over together, so a
 * burst of watch events (a relist, a controller touching many objects)
 * reaches the store, and its listeners, as one change event. The last change
 * of a key wins.
 */
export class ChangeBatch {
  private pending = new Map<string, ChoreoResource | ResourceKey>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deliver: (changes: BatchedChanges) => void,
    private readonly delayMs: number,
  ) {}

  /** A resource to add or change, or the key of one to remove. */
  add(key: string, change: ChoreoResource | ResourceKey) {
    this.pending.set(key, change);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Drops what is pending (a full replace supersedes it, or the source stopped). */
  clear() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = new Map();
  }

  private flush() {
    this.timer = undefined;
    const changes: BatchedChanges = { upserts: [], removals: [] };
    for (const change of this.pending.values()) {
      if ('metadata' in change) {
        changes.upserts.push(change);
      } else {
        changes.removals.push(change);
      }
    }
    this.pending = new Map();
    if (changes.upserts.length > 0 || changes.removals.length > 0) {
      this.deliver(changes);
    }
  }
}
