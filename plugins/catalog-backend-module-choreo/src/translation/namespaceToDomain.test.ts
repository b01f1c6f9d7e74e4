import { namespace, organization } from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { translateRoot } from './translationRoots';

describe('namespaceToDomain', () => {
  it('makes the organization a Domain named after its namespace, with its display name', () => {
    const [domain, group] = translateRoot(
      contextFor(organization()),
      '@namespace:acme',
    );
    expect(domain).toMatchObject({
      kind: 'Domain',
      metadata: {
        name: 'acme',
        namespace: 'acme',
        title: 'Acme Corp',
        description: 'Acme runs an online shop',
      },
      spec: { owner: 'group:acme/acme-team' },
    });
    // Without a configured owner, a group of the namespace owns it and says how to fix that.
    expect(group).toMatchObject({
      kind: 'Group',
      metadata: { name: 'acme-team', namespace: 'acme' },
      spec: { type: 'team', children: [] },
    });
    expect(group.metadata.description).toContain('choreo.catalog.owners');
  });

  it('emits no group when the namespace has an owner', () => {
    const resources = [
      ...organization().filter(r => r.kind !== 'Namespace'),
      namespace('acme', { 'backstage.io/owner': 'acme-platform' }),
    ];
    const entities = translateRoot(contextFor(resources), '@namespace:acme');
    expect(entities.map(e => e.kind)).toEqual(['Domain']);
    expect(entities[0].spec?.owner).toBe('group:default/acme-platform');
  });

  it('has a Domain even when the source has no Namespace object, and none for an empty namespace', () => {
    const withoutNamespace = contextFor(
      organization().filter(r => r.kind !== 'Namespace'),
    );
    expect(translateRoot(withoutNamespace, '@namespace:acme')[0]).toMatchObject(
      { kind: 'Domain', metadata: { name: 'acme' } },
    );
    expect(translateRoot(withoutNamespace, '@namespace:other')).toEqual([]);
  });
});
