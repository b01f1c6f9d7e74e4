import { Knex } from 'knex';

/**
 * What a write leaves behind: the organization repository's HEAD and work
 * tree, audit rows that say a write succeeded, change requests, remembered
 * answers to an Idempotency-Key.
 */
export interface WriteTrace {
  head: string;
  workTree: string;
  okAudits: number;
  changeRequests: number;
  doneKeys: number;
}

export async function writeTrace(
  git: (...args: string[]) => string,
  knex: Knex,
): Promise<WriteTrace> {
  const count = async (query: Knex.QueryBuilder) => {
    const [row] = await query.count({ n: '*' });
    return Number(row.n);
  };
  return {
    head: git('rev-parse', 'HEAD'),
    workTree: git('status', '--porcelain'),
    okAudits: await count(knex('audit_log').where({ result: 'ok' })),
    changeRequests: await count(knex('change_requests')),
    doneKeys: await count(knex('idempotency_keys').where({ state: 'done' })),
  };
}

/** What was written between two traces, as readable lines; empty when nothing was. */
export function writesBetween(before: WriteTrace, after: WriteTrace): string[] {
  const found: string[] = [];
  if (after.head !== before.head) found.push(`new commit ${after.head}`);
  if (after.workTree !== before.workTree) {
    found.push(`work tree changed:\n${after.workTree}`);
  }
  const grew = (what: string, from: number, to: number) => {
    if (to !== from) found.push(`${what}: ${from} -> ${to}`);
  };
  grew('audit rows with result ok', before.okAudits, after.okAudits);
  grew('change requests', before.changeRequests, after.changeRequests);
  grew('idempotency keys done', before.doneKeys, after.doneKeys);
  return found;
}

/** Rows per state of the tables a write touches, e.g. `audit_log: error 12`: what the run reached. */
export async function tableStates(knex: Knex): Promise<string[]> {
  const states = async (table: string, column: string) => {
    const rows: Record<string, unknown>[] = await knex(table)
      .select(column)
      .count({ n: '*' })
      .groupBy(column)
      .orderBy(column);
    const counts = rows
      .map(r => `${String(r[column])} ${Number(r.n)}`)
      .join(', ');
    return `${table}: ${counts || 'no rows'}`;
  };
  return [
    await states('audit_log', 'result'),
    await states('idempotency_keys', 'state'),
    await states('change_requests', 'state'),
  ];
}
