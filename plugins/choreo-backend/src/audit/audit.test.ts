import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  TEST_DATABASE_IDS,
  startChoreoBackend,
} from '../__testUtils__/choreoTestBackend';
import { copySampleOrganization } from '../__testUtils__/sampleOrganization';
import {
  ABANDONED_AFTER_MS,
  requestFingerprint,
} from '../shared/IdempotencyKeys';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const as = (user: string) => mockCredentials.user.header(user);

const databases = TestDatabases.create({ ids: TEST_DATABASE_IDS });

describe.each(databases.eachSupportedId())('the audit log on %s', id => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
  let knex: Awaited<ReturnType<typeof databases.init>>;

  beforeEach(async () => {
    sample = await copySampleOrganization();
    knex = await databases.init(id);
    backend = await startChoreoBackend({ sourceDir: sample.dir, knex });
  });
  afterEach(async () => {
    await backend.stop();
    await sample.cleanup();
  });

  const restart = (key?: string, environment = 'staging') => {
    const req = request(backend.server)
      .post('/api/choreo/components/acme/checkout-api/restart')
      .set('Authorization', as(ALICE));
    if (key) req.set('Idempotency-Key', key);
    return req.send({ environment });
  };
  const commits = () => Number(sample.git('rev-list', '--count', 'HEAD'));
  const rows = () => knex('audit_log').select().orderBy('seq', 'asc');

  it('writes nothing when the intent cannot be recorded', async () => {
    const before = commits();
    await knex.schema.renameTable('audit_log', 'audit_log_gone');
    try {
      await restart().expect(500);
    } finally {
      await knex.schema.renameTable('audit_log_gone', 'audit_log');
    }
    // no audit row, and no change either
    expect(commits()).toBe(before);
    expect(await rows()).toEqual([]);
  });

  it('records the intent before the write and its outcome after', async () => {
    await restart().expect(200);
    const [row] = await rows();
    expect(row).toMatchObject({
      actor: ALICE,
      action: 'release.restart',
      result: 'ok',
    });
    expect(Date.parse(row.finished_at)).toBeGreaterThanOrEqual(
      Date.parse(row.at),
    );
  });

  it('applies a retried write once when it carries the same Idempotency-Key', async () => {
    const before = commits();
    const first = await restart('restart-staging-1').expect(200);
    const again = await restart('restart-staging-1').expect(200);
    expect(again.body).toEqual(first.body);
    expect(commits()).toBe(before + 1);
    expect(
      (await rows()).filter(r => r.action === 'release.restart'),
    ).toHaveLength(1);
    // the same key for another request is a mistake, said as such
    const reused = await restart('restart-staging-1', 'development').expect(
      409,
    );
    expect(reused.body.error.message).toBe(
      'This Idempotency-Key was used for a different request; use a new key for a new request',
    );
    await restart('bad key with spaces').expect(400);
  });

  it('runs a retry again once the replica that claimed its key stopped mid-write', async () => {
    // a replica claimed the key, then died before the write finished
    await knex('idempotency_keys').insert({
      actor: ALICE,
      key: 'restart-staging-2',
      fingerprint: requestFingerprint({
        method: 'POST',
        baseUrl: '/api/choreo',
        path: '/components/acme/checkout-api/restart',
        body: { environment: 'staging' },
      } as never),
      state: 'running',
      status: null,
      response: null,
      created_at: new Date(Date.now() - 60_000).toISOString(),
    });
    const waiting = await restart('restart-staging-2').expect(409);
    expect(waiting.body.error.message).toMatch(
      /^A request with this Idempotency-Key is still being applied; wait a moment and retry\. If the portal stopped while applying it, a retry after .* applies it \(once\)$/,
    );

    // long after: nothing is applying it any more
    await knex('idempotency_keys')
      .where({ key: 'restart-staging-2' })
      .update({
        created_at: new Date(
          Date.now() - ABANDONED_AFTER_MS - 1000,
        ).toISOString(),
      });
    const before = commits();
    const retried = await restart('restart-staging-2').expect(200);
    expect(commits()).toBe(before + 1);
    // and from now on the key answers with that result
    expect((await restart('restart-staging-2').expect(200)).body).toEqual(
      retried.body,
    );
    expect(commits()).toBe(before + 1);
  });

  it('keeps bodies and secrets out of the log, and tells the caller no paths or git output', async () => {
    // git cannot commit while another process holds the index
    await fs.writeFile(path.join(sample.dir, '.git', 'index.lock'), '');
    const failed = await request(backend.server)
      .post('/api/choreo/components/acme/ledger-service/dependencies')
      .set('Authorization', as(ALICE))
      .send({
        component: 'payment-gateway',
        name: 'grpc',
        visibility: 'project',
        envBindings: { address: 'LEDGER_TOKEN_S3CR3T' },
      });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const message: string = failed.body.error.message;
    expect(message).not.toContain(sample.dir);
    expect(message).not.toMatch(/fatal:|index\.lock/);
    expect(message).toMatch(/reference [0-9a-f]{8}/);
    expect(failed.body.error.stack ?? '').not.toContain(sample.dir);

    const [row] = await rows();
    expect(row).toMatchObject({
      action: 'component.dependency.add',
      result: 'error',
      error_message: message,
    });
    expect(row.details).not.toContain('S3CR3T');
    expect(JSON.parse(row.details)).toMatchObject({
      component: 'payment-gateway',
      name: 'grpc',
    });
  });

  it('shows the log only to those allowed, with where each write came from', async () => {
    await restart().set('User-Agent', 'audit-test').expect(200);
    const { body } = await request(backend.server)
      .get('/api/choreo/audit')
      .set('Authorization', as(ALICE))
      .expect(200);
    expect(body.items[0]).toMatchObject({
      action: 'release.restart',
      result: 'ok',
      origin: { userAgent: 'audit-test', ip: expect.any(String) },
    });
  });
});
