import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  KubeTestEnv,
  OpenChoreoApi,
  createObject,
  openchoreoModuleDir,
  startKubeTestEnv,
  startOpenChoreoApi,
  waitFor,
} from '@internal/kube-testenv';
import { ChoreoStore } from '../store/ChoreoStore';
import { AuthzDecider } from './AuthzDecider';
import { authzErrorStatus } from './authzErrors';
import { OPENCHOREO_CONDITION_ATTRIBUTES } from './conditionRegistry';
import { AuthzDecision, AuthzEvaluateRequest } from './types';
import {
  conditionMatrix,
  describeCase,
  errorStatusCases,
  sentinelObjects,
  sentinelRequests,
} from './__testUtils__/agreementCases';
import {
  DecisionBody,
  toEvaluateRequestBody,
} from './__testUtils__/evaluateRequestBody';
import {
  helmBootstrapAuthzObjects,
  openchoreoSampleAuthzObjects,
} from './__testUtils__/openchoreoAuthzFixtures';
import {
  AuthzObject,
  EXPRESSIONS,
  UNIVERSE,
  randomAuthzObjects,
} from './__testUtils__/randomAuthzObjects';
import {
  conditionTargetedRequests,
  randomAuthzRequests,
} from './__testUtils__/randomAuthzRequests';
import { SeededRandom } from '../testUtils/seededRandom';

// Differential test: the real openchoreo-api v1.2.3 (built from the Go
// module) and AuthzDecider decide the same generated cases from the same
// objects. Reproduce a failure with AUTHZ_AGREEMENT_SEED=<seed printed>.
// The timeout covers a first run that still builds the binaries.
jest.setTimeout(30 * 60_000);

const SEED = Number(process.env.AUTHZ_AGREEMENT_SEED ?? 20261202);
const RANDOM_CASES = 1500;
const TARGETED_CASES = 700;
const BATCH_SIZE = 100;

interface ActionInfo {
  name: string;
  conditions?: Array<{ key: string }>;
}

describe('AuthzDecider agrees with openchoreo-api v1.2.3', () => {
  let env: KubeTestEnv;
  let api: OpenChoreoApi;
  let actions: ActionInfo[];
  let objects: AuthzObject[];
  let decider: AuthzDecider;
  const random = new SeededRandom(SEED);
  const matrix = conditionMatrix(EXPRESSIONS);

  beforeAll(async () => {
    env = await startKubeTestEnv();
    api = await startOpenChoreoApi(env);
    const res = await api.request('GET', '/api/v1/authz/actions');
    if (res.status !== 200) {
      throw new Error(`GET /api/v1/authz/actions: ${res.status} ${res.body}`);
    }
    actions = res.body as ActionInfo[];

    const moduleDir = openchoreoModuleDir();
    objects = [
      ...randomAuthzObjects(random, { actions: actions.map(a => a.name) }),
      ...openchoreoSampleAuthzObjects(moduleDir),
      ...helmBootstrapAuthzObjects(moduleDir),
      ...matrix.objects,
      ...sentinelObjects('acme'),
    ];
    await applyObjects(env, objects);
    for (const sentinel of sentinelRequests('acme')) {
      await waitFor(
        `openchoreo-api to load the policies (${sentinel.action})`,
        async () =>
          (
            await evaluateRemotely([sentinel])
          ).decisions?.[0]?.decision
            ? true
            : undefined,
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    }
    // The same objects as a GitOps directory would hold them (no CRD
    // defaulting applied), through the store the portal reads.
    const store = new ChoreoStore();
    store.sinkFor('generated', 'test').replaceAll(objects as ChoreoResource[]);
    decider = new AuthzDecider(store);
  });

  afterAll(async () => {
    decider?.close();
    await api?.stop();
    await env?.stop();
  });

  async function evaluateRemotely(
    batch: readonly AuthzEvaluateRequest[],
  ): Promise<{ status: number; decisions?: AuthzDecision[] }> {
    const res = await api.request(
      'POST',
      '/api/v1/authz/evaluates',
      batch.map(toEvaluateRequestBody),
    );
    if (res.status !== 200) {
      return { status: res.status };
    }
    return {
      status: 200,
      decisions: (res.body as DecisionBody[]).map(d => ({
        decision: d.decision,
        reason: d.context?.reason ?? '',
      })),
    };
  }

  function evaluateLocally(batch: readonly AuthzEvaluateRequest[]): {
    status: number;
    decisions?: AuthzDecision[];
  } {
    try {
      return { status: 200, decisions: decider.evaluateBatch(batch) };
    } catch (error) {
      return { status: authzErrorStatus(error) };
    }
  }

  it('lets conditions read the attributes openchoreo-api registers', () => {
    const served = Object.fromEntries(
      actions
        .filter(a => (a.conditions ?? []).length > 0)
        .map(a => [a.name, (a.conditions ?? []).map(c => c.key).sort()]),
    );
    expect(served).toEqual(
      Object.fromEntries(
        Object.entries(OPENCHOREO_CONDITION_ATTRIBUTES).map(([k, v]) => [
          k,
          [...v].sort(),
        ]),
      ),
    );
  });

  it('decides every generated case, the samples and the Helm bootstrap set alike', async () => {
    const started = Date.now();
    const actionNames = actions.map(a => a.name);
    const roleNames = [
      ...new Set(
        objects.filter(o => o.kind.endsWith('Role')).map(o => o.metadata.name),
      ),
    ];
    const requests = [
      ...matrix.requests,
      ...conditionTargetedRequests(
        random,
        TARGETED_CASES,
        objects,
        actionNames,
      ),
      ...randomAuthzRequests(random, RANDOM_CASES, {
        actions: actionNames,
        roleNames,
        extraGroups: ['admins', 'developers', 'sres', 'dev-team'],
        extraSubs: ['openchoreo-backstage-client', 'service_mcp_client'],
      }),
    ];

    const theirs: AuthzDecision[] = [];
    const ours: AuthzDecision[] = [];
    for (let start = 0; start < requests.length; start += BATCH_SIZE) {
      const batch = requests.slice(start, start + BATCH_SIZE);
      const remote = await evaluateRemotely(batch);
      const local = evaluateLocally(batch);
      expect({ status: local.status }).toEqual({ status: remote.status });
      theirs.push(...(remote.decisions ?? []));
      ours.push(...(local.decisions ?? []));
    }
    const disagreements = requests.flatMap((request, i) =>
      ours[i].decision === theirs[i].decision &&
      ours[i].reason === theirs[i].reason
        ? []
        : [
            [
              `case ${i} (seed ${SEED}): ${JSON.stringify(request)}`,
              `  openchoreo-api: ${JSON.stringify(theirs[i])}`,
              `  AuthzDecider:   ${JSON.stringify(ours[i])}`,
              `  explanation:    ${JSON.stringify(
                decider.explain(request).values,
              )}`,
              `  objects:\n${describeCase(objects, request)}`,
            ].join('\n'),
          ],
    );
    const allowed = ours.filter(d => d.decision).length;
    // eslint-disable-next-line no-console
    console.log(
      `authz agreement (seed ${SEED}): compared ${requests.length} cases ` +
        `(${allowed} allowed) over ${objects.length} objects in ${
          Date.now() - started
        } ms; ${disagreements.length} disagreed`,
    );
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('rejects the same batches with the same status', async () => {
    for (const { name, batch } of errorStatusCases()) {
      const remote = await evaluateRemotely(batch);
      const local = evaluateLocally(batch);
      expect({
        name,
        status: local.status,
        decisions: local.decisions,
      }).toEqual({ name, status: remote.status, decisions: remote.decisions });
    }
  });
});

/** Creates the namespaces the objects live in, then the objects in order. */
async function applyObjects(
  env: KubeTestEnv,
  objects: readonly AuthzObject[],
): Promise<void> {
  const namespaces = new Set([
    ...UNIVERSE.namespaces,
    ...objects.flatMap(o =>
      o.metadata.namespace ? [o.metadata.namespace] : [],
    ),
  ]);
  for (const name of namespaces) {
    await createObject(env, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    });
  }
  for (const object of objects) {
    await createObject(env, object);
  }
}
