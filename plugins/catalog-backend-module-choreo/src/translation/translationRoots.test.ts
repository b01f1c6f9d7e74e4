import { stringifyEntityRef } from '@backstage/catalog-model';
import { organization } from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { validateEntity } from '../__testUtils__/validateEntity';
import { listRoots, translateRoot, translateSource } from './translationRoots';

describe('translating a whole source', () => {
  const ctx = contextFor(organization());
  const entities = translateSource(ctx);
  const refs = entities.map(e => stringifyEntityRef(e));

  it('yields every kind of entity the catalog should show, each once', () => {
    const byKind: Record<string, number> = {};
    for (const entity of entities) {
      byKind[entity.kind] = (byKind[entity.kind] ?? 0) + 1;
    }
    expect(byKind).toEqual({
      Domain: 1,
      Group: 1, // acme-team: nobody configured an owner for the namespace
      System: 2,
      Component: 4,
      API: 3,
      Resource: 6, // 3 environments, 1 pipeline, 1 data plane, 1 workflow plane
      Template: 3,
    });
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('produces only entities the catalog and the scaffolder accept', async () => {
    for (const entity of entities) {
      await expect(validateEntity(entity)).resolves.toBeUndefined();
    }
  });

  it('marks every entity as managed by the source, so the catalog can track it', () => {
    for (const entity of entities) {
      expect(entity.metadata.annotations).toMatchObject({
        'backstage.io/managed-by-location': 'choreo:acme',
        'backstage.io/managed-by-origin-location': 'choreo:acme',
      });
    }
  });

  it('gives nothing for resources of another source', () => {
    const other = { ...ctx, source: 'prod-cp' };
    expect(translateRoot(other, 'Component:acme/orders-api')).toEqual([]);
    expect(listRoots(other)).toEqual(['@cluster']);
    expect(translateSource(other)).toEqual([]);
  });
});
