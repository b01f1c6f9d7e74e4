import { randomUUID } from 'node:crypto';
import {
  ChangeBasis,
  ChangeRequest,
  ChangeRequestState,
  OPEN_CHANGE_REQUEST_STATES,
  RequestedChange,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Knex } from 'knex';

interface RequestRow {
  id: string;
  component_ref: string;
  environment: string;
  kind: string;
  change: string;
  basis: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  state: ChangeRequestState;
  open_key: string | null;
  applying_since: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  outcome: string | null;
}

const TABLE = 'change_requests';

export interface NewChangeRequest {
  componentRef: string;
  environment: string;
  change: RequestedChange;
  basis: ChangeBasis;
  requestedBy: string;
  expiresAt: Date;
}

/** A page position: the last row of the previous page. */
interface Cursor {
  at: string;
  id: string;
}

const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return typeof c?.at === 'string' && typeof c?.id === 'string'
      ? { at: c.at, id: c.id }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Only one request per component and environment is open at a time. */
export const openKeyOf = (componentRef: string, environment: string) =>
  `${componentRef}|${environment}`;

/**
 * Change requests in the database, shared by every backend replica. State
 * moves are conditional updates (`where state = from`), so two replicas
 * deciding at once cannot both win.
 */
export class ChangeRequestStore {
  constructor(private readonly db: Knex) {}

  /**
   * Opens a request, or returns the one already open for the same component
   * and environment (`created: false`) — whatever it asks for.
   */
  async open(
    request: NewChangeRequest,
  ): Promise<{ request: ChangeRequest; created: boolean }> {
    const openKey = openKeyOf(request.componentRef, request.environment);
    const row: RequestRow = {
      id: randomUUID(),
      component_ref: request.componentRef,
      environment: request.environment,
      kind: request.change.kind,
      change: JSON.stringify(request.change),
      basis: JSON.stringify(request.basis),
      requested_by: request.requestedBy,
      requested_at: new Date().toISOString(),
      expires_at: request.expiresAt.toISOString(),
      state: 'pending',
      open_key: openKey,
      applying_since: null,
      decided_by: null,
      decided_at: null,
      decision_comment: null,
      outcome: null,
    };
    await this.db<RequestRow>(TABLE)
      .insert(row)
      .onConflict('open_key')
      .ignore();
    const existing = await this.db<RequestRow>(TABLE)
      .where('open_key', openKey)
      .first();
    if (!existing) {
      // closed between the insert and the read: try once more
      return this.open(request);
    }
    return { request: toRequest(existing), created: existing.id === row.id };
  }

  async get(id: string): Promise<ChangeRequest | undefined> {
    const row = await this.db<RequestRow>(TABLE).where('id', id).first();
    return row ? toRequest(row) : undefined;
  }

  /** Newest first, `limit` at a time. */
  async page(filter: {
    componentRefs?: string[];
    state?: ChangeRequestState;
    states?: readonly ChangeRequestState[];
    limit: number;
    cursor?: string;
  }): Promise<{ items: ChangeRequest[]; nextCursor?: string }> {
    let q = this.db<RequestRow>(TABLE)
      .select()
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit + 1);
    if (filter.componentRefs)
      q = q.whereIn('component_ref', filter.componentRefs);
    if (filter.state) q = q.where('state', filter.state);
    if (filter.states) q = q.whereIn('state', [...filter.states]);
    const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    if (after) {
      q = q.where(w =>
        w
          .where('requested_at', '<', after.at)
          .orWhere(w2 =>
            w2.where('requested_at', after.at).andWhere('id', '<', after.id),
          ),
      );
    }
    const rows = await q;
    const items = rows.slice(0, filter.limit).map(toRequest);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > filter.limit && last
          ? encodeCursor({ at: last.requestedAt, id: last.id })
          : undefined,
    };
  }

  /**
   * Moves a request from one state to another; false when it is no longer
   * in `from` (another replica or person got there first). Leaving the open
   * states frees the environment for a new request.
   */
  async transition(
    id: string,
    from: ChangeRequestState,
    to: ChangeRequestState,
    fields: {
      decidedBy?: string;
      comment?: string;
      outcome?: string;
    } = {},
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const update: Partial<RequestRow> = { state: to };
    if (!OPEN_CHANGE_REQUEST_STATES.includes(to)) update.open_key = null;
    update.applying_since = to === 'applying' ? now : null;
    if (to === 'pending') {
      // back to waiting (an approval that could not be applied yet)
      update.decided_by = null;
      update.decided_at = null;
      update.decision_comment = null;
    } else if (fields.decidedBy) {
      update.decided_by = fields.decidedBy;
      update.decided_at = now;
      update.decision_comment = fields.comment ?? null;
    }
    if (fields.outcome !== undefined) update.outcome = fields.outcome;
    const count = await this.db<RequestRow>(TABLE)
      .where({ id, state: from })
      .update(update);
    return count === 1;
  }

  /** Pending requests whose time ran out. */
  async expiredPending(now: Date): Promise<ChangeRequest[]> {
    const rows = await this.db<RequestRow>(TABLE)
      .where('state', 'pending')
      .andWhere('expires_at', '<=', now.toISOString());
    return rows.map(toRequest);
  }

  /** Requests that began applying before `before` and never finished (a crashed replica). */
  async stuckApplying(before: Date): Promise<ChangeRequest[]> {
    const rows = await this.db<RequestRow>(TABLE)
      .where('state', 'applying')
      .andWhere('applying_since', '<', before.toISOString());
    return rows.map(toRequest);
  }
}

function toRequest(row: RequestRow): ChangeRequest {
  return {
    id: row.id,
    componentRef: row.component_ref,
    environment: row.environment,
    change: JSON.parse(row.change),
    basis: JSON.parse(row.basis),
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    state: row.state,
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at ?? undefined,
    decisionComment: row.decision_comment ?? undefined,
    outcome: row.outcome ?? undefined,
  };
}
