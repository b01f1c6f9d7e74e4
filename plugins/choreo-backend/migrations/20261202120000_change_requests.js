// @ts-check

/**
 * The four-eyes gate holds every kind of change to what runs in an
 * environment, not only promotions, so promotion_requests becomes
 * change_requests:
 * - `change` (JSON) says what is asked for, `basis` (JSON) what ran when it
 *   was asked: approval applies the change only while that is still so;
 * - `expires_at`: a request nobody decided expires;
 * - `open_key` is set while a request is open (pending or applying) and is
 *   unique, so two replicas can never open two requests for one environment;
 * - `applying_since` lets a replica finish or fail a request whose apply
 *   was interrupted (a crash between approval and write).
 * Existing promotion requests are carried over.
 *
 * The audit log gets an intent row before each write (`result` = pending)
 * and its outcome after; idempotency_keys remembers the answer to a write
 * sent with an Idempotency-Key, so a retried request is not applied twice.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('change_requests', table => {
    table.comment('Changes to what runs in environments that need approval');
    table.string('id').primary().notNullable();
    table
      .string('component_ref')
      .notNullable()
      .comment('component:<namespace>/<name>');
    table.string('environment').notNullable();
    table
      .string('kind')
      .notNullable()
      .comment('promote | rollback | undeploy | redeploy | restart');
    table.text('change').notNullable().comment('JSON: RequestedChange');
    table.text('basis').notNullable().comment('JSON: ChangeBasis');
    table.string('requested_by').notNullable();
    table.string('requested_at').notNullable().comment('ISO 8601');
    table.string('expires_at').notNullable().comment('ISO 8601');
    table
      .string('state')
      .notNullable()
      .comment(
        'pending | applying | applied | failed | rejected | withdrawn | expired | stale',
      );
    table
      .string('open_key')
      .nullable()
      .unique()
      .comment('<component_ref>|<environment> while pending or applying');
    table.string('applying_since').nullable().comment('ISO 8601');
    table.string('decided_by').nullable();
    table.string('decided_at').nullable();
    table.text('decision_comment').nullable();
    table.text('outcome').nullable();
    table.index(
      ['component_ref', 'requested_at'],
      'change_requests_component_idx',
    );
    table.index(['state', 'requested_at'], 'change_requests_state_idx');
    table.index(['requested_at', 'id'], 'change_requests_page_idx');
  });

  const old = await knex('promotion_requests').select();
  const closed = ['approved', 'applied', 'rejected', 'failed'];
  // an approved request was never finished: nothing says it applied
  /** @param {string} state */
  const closedState = state => (state === 'approved' ? 'failed' : state);
  for (const row of old) {
    const open = !closed.includes(row.state);
    await knex('change_requests').insert({
      id: row.id,
      component_ref: row.component_ref,
      environment: row.to_environment,
      kind: 'promote',
      change: JSON.stringify({
        kind: 'promote',
        from: row.from_environment,
        releaseName: row.release_name,
      }),
      basis: JSON.stringify({ bound: true }),
      requested_by: row.requested_by,
      requested_at: row.requested_at,
      expires_at: row.requested_at,
      // an old pending request was never checked against what runs: it expires
      state: open ? 'expired' : closedState(row.state),
      open_key: null,
      decided_by: row.decided_by,
      decided_at: row.decided_at,
      decision_comment: row.decision_comment,
      outcome: open
        ? 'Expired when the approval gate was upgraded; ask again'
        : null,
    });
  }
  await knex.schema.dropTable('promotion_requests');

  await knex.schema.alterTable('audit_log', table => {
    table
      .string('finished_at')
      .nullable()
      .comment('ISO 8601; null while the write is pending');
  });

  await knex.schema.createTable('idempotency_keys', table => {
    table.comment('Answers to writes sent with an Idempotency-Key');
    table.string('actor').notNullable();
    table.string('key').notNullable();
    table
      .string('fingerprint')
      .notNullable()
      .comment('method, path and body of the first request with the key');
    table.string('state').notNullable().comment('running | done | failed');
    table.integer('status').nullable();
    table.text('response').nullable().comment('JSON body of the answer');
    table.string('created_at').notNullable().comment('ISO 8601');
    table.primary(['actor', 'key']);
    table.index(['created_at'], 'idempotency_keys_created_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('idempotency_keys');
  await knex.schema.alterTable('audit_log', table => {
    table.dropColumn('finished_at');
  });
  await knex.schema.createTable('promotion_requests', table => {
    table.string('id').primary().notNullable();
    table.string('component_ref').notNullable();
    table.string('from_environment').notNullable();
    table.string('to_environment').notNullable();
    table.string('release_name').notNullable();
    table.string('requested_by').notNullable();
    table.string('requested_at').notNullable();
    table.string('state').notNullable();
    table.string('decided_by').nullable();
    table.string('decided_at').nullable();
    table.text('decision_comment').nullable();
    table.index(['component_ref', 'state'], 'promotion_requests_component_idx');
  });
  await knex.schema.dropTable('change_requests');
};
