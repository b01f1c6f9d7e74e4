/**
 * pending → applying → applied | failed, or pending → rejected | withdrawn |
 * expired | stale. Only `pending` and `applying` are open.
 */
export type ChangeRequestState =
  | 'pending'
  | 'applying'
  | 'applied'
  | 'failed'
  | 'rejected'
  | 'withdrawn'
  | 'expired'
  | 'stale';

export const OPEN_CHANGE_REQUEST_STATES: readonly ChangeRequestState[] = [
  'pending',
  'applying',
];

/** What a change request asks for in its environment. */
export type RequestedChange =
  | { kind: 'promote'; from: string; releaseName: string }
  | { kind: 'rollback'; releaseName: string }
  | { kind: 'undeploy' }
  | { kind: 'redeploy' }
  | { kind: 'restart' };

/**
 * What the environment ran when the change was asked for. Approval applies
 * the change only while this is still so; otherwise the request is stale
 * and someone asks again with what runs now.
 */
export interface ChangeBasis {
  /** Whether the environment had a ReleaseBinding of the component. */
  bound: boolean;
  releaseName?: string;
  state?: 'Active' | 'Undeploy';
  restartedAt?: string;
}

/** A change to what runs in an environment that needs someone else's approval. */
export interface ChangeRequest {
  id: string;
  /** Entity ref of the component, `component:<namespace>/<name>`. */
  componentRef: string;
  environment: string;
  change: RequestedChange;
  basis: ChangeBasis;
  requestedBy: string;
  requestedAt: string;
  /** A pending request nobody decided by then expires. */
  expiresAt: string;
  state: ChangeRequestState;
  decidedBy?: string;
  decidedAt?: string;
  decisionComment?: string;
  /** Why a request failed, went stale or expired, in plain words. */
  outcome?: string;
}

/** One page of change requests, newest first; pass `nextCursor` back for the next. */
export interface ChangeRequestPage {
  items: ChangeRequest[];
  nextCursor?: string;
}

/** `pending` is written before the change, its outcome after it. */
export type AuditResult = 'pending' | 'ok' | 'refused' | 'error';

/** One write the Choreo plugin made or refused, with who asked and from where. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  /** For example `release.promote`, `release.rollback`, `build.trigger`. */
  action: string;
  /** What was written to: usually the component's entity ref. */
  target: string;
  /** What an auditor needs: names, environments, releases, request ids; never values or bodies. */
  details: Record<string, unknown>;
  result: AuditResult;
  /** The message the caller got; internals stay in the server log. */
  errorMessage?: string;
  origin?: { ip?: string; userAgent?: string };
}

/** What a mutation answered: the resource name it wrote and any warnings. */
export interface MutationResponse {
  result: 'applied';
  action: 'created' | 'updated' | 'unchanged';
  resource: { kind: string; namespace: string; name: string };
  warnings: string[];
  commit?: string;
}

/**
 * The answer to a change of what runs in an environment: applied at once, or
 * waiting for someone else's approval (HTTP 202).
 */
export type ChangeResponse =
  | MutationResponse
  | {
      result: 'pending-approval';
      request: ChangeRequest;
      /** False when the same change was already waiting: this is that request. */
      created: boolean;
      warnings: string[];
    };
