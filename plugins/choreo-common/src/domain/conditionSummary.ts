import { Condition, ObjectMeta } from '../resources';
import {
  ReasonContext,
  reasonWords,
  renderReasonWords,
  StatusState,
} from './statusReasons';

// Building blocks shared by the per-kind status summaries.

/** A developer-facing reading of a resource's conditions. */
export interface StatusSummary {
  state: StatusState;
  /** OpenChoreo's machine reason, for filtering and support. */
  reason?: string;
  /** Plain words, e.g. "Waiting for pods to become ready". */
  message: string;
  /** When the deciding condition last changed. */
  since?: string;
}

export const findCondition = (
  conditions: Condition[] | undefined,
  type: string,
) => conditions?.find(c => c.type === type);

export const isTrue = (c?: Condition) => c?.status === 'True';

/** The condition a summary reads: `ready`, else the first of `parts` that is not True. */
export function decidingCondition(
  conditions: Condition[] | undefined,
  ready: Condition | undefined,
  parts: string[],
): Condition | undefined {
  return (
    ready ??
    parts
      .map(type => findCondition(conditions, type))
      .find(c => c && !isTrue(c))
  );
}

/** The controller has not yet looked at the latest spec, so older conditions would mislead. */
export function isStale(
  metadata: ObjectMeta,
  status: { observedGeneration?: number } | undefined,
  decider: Condition | undefined,
): boolean {
  const generation = metadata.generation;
  if (generation === undefined) return false;
  if (
    status?.observedGeneration !== undefined &&
    status.observedGeneration < generation
  ) {
    return true;
  }
  return (
    decider?.observedGeneration !== undefined &&
    decider.observedGeneration < generation
  );
}

/** Summary of one condition through the reason table; unknown reasons fall back to the raw message. */
export function fromCondition(
  kind: string,
  condition: Condition,
  ctx: ReasonContext,
): StatusSummary {
  const entry = reasonWords(kind, condition.reason);
  const since = condition.lastTransitionTime;
  if (entry) {
    return {
      state: entry.state,
      reason: condition.reason,
      message: renderReasonWords(entry, ctx, condition.message),
      since,
    };
  }
  const state: StatusState = isTrue(condition) ? 'ready' : 'unknown';
  return {
    state,
    reason: condition.reason,
    message:
      condition.message ||
      condition.reason ||
      (state === 'ready' ? 'Ready' : 'Status unknown'),
    since,
  };
}

export const waitingForController = (what: string): StatusSummary => ({
  state: 'progressing',
  message: `Waiting for OpenChoreo to process ${what}`,
});

export function finalizing(
  conditions: Condition[] | undefined,
): StatusSummary | undefined {
  const c = findCondition(conditions, 'Finalizing');
  if (!isTrue(c)) return undefined;
  return {
    state: 'progressing',
    reason: 'Finalizing',
    message: 'Being deleted',
    since: c!.lastTransitionTime,
  };
}
