import { randomUUID } from 'node:crypto';
import { AuditEntry } from '@choreo-for-backstage/plugin-choreo-common';
import { Knex } from 'knex';

/** Where a request came from, as recorded in the audit log. */
export interface RequestOrigin {
  ip?: string;
  userAgent?: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditQuery {
  target?: string;
  actor?: string;
  action?: string;
  limit?: number;
}

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  result: 'ok' | 'error';
  error_message: string | null;
  origin_ip: string | null;
  origin_user_agent: string | null;
}

const TABLE = 'audit_log';

/** Append-only log of every write the plugin made or refused. */
export class AuditLog {
  constructor(private readonly db: Knex) {}

  async record(entry: NewAuditEntry): Promise<AuditEntry> {
    const row: AuditRow = {
      id: randomUUID(),
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details ?? {}),
      result: entry.result,
      error_message: entry.errorMessage ?? null,
      origin_ip: entry.origin?.ip ?? null,
      origin_user_agent: entry.origin?.userAgent ?? null,
    };
    await this.db<AuditRow>(TABLE).insert(row);
    return toEntry(row);
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
