import { ConditionChecker } from './celConditions';
import { AuthzConditionRegistry } from './conditionRegistry';

const checker = new ConditionChecker(AuthzConditionRegistry.openchoreo());
const env = (environment?: string) => ({
  resource: environment === undefined ? {} : { environment },
});
const onDev = {
  actions: ['releasebinding:create', 'releasebinding:update'],
  expression: 'resource.environment in ["acme/dev"]',
};
const onStaging = {
  actions: ['releasebinding:create'],
  expression: 'resource.environment == "acme/staging"',
};

describe('ConditionChecker', () => {
  it('holds without conditions', () => {
    expect(checker.check([], 'component:view', undefined, 'allow')).toEqual({
      holds: true,
      outcome: 'none',
    });
  });

  it('holds when no entry names the action (exactly or by pattern)', () => {
    expect(
      checker.check([onDev], 'releasebinding:delete', env('x'), 'allow'),
    ).toEqual({ holds: true, outcome: 'not-targeted' });
    expect(
      checker.check(
        [{ actions: ['releasebinding:*'], expression: 'false' }],
        'releasebinding:delete',
        env('x'),
        'allow',
      ),
    ).toEqual({ holds: false, outcome: 'false' });
    expect(
      checker.check(
        [{ actions: ['*'], expression: 'false' }],
        'project:view',
        undefined,
        'deny',
      ),
    ).toEqual({ holds: false, outcome: 'false' });
  });

  it('ORs the entries that name the action', () => {
    const entries = [onDev, onStaging];
    expect(
      checker.check(
        entries,
        'releasebinding:create',
        env('acme/staging'),
        'allow',
      ).holds,
    ).toBe(true);
    expect(
      checker.check(
        entries,
        'releasebinding:update',
        env('acme/staging'),
        'allow',
      ).holds,
    ).toBe(false);
  });

  it('reads a missing attribute as the empty string', () => {
    expect(
      checker.check(
        [
          {
            actions: ['releasebinding:view'],
            expression: 'resource.environment == ""',
          },
        ],
        'releasebinding:view',
        undefined,
        'allow',
      ),
    ).toEqual({ holds: true, outcome: 'true' });
  });

  it('fails closed on an error: an allow does not hold, a deny does', () => {
    const broken = [
      {
        actions: ['component:*'],
        expression: 'resource.componentType == "web"',
      },
    ];
    // component:view has no attributes, so `resource` does not exist for it.
    const allow = checker.check(broken, 'component:view', undefined, 'allow');
    const deny = checker.check(broken, 'component:view', undefined, 'deny');
    expect(allow).toMatchObject({ holds: false, outcome: 'error' });
    expect(deny).toMatchObject({ holds: true, outcome: 'error' });
    expect(allow.errors).toEqual([
      expect.stringContaining('resource.componentType == "web"'),
    ]);
  });

  it('lets an error outweigh a sibling entry that is true', () => {
    expect(
      checker.check(
        [
          { actions: ['releasebinding:create'], expression: 'true' },
          { actions: ['releasebinding:create'], expression: '"not a bool"' },
        ],
        'releasebinding:create',
        env('acme/dev'),
        'allow',
      ),
    ).toMatchObject({ holds: false, outcome: 'error' });
  });

  it('shows only the attributes registered for exactly this action', () => {
    const onWorkflow = [
      { actions: ['workflowrun:*'], expression: 'resource.environment == ""' },
    ];
    // workflowrun:create registers resource.workflow only.
    expect(
      checker.check(
        onWorkflow,
        'workflowrun:create',
        { resource: { environment: '', workflow: 'x' } },
        'allow',
      ).outcome,
    ).toBe('error');
    expect(
      checker.check(
        [{ actions: ['workflowrun:*'], expression: 'has(resource.workflow)' }],
        'workflowrun:create',
        undefined,
        'allow',
      ),
    ).toEqual({ holds: true, outcome: 'true' });
  });

  it('reads the portal own actions from an extended registry', () => {
    const portal = new ConditionChecker(
      AuthzConditionRegistry.openchoreo().withActions({
        'releasebinding:approve': ['resource.environment'],
      }),
    );
    const prodOnly = [
      {
        actions: ['releasebinding:approve'],
        expression: 'resource.environment == "acme/prod"',
      },
    ];
    expect(
      portal.check(
        prodOnly,
        'releasebinding:approve',
        env('acme/prod'),
        'allow',
      ).holds,
    ).toBe(true);
    expect(
      checker.check(
        prodOnly,
        'releasebinding:approve',
        env('acme/prod'),
        'allow',
      ).outcome,
    ).toBe('error');
  });
});
