import { parse } from 'yaml';
import {
  ActionHarness,
  BOB,
  startActionHarness,
} from '../__testUtils__/actionHarness';
import { createChoreoActions } from '.';

jest.setTimeout(120_000);

/** The actions that only read: every other example must end in a git commit. */
const READ_ONLY = new Set(['choreo:build:wait']);

/** Bob approves every pending change request, as a second person would. */
function startApprover(harness: ActionHarness) {
  let stopped = false;
  const approved: string[] = [];
  const { client, options } = harness.clientAs(BOB);
  const loop = (async () => {
    while (!stopped) {
      const { items } = await client.listChangeRequests({}, options);
      for (const r of items.filter(i => i.state === 'pending')) {
        await client.decideChangeRequest(
          r.id,
          'approve',
          { comment: 'looks good' },
          options,
        );
        approved.push(r.id);
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  })();
  return {
    approved,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const actions = createChoreoActions({} as any);

describe.each(actions.map(a => [a.id, a] as const))(
  'examples of %s',
  (id, template) => {
    let harness: ActionHarness;
    beforeAll(async () => {
      // where the examples are meant to run: a control plane follows the
      // sample (its Git remote), so a build example starts a build
      harness = await startActionHarness({ controlPlane: true });
    });
    afterAll(async () => {
      await harness?.stop();
    });

    it('has examples', () => {
      expect(template.examples?.length).toBeGreaterThan(0);
    });

    it.each((template.examples ?? []).map(e => [e.description, e] as const))(
      'runs: %s',
      async (_description, example) => {
        // the real actions, wired to the harness's backend
        const action = createChoreoActions(harness.deps).find(
          a => a.id === id,
        )!;
        const { steps } = parse(example.example);
        expect(steps.map((s: { action: string }) => s.action)).toEqual([id]);
        const approver = startApprover(harness);
        try {
          const before = harness.commits().length;
          const { outputs, logs } = await harness.run(action, steps[0].input);
          expect(logs.filter(l => l.startsWith('error'))).toEqual([]);
          const written = harness.commits().length - before;
          expect(written > 0).toBe(!READ_ONLY.has(id));
          // an example that waits for approval gets it from Bob
          const waits = steps[0].input.waitForApproval === true;
          expect(approver.approved).toHaveLength(waits ? 1 : 0);
          expect(outputs.requestId).toBe(
            waits ? approver.approved[0] : undefined,
          );
          expect(outputs).not.toEqual({});
        } finally {
          await approver.stop();
        }
      },
    );
  },
);
