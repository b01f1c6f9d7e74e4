import {
  CHOREO_API_VERSION,
  ChoreoResource,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStore } from '../store/ChoreoStore';
import { AuthzDecider } from './AuthzDecider';
import { AuthzConditionRegistry } from './conditionRegistry';
import { AuthzEvaluateRequest } from './types';

const viewer: ChoreoResource = {
  apiVersion: CHOREO_API_VERSION,
  kind: 'ClusterAuthzRole',
  metadata: { name: 'viewer' },
  spec: { actions: ['component:view'] },
};
const binding = (effect: 'allow' | 'deny'): ChoreoResource => ({
  apiVersion: CHOREO_API_VERSION,
  kind: 'ClusterAuthzRoleBinding',
  metadata: { name: 'devs' },
  spec: {
    entitlement: { claim: 'groups', value: 'devs' },
    effect,
    roleMappings: [
      {
        roleRef: { kind: 'ClusterAuthzRole', name: 'viewer' },
        conditions: [
          {
            actions: ['releasebinding:approve'],
            expression: 'resource.environment != "acme/prod"',
          },
        ],
      },
    ],
  },
});
const view: AuthzEvaluateRequest = {
  subject: { claim: 'groups', values: ['devs'] },
  action: 'component:view',
  resource: { type: 'component', hierarchy: { namespace: 'acme' } },
};

describe('AuthzDecider', () => {
  function setup(options?: ConstructorParameters<typeof AuthzDecider>[1]) {
    const store = new ChoreoStore();
    const sink = store.sinkFor('test', 'test');
    sink.replaceAll([viewer, binding('allow')]);
    return { store, sink, decider: new AuthzDecider(store, options) };
  }

  it('decides from the roles and bindings in the store', () => {
    const { decider } = setup();
    expect(decider.evaluate(view).decision).toBe(true);
    expect(
      decider.evaluateBatch([view, { ...view, action: 'component:delete' }]),
    ).toEqual([
      expect.objectContaining({ decision: true }),
      { decision: false, reason: 'no matching policies found' },
    ]);
  });

  it('recompiles after a change of an authz kind', () => {
    const { decider, sink } = setup();
    const before = decider.policies();
    expect(decider.evaluate(view).decision).toBe(true);
    sink.applyChanges({ upserts: [binding('deny')] });
    expect(decider.policies()).not.toBe(before);
    expect(decider.evaluate(view).decision).toBe(false);
  });

  it('keeps its compilation across changes of other kinds', () => {
    const { decider, sink } = setup();
    const before = decider.policies();
    sink.applyChanges({
      upserts: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'acme' },
        } as ChoreoResource,
      ],
    });
    expect(decider.policies()).toBe(before);
  });

  it('stops following the store when closed', () => {
    const { decider, sink } = setup();
    decider.evaluate(view);
    decider.close();
    sink.applyChanges({ upserts: [binding('deny')] });
    expect(decider.evaluate(view).decision).toBe(true);
  });

  it('explains a decision', () => {
    const { decider } = setup();
    expect(decider.explain(view).values[0].matches[0]).toMatchObject({
      binding: { kind: 'ClusterAuthzRoleBinding', name: 'devs' },
      role: 'viewer',
      counts: true,
    });
  });

  it('evaluates conditions on the portal own actions with a registry that knows them', () => {
    const approving: ChoreoResource = {
      ...viewer,
      spec: { actions: ['component:view', 'releasebinding:approve'] },
    };
    const approve = (environment: string): AuthzEvaluateRequest => ({
      ...view,
      action: 'releasebinding:approve',
      context: { resource: { environment } },
    });
    const portal = setup({
      conditionRegistry: AuthzConditionRegistry.openchoreo().withActions({
        'releasebinding:approve': ['resource.environment'],
      }),
    });
    portal.sink.applyChanges({ upserts: [approving] });
    const plain = setup();
    plain.sink.applyChanges({ upserts: [approving] });

    expect(portal.decider.evaluate(approve('acme/dev')).decision).toBe(true);
    expect(portal.decider.evaluate(approve('acme/prod')).decision).toBe(false);
    // Without the registration the condition cannot read anything: it
    // errors, and an allow fails closed.
    expect(plain.decider.evaluate(approve('acme/dev')).decision).toBe(false);
  });
});
