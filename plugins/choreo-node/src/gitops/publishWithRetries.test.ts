import {
  PublishSteps,
  PushOutcome,
  publishWithRetries,
} from './publishWithRetries';
import { retryDelayMs } from './retryDelay';

/** A remote in memory: pushes fail as scripted, every step is recorded. */
function fakeSteps(
  outcomes: PushOutcome[],
  confirmed: () => boolean | undefined = () => false,
) {
  const calls: string[] = [];
  let head = 0;
  const steps: PublishSteps = {
    syncToRemote: async () => {
      calls.push('sync');
      return `head${head}`;
    },
    commit: async (base, files, message) => {
      calls.push(
        `commit ${files.map(f => f.path).join()} on ${base}: ${message}`,
      );
      return `c${head + 1}`;
    },
    push: async sha => {
      const outcome = outcomes.shift() ?? { pushed: true };
      calls.push(`push ${sha} ${outcome.pushed ? 'ok' : outcome.kind}`);
      head += 1; // someone else's push, or ours
      return outcome;
    },
    landed: async sha => {
      calls.push(`landed ${sha}`);
    },
    confirm: async sha => {
      calls.push(`confirm ${sha}`);
      return confirmed();
    },
    undo: async () => {
      calls.push('undo');
    },
    sleep: async ms => {
      calls.push(`sleep ${ms}`);
    },
  };
  return { steps, calls };
}

const options = {
  attempts: 3,
  retryDelayMs: 100,
  remote: 'https://h/x.git',
  branch: 'main',
  random: () => 0.5,
};

const change = (plans: string[]) => async () => {
  plans.push('plan');
  return {
    result: 'updated',
    files: [{ path: 'a.yaml', text: 'x' }],
    message: 'Change a',
  };
};

describe('publishWithRetries', () => {
  it('works the change out again on the new head after losing a race', async () => {
    const { steps, calls } = fakeSteps([{ pushed: false, kind: 'moved' }]);
    const plans: string[] = [];

    await expect(
      publishWithRetries(steps, change(plans), options),
    ).resolves.toEqual({
      result: 'updated',
      commit: 'c2',
    });
    expect(calls).toEqual([
      'sync',
      'commit a.yaml on head0: Change a',
      'push c1 moved',
      'sleep 100',
      'sync',
      'commit a.yaml on head1: Change a',
      'push c2 ok',
      'landed c2',
    ]);
    expect(plans).toHaveLength(2);
  });

  it('gives up after the configured attempts with a ConflictError, undoing', async () => {
    const moved: PushOutcome = { pushed: false, kind: 'moved' };
    const { steps, calls } = fakeSteps([moved, moved, moved]);

    await expect(
      publishWithRetries(steps, change([]), options),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('(3 attempts)'),
    });
    expect(calls.filter(c => c.startsWith('push'))).toHaveLength(3);
    expect(calls.filter(c => c.startsWith('sleep'))).toEqual([
      'sleep 100',
      'sleep 200',
    ]);
    expect(calls[calls.length - 1]).toBe('undo');
  });

  it('does not retry what the remote refuses', async () => {
    const { steps, calls } = fakeSteps([
      { pushed: false, kind: 'refused', reason: 'hook declined' },
    ]);
    await expect(
      publishWithRetries(steps, change([]), options),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('refused the push (hook declined)'),
    });
    expect(calls.slice(-2)).toEqual(['push c1 refused', 'undo']);
  });

  it('asks the remote again when the connection broke during the push', async () => {
    const broken: PushOutcome = { pushed: false, kind: 'unreachable' };

    const landed = fakeSteps([broken], () => true);
    await expect(
      publishWithRetries(landed.steps, change([]), options),
    ).resolves.toEqual({ result: 'updated', commit: 'c1' });
    expect(landed.calls.slice(-2)).toEqual([
      'push c1 unreachable',
      'confirm c1',
    ]);

    const lost = fakeSteps([broken], () => false);
    await expect(
      publishWithRetries(lost.steps, change([]), options),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'cannot be reached. Nothing was written',
      ),
    });

    const unknown = fakeSteps([broken], () => undefined);
    await expect(
      publishWithRetries(unknown.steps, change([]), options),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^The change may or may not have been saved/,
      ),
    });
    expect(unknown.calls.slice(-1)).toEqual(['undo']);
  });

  it('pushes nothing when there is nothing to write', async () => {
    const { steps, calls } = fakeSteps([]);
    await expect(
      publishWithRetries(steps, async () => ({ result: 'unchanged' }), options),
    ).resolves.toEqual({ result: 'unchanged' });
    expect(calls).toEqual(['sync']);
  });

  it('passes a refused precondition on, undoing', async () => {
    const { steps, calls } = fakeSteps([]);
    const stale = new Error('changed since you looked at it');
    await expect(
      publishWithRetries(
        steps,
        async () => {
          throw stale;
        },
        options,
      ),
    ).rejects.toBe(stale);
    expect(calls).toEqual(['sync', 'undo']);
  });
});

describe('retryDelayMs', () => {
  it('doubles per attempt with jitter, up to a cap', () => {
    expect([1, 2, 3].map(a => retryDelayMs(a, 200, () => 0.5))).toEqual([
      200, 400, 800,
    ]);
    expect(retryDelayMs(1, 200, () => 0)).toBe(100);
    expect(retryDelayMs(1, 200, () => 0.999)).toBe(300);
    expect(retryDelayMs(20, 200, () => 0.5)).toBe(5000);
  });
});
