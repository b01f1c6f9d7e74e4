import { randomUUID } from 'node:crypto';
import {
  AuditEntry,
  AuditResult,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Knex } from 'knex';
import { RequestOrigin } from '../shared/caller';

export interface AuditIntent {
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  origin?: RequestOrigin;
}

export interface AuditQuery {
  target?: string;
  actor?: string;
  action?: string;
  limit?: number;
}

interface AuditRow {
  id: string;
  at: string;
  finished_at: string | null;
  actor: string;
  action: string;
  target: string;
  details: string;
  result: AuditResult;
  error_message: string | null;
  origin_ip: string | null;
  origin_user_agent: string | null;
}

const TABLE = 'audit_log';

/**
 * Every write the plugin made or refused. A row is written before the write
 * (`pending`) and finished after it, so an applied change is never missing
 * from the log, even when the process dies in between.
 */
export class AuditLog {
  constructor(private readonly db: Knex) {}

  /** Records the intent; a write must not start when this fails. */
  async begin(intent: AuditIntent): Promise<string> {
    const row: AuditRow = {
      id: randomUUID(),
      at: new Date().toISOString(),
      finished_at: null,
      actor: intent.actor,
      action: intent.action,
      target: intent.target,
      details: JSON.stringify(intent.details),
      result: 'pending',
      error_message: null,
      origin_ip: intent.origin?.ip ?? null,
      origin_user_agent: intent.origin?.userAgent ?? null,
    };
    await this.db<AuditRow>(TABLE).insert(row);
    return row.id;
  }

  /** Records the outcome of the write `id` began. */
  async finish(
    id: string,
    outcome: {
      result: Exclude<AuditResult, 'pending'>;
      details: Record<string, unknown>;
      errorMessage?: string;
    },
  ): Promise<void> {
    await this.db<AuditRow>(TABLE)
      .where({ id })
      .update({
        finished_at: new Date().toISOString(),
        result: outcome.result,
        details: JSON.stringify(outcome.details),
        error_message: outcome.errorMessage ?? null,
      });
  }

  /** Newest first. */
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    let q = this.db<AuditRow>(TABLE)
      .select()
      .orderBy('seq', 'desc')
      .limit(Math.min(Math.max(query.limit ?? 100, 1), 1000));
    if (query.target) q = q.where('target', query.target);
    if (query.actor) q = q.where('actor', query.actor);
    if (query.action) q = q.where('action', query.action);
    return (await q).map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const origin =
    row.origin_ip || row.origin_user_agent
      ? {
          ip: row.origin_ip ?? undefined,
          userAgent: row.origin_user_agent ?? undefined,
        }
      : undefined;
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details),
    result: row.result,
    errorMessage: row.error_message ?? undefined,
    origin,
  };
}
