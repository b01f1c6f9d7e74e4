export type PromotionRequestState =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'applied'
  | 'failed';

/** A promotion into an environment that needs someone else's approval. */
export interface PromotionRequest {
  id: string;
  /** Entity ref of the component, `component:<namespace>/<name>`. */
  componentRef: string;
  from: string;
  to: string;
  releaseName: string;
  requestedBy: string;
  requestedAt: string;
  state: PromotionRequestState;
  decidedBy?: string;
  decidedAt?: string;
  decisionComment?: string;
}

export type AuditResult = 'ok' | 'error';

/** One write the Choreo plugin made or refused, with who asked and from where. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  /** For example `release.promote`, `release.rollback`, `build.trigger`. */
  action: string;
  /** Entity ref of what was written to, usually the component. */
  target: string;
  details: Record<string, unknown>;
  result: AuditResult;
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

/** Promotion answer: applied at once, or waiting for approval (HTTP 202). */
export type PromotionResponse =
  | MutationResponse
  | {
      result: 'pending-approval';
      request: PromotionRequest;
      warnings: string[];
    };
