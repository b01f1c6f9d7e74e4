import { actionMatch, roleNodeMatch } from './actionMatch';

describe('actionMatch', () => {
  it.each([
    ['component:view', 'component:view', true],
    ['component:view', '*', true],
    ['anything', '*', true],
    ['component:view', 'component:*', true],
    ['component:create', 'component:*', true],
    // Plain prefix on `<resource>:`, not on the resource name.
    ['componentrelease:view', 'component:*', false],
    ['component:', 'component:*', false],
    ['component:view', 'component:create', false],
    // A request pattern is covered only by a pattern at least as wide.
    ['component:*', 'component:view', false],
    ['component:*', 'component:*', true],
    ['*', 'component:*', false],
    ['a:b:c', 'a:b:*', true],
    ['a:b:c', 'a:*', true],
  ])('%s against %s: %s', (requested, pattern, expected) => {
    expect(actionMatch(requested, pattern)).toBe(expected);
  });
});

describe('roleNodeMatch', () => {
  it('matches action-like nodes as patterns', () => {
    expect(roleNodeMatch('project:view', 'project:*')).toBe(true);
    expect(roleNodeMatch('viewer', '*')).toBe(true);
  });

  it('compares role names exactly', () => {
    expect(roleNodeMatch('viewer', 'viewer')).toBe(true);
    expect(roleNodeMatch('viewer2', 'viewer')).toBe(false);
    // A colon-less name ending in * is not a pattern.
    expect(roleNodeMatch('viewer', 'view*')).toBe(false);
  });
});
