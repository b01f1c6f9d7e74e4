import {
  AuthzConditionRegistry,
  OPENCHOREO_CONDITION_ATTRIBUTES,
} from './conditionRegistry';

describe('AuthzConditionRegistry', () => {
  const registry = AuthzConditionRegistry.openchoreo();

  it('has OpenChoreo v1.2.3 table, looked up exactly', () => {
    expect(registry.attributesFor('releasebinding:create')).toEqual([
      'resource.environment',
    ]);
    expect(registry.attributesFor('component:update')).toEqual([
      'resource.componentType',
    ]);
    expect(registry.attributesFor('component:view')).toEqual([]);
    expect(registry.attributesFor('releasebinding:*')).toEqual([]);
    expect(registry.actions()).toHaveLength(
      Object.keys(OPENCHOREO_CONDITION_ATTRIBUTES).length,
    );
  });

  it('adds actions without changing the original', () => {
    const extended = registry.withActions({
      'releasebinding:approve': ['resource.environment'],
    });
    expect(extended.attributesFor('releasebinding:approve')).toEqual([
      'resource.environment',
    ]);
    expect(registry.attributesFor('releasebinding:approve')).toEqual([]);
  });

  it('accepts an OpenChoreo action registered again with the same attributes', () => {
    expect(
      registry
        .withActions({ 'logs:view': ['resource.environment'] })
        .attributesFor('logs:view'),
    ).toEqual(['resource.environment']);
  });

  it('refuses to change what an action already reads', () => {
    expect(() =>
      registry.withActions({ 'component:view': ['resource.componentType'] }),
    ).not.toThrow();
    expect(() =>
      registry.withActions({ 'component:create': ['resource.environment'] }),
    ).toThrow(/already lets conditions read resource.componentType/);
  });

  it('only takes resource.<name> attributes', () => {
    expect(() =>
      registry.withActions({ 'x:y': ['resource.a.b' as 'resource.a'] }),
    ).toThrow(/must be resource.<name>/);
  });
});
