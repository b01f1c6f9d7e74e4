// @ts-check

/**
 * Promotion requests (four-eyes approval) and the audit log of every write
 * the choreo backend makes. Both live in the database so that several backend
 * replicas see the same requests.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('promotion_requests', table => {
    table.comment('Promotions into environments that need approval');
    table.string('id').primary().notNullable();
    table
      .string('component_ref')
      .notNullable()
      .comment('component:<namespace>/<name>');
    table.string('from_environment').notNullable();
    table.string('to_environment').notNullable();
    table.string('release_name').notNullable();
    table.string('requested_by').notNullable();
    table.string('requested_at').notNullable().comment('ISO 8601');
    table
      .string('state')
      .notNullable()
      .comment('pending | approved | rejected | applied | failed');
    table.string('decided_by').nullable();
    table.string('decided_at').nullable();
    table.text('decision_comment').nullable();
    table.index(['component_ref', 'state'], 'promotion_requests_component_idx');
  });

  await knex.schema.createTable('audit_log', table => {
    table.comment('Every write the choreo backend made or refused');
    // insertion order: several writes can share a millisecond
    table.bigIncrements('seq').primary();
    table.string('id').notNullable().unique();
    table.string('at').notNullable().comment('ISO 8601');
    table.string('actor').notNullable();
    table.string('action').notNullable();
    table.string('target').notNullable();
    table.text('details').notNullable().comment('JSON');
    table.string('result').notNullable().comment('ok | error');
    table.text('error_message').nullable();
    table.string('origin_ip').nullable();
    table.text('origin_user_agent').nullable();
    table.index(['target', 'at'], 'audit_log_target_idx');
    table.index(['actor', 'at'], 'audit_log_actor_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('promotion_requests');
};
