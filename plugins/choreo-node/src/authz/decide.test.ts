import { InputError } from '@backstage/errors';
import { AuthzSubjectError, authzErrorStatus } from './authzErrors';
import { evaluateAuthzBatch, evaluateAuthzRequest } from './decide';
import { AuthzEvaluateRequest } from './types';
import { engineFor } from './__testUtils__/engineFor';
import { QUIRK_CASES, QUIRK_OBJECTS } from './__testUtils__/quirkCases';

const engine = engineFor(QUIRK_OBJECTS);

const request = (
  values: string[],
  extra: Partial<AuthzEvaluateRequest> = {},
): AuthzEvaluateRequest => ({
  subject: { type: 'user', claim: 'groups', values },
  action: 'component:view',
  resource: {
    type: 'component',
    hierarchy: { namespace: 'acme', project: 'crm', component: 'c1' },
  },
  ...extra,
});

describe('evaluateAuthzRequest', () => {
  // Every expectation here was checked against OpenChoreo v1.2.3's engine.
  it.each(QUIRK_CASES.map(c => [c.name, c] as const))('%s', (_, quirk) => {
    expect(evaluateAuthzRequest(engine, quirk.request).decision).toBe(
      quirk.decision,
    );
  });

  it('names the value that was allowed, the action and the path', () => {
    expect(evaluateAuthzRequest(engine, request(['nobody', 'devs']))).toEqual({
      decision: true,
      reason:
        "Access granted: entitlement value 'devs' authorized to perform 'component:view' on hierarchy 'ns/acme/project/crm/component/c1'",
    });
  });

  it('adds the resource id to the reason when there is one', () => {
    const withId = request(['admins'], {
      resource: {
        type: 'namespace',
        id: 'acme',
        hierarchy: { namespace: 'acme' },
      },
    });
    expect(evaluateAuthzRequest(engine, withId).reason).toBe(
      "Access granted: entitlement value 'admins' authorized to perform 'component:view' on hierarchy 'ns/acme' (id: acme)",
    );
  });

  it('gives the same reason for a deny as for no match', () => {
    expect(evaluateAuthzRequest(engine, request(['blocked']))).toEqual({
      decision: false,
      reason: 'no matching policies found',
    });
  });

  it('calls an empty hierarchy the cluster, *', () => {
    expect(
      evaluateAuthzRequest(
        engine,
        request(['admins'], { resource: { type: 'x' } }),
      ).reason,
    ).toContain("on hierarchy '*'");
  });
});

describe('evaluateAuthzBatch', () => {
  it('answers in request order', () => {
    expect(
      evaluateAuthzBatch(engine, [
        request(['admins']),
        request(['blocked']),
      ]).map(d => d.decision),
    ).toEqual([true, false]);
  });

  it.each([
    ['an empty batch', [] as AuthzEvaluateRequest[], /contains no requests/],
    [
      'an item without resource type',
      [request(['admins']), request(['admins'], { resource: { type: '' } })],
      /resource type is required at index 1/,
    ],
    [
      'an item without action',
      [request(['admins'], { action: '' })],
      /action is required at index 0/,
    ],
  ])(
    'rejects %s as invalid (400) before deciding anything',
    (_, batch, message) => {
      expect(() => evaluateAuthzBatch(engine, batch)).toThrow(InputError);
      expect(() => evaluateAuthzBatch(engine, batch)).toThrow(message);
    },
  );

  it('fails the batch (500) when the claim is empty', () => {
    const batch = [
      request(['admins'], { subject: { claim: '', values: ['admins'] } }),
    ];
    expect(() => evaluateAuthzBatch(engine, batch)).toThrow(AuthzSubjectError);
  });

  it('fails the batch (500) when an empty value has to be evaluated', () => {
    const batch = [request(['admins']), request(['nobody', ''])];
    expect(() => evaluateAuthzBatch(engine, batch)).toThrow(AuthzSubjectError);
  });

  it('never reaches an empty value after an allowed one', () => {
    expect(
      evaluateAuthzBatch(engine, [request(['admins', ''])])[0].decision,
    ).toBe(true);
  });

  it('denies an empty claim without values rather than failing', () => {
    expect(
      evaluateAuthzBatch(engine, [
        request([], { subject: { claim: '', values: [] } }),
      ])[0].decision,
    ).toBe(false);
  });

  it('checks the whole batch before evaluating, so 400 wins over 500', () => {
    const batch = [
      request(['admins'], { subject: { claim: '', values: ['admins'] } }),
      request(['admins'], { action: '' }),
    ];
    expect(() => evaluateAuthzBatch(engine, batch)).toThrow(InputError);
  });
});

describe('authzErrorStatus', () => {
  it('maps evaluation errors to openchoreo-api statuses', () => {
    expect(authzErrorStatus(new InputError('x'))).toBe(400);
    expect(authzErrorStatus(new AuthzSubjectError('x'))).toBe(500);
  });
});
