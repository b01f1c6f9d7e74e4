import { CLUSTER_ROLE_DOMAIN, RoleGraph } from './roleGraph';

const graph = (rules: Array<[string, string, string?]>) => {
  const g = new RoleGraph();
  for (const [role, action, domain] of rules) {
    g.addAction(role, action, domain ?? CLUSTER_ROLE_DOMAIN);
  }
  return g;
};

describe('RoleGraph', () => {
  const g = graph([
    ['admin', '*'],
    ['viewer', 'component:view'],
    ['viewer', 'project:view'],
    ['compall', 'component:*'],
    ['inherits', 'viewer'],
    ['dev', 'namespace:delete', 'other'],
    ['dev', 'component:*', 'acme'],
  ]);

  it('grants exact actions and what a role pattern covers', () => {
    expect(g.grants('viewer', 'component:view', '*')).toBe(true);
    expect(g.grants('viewer', 'component:create', '*')).toBe(false);
    expect(g.grants('compall', 'component:create', '*')).toBe(true);
    expect(g.grants('compall', 'componentrelease:view', '*')).toBe(false);
    expect(g.grants('admin', 'anything:at-all', '*')).toBe(true);
  });

  it('grants a request pattern that covers one of the role actions', () => {
    expect(g.grants('viewer', 'project:*', '*')).toBe(true);
    expect(g.grants('viewer', 'secret:*', '*')).toBe(false);
    expect(g.grants('compall', 'component:*', '*')).toBe(true);
  });

  it('grants * and the role own name to any role, even a missing one', () => {
    expect(g.grants('viewer', '*', '*')).toBe(true);
    expect(g.grants('missing', '*', '*')).toBe(true);
    expect(g.grants('missing', 'missing', '*')).toBe(true);
    expect(g.grants('missing', 'component:view', '*')).toBe(false);
  });

  it('inherits through an action naming another role of the same domain', () => {
    expect(g.grants('inherits', 'component:view', '*')).toBe(true);
    expect(g.grants('inherits', 'component:create', '*')).toBe(false);
  });

  it('keeps domains apart', () => {
    expect(g.grants('dev', 'namespace:delete', 'acme')).toBe(false);
    expect(g.grants('dev', 'namespace:delete', 'other')).toBe(true);
    expect(g.grants('dev', 'component:view', 'unknown')).toBe(false);
  });

  it('follows at most ten links, like Casbin role managers', () => {
    // r0 → r1 → … → r<length> → last
    const chain = (length: number, last: string) => {
      const rules: Array<[string, string]> = [];
      for (let i = 0; i < length; i++) rules.push([`r${i}`, `r${i + 1}`]);
      rules.push([`r${length}`, last]);
      return graph(rules);
    };
    expect(chain(9, 'secret:view').grants('r0', 'secret:view', '*')).toBe(true);
    expect(chain(10, 'secret:view').grants('r0', 'secret:view', '*')).toBe(
      false,
    );
    expect(chain(9, 'secret:view').grants('r0', 'secret:*', '*')).toBe(true);
    expect(chain(10, 'secret:view').grants('r0', 'secret:*', '*')).toBe(false);
    // The request action is reached together with the pattern covering it.
    expect(chain(9, 'secret:*').grants('r0', 'secret:view', '*')).toBe(true);
    expect(chain(10, 'secret:*').grants('r0', 'secret:view', '*')).toBe(false);
  });

  it('answers again after more actions are added', () => {
    const h = graph([['r', 'a:view']]);
    expect(h.grants('r', 'b:view', '*')).toBe(false);
    h.addAction('r', 'b:view', '*');
    expect(h.grants('r', 'b:view', '*')).toBe(true);
    expect(h.actionsOf('r', '*')).toEqual(['a:view', 'b:view']);
  });
});
