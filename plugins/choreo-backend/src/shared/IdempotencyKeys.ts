import { createHash } from 'node:crypto';
import { ConflictError } from '@backstage/errors';
import { Request, Response } from 'express';
import { Knex } from 'knex';
import { Caller, actorOf } from './caller';

interface KeyRow {
  actor: string;
  key: string;
  fingerprint: string;
  state: 'running' | 'done' | 'failed';
  status: number | null;
  response: string | null;
  created_at: string;
}

const TABLE = 'idempotency_keys';

/**
 * A key still 'running' after this long was left by a replica that stopped
 * mid-write (writes take seconds): a retry runs the request again, which is
 * safe because every write re-checks what it changes (an applied promotion
 * comes back 'unchanged', a created resource 'changed since you looked').
 * The approval gate settles its interrupted requests after the same time.
 */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** An HTTP answer to send, or to replay for a retried request. */
export interface Answer {
  status: number;
  body: unknown;
}

/** The same method, path and body: what may replay an answer. */
export function requestFingerprint(req: Request): string {
  return createHash('sha256')
    .update(`${req.method} ${req.baseUrl}${req.path}\n`)
    .update(JSON.stringify(req.body ?? null))
    .digest('hex');
}

/**
 * Writes sent with an `Idempotency-Key` run once per caller and key: a
 * retry (a browser's, a scaffolder task's resumed step, a client that lost
 * the answer) gets the first answer instead of applying the change again.
 * Shared by every replica through the database. A write that failed may be
 * tried again with the same key.
 */
export class IdempotencyKeys {
  constructor(private readonly db: Knex) {}

  async run(
    caller: Caller,
    fingerprint: string,
    write: () => Promise<Answer>,
  ): Promise<Answer> {
    const key = caller.idempotencyKey;
    if (!key) return write();
    const actor = actorOf(caller.credentials);
    await this.claim(actor, key, fingerprint);
    let answer: Answer;
    try {
      answer = await write();
    } catch (error) {
      await this.db<KeyRow>(TABLE)
        .where({ actor, key })
        .update({ state: 'failed' });
      throw error;
    }
    await this.db<KeyRow>(TABLE)
      .where({ actor, key })
      .update({
        state: 'done',
        status: answer.status,
        response: JSON.stringify(answer.body),
      });
    return answer;
  }

  /**
   * Sends the answer of `write`, or replays the first answer to a request
   * with the same key; every write route answers through this.
   */
  async respond(
    req: Request,
    res: Response,
    caller: Caller,
    write: () => Promise<Answer>,
  ): Promise<void> {
    const fingerprint = requestFingerprint(req);
    const answer =
      (await this.replay(caller, fingerprint)) ??
      (await this.run(caller, fingerprint, write));
    res.status(answer.status).json(answer.body);
  }

  /** The stored answer when the key was used before and finished. */
  async replay(
    caller: Caller,
    fingerprint: string,
  ): Promise<Answer | undefined> {
    const key = caller.idempotencyKey;
    if (!key) return undefined;
    const row = await this.db<KeyRow>(TABLE)
      .where({ actor: actorOf(caller.credentials), key })
      .first();
    if (!row || row.state !== 'done') return undefined;
    this.checkSameRequest(row, fingerprint);
    return {
      status: row.status ?? 200,
      body: JSON.parse(row.response ?? 'null'),
    };
  }

  /** Forgets keys older than `before`. */
  async prune(before: Date): Promise<number> {
    return this.db<KeyRow>(TABLE)
      .where('created_at', '<', before.toISOString())
      .delete();
  }

  private async claim(actor: string, key: string, fingerprint: string) {
    try {
      await this.db<KeyRow>(TABLE).insert({
        actor,
        key,
        fingerprint,
        state: 'running',
        status: null,
        response: null,
        created_at: new Date().toISOString(),
      });
      return;
    } catch (error) {
      const existing = await this.db<KeyRow>(TABLE)
        .where({ actor, key })
        .first();
      if (!existing) throw error;
      this.checkSameRequest(existing, fingerprint);
      const now = new Date();
      if (existing.state === 'failed') {
        const retried = await this.db<KeyRow>(TABLE)
          .where({ actor, key, state: 'failed' })
          .update({ state: 'running', created_at: now.toISOString() });
        if (retried === 1) return;
      }
      const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
      if (existing.state === 'running') {
        const takenOver = await this.db<KeyRow>(TABLE)
          .where({ actor, key, state: 'running' })
          .andWhere('created_at', '<', abandonedBefore.toISOString())
          .update({ created_at: now.toISOString() });
        if (takenOver === 1) return;
      }
      const retryAt = new Date(
        Date.parse(existing.created_at) + ABANDONED_AFTER_MS,
      );
      throw new ConflictError(
        existing.state === 'done'
          ? 'This request was already applied with this Idempotency-Key'
          : `A request with this Idempotency-Key is still being applied; wait a moment and retry. If the portal stopped while applying it, a retry after ${retryAt.toISOString()} applies it (once)`,
      );
    }
  }

  private checkSameRequest(row: KeyRow, fingerprint: string) {
    if (row.fingerprint !== fingerprint) {
      throw new ConflictError(
        'This Idempotency-Key was used for a different request; use a new key for a new request',
      );
    }
  }
}
