import { explainAuthzRequest } from './explainDecision';
import { engineFor } from './__testUtils__/engineFor';
import { QUIRK_OBJECTS } from './__testUtils__/quirkCases';

const engine = engineFor(QUIRK_OBJECTS);
const crmC1 = { namespace: 'acme', project: 'crm', component: 'c1' };

describe('explainAuthzRequest', () => {
  it('names the binding and role that allowed, stopping at that value', () => {
    const explanation = explainAuthzRequest(engine, {
      subject: { claim: 'groups', values: ['nobody', 'devs', 'admins'] },
      action: 'component:delete',
      resource: { type: 'component', hierarchy: crmC1 },
    });
    expect(explanation.decision.decision).toBe(true);
    expect(explanation.path).toBe('ns/acme/project/crm/component/c1');
    expect(explanation.values).toEqual([
      { value: 'nobody', outcome: 'none', matches: [] },
      {
        value: 'devs',
        outcome: 'allow',
        matches: [
          {
            binding: {
              kind: 'AuthzRoleBinding',
              name: 'devs',
              namespace: 'acme',
            },
            role: 'dev',
            roleDomain: 'acme',
            effect: 'allow',
            path: 'ns/acme/project/crm',
            conditions: 'none',
            counts: true,
          },
        ],
      },
    ]);
  });

  it('shows the deny that outweighed an allow of the same value', () => {
    const explanation = explainAuthzRequest(engine, {
      subject: { claim: 'groups', values: ['admins'] },
      action: 'component:view',
      resource: {
        type: 'component',
        hierarchy: { namespace: 'acme', project: 'prod' },
      },
    });
    expect(explanation.decision.decision).toBe(false);
    expect(explanation.values[0].outcome).toBe('deny');
    expect(
      explanation.values[0].matches.map(m => [m.binding.name, m.effect]),
    ).toEqual([
      ['admins', 'allow'],
      ['deny-admins-prod', 'deny'],
    ]);
  });

  it('reports conditions that kept a policy out, with their errors', () => {
    const explanation = explainAuthzRequest(engine, {
      subject: { claim: 'groups', values: ['cond'] },
      action: 'component:view',
      resource: { type: 'component', hierarchy: crmC1 },
    });
    expect(explanation.values[0]).toEqual({
      value: 'cond',
      outcome: 'none',
      matches: [
        expect.objectContaining({
          binding: { kind: 'ClusterAuthzRoleBinding', name: 'cond' },
          conditions: 'error',
          conditionErrors: [expect.stringContaining('resource.componentType')],
          counts: false,
        }),
      ],
    });
  });
});
