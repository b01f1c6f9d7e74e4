import {
  ActionHarness,
  CheckpointState,
  startActionHarness,
} from '../__testUtils__/actionHarness';
import { cannedBuildLogs } from '../__testUtils__/buildLogsModule';
import { createBuildTriggerAction } from './buildTrigger';
import { createBuildWaitAction } from './buildWait';

jest.setTimeout(60_000);

describe('choreo:build:trigger and choreo:build:wait', () => {
  let harness: ActionHarness;
  beforeEach(async () => {
    // the sample as a control plane's GitOps repository, so builds are taken
    harness = await startActionHarness({
      controlPlane: true,
      features: [
        cannedBuildLogs([
          { task: 'clone-step', text: 'Cloning into /src' },
          { task: 'build-step', text: 'Step 1/7 : FROM node:22' },
        ]),
      ],
    });
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('starts one build per task, even when retried, and a dry run starts none', async () => {
    const trigger = createBuildTriggerAction(harness.deps);
    const input = {
      component: 'component:acme/checkout-api',
      commit: 'abcdef1234567',
    };
    const dry = await harness.run(trigger, input, { dryRun: true });
    expect(dry.outputs).toEqual({ runName: 'dry-run' });
    expect(dry.logs[0]).toMatch(
      /^info: Dry run: would start a build of acme\/checkout-api at commit abcdef1234567; it has \d+ earlier build\(s\)/,
    );
    expect(harness.commits()).toHaveLength(1);

    const checkpoints: CheckpointState = new Map();
    const first = await harness.run(trigger, input, { checkpoints });
    const retried = await harness.run(trigger, input, { checkpoints });
    expect(first.outputs.runName).toMatch(/^checkout-api-run-[0-9a-f]{8}$/);
    expect(retried.outputs).toEqual(first.outputs);
    expect(harness.commits()).toEqual([
      'Build acme/checkout-api',
      'sample organization',
    ]);
  });

  it('follows a build to its end with its status and log lines in the task log', async () => {
    const { outputs, logs } = await harness.run(
      createBuildWaitAction(harness.deps),
      {
        component: 'component:acme/checkout-api',
        runName: 'checkout-api-run-8f35f003',
      },
    );
    expect(outputs).toMatchObject({
      status: 'ready',
      commit: '9c3a61e0f7b28185db01122c5a789951e4265009',
      durationSeconds: expect.any(Number),
    });
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^info: Build checkout-api-run-8f35f003 is ready: /,
        ),
        'info: [clone-step] Cloning into /src',
        'info: [build-step] Step 1/7 : FROM node:22',
      ]),
    );
  });

  it('fails the step when the build failed, saying where', async () => {
    await expect(
      harness.run(createBuildWaitAction(harness.deps), {
        component: 'component:acme/payment-gateway',
        runName: 'payment-gateway-run-ef23927c',
      }),
    ).rejects.toThrow(
      /^Build payment-gateway-run-ef23927c failed: Build failed in step/,
    );
  });

  it('fails the step when the build does not finish in time', async () => {
    const { outputs } = await harness.run(
      createBuildTriggerAction(harness.deps),
      {
        component: 'component:acme/checkout-api',
      },
    );
    // no controller runs the sample's builds, so this one never finishes
    await expect(
      harness.run(createBuildWaitAction(harness.deps), {
        component: 'component:acme/checkout-api',
        runName: outputs.runName,
        timeoutMinutes: 0.005,
        pollIntervalSeconds: 0.05,
      }),
    ).rejects.toThrow(
      new RegExp(
        `^Build ${outputs.runName} did not finish within 0 second\\(s\\)`,
      ),
    );
  });
});

describe('choreo:build:trigger where no control plane would run the build', () => {
  let harness: ActionHarness;
  beforeAll(async () => {
    harness = await startActionHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('fails at once, in the dry run too, saying what to connect, and starts nothing', async () => {
    const trigger = createBuildTriggerAction(harness.deps);
    const input = { component: 'component:acme/checkout-api' };
    const reason =
      /^A build of acme\/checkout-api would never run: organisation 'acme' is written to a local directory that follows no Git remote.*choreo\.sources\[\]\.git\.remote/;
    await expect(harness.run(trigger, input, { dryRun: true })).rejects.toThrow(
      reason,
    );
    await expect(harness.run(trigger, input)).rejects.toThrow(reason);
    expect(harness.commits()).toEqual(['sample organization']);
  });
});
