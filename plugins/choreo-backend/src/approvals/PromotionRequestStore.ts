import { randomUUID } from 'node:crypto';
import {
  PromotionRequest,
  PromotionRequestState,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Knex } from 'knex';

interface RequestRow {
  id: string;
  component_ref: string;
  from_environment: string;
  to_environment: string;
  release_name: string;
  requested_by: string;
  requested_at: string;
  state: PromotionRequestState;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
}

const TABLE = 'promotion_requests';

export type NewPromotionRequest = Pick<
  PromotionRequest,
  'componentRef' | 'from' | 'to' | 'releaseName' | 'requestedBy'
>;

/** Promotion requests in the database, shared by every backend replica. */
export class PromotionRequestStore {
  constructor(private readonly db: Knex) {}

  async create(request: NewPromotionRequest): Promise<PromotionRequest> {
    const row: RequestRow = {
      id: randomUUID(),
      component_ref: request.componentRef,
      from_environment: request.from,
      to_environment: request.to,
      release_name: request.releaseName,
      requested_by: request.requestedBy,
      requested_at: new Date().toISOString(),
      state: 'pending',
      decided_by: null,
      decided_at: null,
      decision_comment: null,
    };
    await this.db<RequestRow>(TABLE).insert(row);
    return toRequest(row);
  }

  async get(id: string): Promise<PromotionRequest | undefined> {
    const row = await this.db<RequestRow>(TABLE).where('id', id).first();
    return row ? toRequest(row) : undefined;
  }

  /** Newest first. */
  async list(
    filter: { componentRef?: string; state?: PromotionRequestState } = {},
  ): Promise<PromotionRequest[]> {
    let q = this.db<RequestRow>(TABLE)
      .select()
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (filter.componentRef) q = q.where('component_ref', filter.componentRef);
    if (filter.state) q = q.where('state', filter.state);
    return (await q).map(toRequest);
  }

  /** An open request for the same promotion, so repeated clicks do not pile up requests. */
  async findOpen(
    request: Pick<PromotionRequest, 'componentRef' | 'to' | 'releaseName'>,
  ): Promise<PromotionRequest | undefined> {
    const row = await this.db<RequestRow>(TABLE)
      .where({
        component_ref: request.componentRef,
        to_environment: request.to,
        release_name: request.releaseName,
      })
      .whereIn('state', ['pending', 'approved'])
      .orderBy('requested_at', 'desc')
      .first();
    return row ? toRequest(row) : undefined;
  }

  /**
   * Moves a request from one state to another; false when it is no longer in
   * `from` (another replica or user decided first).
   */
  async transition(
    id: string,
    from: PromotionRequestState,
    to: PromotionRequestState,
    decision?: { by: string; comment?: string },
  ): Promise<boolean> {
    const update: Partial<RequestRow> = { state: to };
    if (decision) {
      update.decided_by = decision.by;
      update.decided_at = new Date().toISOString();
      update.decision_comment = decision.comment ?? null;
    }
    const count = await this.db<RequestRow>(TABLE)
      .where({ id, state: from })
      .update(update);
    return count === 1;
  }
}

function toRequest(row: RequestRow): PromotionRequest {
  return {
    id: row.id,
    componentRef: row.component_ref,
    from: row.from_environment,
    to: row.to_environment,
    releaseName: row.release_name,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    state: row.state,
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at ?? undefined,
    decisionComment: row.decision_comment ?? undefined,
  };
}
