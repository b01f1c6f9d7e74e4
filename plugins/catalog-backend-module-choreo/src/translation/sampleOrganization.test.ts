import path from 'node:path';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ChoreoStore,
  DirectorySource,
} from '@choreo-for-backstage/plugin-choreo-node';
import { validateEntity } from '../__testUtils__/validateEntity';
import { translateSource } from './translationRoots';

const SAMPLE = path.resolve(__dirname, '../../../../examples/acme');

/** The bundled sample organization, as the app shows it out of the box. */
describe('the sample organization (examples/acme)', () => {
  it('translates into valid entities of every kind, with resolvable relations', async () => {
    const store = new ChoreoStore();
    const source = new DirectorySource({
      name: 'acme',
      path: SAMPLE,
      watch: false,
    });
    await source.start(store.sinkFor('acme', 'directory'));
    await source.stop();
    expect(store.sources()[0].problems).toEqual([]);

    const entities = translateSource({
      source: 'acme',
      reader: store,
      owners: [],
    });
    const refs = new Set(entities.map(e => stringifyEntityRef(e)));
    const byKind: Record<string, number> = {};
    for (const entity of entities) {
      byKind[entity.kind] = (byKind[entity.kind] ?? 0) + 1;
      await validateEntity(entity);
    }
    for (const kind of [
      'Domain',
      'System',
      'Component',
      'API',
      'Resource',
      'Template',
    ]) {
      expect(byKind[kind]).toBeGreaterThan(0);
    }

    // Relations between Choreo entities point at entities that exist.
    const dangling = entities.flatMap(entity =>
      [
        entity.spec?.system,
        entity.spec?.domain,
        ...((entity.spec?.providesApis as string[]) ?? []),
        ...((entity.spec?.consumesApis as string[]) ?? []),
        ...((entity.spec?.dependsOn as string[]) ?? []),
        ...((entity.spec?.dependencyOf as string[]) ?? []),
      ]
        .filter((ref): ref is string => typeof ref === 'string')
        .filter(ref => !refs.has(ref))
        .map(ref => `${stringifyEntityRef(entity)} -> ${ref}`),
    );
    expect(dangling).toEqual([]);

    // Managed resources are Resources of their project, used by their consumers.
    const managed = entities
      .filter(
        e => e.metadata.annotations?.['openchoreo.dev/kind'] === 'Resource',
      )
      .map(e => [e.metadata.name, e.spec?.type, e.spec?.system]);
    expect(managed.sort()).toEqual([
      ['orders-db-resource', 'postgres', 'system:acme/payments'],
      ['sessions-resource', 'valkey', 'system:acme/storefront'],
    ]);
    const dependsOn = (name: string) =>
      entities.find(e => e.kind === 'Component' && e.metadata.name === name)
        ?.spec?.dependsOn;
    expect(dependsOn('checkout-api')).toContain(
      'resource:acme/orders-db-resource',
    );
    expect(dependsOn('cart-service')).toContain(
      'resource:acme/sessions-resource',
    );
  });
});
