import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startChoreoBackend } from '../__testUtils__/choreoTestBackend';
import { grantsPolicy } from '../__testUtils__/testPolicies';
import {
  copySampleOrganization,
  eventually,
} from '../__testUtils__/sampleOrganization';
import { sampleRemoteSource } from '@choreo-for-backstage/plugin-choreo-node/testUtils';

jest.setTimeout(60_000);

const JANE = 'user:default/jane';
const GUEST = 'user:default/guest';

describe('builds routes', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;

  // the sample as the GitOps repository of a control plane, whose controller runs builds
  beforeEach(async () => {
    sample = await copySampleOrganization();
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      config: { sources: [sampleRemoteSource(sample)] },
      policy: grantsPolicy(
        { [JANE]: () => true },
        permission => permission !== 'choreo.build.trigger',
      ),
    });
  });
  afterEach(async () => {
    await backend.stop();
    await sample.cleanup();
  });

  const buildsOf = async (name: string) =>
    (
      await request(backend.server)
        .get(`/api/choreo/components/acme/${name}/builds`)
        .set('Authorization', mockCredentials.user.header(JANE))
        .expect(200)
    ).body.items;

  const triggerOf = async (name: string) =>
    (
      await request(backend.server)
        .get(`/api/choreo/components/acme/${name}/builds`)
        .set('Authorization', mockCredentials.user.header(JANE))
        .expect(200)
    ).body.trigger;

  it('lists workflow runs newest first with status, steps, duration and commit', async () => {
    expect(await triggerOf('checkout-api')).toEqual({ possible: true });
    const builds = await buildsOf('checkout-api');
    expect(builds.length).toBeGreaterThan(1);
    const created = builds.map((b: any) => Date.parse(b.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const done = builds.find((b: any) => b.status.state === 'ready');
    expect(done).toMatchObject({
      workflow: 'dockerfile-builder',
      branch: 'main',
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      durationSeconds: expect.any(Number),
    });
    expect(done.tasks.map((t: any) => t.name)).toContain('build-step');
  });

  it('triggers a build at a commit and records it', async () => {
    const res = await request(backend.server)
      .post('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header(JANE))
      .send({ commit: 'abcdef1234567' })
      .expect(201);
    expect(res.body.build).toMatch(/^checkout-api-run-[0-9a-f]{8}$/);

    const build = await eventually(async () => {
      const found = (await buildsOf('checkout-api')).find(
        (b: any) => b.name === res.body.build,
      );
      expect(found).toBeDefined();
      return found;
    });
    expect(build).toMatchObject({ commit: 'abcdef1234567', branch: 'main' });
    expect(sample.git('log', '-1', '--format=%B')).toMatch(
      /Build acme\/checkout-api/,
    );

    const audit = await request(backend.server)
      .get('/api/choreo/audit')
      .query({ actor: JANE })
      .set('Authorization', mockCredentials.user.header(JANE))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'build.trigger',
      target: 'component:acme/checkout-api',
      result: 'ok',
      details: { build: res.body.build, commit: 'abcdef1234567' },
    });
  });

  it('refuses builds without permission and bad commits', async () => {
    const denied = await request(backend.server)
      .post('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header(GUEST))
      .send({})
      .expect(403);
    expect(denied.body.error.message).toMatch(
      /^You may not build acme\/checkout-api/,
    );
    const bad = await request(backend.server)
      .post('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header(JANE))
      .send({ commit: 'main' })
      .expect(400);
    expect(bad.body.error.message).toMatch(/commit: must be a git commit SHA/);
  });
});

describe('builds on a directory that no control plane applies', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
  beforeAll(async () => {
    sample = await copySampleOrganization();
    backend = await startChoreoBackend({ sourceDir: sample.dir });
  });
  afterAll(async () => {
    await backend.stop();
    await sample.cleanup();
  });

  it('says no build would run, and what connects a control plane, and starts none', async () => {
    const builds = await request(backend.server)
      .get('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header(JANE))
      .expect(200);
    expect(builds.body.items.length).toBeGreaterThan(0);
    expect(builds.body.trigger.possible).toBe(false);
    expect(builds.body.trigger.reason).toBe(
      "A build of acme/checkout-api would never run: organisation 'acme' is written to a local directory that follows no Git remote, so no OpenChoreo controller sees the WorkflowRun. Connect a control plane with a workflow plane: a choreo.sources entry of type 'kubernetes', or choreo.sources[].git.remote for a GitOps repository that Flux or Argo CD applies.",
    );

    const refused = await request(backend.server)
      .post('/api/choreo/components/acme/checkout-api/builds')
      .set('Authorization', mockCredentials.user.header(JANE))
      .send({})
      .expect(409);
    expect(refused.body.error.message).toBe(builds.body.trigger.reason);
    expect(sample.git('log', '--format=%s')).toBe('sample organization');
  });
});
