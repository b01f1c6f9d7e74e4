import {
  ActionHarness,
  BOB,
  CheckpointState,
  MALLORY,
  startActionHarness,
} from '../__testUtils__/actionHarness';
import { eventually } from '../__testUtils__/choreoBackend';
import { createReleasePromoteAction } from './releasePromote';
import { createReleaseRollbackAction } from './releaseRollback';

jest.setTimeout(60_000);

describe('choreo:release:promote and choreo:release:rollback', () => {
  let harness: ActionHarness;
  beforeEach(async () => {
    harness = await startActionHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  const asBob = () => harness.clientAs(BOB);
  const releaseIn = async (name: string, environment: string) => {
    const { client, options } = asBob();
    const d = await client.getDeployments({ namespace: 'acme', name }, options);
    return d.environments.find(e => e.environment === environment)?.releaseName;
  };
  const promotionRequests = async () => {
    const { client, options } = asBob();
    return (await client.listChangeRequests({}, options)).items;
  };
  const promote = (input: Record<string, unknown>, opts = {}) =>
    harness.run(
      createReleasePromoteAction(harness.deps),
      { component: 'component:acme/route-planner', ...input },
      opts,
    );

  it('says in a dry run what a promotion would do, and writes nothing', async () => {
    const development = await releaseIn('route-planner', 'development');
    const { outputs, logs } = await promote(
      { from: 'development', to: 'staging' },
      { dryRun: true },
    );
    expect(outputs).toEqual({ result: 'dry-run', releaseName: development });
    expect(logs).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `would point route-planner in 'staging' at release ${development}`,
        ),
      ),
    );
    const production = await promote(
      { from: 'staging', to: 'production' },
      { dryRun: true },
    );
    expect(production.logs).toContainEqual(
      expect.stringMatching(/'production' needs approval/),
    );
    expect(harness.commits()).toEqual(['sample organization']);
  });

  it('promotes once, even when the task is retried', async () => {
    const checkpoints: CheckpointState = new Map();
    const first = await promote(
      { from: 'development', to: 'staging' },
      { checkpoints },
    );
    const second = await promote(
      { from: 'development', to: 'staging' },
      { checkpoints },
    );
    expect(second.outputs).toEqual(first.outputs);
    expect(first.outputs).toMatchObject({
      result: 'applied',
      bindingName: 'route-planner-staging',
      commit: expect.stringMatching(/^[0-9a-f]{7,}$/),
    });
    expect(harness.commits()).toEqual([
      expect.stringMatching(/^Promote acme\/route-planner to staging: /),
      'sample organization',
    ]);
  });

  it('promotes once when the task died after the backend applied it but before its checkpoint was kept', async () => {
    // a scaffolder that loses the checkpoint: the step runs again, same task
    const forgetful: CheckpointState = new Map();
    const first = await promote(
      { from: 'development', to: 'staging' },
      {
        checkpoints: forgetful,
      },
    );
    forgetful.clear();
    const second = await promote(
      { from: 'development', to: 'staging' },
      {
        checkpoints: forgetful,
      },
    );
    // the backend answered the retry with its first answer (Idempotency-Key)
    expect(second.outputs).toEqual(first.outputs);
    expect(harness.commits()).toHaveLength(2);
  });

  it('refuses a promotion the pipeline does not allow, with the backend’s reason', async () => {
    const reason =
      /Cannot promote from 'development' to 'production'.*'development' promotes only to 'staging'/;
    await expect(
      promote({ from: 'development', to: 'production' }),
    ).rejects.toThrow(reason);
    await expect(
      promote({ from: 'development', to: 'production' }, { dryRun: true }),
    ).rejects.toThrow(reason);
    await expect(
      promote({ from: 'development', to: 'qa' }, { dryRun: true }),
    ).rejects.toThrow(/'qa' is not an environment of the deployment pipeline/);
    expect(harness.commits()).toHaveLength(1);
  });

  it('refuses to promote into production without approval, naming the request and who may approve', async () => {
    const error = await promote({ from: 'staging', to: 'production' }).catch(
      e => e,
    );
    expect(error.name).toBe('NotAllowedError');
    const [pending] = await promotionRequests();
    expect(pending).toMatchObject({
      state: 'pending',
      requestedBy: 'user:default/alice',
    });
    expect(error.message).toContain(`request ${pending.id}`);
    expect(error.message).toMatch(
      /waits for anyone other than user:default\/alice who holds the choreo\.release\.approve permission for 'production'/,
    );
    expect(error.message).toMatch(/set waitForApproval: true/);
    expect(await releaseIn('route-planner', 'production')).toBeUndefined();
    expect(harness.commits()).toHaveLength(1);

    // as the message says, the approval itself applies the promotion
    expect(pending.change.kind).toBe('promote');
    const promoted =
      pending.change.kind === 'promote' ? pending.change.releaseName : '';
    const { client, options } = asBob();
    await client.decideChangeRequest(pending.id, 'approve', {}, options);
    await eventually(async () =>
      expect(await releaseIn('route-planner', 'production')).toBe(promoted),
    );
  });

  it('waits for a decision when asked to, and fails when the promotion is rejected', async () => {
    const waiting = promote({
      from: 'staging',
      to: 'production',
      waitForApproval: true,
      pollIntervalSeconds: 0.05,
    }).catch(e => e);
    let id: string | undefined;
    while (!id) {
      id = (await promotionRequests())[0]?.id;
    }
    const { client, options } = asBob();
    await client.decideChangeRequest(
      id,
      'reject',
      { comment: 'not during the sale' },
      options,
    );
    const error = await waiting;
    expect(error.message).toBe(
      `Change request ${id} was rejected by ${BOB}: not during the sale`,
    );
    expect(harness.commits()).toHaveLength(1);
  });

  it('gives up waiting after the timeout and leaves the request open', async () => {
    await expect(
      promote({
        from: 'staging',
        to: 'production',
        waitForApproval: true,
        approvalTimeoutMinutes: 0.002,
        pollIntervalSeconds: 0.05,
      }),
    ).rejects.toThrow(/Nobody decided change request .* it stays open/);
  });

  it('is refused for a user without the promote permission', async () => {
    await expect(
      promote({ from: 'development', to: 'staging' }, { user: MALLORY }),
    ).rejects.toThrow(/^You may not promote acme\/route-planner to staging/);
  });

  it('rolls back, logs the autoDeploy warning, and does it once on retry', async () => {
    const rollback = createReleaseRollbackAction(harness.deps);
    const input = {
      component: 'component:acme/cart-service',
      environment: 'resource:acme/development',
      releaseName: 'cart-service-6cff9cb6b8',
    };
    const dry = await harness.run(rollback, input, { dryRun: true });
    expect(dry.outputs).toMatchObject({
      result: 'dry-run',
      previousRelease: 'cart-service-6b5f757594',
    });
    expect(dry.logs).toContainEqual(
      expect.stringMatching(/^warn: Dry run: .*autoDeploy/),
    );
    expect(harness.commits()).toHaveLength(1);

    const checkpoints: CheckpointState = new Map();
    const run = await harness.run(rollback, input, { checkpoints });
    await harness.run(rollback, input, { checkpoints });
    expect(run.outputs).toMatchObject({
      result: 'applied',
      bindingName: 'cart-service-development',
    });
    expect(run.logs).toContainEqual(
      expect.stringMatching(
        /^warn: 'development' is the first environment .*autoDeploy on/,
      ),
    );
    expect(harness.commits()).toHaveLength(2);
    await eventually(async () =>
      expect(await releaseIn('cart-service', 'development')).toBe(
        'cart-service-6cff9cb6b8',
      ),
    );

    await expect(
      harness.run(rollback, {
        ...input,
        releaseName: 'checkout-api-7d5f99cd94',
      }),
    ).rejects.toThrow(/is not a release of acme\/cart-service/);
  });
});
